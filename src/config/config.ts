import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_RATING_SCALE, RatingScale, ratingScaleSchema } from '../application/claim-reviews/rating-scale';
import { DEFAULT_DESK_TIME_ZONE, isTimeZone } from '../domain/desk-calendar';
import { ApiKey, parseApiKeys } from './api-keys';
import { AllowedHosts, parseAllowedHosts } from './webhook-hosts';

export const CONFIG = Symbol('CONFIG');

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** `https://desk.example.org`: a scheme, a host and maybe a port, nothing more (what a browser sends as Origin). */
function isOrigin(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === text;
  } catch {
    return false;
  }
}

const commaList = (text: string) =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');

/** `VAR=` (as Compose passes an unset variable) means the same as leaving it out. */
const unsetIfEmpty = (value: unknown) => (value === '' ? undefined : value);

const PROXY_HOPS = /^\d{1,2}$/;
const PROXY_ADDRESS = /^[0-9a-fA-F.:]+(\/\d{1,3})?$/;

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
    // The server's MaxAppendSize is 1 MiB by default and at most 16 MiB.
    KURRENTDB_MAX_APPEND_BYTES: z.coerce.number().int().min(65_536).max(16_777_216).default(1_000_000),
    API_KEYS: z.string().optional(),
    LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
    NEWSROOM_NAME: z.string().trim().min(1).default('Factline desk'),
    NEWSROOM_URL: z
      .string()
      .regex(/^https?:\/\/[^\s/?#]+[^\s]*$/i, 'must be an http(s) URL, e.g. https://factcheck.example.org')
      .refine((value) => URL.canParse(value), 'must be an http(s) URL, e.g. https://factcheck.example.org')
      .optional(),
    NEWSROOM_RATING_SCALE: z.string().optional(),
    DESK_TIME_ZONE: z.preprocess(
      unsetIfEmpty,
      z
        .string()
        .default(DEFAULT_DESK_TIME_ZONE)
        .refine(isTimeZone, 'must be an IANA time zone name, e.g. UTC, Europe/Berlin or America/New_York'),
    ),
    LIVE_HEARTBEAT_MS: z.coerce.number().int().min(10).max(300_000).default(15_000),
    WORKER_THREADS: z.enum(['true', 'false']).default('true'),
    CORS_ORIGINS: z.preprocess(
      unsetIfEmpty,
      z
        .string()
        .optional()
        .refine((value) => value === undefined || commaList(value).every(isOrigin), {
          message: 'must be comma-separated origins such as https://desk.example.org (scheme, host, optional port)',
        }),
    ),
    RATE_LIMIT_PER_MINUTE: z.preprocess(unsetIfEmpty, z.coerce.number().int().min(1).max(1_000_000).optional()),
    AUTH_FAILURES_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(10),
    TRUST_PROXY: z
      .string()
      .default('false')
      .refine(
        (value) =>
          ['true', 'false'].includes(value) ||
          PROXY_HOPS.test(value) ||
          (commaList(value).length > 0 && commaList(value).every((item) => PROXY_ADDRESS.test(item))),
        { message: 'must be true, false, a number of proxy hops, or comma-separated proxy addresses (CIDR allowed)' },
      ),
    LIVE_MAX_CLIENTS: z.coerce.number().int().min(1).max(100_000).default(100),
    LIVE_STALL_TIMEOUT_MS: z.coerce.number().int().min(10).max(3_600_000).default(30_000),
    SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
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
  /** Read models and their checkpoints: always SQLite, beside the event store's file by default. */
  readModelPath: string;
  kurrentdbConnectionString?: string;
  /** The most bytes one append to KurrentDB carries; below the server's MaxAppendSize. */
  kurrentdbMaxAppendBytes: number;
  apiKeys: ApiKey[];
  logLevel: (typeof LOG_LEVELS)[number];
  newsroomName: string;
  /** The IANA zone whose days order a timeline's developments known only to the day or month. */
  deskTimeZone: string;
  /** The newsroom's site: ClaimReview's author url, and the base of each review's stable @id. */
  newsroomUrl?: string;
  ratingScale: RatingScale;
  /** How often an idle `GET /v1/events/live` stream gets a comment line, so proxies keep it open. */
  liveHeartbeatMs: number;
  /** The embedded store's commits run on a writer thread (built code only), off the HTTP event loop. */
  workerThreads: boolean;
  /** Browser origins allowed to call the API; empty: CORS is off. */
  corsOrigins: string[];
  /** Requests per minute per API key; `undefined`: no limit. */
  rateLimitPerMinute?: number;
  /** Failed authentications per minute per client address before it is refused with 429; 0: no limit. */
  authFailuresPerMinute: number;
  /** Fastify's `trustProxy`: whose X-Forwarded-For decides the client address. */
  trustProxy: boolean | number | string[];
  /** Concurrent `GET /v1/events/live` clients; one more gets 503. */
  liveMaxClients: number;
  /** A live client whose socket has not drained for this long is disconnected. */
  liveStallTimeoutMs: number;
  /** On SIGTERM, requests in flight get this long to finish before their connections are cut. */
  shutdownGraceMs: number;
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

function trustProxyOf(value: string): Config['trustProxy'] {
  if (value === 'true' || value === 'false') return value === 'true';
  if (PROXY_HOPS.test(value)) return Number(value);
  return commaList(value);
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
    ratingScale: parseRatingScale(values.NEWSROOM_RATING_SCALE),
    port: values.PORT,
    host: values.HOST,
    eventStore: values.EVENT_STORE,
    sqlitePath: values.SQLITE_PATH,
    readModelPath: values.READ_MODEL_PATH ?? defaultReadModelPath(values.SQLITE_PATH),
    kurrentdbConnectionString: values.KURRENTDB_CONNECTION_STRING,
    kurrentdbMaxAppendBytes: values.KURRENTDB_MAX_APPEND_BYTES,
    apiKeys,
    logLevel: values.LOG_LEVEL,
    newsroomName: values.NEWSROOM_NAME,
    deskTimeZone: values.DESK_TIME_ZONE,
    ...(values.NEWSROOM_URL !== undefined ? { newsroomUrl: values.NEWSROOM_URL } : {}),
    liveHeartbeatMs: values.LIVE_HEARTBEAT_MS,
    workerThreads: values.WORKER_THREADS === 'true',
    corsOrigins: values.CORS_ORIGINS === undefined ? [] : commaList(values.CORS_ORIGINS),
    rateLimitPerMinute: values.RATE_LIMIT_PER_MINUTE,
    authFailuresPerMinute: values.AUTH_FAILURES_PER_MINUTE,
    trustProxy: trustProxyOf(values.TRUST_PROXY),
    liveMaxClients: values.LIVE_MAX_CLIENTS,
    liveStallTimeoutMs: values.LIVE_STALL_TIMEOUT_MS,
    shutdownGraceMs: values.SHUTDOWN_GRACE_MS,
    webhooks: webhookConfig(values),
  };
}

/** JSON in the shape of DEFAULT_RATING_SCALE (see docs/claimreview.md); absent, that default. */
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
