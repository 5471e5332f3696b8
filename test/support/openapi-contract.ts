import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { createHash } from 'node:crypto';

/**
 * Checks an answer of the service against the OpenAPI document it serves at /docs/openapi.json:
 * the status must be one the operation lists, the content type one of its media types, the body
 * valid against the schema (with no field the schema does not name), and its required headers
 * present and valid. Both test clients call it on every answer, so a test fails as soon as the
 * service and its document disagree.
 */

type Json = Record<string, unknown>;

interface HeaderSpec {
  required?: boolean;
  schema?: Json;
}

interface ResponseSpec {
  headers?: Record<string, HeaderSpec>;
  content?: Record<string, { schema?: Json }>;
}

interface Operation {
  responses: Record<string, ResponseSpec>;
}

export interface AnswerToCheck {
  method: string;
  url: string;
  status: number;
  headers: Headers;
  /** The body as text (empty for HEAD). */
  text: string;
}

interface Contract {
  paths: Array<{ template: string; pattern: RegExp; item: Record<string, Operation> }>;
  validator(schema: Json): ValidateFunction;
  problem: ValidateFunction;
}

const SCHEMA_ROOT = 'factline-openapi.json';
const contracts = new Map<string, Promise<Contract>>();
const compiled = new Map<string, Contract>();

/**
 * Answers have no fields their schema leaves out: a field the service adds must be documented.
 * (The served document leaves response objects open, so clients tolerate additions.)
 */
function closeObjects(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(closeObjects);
  if (typeof node !== 'object' || node === null) return node;
  const copy = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, closeObjects(value)])) as Json;
  if (copy.properties !== undefined && copy.additionalProperties === undefined) copy.additionalProperties = false;
  return copy;
}

function compile(document: Json): Contract {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const components = (document.components ?? {}) as Json;
  ajv.addSchema({ $id: SCHEMA_ROOT, components: { schemas: closeObjects(components.schemas ?? {}) } });
  const schemaRefs = (schema: Json): Json =>
    JSON.parse(JSON.stringify(schema).replace(/"#\/components\//g, `"${SCHEMA_ROOT}#/components/`));
  const cache = new Map<string, ValidateFunction>();
  const validator = (schema: Json) => {
    const key = JSON.stringify(schema);
    let validate = cache.get(key);
    if (!validate) {
      validate = ajv.compile(schemaRefs(closeObjects(schema) as Json));
      cache.set(key, validate);
    }
    return validate;
  };
  const paths = Object.entries(document.paths as Record<string, Record<string, Operation>>)
    .map(([template, item]) => ({
      template,
      item,
      pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}/?$`),
    }))
    // A literal segment wins over a parameter: /v1/events/live before any /v1/events/{x}.
    .sort((a, b) => (a.template.match(/\{/g)?.length ?? 0) - (b.template.match(/\{/g)?.length ?? 0));
  return { paths, validator, problem: validator({ $ref: '#/components/schemas/Problem' }) };
}

function contractOf(baseUrl: string): Promise<Contract> {
  let contract = contracts.get(baseUrl);
  if (!contract) {
    contract = fetch(`${baseUrl}/docs/openapi.json`).then(async (response) => {
      const text = await response.text();
      if (response.status !== 200) throw new Error(`GET /docs/openapi.json answered ${response.status}: ${text}`);
      // One compiled contract per document text, however many servers the suite starts.
      const key = createHash('sha256').update(text).digest('hex');
      if (!compiled.has(key)) compiled.set(key, compile(JSON.parse(text)));
      return compiled.get(key) as Contract;
    });
    contracts.set(baseUrl, contract);
  }
  return contract;
}

const describeErrors = (validate: ValidateFunction) =>
  (validate.errors ?? [])
    .slice(0, 8)
    .map(
      (error) =>
        `  ${error.instancePath || '(root)'} ${error.message}${error.params ? ` ${JSON.stringify(error.params)}` : ''}`,
    )
    .join('\n');

const mediaTypeOf = (headers: Headers) => (headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();

/** Every way the answer differs from the document; empty when it conforms. */
export async function contractViolations(baseUrl: string, answer: AnswerToCheck): Promise<string[]> {
  const contract = await contractOf(baseUrl);
  const path = answer.url.split('?')[0];
  const method = answer.method.toLowerCase();
  const documented = contract.paths.find((entry) => entry.pattern.test(path));
  const operation = documented?.item[method === 'head' ? 'get' : method];
  const isError = answer.status >= 400;
  if (!operation) {
    // Outside the document (no such route, or not this method): only errors, and they are problems;
    // and the answers to CORS preflights, which belong to the browser's protocol.
    if (method === 'options' && answer.status === 204) return [];
    if (!isError) return [`${answer.status} for a route the document does not describe`];
    return checkBody(
      answer,
      { content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } },
      contract,
    );
  }
  const response = operation.responses[String(answer.status)] ?? operation.responses.default;
  if (!response) {
    const listed = Object.keys(operation.responses).join(', ');
    return [
      `${answer.status} is not among the statuses the document lists for ${method.toUpperCase()} ${documented?.template} (${listed})`,
    ];
  }
  return [
    ...checkHeaders(answer, response, contract),
    ...(method === 'head' ? [] : checkBody(answer, response, contract)),
  ];
}

function checkHeaders(answer: AnswerToCheck, response: ResponseSpec, contract: Contract): string[] {
  return Object.entries(response.headers ?? {}).flatMap(([name, spec]) => {
    const value = answer.headers.get(name);
    if (value === null) return spec.required ? [`the required header ${name} is missing`] : [];
    if (!spec.schema) return [];
    const validate = contract.validator(spec.schema);
    return validate(value)
      ? []
      : [`the header ${name}: ${JSON.stringify(value)} does not match its schema\n${describeErrors(validate)}`];
  });
}

function checkBody(answer: AnswerToCheck, response: ResponseSpec, contract: Contract): string[] {
  const content = response.content ?? {};
  const mediaType = mediaTypeOf(answer.headers);
  if (Object.keys(content).length === 0) {
    return answer.text === '' ? [] : [`a body (${mediaType}) where the document describes none`];
  }
  const spec = content[mediaType] ?? content['*/*'];
  if (!spec) return [`content type ${mediaType || '(none)'}; the document lists ${Object.keys(content).join(', ')}`];
  if (!spec.schema || !/json/.test(mediaType)) return [];
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    return [`a ${mediaType} body that is not JSON: ${answer.text.slice(0, 200)}`];
  }
  const validate = contract.validator(spec.schema);
  if (validate(body)) return [];
  return [`the body does not match its schema\n${describeErrors(validate)}\n  body: ${answer.text.slice(0, 500)}`];
}

/** Throws a readable error when the answer and the served document disagree. */
export async function assertConformsToContract(baseUrl: string, answer: AnswerToCheck): Promise<void> {
  const violations = await contractViolations(baseUrl, answer);
  if (violations.length > 0) {
    throw new Error(
      `${answer.method} ${answer.url.slice(0, 300)} → ${answer.status} disagrees with /docs/openapi.json:\n- ${violations.join('\n- ')}`,
    );
  }
}
