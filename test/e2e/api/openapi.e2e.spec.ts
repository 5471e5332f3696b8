import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { claimBody } from '../../support/fixtures';
import { contractViolations } from '../../support/openapi-contract';
import { ExampleMode, exampleFor } from '../../support/openapi-examples';
import { openSse } from '../../support/sse-client';
import { KEYS, KeyRole, startTestApp, TestApp } from '../../support/test-app';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- the OpenAPI document as JSON
const METHODS = ['get', 'post', 'patch', 'put', 'delete'];
const REPO = path.join(__dirname, '../../..');

const operationsOf = (document: Json) =>
  Object.entries(document.paths as Json).flatMap(([template, item]) =>
    METHODS.filter((method) => item[method]).map((method) => ({ template, method, operation: item[method] as Json })),
  );

describe('the OpenAPI document (issue 8, item 6)', () => {
  let app: TestApp;
  let document: Json;

  beforeAll(async () => {
    app = await startTestApp();
    document = (await app.request('GET', '/docs/openapi.json', { as: 'nobody' })).body;
  });
  afterAll(() => app.close());

  it('passes Redocly lint with the recommended rules', async () => {
    const file = path.join(app.dir, 'openapi.json');
    fs.writeFileSync(file, JSON.stringify(document));
    const { stdout } = await promisify(execFile)(
      path.join(REPO, 'node_modules/.bin/redocly'),
      ['lint', file, '--config', path.join(REPO, 'redocly.yaml'), '--format', 'json'],
      { env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } },
    ).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
    const report = JSON.parse(stdout);
    const problems = report.problems.map((problem: Json) => `${problem.ruleId}: ${problem.message}`);
    expect({ errors: report.totals.errors, problems: report.totals.errors ? problems : [] }).toEqual({
      errors: 0,
      problems: [],
    });
    expect(report.totals.warnings).toBe(0);
  });

  it('describes API keys as a bearer scheme that is not a JWT, and names the public routes', () => {
    expect(document.components.securitySchemes).toEqual({
      apiKey: { type: 'http', scheme: 'bearer', description: expect.stringMatching(/Not a JWT/) },
    });
    for (const { template, method, operation } of operationsOf(document)) {
      const isPublic = template === '/health' || template.startsWith('/docs') || template.startsWith('/desk');
      expect({ template, method, security: operation.security }).toEqual({
        template,
        method,
        security: isPublic ? [] : [{ apiKey: [] }],
      });
    }
  });

  it('marks the rebuild route that names a projection as the deprecated alias, and nothing else deprecated', () => {
    const deprecated = operationsOf(document)
      .filter(({ operation }) => operation.deprecated)
      .map(({ method, template }) => `${method} ${template}`);
    expect(deprecated).toEqual(['post /v1/projections/{name}/rebuild']);
    expect(document.paths['/v1/projections/rebuild'].post.summary).toMatch(/every read model/);
  });

  it('gives every operation a success schema and a problem+json answer for each error status', () => {
    for (const { template, method, operation } of operationsOf(document)) {
      const statuses = Object.keys(operation.responses);
      expect({ template, method, success: statuses.some((status) => /^2/.test(status)) }).toEqual({
        template,
        method,
        success: true,
      });
      for (const status of statuses) {
        const content = operation.responses[status].content ?? {};
        if (Number(status) >= 400) {
          expect({ template, status, types: Object.keys(content) }).toEqual({
            template,
            status,
            types: expect.arrayContaining(['application/problem+json']),
          });
        } else {
          expect({
            template,
            status,
            schema: Object.values(content as Json).every((media: Json) => media.schema),
          }).toEqual({
            template,
            status,
            schema: true,
          });
        }
      }
    }
    expect(Object.keys(document.components.schemas.Problem.properties)).toEqual(
      expect.arrayContaining(['type', 'title', 'status', 'detail', 'errors']),
    );
  });

  it('documents every header of the API', () => {
    const text = JSON.stringify(document);
    const requestHeaders = new Set(
      operationsOf(document).flatMap(({ operation }) =>
        (operation.parameters ?? []).filter((parameter: Json) => parameter.in === 'header').map((p: Json) => p.name),
      ),
    );
    expect([...requestHeaders].sort()).toEqual(
      ['Idempotency-Key', 'If-Match', 'Last-Event-ID', 'X-Causation-Id', 'X-Correlation-Id'].sort(),
    );
    for (const header of ['ETag', 'Location', 'Idempotent-Replayed', 'Retry-After', 'WWW-Authenticate']) {
      expect(text).toContain(`"${header}":{`);
    }
  });

  it('types counts, positions, revisions and limits as integers', () => {
    const schemas = document.components.schemas;
    expect(schemas.CommandResult.properties.revision.type).toBe('integer');
    expect(schemas.CommandResult.properties.position.type).toBe('integer');
    expect(schemas.StatusCounts.properties.disputed.type).toBe('integer');
    expect(schemas.StorylineListItem.properties.claimCount.type).toBe('integer');
    expect(schemas.RecordClaimDto.properties.anonymousSourceCount.type).toBe('integer');
    const parameters = operationsOf(document).flatMap(({ operation }) => operation.parameters ?? []);
    for (const name of ['limit', 'minPosition', 'atPosition', 'after']) {
      const types = new Set(parameters.filter((p: Json) => p.name === name).map((p: Json) => p.schema.type));
      expect({ name, types: [...types] }).toEqual({ name, types: ['integer'] });
    }
  });

  it('refuses null where the server does and allows it where a correction removes a field', () => {
    const validate = (schema: string, value: unknown) => {
      const ajv = new Ajv({ strict: false });
      addFormats(ajv);
      ajv.addSchema({ $id: 'doc.json', components: document.components });
      return ajv.validate({ $ref: `doc.json#/components/schemas/${schema}` }, value);
    };
    expect(validate('ClaimChangesDto', { reportedBy: null, source: null, anonymousSourceCount: null })).toBe(true);
    for (const field of ['statement', 'language', 'claimant', 'attribution', 'occurredAt', 'tags']) {
      expect({ field, valid: validate('ClaimChangesDto', { [field]: null }) }).toEqual({ field, valid: false });
    }
    expect(validate('ClaimChangesDto', { reportedBy: { name: 'Reuters', kind: 'media', extra: 1 } })).toBe(false);
    expect(validate('RecordClaimDto', { statement: 'x', claimant: null, attribution: 'on_record' })).toBe(false);
  });

  it('catches answers that disagree with it (the check every e2e test runs)', async () => {
    const headers = (entries: Record<string, string>) => new Headers(entries);
    const json = { 'content-type': 'application/json; charset=utf-8' };
    const created = { id: 'x', revision: 0, position: 1 };
    const answer = { method: 'POST', url: '/v1/storylines', status: 201 };
    const withEtag = headers({ ...json, etag: '"0"', location: '/v1/storylines/x' });
    expect(
      await contractViolations(app.baseUrl, { ...answer, headers: withEtag, text: JSON.stringify(created) }),
    ).toEqual([]);
    const extraField = JSON.stringify({ ...created, secret: true });
    const noEtag = headers({ ...json, location: '/v1/storylines/x' });
    const cases = [
      { ...answer, headers: withEtag, text: extraField },
      { ...answer, headers: withEtag, text: JSON.stringify({ ...created, revision: 0.5 }) },
      { ...answer, headers: noEtag, text: JSON.stringify(created) },
      { ...answer, status: 418, headers: withEtag, text: JSON.stringify(created) },
      { ...answer, status: 400, headers: headers(json), text: JSON.stringify({ message: 'not a problem' }) },
      { method: 'GET', url: '/v1/nowhere', status: 200, headers: headers(json), text: '{}' },
    ];
    for (const [index, wrong] of cases.entries()) {
      const caught = (await contractViolations(app.baseUrl, wrong)).length > 0;
      expect({ index, caught }).toEqual({ index, caught: true });
    }
  });
});

describe('requests the document calls valid are accepted', () => {
  /** Commands in an order in which each can succeed: what a claim command needs exists by then. */
  /**
   * Every command, in an order in which each finds what it needs, sent with a body built from the
   * document alone. A webhook's target is the one field swapped: a documented example host is not
   * reachable from here, and deliveries may only go to loopback.
   */
  const COMMANDS: Array<{
    key: string;
    status: number;
    as?: KeyRole;
    body?: (body: Json, ids: Record<string, string>) => Json;
    query?: (ids: Record<string, string>) => string;
    /** For a path with more than the collection's `{id}`. */
    path?: (ids: Record<string, string>) => string;
  }> = [
    { key: 'post /v1/storylines', status: 201 },
    { key: 'patch /v1/storylines/{id}', status: 200 },
    { key: 'post /v1/storylines/{id}/claims', status: 201 },
    { key: 'post /v1/claims/{id}/supports', status: 201 },
    { key: 'post /v1/claims/{id}/contradictions', status: 201 },
    { key: 'post /v1/claims/{id}/corrections', status: 201 },
    { key: 'post /v1/claims/{id}/verdict', status: 201 },
    { key: 'post /v1/claims/{id}/fact-checks', status: 201 },
    { key: 'post /v1/claims/{id}/retraction', status: 201 },
    // Related to the claim the document's example names, recorded beside it first (see below).
    { key: 'post /v1/claims/{id}/relations', status: 201, body: (body) => ({ ...body, claimId: RELATED_CLAIM }) },
    {
      key: 'post /v1/claimreviews/import',
      status: 200,
      query: (ids) => `?storyline=${encodeURIComponent(ids.storylines)}`,
    },
    // Proposals compared with the storyline the examples opened (its id, whatever the mode made of it).
    {
      key: 'post /v1/extractions',
      status: 200,
      as: 'reporter',
      body: (body, ids) => (body.storylineId === undefined ? body : { ...body, storylineId: ids.storylines }),
    },
    { key: 'post /v1/parties', status: 201 },
    { key: 'patch /v1/parties/{id}', status: 200 },
    { key: 'post /v1/parties/{id}/affiliations', status: 201 },
    { key: 'post /v1/parties/{id}/affiliations/end', status: 201 },
    { key: 'post /v1/parties/{id}/discredit', status: 201 },
    { key: 'post /v1/parties/{id}/reinstate', status: 201 },
    // A stakeholder is a registered party: the one the registry's examples registered.
    {
      key: 'post /v1/storylines/{id}/stakeholders',
      status: 201,
      body: (body, ids) => ({ ...body, partyId: ids.parties }),
    },
    // Last of the registry's: a merged party takes no more commands.
    { key: 'post /v1/parties/{id}/merge', status: 201 },
    { key: 'post /v1/webhooks', status: 201, as: 'admin', body: (body) => ({ ...body, url: LOOPBACK_TARGET }) },
    { key: 'delete /v1/webhooks/{id}', status: 204, as: 'admin' },
    { key: 'delete /v1/claims/{id}/relations/{claimId}', status: 200 },
    {
      key: 'delete /v1/storylines/{id}/stakeholders/{partyId}',
      status: 200,
      path: (ids) =>
        `/v1/storylines/${encodeURIComponent(ids.storylines)}/stakeholders/${encodeURIComponent(ids.parties)}`,
    },
  ];
  const RELATED_CLAIM = 'reuters-us-guarantees-conditional';
  const ORDER = COMMANDS.map(({ key }) => key);
  const LOOPBACK_TARGET = 'http://127.0.0.1:9/factline';
  /** Which id a path's `{id}` stands for, by the collection it is in. */
  const collectionOf = (template: string) => template.split('/')[2];

  it.each<ExampleMode>(['examples', 'required', 'longest', 'shortest'])(
    'with bodies, parameters and headers from the document (%s)',
    async (mode) => {
      const app = await startTestApp({ env: { WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' } });
      try {
        const document: Json = (await app.request('GET', '/docs/openapi.json', { as: 'nobody' })).body;
        const ajv = new Ajv({ strict: false });
        addFormats(ajv);
        ajv.addSchema({ $id: 'doc.json', components: document.components });
        const ids: Record<string, string> = {};
        const sent: Record<string, Json> = {};
        const operations = operationsOf(document);
        const commands = operations.filter(({ method }) => method !== 'get');
        expect(commands.map(({ method, template }) => `${method} ${template}`).sort()).toEqual(
          [...ORDER, 'post /v1/projections/rebuild', 'post /v1/projections/{name}/rebuild'].sort(),
        );

        const send = async (command: (typeof COMMANDS)[number]) => {
          const { key } = command;
          const { template, method, operation } = commands.find((c) => `${c.method} ${c.template}` === key) as Json;
          const schema = operation.requestBody?.content['application/json'].schema;
          let body = (schema === undefined ? undefined : exampleFor(document, schema, mode)) as Json;
          // The body must be one the document itself calls valid, or the test proves nothing.
          if (schema !== undefined) {
            expect({
              key,
              valid: ajv.validate(
                JSON.parse(JSON.stringify(schema).replace(/#\/components/g, 'doc.json#/components')),
                body,
              ),
              errors: ajv.errors,
            }).toEqual({ key, valid: true, errors: null });
            body = withoutPrecision(command.body ? command.body(body, ids) : body);
          }
          const path =
            command.path?.(ids) ??
            template
              .replace('{id}', encodeURIComponent(ids[collectionOf(template)]))
              .replace(/\{(\w+)\}/g, (_match: string, name: string) => exampleOfPathParameter(operation, name));
          const url = `${path}${command.query?.(ids) ?? ''}`;
          sent[key] = body;
          const headers = headerExamples(operation, key === 'post /v1/storylines/{id}/claims');
          const response = await app.request(method.toUpperCase(), url, { as: command.as ?? 'editor', body, headers });
          expect({ key, body, status: response.status, detail: response.body?.detail }).toEqual({
            key,
            body,
            status: command.status,
            detail: undefined,
          });
          // A command that creates something is the first of its collection: later ones name it.
          if (method === 'post' && template.split('/').length === 3) ids[collectionOf(template)] = response.body.id;
          if (key === 'post /v1/storylines/{id}/claims') ids.claims = response.body.id;
        };
        // Removals go last, once the reads below have seen what was created.
        for (const command of COMMANDS.filter(({ key }) => !key.startsWith('delete'))) {
          // The party the registry's examples name as the other one (to affiliate with, to merge into),
          // registered once the storyline's examples have their positions (atPosition examples name them).
          if (command.key === 'post /v1/parties') {
            const counterpart = { id: 'financial-times', name: 'Financial Times', kind: 'media' };
            expect((await app.request('POST', '/v1/parties', { as: 'editor', body: counterpart })).status).toBe(201);
          }
          if (command.key === 'post /v1/claims/{id}/relations') {
            const other = claimBody({ id: RELATED_CLAIM });
            const url = `/v1/storylines/${encodeURIComponent(ids.storylines)}/claims`;
            expect((await app.request('POST', url, { as: 'reporter', body: other })).status).toBe(201);
          }
          await send(command);
        }

        for (const { template, operation } of operations.filter(({ method }) => method === 'get')) {
          for (const query of queryExamples(document, operation, mode)) {
            const id = ids[collectionOf(template)];
            const path = (
              template.startsWith('/v1/') ? template.replace('{id}', encodeURIComponent(id)) : template
            ).replace(/\{(\w+)\}/g, (_match: string, name: string) => exampleOfPathParameter(operation, name));
            const url = `${path}${query}`;
            const as = 'admin';
            if (template === '/v1/events/live') {
              const stream = await openSse(`${app.baseUrl}${url}`, { authorization: `Bearer ${KEYS.reader}` });
              expect({ url, status: stream.status }).toEqual({ url, status: 200 });
              stream.close();
              continue;
            }
            const response = await app.request('GET', url, { as });
            // A verdict without the published fact-check's address leaves the claim unpublished.
            const unpublished =
              template === '/v1/claims/{id}/claimreview' && !sent['post /v1/claims/{id}/verdict']?.reviewUrl;
            // The atPosition example names the storyline's positions; the party was registered, and
            // mentioned, after them.
            const notYetRegistered =
              (template === '/v1/parties/{id}' || template === '/v1/parties/{id}/claims') &&
              /[?&]atPosition=/.test(query);
            const missing = unpublished
              ? /ruled but not published/
              : notYetRegistered
                ? /^party \S+ at position \d+( as occurred by \S+)? does not exist$/
                : undefined;
            expect({ url, status: response.status, detail: response.body?.detail }).toEqual({
              url,
              status: missing ? 404 : 200,
              detail: missing ? expect.stringMatching(missing) : undefined,
            });
          }
        }

        for (const command of COMMANDS.filter(({ key }) => key.startsWith('delete'))) await send(command);
        const rebuild = await app.request('POST', '/v1/projections/rebuild', { as: 'admin' });
        expect(rebuild.status).toBe(202);
      } finally {
        await app.close();
      }
    },
  );

  /**
   * `occurredAtPrecision` (and a fact-check's `publishedAtPrecision`) says the time is the start of a day, month or year, which the example time
   * is not: a rule between two fields that the document states in words only, as it does for times
   * at most 24 h ahead. The precision is tested in its own suite.
   */
  function withoutPrecision(value: Json): Json {
    if (Array.isArray(value)) return value.map(withoutPrecision);
    if (typeof value !== 'object' || value === null) return value;
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== 'occurredAtPrecision' && key !== 'publishedAtPrecision')
        .map(([key, inner]) => [key, withoutPrecision(inner)]),
    );
  }

  /** A path parameter's example (the desk's views and files), or a failure naming it. */
  function exampleOfPathParameter(operation: Json, name: string): string {
    const parameter = operation.parameters?.find(
      (candidate: Json) => candidate.in === 'path' && candidate.name === name,
    );
    if (parameter?.schema?.example === undefined) throw new Error(`path parameter ${name} has no example`);
    return encodeURIComponent(String(parameter.schema.example));
  }

  /** Header examples; the Idempotency-Key only on one command, as a key belongs to one request. */
  function headerExamples(operation: Json, withKey: boolean): Record<string, string> {
    return Object.fromEntries(
      (operation.parameters ?? [])
        .filter((parameter: Json) => parameter.in === 'header' && parameter.schema?.example !== undefined)
        // If-Match depends on the stream's state: its example is a revision the stream may not be at.
        .filter((parameter: Json) => parameter.name !== 'If-Match' && (withKey || parameter.name !== 'Idempotency-Key'))
        .map((parameter: Json) => [parameter.name, String(parameter.schema.example)]),
    );
  }

  /**
   * Query strings from the parameters' examples. asOf and atPosition go in separate requests, and so
   * do since and sinceTime: the server takes one or the other (the document says so in their descriptions).
   */
  function queryExamples(document: Json, operation: Json, mode: ExampleMode): string[] {
    const parameters = (operation.parameters ?? []).filter(
      (parameter: Json) => parameter.in === 'query' && parameter.schema?.example !== undefined,
    );
    const value = (parameter: Json) => {
      // The example instant is fixed; what existed then depends on the data, so ask about now.
      if (parameter.name === 'asOf' || parameter.name === 'asOccurred') return new Date().toISOString();
      const isText = parameter.schema.type === 'string' && parameter.schema.pattern === '\\S';
      return String(isText ? exampleFor(document, parameter.schema, mode) : parameter.schema.example);
    };
    const build = (exclude: string) =>
      parameters
        .filter((parameter: Json) => parameter.name !== exclude)
        .map(
          (parameter: Json, index: number) =>
            `${index ? '&' : '?'}${parameter.name}=${encodeURIComponent(value(parameter))}`,
        )
        .join('');
    const names = parameters.map((parameter: Json) => parameter.name);
    if (names.includes('asOf') && names.includes('atPosition')) return [build('asOf'), build('atPosition')];
    if (names.includes('since') && names.includes('sinceTime')) return [build('since'), build('sinceTime')];
    return [build('')];
  }
});
