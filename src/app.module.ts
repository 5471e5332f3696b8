import { DynamicModule, Inject, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE, HttpAdapterHost } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { LoggerModule } from 'nestjs-pino';
import { AffiliatePartyHandler } from './application/commands/affiliate-party.command';
import { ChangeClaimHandler } from './application/commands/change-claim.command';
import { RelateClaimsHandler } from './application/commands/relate-claims.command';
import { DiscreditPartyHandler } from './application/commands/discredit-party.command';
import { EndPartyAffiliationHandler } from './application/commands/end-party-affiliation.command';
import { MergePartyHandler } from './application/commands/merge-party.command';
import { OpenStorylineHandler } from './application/commands/open-storyline.command';
import { ImportClaimReviewsHandler } from './application/commands/import-claim-reviews.command';
import { RecordClaimHandler } from './application/commands/record-claim.command';
import { RegistryTurns } from './application/commands/registry-turns';
import { RegisterPartyHandler } from './application/commands/register-party.command';
import { ReinstatePartyHandler } from './application/commands/reinstate-party.command';
import { RevisePartyHandler } from './application/commands/revise-party.command';
import { ReviseStorylineHandler } from './application/commands/revise-storyline.command';
import { NameStakeholderHandler } from './application/commands/name-stakeholder.command';
import { RemoveStakeholderHandler } from './application/commands/remove-stakeholder.command';
import { StreamWriter } from './application/commands/stream-writer';
import { PROJECTION_CONTROL, ProjectionControl } from './application/read-models/runtime/projection-control';
import { ProjectionWorkerClient } from './infrastructure/read-models/worker/projection-worker-client';
import { ReadModelReader } from './infrastructure/read-models/read-model-reader';
import { ListClaimReviewsHandler } from './application/queries/claim-review-feed.query';
import { GetClaimReviewHandler } from './application/queries/claim-review.query';
import { RegistryHistory } from './application/queries/registry-history';
import { TimeTravel } from './application/queries/time-travel';
import { GetChangesHandler } from './application/queries/changes/changes.query';
import { ClaimsTouchedElsewhere } from './application/queries/changes/claims-touched-elsewhere';
import { ExtractClaimsHandler } from './application/queries/capture/extract-claims.query';
import { GetClaimHandler, SearchClaimsHandler } from './application/read-models/claims/claim.queries';
import { GetPartyClaimsHandler } from './application/read-models/parties/get-party-claims.query';
import { GetPartyHandler } from './application/read-models/parties/get-party.query';
import { ListPartiesHandler } from './application/read-models/parties/list-parties.query';
import { ListUnregisteredNamesHandler } from './application/read-models/parties/list-unregistered-names.query';
import { GetClaimHistoryHandler, ListEventsHandler } from './application/queries/event-log.queries';
import {
  GetStorylineClaimsHandler,
  GetStorylineHandler,
  GetTimelineHandler,
  ListStorylinesHandler,
} from './application/read-models/storylines/storyline.queries';
import { CLAIM_READ_MODEL, STORYLINE_READ_MODEL, TIMELINE_READ_MODEL } from './application/queries/read-models.port';
import { CLAIM_STORE, ClaimStore } from './application/read-models/claims/claim-store.port';
import { ClaimViews } from './application/read-models/claims/claim-views';
import { STORYLINE_STORE, StorylineStore } from './application/read-models/storylines/storyline-store.port';
import { StorylineViews } from './application/read-models/storylines/storyline-views';
import { TIMELINE_STORE, TimelineStore } from './application/read-models/timeline/timeline-store.port';
import { TimelineViews } from './application/read-models/timeline/timeline-views';
import { CONFIG, Config } from './config/config';
import { DeskCalendar } from './domain/desk-calendar';
import { EVENT_STORE, EventStore } from './application/ports/event-store.port';
import { ApiKeyGuard } from './infrastructure/http/auth/api-key.guard';
import { ClaimReviewsController } from './infrastructure/http/controllers/claim-reviews.controller';
import { ChangesController } from './infrastructure/http/controllers/changes.controller';
import { ClaimsController } from './infrastructure/http/controllers/claims.controller';
import { ClaimRelationsController } from './infrastructure/http/controllers/claim-relations.controller';
import { ExtractionsController } from './infrastructure/http/controllers/extractions.controller';
import { EventsController } from './infrastructure/http/controllers/events.controller';
import { HealthController } from './infrastructure/http/controllers/health.controller';
import { LiveEventsController } from './infrastructure/http/controllers/live-events.controller';
import { PartiesController } from './infrastructure/http/controllers/parties.controller';
import { ProjectionsController } from './infrastructure/http/controllers/projections.controller';
import { StorylinesController } from './infrastructure/http/controllers/storylines.controller';
import { IdempotencyInterceptor } from './infrastructure/http/idempotency/idempotency.interceptor';
import { LiveFeed } from './infrastructure/http/live/live-feed';
import { MinPositionGuard } from './infrastructure/http/min-position.guard';
import { ProblemFilter } from './infrastructure/http/problem/problem.filter';
import { StrictValidationPipe } from './infrastructure/http/validation.pipe';
import { RateLimits } from './infrastructure/http/security/rate-limits';
import { ReadModelsModule } from './infrastructure/read-models/read-models.module';
import { WebhookDispatcher } from './application/webhooks/webhook-dispatcher';
import { WebhooksController } from './infrastructure/http/controllers/webhooks.controller';
import { webhookProviders } from './infrastructure/webhooks/webhook-providers';

const REQUEST_LOGGING_LEVELS: Config['logLevel'][] = ['debug', 'trace'];
const COMMAND_HANDLERS = [
  OpenStorylineHandler,
  ReviseStorylineHandler,
  NameStakeholderHandler,
  RemoveStakeholderHandler,
  RecordClaimHandler,
  ChangeClaimHandler,
  RelateClaimsHandler,
  ImportClaimReviewsHandler,
  RegisterPartyHandler,
  RevisePartyHandler,
  AffiliatePartyHandler,
  EndPartyAffiliationHandler,
  MergePartyHandler,
  DiscreditPartyHandler,
  ReinstatePartyHandler,
];
const QUERY_HANDLERS = [
  GetClaimHandler,
  SearchClaimsHandler,
  GetClaimReviewHandler,
  ListClaimReviewsHandler,
  GetClaimHistoryHandler,
  ListEventsHandler,
  GetStorylineHandler,
  GetStorylineClaimsHandler,
  ListStorylinesHandler,
  GetTimelineHandler,
  GetChangesHandler,
  ListPartiesHandler,
  ListUnregisteredNamesHandler,
  GetPartyHandler,
  GetPartyClaimsHandler,
  ExtractClaimsHandler,
];

/** Starts the projections and the webhook deliveries once everything is wired, and closes them and the store in order on shutdown. */
class Lifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(PROJECTION_CONTROL) private readonly projections: ProjectionControl,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(WebhookDispatcher) private readonly webhooks: WebhookDispatcher,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.projections.start();
    await this.webhooks.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.webhooks.stop();
    await this.projections.stop();
    await this.store.close();
  }
}

@Module({})
export class AppModule {
  static register(config: Config, eventStore: EventStore): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CqrsModule.forRoot(),
        ReadModelsModule.register(config),
        LoggerModule.forRoot({
          pinoHttp: { level: config.logLevel, autoLogging: false, quietReqLogger: true },
          // A per-request child logger costs ~2% of a write's CPU; only debug and trace use it.
          ...(REQUEST_LOGGING_LEVELS.includes(config.logLevel) ? {} : { forRoutes: [] }),
        }),
      ],
      controllers: [
        StorylinesController,
        ClaimsController,
        ClaimRelationsController,
        ClaimReviewsController,
        PartiesController,
        EventsController,
        LiveEventsController,
        HealthController,
        ProjectionsController,
        WebhooksController,
        ChangesController,
        ExtractionsController,
      ],
      providers: [
        { provide: CONFIG, useValue: config },
        { provide: EVENT_STORE, useValue: eventStore },
        StreamWriter,
        RegistryTurns,
        { provide: CLAIM_READ_MODEL, inject: [CLAIM_STORE], useFactory: (store: ClaimStore) => new ClaimViews(store) },
        {
          provide: STORYLINE_READ_MODEL,
          inject: [STORYLINE_STORE],
          useFactory: (store: StorylineStore) => new StorylineViews(store),
        },
        {
          provide: TIMELINE_READ_MODEL,
          inject: [TIMELINE_STORE],
          useFactory: (store: TimelineStore) => new TimelineViews(store),
        },
        TimeTravel,
        { provide: DeskCalendar, useValue: new DeskCalendar(config.deskTimeZone) },
        RegistryHistory,
        ClaimsTouchedElsewhere,
        {
          provide: PROJECTION_CONTROL,
          inject: [EVENT_STORE, ReadModelReader],
          useFactory: (store: EventStore, reader: ReadModelReader) => new ProjectionWorkerClient(config, store, reader),
        },
        LiveFeed,
        {
          provide: RateLimits,
          inject: [HttpAdapterHost],
          useFactory: (host: HttpAdapterHost) => new RateLimits(host.httpAdapter.getInstance(), config),
        },
        Lifecycle,
        ...webhookProviders(config),
        ...COMMAND_HANDLERS,
        ...QUERY_HANDLERS,
        // In this order: who asks first, then whether the read they ask for can be answered yet.
        { provide: APP_GUARD, useClass: ApiKeyGuard },
        { provide: APP_GUARD, useClass: MinPositionGuard },
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: APP_PIPE, useClass: StrictValidationPipe },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
    };
  }
}
