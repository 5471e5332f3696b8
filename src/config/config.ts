import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_RATING_SCALE, RatingScale, ratingScaleSchema } from '../application/claim-reviews/rating-scale';
import { ApiKey, parseApiKeys } from './api-keys';

export const CONFIG = Symbol('CONFIG');

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const environmentSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    EVENT_STORE: z.enum(['sqlite', 'kurrentdb']).default('sqlite'),
    SQLITE_PATH: z.string().min(1).default('./data/factline.db'),
    READ_MODEL_PATH: z.string().min(1).optional(),
    KURRENTDB_CONNECTION_STRING: z
      .string()
      .regex(/^(kurrentdb|kurrent|kdb|esdb)(\+discover)?:\/\//, 'must start with kurrentdb:// (or esdb://)')
      .optional(),
    API_KEYS: z.string().optional(),
    LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
    NEWSROOM_NAME: z.string().trim().min(1).default('Factline desk'),
    NEWSROOM_URL: z
      .string()
      .regex(/^https?:\/\/[^\s/?#]+[^\s]*$/i, 'must be an http(s) URL, e.g. https://factcheck.example.org')
      .refine((value) => URL.canParse(value), 'must be an http(s) URL, e.g. https://factcheck.example.org')
      .optional(),
    NEWSROOM_RATING_SCALE: z.string().optional(),
    LIVE_HEARTBEAT_MS: z.coerce.number().int().min(10).max(300_000).default(15_000),
    WORKER_THREADS: z.enum(['true', 'false']).default('true'),
  })
  .refine((env) => env.EVENT_STORE !== 'kurrentdb' || env.KURRENTDB_CONNECTION_STRING !== undefined, {
    path: ['KURRENTDB_CONNECTION_STRING'],
    message: 'is required when EVENT_STORE=kurrentdb',
  });

export interface Config {
  port: number;
  host: string;
  eventStore: 'sqlite' | 'kurrentdb';
  sqlitePath: string;
  /** Read models and their checkpoints: always SQLite, beside the event store's file by default. */
  readModelPath: string;
  kurrentdbConnectionString?: string;
  apiKeys: ApiKey[];
  logLevel: (typeof LOG_LEVELS)[number];
  newsroomName: string;
  /** The newsroom's site: ClaimReview's author url, and the base of each review's stable @id. */
  newsroomUrl?: string;
  ratingScale: RatingScale;
  /** How often an idle `GET /v1/events/live` stream gets a comment line, so proxies keep it open. */
  liveHeartbeatMs: number;
  /** Projections and the event store's commits run on worker threads (built code only), off the HTTP event loop. */
  workerThreads: boolean;
}

/** A bad value stops start-up with one line that names the variable. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super(`${variable} ${reason}`);
    this.name = 'ConfigError';
  }
}

function defaultReadModelPath(sqlitePath: string): string {
  const parsed = path.parse(sqlitePath);
  return path.join(parsed.dir, `${parsed.name}.read-models${parsed.ext || '.db'}`);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue.path[0] ?? 'environment');
    const value = env[variable];
    throw new ConfigError(variable, `${issue.message}${value !== undefined ? ` (got "${value}")` : ''}`);
  }
  const values = parsed.data;
  let apiKeys: ApiKey[];
  try {
    apiKeys = parseApiKeys(values.API_KEYS);
  } catch (error) {
    throw new ConfigError('API_KEYS', (error as Error).message);
  }
  return {
    ratingScale: parseRatingScale(values.NEWSROOM_RATING_SCALE),
    port: values.PORT,
    host: values.HOST,
    eventStore: values.EVENT_STORE,
    sqlitePath: values.SQLITE_PATH,
    readModelPath: values.READ_MODEL_PATH ?? defaultReadModelPath(values.SQLITE_PATH),
    kurrentdbConnectionString: values.KURRENTDB_CONNECTION_STRING,
    apiKeys,
    logLevel: values.LOG_LEVEL,
    newsroomName: values.NEWSROOM_NAME,
    ...(values.NEWSROOM_URL !== undefined ? { newsroomUrl: values.NEWSROOM_URL } : {}),
    liveHeartbeatMs: values.LIVE_HEARTBEAT_MS,
    workerThreads: values.WORKER_THREADS === 'true',
  };
}

/** JSON in the shape of DEFAULT_RATING_SCALE (see the README); absent, that default. */
function parseRatingScale(value: string | undefined): RatingScale {
  if (value === undefined || value.trim() === '') return DEFAULT_RATING_SCALE;
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    throw new ConfigError(
      'NEWSROOM_RATING_SCALE',
      'must be JSON: {"worst":1,"best":5,"verdicts":{"refuted":{"value":1,"name":"False"},…}}',
    );
  }
  const parsed = ratingScaleSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length > 0 ? ` ${issue.path.join('.')}` : '';
    throw new ConfigError('NEWSROOM_RATING_SCALE', `${where.trim() ? `${where.trim()} ` : ''}${issue.message}`);
  }
  return parsed.data;
}
