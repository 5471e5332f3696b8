import { DynamicModule, Module } from '@nestjs/common';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECTIONS } from '../../application/projections/projection';
import {
  CLAIM_READ_MODEL,
  STORYLINE_READ_MODEL,
  TIMELINE_READ_MODEL,
} from '../../application/queries/read-models.port';
import { Config } from '../../config/config';
import { READ_MODEL_DATABASE, openReadModelDatabase } from './read-model-database';
import { SqliteClaimsProjection } from './sqlite-claims.projection';
import { SqliteStorylinesProjection } from './sqlite-storylines.projection';
import { SqliteTimelineProjection } from './sqlite-timeline.projection';
import Database from 'better-sqlite3';

/** The SQLite read models: each is both a projection (written by the runner) and a query port. */
@Module({})
export class ReadModelsModule {
  static register(config: Config): DynamicModule {
    const tokens = [CLAIM_READ_MODEL, STORYLINE_READ_MODEL, TIMELINE_READ_MODEL];
    return {
      module: ReadModelsModule,
      global: true,
      providers: [
        {
          provide: READ_MODEL_DATABASE,
          useFactory: () => {
            fs.mkdirSync(path.dirname(path.resolve(config.readModelPath)), { recursive: true });
            return openReadModelDatabase(config.readModelPath);
          },
        },
        {
          provide: CLAIM_READ_MODEL,
          inject: [READ_MODEL_DATABASE],
          useFactory: (db: Database.Database) => new SqliteClaimsProjection(db),
        },
        {
          provide: STORYLINE_READ_MODEL,
          inject: [READ_MODEL_DATABASE],
          useFactory: (db: Database.Database) => new SqliteStorylinesProjection(db),
        },
        {
          provide: TIMELINE_READ_MODEL,
          inject: [READ_MODEL_DATABASE],
          useFactory: (db: Database.Database) => new SqliteTimelineProjection(db),
        },
        { provide: PROJECTIONS, inject: tokens, useFactory: (...projections: unknown[]) => projections },
      ],
      exports: [READ_MODEL_DATABASE, PROJECTIONS, ...tokens],
    };
  }
}
