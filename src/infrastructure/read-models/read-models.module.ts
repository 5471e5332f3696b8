import { DynamicModule, Module } from '@nestjs/common';
import {
  CLAIM_READ_MODEL,
  PARTY_READ_MODEL,
  STORYLINE_READ_MODEL,
  TIMELINE_READ_MODEL,
} from '../../application/queries/read-models.port';
import { Config } from '../../config/config';
import { ClaimQueries } from './claims/claim.queries';
import { PartyQueries } from './parties/party.queries';
import { ReadModelReader } from './read-model-reader';
import { StorylineQueries } from './storylines/storyline.queries';
import { TimelineQueries } from './timeline/timeline.queries';

/** The read side as the HTTP thread sees it: plain queries on the read-model file that the projection worker writes. */
@Module({})
export class ReadModelsModule {
  static register(config: Config): DynamicModule {
    return {
      module: ReadModelsModule,
      global: true,
      providers: [
        { provide: ReadModelReader, useFactory: () => new ReadModelReader(config.readModelPath) },
        {
          provide: CLAIM_READ_MODEL,
          inject: [ReadModelReader],
          useFactory: (reader: ReadModelReader) => new ClaimQueries(reader),
        },
        {
          provide: STORYLINE_READ_MODEL,
          inject: [ReadModelReader],
          useFactory: (reader: ReadModelReader) => new StorylineQueries(reader),
        },
        {
          provide: TIMELINE_READ_MODEL,
          inject: [ReadModelReader],
          useFactory: (reader: ReadModelReader) => new TimelineQueries(reader),
        },
        {
          provide: PARTY_READ_MODEL,
          inject: [ReadModelReader],
          useFactory: (reader: ReadModelReader) => new PartyQueries(reader),
        },
      ],
      exports: [ReadModelReader, CLAIM_READ_MODEL, STORYLINE_READ_MODEL, TIMELINE_READ_MODEL, PARTY_READ_MODEL],
    };
  }
}
