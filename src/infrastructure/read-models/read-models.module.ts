import { DynamicModule, Module } from '@nestjs/common';
import { PARTY_READ_MODEL } from '../../application/queries/read-models.port';
import { CLAIM_STORE } from '../../application/read-models/claims/claim-store.port';
import { STORYLINE_STORE } from '../../application/read-models/storylines/storyline-store.port';
import { TIMELINE_STORE } from '../../application/read-models/timeline/timeline-store.port';
import { Config } from '../../config/config';
import { ClaimQueries } from './claims/claim.queries';
import { PartyQueries } from './parties/party.queries';
import { ReadModelReader } from './read-model-reader';
import { StorylineQueries } from './storylines/storyline.queries';
import { TimelineQueries } from './timeline/timeline.queries';

/**
 * The read side's storage as the HTTP thread sees it: plain queries on the read-model file that the
 * projection worker writes (the claims', storylines' and timeline's views are built from them, see app.module.ts).
 */
@Module({})
export class ReadModelsModule {
  static register(config: Config): DynamicModule {
    return {
      module: ReadModelsModule,
      global: true,
      providers: [
        { provide: ReadModelReader, useFactory: () => new ReadModelReader(config.readModelPath) },
        {
          provide: CLAIM_STORE,
          inject: [ReadModelReader],
          useFactory: (reader: ReadModelReader) => new ClaimQueries(reader),
        },
        {
          provide: STORYLINE_STORE,
          inject: [ReadModelReader],
          useFactory: (reader: ReadModelReader) => new StorylineQueries(reader),
        },
        {
          provide: TIMELINE_STORE,
          inject: [ReadModelReader],
          useFactory: (reader: ReadModelReader) => new TimelineQueries(reader),
        },
        {
          provide: PARTY_READ_MODEL,
          inject: [ReadModelReader],
          useFactory: (reader: ReadModelReader) => new PartyQueries(reader),
        },
      ],
      exports: [ReadModelReader, CLAIM_STORE, STORYLINE_STORE, TIMELINE_STORE, PARTY_READ_MODEL],
    };
  }
}
