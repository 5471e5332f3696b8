import { DynamicModule, Inject, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import Database from 'better-sqlite3';
import { LoggerModule } from 'nestjs-pino';
import { AffiliatePartyHandler } from './application/commands/affiliate-party.command';
import { ChangeClaimHandler } from './application/commands/change-claim.command';
import { DiscreditPartyHandler } from './application/commands/discredit-party.command';
import { EndPartyAffiliationHandler } from './application/commands/end-party-affiliation.command';
import { MergePartyHandler } from './application/commands/merge-party.command';
import { OpenStorylineHandler } from './application/commands/open-storyline.command';
import { RecordClaimHandler } from './application/commands/record-claim.command';
import { RegisterPartyHandler } from './application/commands/register-party.command';
import { ReinstatePartyHandler } from './application/commands/reinstate-party.command';
import { RevisePartyHandler } from './application/commands/revise-party.command';
import { ReviseStorylineHandler } from './application/commands/revise-storyline.command';
import { StreamWriter } from './application/commands/stream-writer';
import { PROJECTION_CONTROL, ProjectionControl, ProjectionRunner } from './application/projections/projection-runner';
import {
  PROJECTIONS,
  PROJECTION_TRANSACTION,
  Projection,
  ProjectionTransaction,
} from './application/projections/projection';
import { SqliteProjection } from './infrastructure/read-models/sqlite-projection';
import {
  WorkerProjectionRunner,
  projectionWorkerAvailable,
} from './infrastructure/read-models/worker/worker-projection-runner';
import { GetClaimReviewHandler } from './application/queries/claim-review.query';
import { TimeTravel } from './application/queries/time-travel';
import { GetClaimHandler, SearchClaimsHandler } from './application/queries/claim.queries';
import { GetClaimHistoryHandler, ListEventsHandler } from './application/queries/event-log.queries';
import {
  GetStorylineHandler,
  GetTimelineHandler,
  ListStorylinesHandler,
} from './application/queries/storyline.queries';
import { CONFIG, Config } from './config/config';
import { EVENT_STORE, EventStore } from './application/ports/event-store.port';
import { ApiKeyGuard } from './infrastructure/http/auth/api-key.guard';
import { ClaimsController } from './infrastructure/http/controllers/claims.controller';
import { EventsController } from './infrastructure/http/controllers/events.controller';
import { HealthController } from './infrastructure/http/controllers/health.controller';
import { LiveEventsController } from './infrastructure/http/controllers/live-events.controller';
import { PartiesController } from './infrastructure/http/controllers/parties.controller';
import { ProjectionsController } from './infrastructure/http/controllers/projections.controller';
import { StorylinesController } from './infrastructure/http/controllers/storylines.controller';
import { IdempotencyInterceptor } from './infrastructure/http/idempotency/idempotency.interceptor';
import { IdempotencyStore } from './infrastructure/http/idempotency/idempotency.store';
import { LiveFeed } from './infrastructure/http/live/live-feed';
import { MinPositionInterceptor } from './infrastructure/http/min-position.interceptor';
import { ProblemFilter } from './infrastructure/http/problem/problem.filter';
import { StrictValidationPipe } from './infrastructure/http/validation.pipe';
import { READ_MODEL_DATABASE } from './infrastructure/read-models/read-model-database';
import { ReadModelsModule } from './infrastructure/read-models/read-models.module';
import { markReadModelsServed } from './infrastructure/read-models/read-models-server-mark';

const REQUEST_LOGGING_LEVELS: Config['logLevel'][] = ['debug', 'trace'];
const COMMAND_HANDLERS = [OpenStorylineHandler, ReviseStorylineHandler, RecordClaimHandler, ChangeClaimHandler];
const PARTY_COMMAND_HANDLERS = [
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
  GetClaimHistoryHandler,
  ListEventsHandler,
  GetStorylineHandler,
  ListStorylinesHandler,
  GetTimelineHandler,
];

/** Starts the projections once everything is wired, and closes storage in order on shutdown. */
class Lifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private servedMark: { release(): void } | undefined;

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    @Inject(PROJECTION_CONTROL) private readonly runner: ProjectionControl,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DATABASE) private readonly readModels: Database.Database,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.servedMark = markReadModelsServed(this.config.readModelPath);
    await this.runner.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runner.stop();
    await this.store.close();
    this.readModels.close();
    this.servedMark?.release();
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
        PartiesController,
        EventsController,
        LiveEventsController,
        HealthController,
        ProjectionsController,
      ],
      providers: [
        { provide: CONFIG, useValue: config },
        { provide: EVENT_STORE, useValue: eventStore },
        StreamWriter,
        TimeTravel,
        {
          provide: PROJECTION_CONTROL,
          inject: [EVENT_STORE, PROJECTIONS, PROJECTION_TRANSACTION],
          useFactory: (store: EventStore, projections: Projection[], transaction: ProjectionTransaction) =>
            config.workerThreads && projectionWorkerAvailable()
              ? new WorkerProjectionRunner(config, store, projections as SqliteProjection[])
              : new ProjectionRunner(store, projections, transaction),
        },
        IdempotencyStore,
        LiveFeed,
        Lifecycle,
        ...COMMAND_HANDLERS,
        ...PARTY_COMMAND_HANDLERS,
        ...QUERY_HANDLERS,
        { provide: APP_GUARD, useClass: ApiKeyGuard },
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: APP_PIPE, useClass: StrictValidationPipe },
        { provide: APP_INTERCEPTOR, useClass: MinPositionInterceptor },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
    };
  }
}
