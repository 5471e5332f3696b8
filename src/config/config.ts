import path from 'node:path';
import { z } from 'zod';
import { ApiKey, parseApiKeys } from './api-keys';
import { AllowedHosts, parseAllowedHosts } from './webhook-hosts';

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
    NEWSROOM_NAME: z.string().min(1).default('Factline desk'),
    LIVE_HEARTBEAT_MS: z.coerce.number().int().min(10).max(300_000).default(15_000),
    WORKER_THREADS: z.enum(['true', 'false']).default('true'),
    WEBHOOK_ALLOWED_HOSTS: z.string().optional(),
    WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
    WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(1).max(3_600_000).default(5_000),
    WEBHOOK_RETRY_MAX_MS: z.coerce.number().int().min(1).max(86_400_000).default(3_600_000),
    WEBHOOK_DISABLE_AFTER_FAILURES: z.coerce.number().int().min(1).max(1000).default(20),
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
  /** Read models and idempotency records: always SQLite, beside the event store's file by default. */
  readModelPath: string;
  kurrentdbConnectionString?: string;
  apiKeys: ApiKey[];
  logLevel: (typeof LOG_LEVELS)[number];
  newsroomName: string;
  /** How often an idle `GET /v1/events/live` stream gets a comment line, so proxies keep it open. */
  liveHeartbeatMs: number;
  /** Projections and the event store's commits run on worker threads (built code only), off the HTTP event loop. */
  workerThreads: boolean;
  webhooks: WebhookConfig;
}

export interface WebhookConfig {
  allowedHosts: AllowedHosts;
  /** The embedded store's subscriptions and checkpoints; never the read-model file, which may be deleted. */
  sqlitePath: string;
  /** Per delivery attempt: connect, headers and body together. */
  timeoutMs: number;
  retryBaseMs: number;
  retryMaxMs: number;
  disableAfterFailures: number;
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

function webhookStorePath(sqlitePath: string): string {
  const parsed = path.parse(sqlitePath);
  return path.join(parsed.dir, `${parsed.name}.webhooks${parsed.ext || '.db'}`);
}

function webhookConfig(values: z.infer<typeof environmentSchema>): WebhookConfig {
  let allowedHosts: AllowedHosts;
  try {
    allowedHosts = parseAllowedHosts(values.WEBHOOK_ALLOWED_HOSTS);
  } catch (error) {
    throw new ConfigError('WEBHOOK_ALLOWED_HOSTS', (error as Error).message);
  }
  if (values.WEBHOOK_RETRY_MAX_MS < values.WEBHOOK_RETRY_BASE_MS) {
    throw new ConfigError(
      'WEBHOOK_RETRY_MAX_MS',
      `must not be below WEBHOOK_RETRY_BASE_MS (${values.WEBHOOK_RETRY_BASE_MS})`,
    );
  }
  return {
    allowedHosts,
    sqlitePath: webhookStorePath(values.SQLITE_PATH),
    timeoutMs: values.WEBHOOK_TIMEOUT_MS,
    retryBaseMs: values.WEBHOOK_RETRY_BASE_MS,
    retryMaxMs: values.WEBHOOK_RETRY_MAX_MS,
    disableAfterFailures: values.WEBHOOK_DISABLE_AFTER_FAILURES,
  };
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
    port: values.PORT,
    host: values.HOST,
    eventStore: values.EVENT_STORE,
    sqlitePath: values.SQLITE_PATH,
    readModelPath: values.READ_MODEL_PATH ?? defaultReadModelPath(values.SQLITE_PATH),
    kurrentdbConnectionString: values.KURRENTDB_CONNECTION_STRING,
    apiKeys,
    logLevel: values.LOG_LEVEL,
    newsroomName: values.NEWSROOM_NAME,
    liveHeartbeatMs: values.LIVE_HEARTBEAT_MS,
    workerThreads: values.WORKER_THREADS === 'true',
    webhooks: webhookConfig(values),
  };
}
