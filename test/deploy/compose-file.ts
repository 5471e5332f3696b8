import Ajv, { ErrorObject } from 'ajv';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/*
 * Checks a Compose file without the docker-compose binary: the YAML is parsed (merge keys
 * included, as Compose reads them) and validated against the Compose Specification's JSON schema,
 * as shipped in the dclint package (its schemas/compose.schema.json, taken from the compose-spec
 * project). Variables are then interpolated the way `docker compose config` does with an empty
 * environment, so tests see the defaults the file gives.
 */

// The schema's own `$schema` names draft 7 under an https address ajv does not know; ajv's default is draft 7.
const { $schema: _draft, ...composeSchema } = JSON.parse(
  fs.readFileSync(
    path.join(path.dirname(require.resolve('dclint/package.json')), 'schemas/compose.schema.json'),
    'utf8',
  ),
) as Record<string, unknown>;
const validate = new Ajv({ allErrors: true, strict: false }).compile(composeSchema);

export interface ComposeCheck {
  valid: boolean;
  errors: string[];
}

/** What the schema says about one file: valid, or each error with where it is. */
export function checkCompose(text: string): ComposeCheck {
  let document: unknown;
  try {
    document = parse(text, { merge: true });
  } catch (error) {
    return { valid: false, errors: [`not YAML: ${(error as Error).message}`] };
  }
  const valid = validate(document) === true;
  return { valid, errors: (validate.errors ?? []).map(describe) };
}

function describe(error: ErrorObject): string {
  return `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`;
}

/**
 * `${NAME}`, `${NAME:-default}`, `${NAME-default}` and `$$`, as Compose interpolates them, with
 * nothing set in the environment.
 */
export function interpolate<T>(value: T): T {
  if (typeof value === 'string') {
    return value.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}/g, (whole, _name, fallback) =>
      whole === '$$' ? '$' : (fallback ?? ''),
    ) as T;
  }
  if (Array.isArray(value)) return value.map(interpolate) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, interpolate(item)])) as T;
  }
  return value;
}

export interface ComposeService {
  image?: string;
  build?: { context: string; target?: string };
  environment?: Record<string, string | number>;
  depends_on?: Record<string, { condition: string }>;
  profiles?: string[];
  volumes?: string[];
  healthcheck?: { test: string[] };
  command?: string[];
  networks?: string[] | Record<string, unknown>;
  ports?: string[];
}

export interface ComposeDocument {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

/** A Compose file that passed the schema, parsed and interpolated. */
export function loadCompose(file: string): ComposeDocument {
  const text = fs.readFileSync(file, 'utf8');
  const check = checkCompose(text);
  if (!check.valid) throw new Error(`${file} is not a valid Compose file:\n${check.errors.join('\n')}`);
  return interpolate(parse(text, { merge: true }) as ComposeDocument);
}
