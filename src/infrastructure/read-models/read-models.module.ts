import { DynamicModule, Module } from '@nestjs/common';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECTIONS, PROJECTION_TRANSACTION } from '../../application/projections/projection';
import {
  CLAIM_READ_MODEL,
  STORYLINE_READ_MODEL,
  TIMELINE_READ_MODEL,
} from '../../application/queries/read-models.port';
import { Config } from '../../config/config';
import { READ_MODEL_DATABASE, openReadModelDatabase, readModelTransaction } from './read-model-database';
import { SqliteClaimsProjection } from './sqlite-claims.projection';
import { SqliteStorylinesProjection } from './sqlite-storylines.projection';
import { SqliteTimelineProjection } from './sqlite-timeline.projection';

/** Every read model, in the order the runner feeds them. */
export function createProjections(db: Database.Database) {
  return [
    new SqliteClaimsProjection(db),
    new SqliteStorylinesProjection(db),
    new SqliteTimelineProjection(db),
  ] as const;
}

/** The SQLite read models: each is both a projection (written by the runner) and a query port. */
@Module({})
export class ReadModelsModule {
  static register(config: Config): DynamicModule {
    const ALL = Symbol('ALL_READ_MODELS');
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
        { provide: ALL, inject: [READ_MODEL_DATABASE], useFactory: createProjections },
        { provide: PROJECTION_TRANSACTION, inject: [READ_MODEL_DATABASE], useFactory: readModelTransaction },
        {
          provide: CLAIM_READ_MODEL,
          inject: [ALL],
          useFactory: ([claims]: ReturnType<typeof createProjections>) => claims,
        },
        {
          provide: STORYLINE_READ_MODEL,
          inject: [ALL],
          useFactory: ([, storylines]: ReturnType<typeof createProjections>) => storylines,
        },
        {
          provide: TIMELINE_READ_MODEL,
          inject: [ALL],
          useFactory: ([, , timeline]: ReturnType<typeof createProjections>) => timeline,
        },
        { provide: PROJECTIONS, inject: [ALL], useFactory: (all: ReturnType<typeof createProjections>) => [...all] },
      ],
      exports: [
        READ_MODEL_DATABASE,
        PROJECTIONS,
        PROJECTION_TRANSACTION,
        CLAIM_READ_MODEL,
        STORYLINE_READ_MODEL,
        TIMELINE_READ_MODEL,
      ],
    };
  }
}
