import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { READ_MODEL_VERSIONS } from '../../../src/application/read-models/runtime/read-model-versions';
import { runCli } from '../../support/cli';
import { claimBody, developmentBody, party, storylineBody } from '../../support/fixtures';
import {
  appendPartyEvents,
  rewriteAsBeforeTheRegistry,
  VERSIONS_BEFORE_THE_REGISTRY,
} from '../../support/older-release';
import { readModelPathOf } from '../../support/read-model-path';
import { startTestApp } from '../../support/test-app';
import { postCreated } from '../../support/http-client';

const ft = party('Financial Times', 'media', 'financial-times');
const janeRoe = party('Jane Roe', 'person', 'jane-roe');
const reuters = party('Reuters', 'media', 'reuters');
const zelensky = party('Volodymyr Zelensky', 'person', 'volodymyr-zelensky');
const selenskyj = party('Wolodymyr Selenskyj', 'person', 'wolodymyr-selenskyj');
const fakeDesk = party('Фейк-Деск', 'media', 'фейк-деск');
const kremlin = party('Кремль', 'government', 'кремль');

/** The party events the older release applied without effect, and what each does to the claims under today's rule. */
const REGISTRY = [
  {
    type: 'PartyRegistered',
    data: { partyId: 'financial-times', name: 'Financial Times', kind: 'media', aliases: [] },
  },
  { type: 'PartyRegistered', data: { partyId: 'jane-roe', name: 'Jane Roe', kind: 'person', aliases: [] } },
  // Jane Roe's support of the FT's report stops counting: she works for the FT.
  {
    type: 'PartyAffiliated',
    data: { partyId: 'jane-roe', withPartyId: 'financial-times', relation: 'employed_by' },
  },
  // Zelensky under the German spelling is Zelensky: his own words do not corroborate his claim.
  {
    type: 'PartyRegistered',
    data: {
      partyId: 'volodymyr-zelensky',
      name: 'Volodymyr Zelensky',
      kind: 'person',
      aliases: ['Wolodymyr Selenskyj'],
    },
  },
  // The denial by a discredited outlet is kept but no longer disputes the claim.
  { type: 'PartyRegistered', data: { partyId: 'фейк-деск', name: 'Фейк-Деск', kind: 'media', aliases: [] } },
  { type: 'PartyDiscredited', data: { partyId: 'фейк-деск', reason: 'Выдуманные цитаты' } },
];

interface DiffLine {
  claimId: string;
  storylineId: string;
  oldStatus: string | null;
  newStatus: string | null;
  rule: string | null;
  reason: string | null;
  oldRule: string | null;
}

const jsonLines = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Partial<DiffLine> & { total?: Record<string, unknown> });

function activeGeneration(readModelPath: string): { generation: number; versions: Record<string, number> } {
  const db = new Database(readModelPath, { readonly: true });
  try {
    const row = db
      .prepare<[], { generation: number; versions: string }>(
        "SELECT generation, versions FROM read_model_generations WHERE role = 'active'",
      )
      .get();
    if (!row) throw new Error('no active generation');
    return { generation: row.generation, versions: JSON.parse(row.versions) };
  } finally {
    db.close();
  }
}

function storedStatus(readModelPath: string, claimId: string): string | undefined {
  const { generation } = activeGeneration(readModelPath);
  const db = new Database(readModelPath, { readonly: true });
  try {
    return db.prepare<[string], string>(`SELECT status FROM g${generation}_claims WHERE id = ?`).pluck().get(claimId);
  } finally {
    db.close();
  }
}

describe('factline replay --diff', () => {
  let dir: string;
  let env: Record<string, string>;
  let readModelPath: string;
  let head: number;

  // Claims recorded through the API while no party is registered, then the registry's events
  // appended to the log under a read model built by the release that ignored them.
  beforeAll(async () => {
    const app = await startTestApp({ env: {} });
    dir = app.dir;
    env = { SQLITE_PATH: app.sqlitePath };
    readModelPath = readModelPathOf(app.sqlitePath);
    const send = (url: string, body: unknown) => postCreated(app, url, body);
    try {
      const guarantees = (await send('/v1/storylines', storylineBody({ id: 'us-ukraine-guarantees' }))).id;
      const geneva = (
        await send('/v1/storylines', storylineBody({ id: 'переговоры-в-женеве', title: 'Переговоры в Женеве' }))
      ).id;
      const record = (storyline: string, id: string, fields: Record<string, unknown>) =>
        send(`/v1/storylines/${encodeURIComponent(storyline)}/claims`, claimBody({ id, ...fields }));
      const develop = (id: string, kind: string, body: Record<string, unknown>) =>
        send(`/v1/claims/${encodeURIComponent(id)}/${kind}`, body);
      await record(guarantees, 'ft-guarantees', {
        statement: 'Die USA sind bereit, Sicherheitsgarantien zu geben.',
        claimant: party('People familiar with the talks', 'anonymous', 'people-familiar'),
        attribution: 'anonymous',
        anonymousSourceCount: 8,
        reportedBy: ft,
      });
      await develop('ft-guarantees', 'supports', developmentBody(janeRoe, { kind: 'corroboration' }));
      await record(guarantees, 'document-ready', { claimant: selenskyj });
      await develop('document-ready', 'supports', developmentBody(zelensky, { kind: 'corroboration' }));
      await record(geneva, 'войска-отведены', {
        statement: 'Войска отведены от границы.',
        language: 'ru',
        claimant: kremlin,
      });
      await develop('войска-отведены', 'contradictions', developmentBody(fakeDesk, { kind: 'denial' }));
      await record(geneva, '日内瓦会谈', { statement: '日内瓦会谈将于周一举行。', language: 'zh', claimant: kremlin });
      await develop('日内瓦会谈', 'supports', developmentBody(reuters, { kind: 'corroboration' }));
      const last = await record(geneva, 'pakiet-pomocy', {
        statement: 'Pakiet pomocy zostanie zatwierdzony w piątek — mówi rzecznik.',
        language: 'pl',
        claimant: party('وزارة الدفاع', 'government'),
      });
      // The read models must hold every write before the file is rewritten as the older release's.
      const projected = await app.request('GET', `/v1/claims/pakiet-pomocy?minPosition=${last.position}`, {
        as: 'reader',
      });
      expect(projected.status).toBe(200);
      expect(projected.body.statement).toBe('Pakiet pomocy zostanie zatwierdzony w piątek — mówi rzecznik.');
    } finally {
      await app.stop();
    }
    head = await appendPartyEvents(app.sqlitePath, REGISTRY);
    rewriteAsBeforeTheRegistry(readModelPath, head);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const expectedChanges: DiffLine[] = [
    {
      claimId: 'document-ready',
      storylineId: 'us-ukraine-guarantees',
      oldStatus: 'corroborated',
      newStatus: 'unverified',
      rule: 'no_independent_support',
      reason: 'No independent support yet (support only from Volodymyr Zelensky, which does not count).',
      oldRule: 'independent_support',
    },
    {
      claimId: 'ft-guarantees',
      storylineId: 'us-ukraine-guarantees',
      oldStatus: 'corroborated',
      newStatus: 'unverified',
      rule: 'no_independent_support',
      reason: 'No independent support yet (support only from Jane Roe, which does not count).',
      oldRule: 'independent_support',
    },
    {
      claimId: 'войска-отведены',
      storylineId: 'переговоры-в-женеве',
      oldStatus: 'disputed',
      newStatus: 'unverified',
      rule: 'no_independent_support',
      reason: 'No independent support yet; contradictions by Фейк-Деск do not count.',
      oldRule: 'contradicted',
    },
  ];

  // Its claims no longer disputed, the Geneva storyline's headline moves with them.
  const genevaHeadline = {
    storylineId: 'переговоры-в-женеве',
    title: 'Переговоры в Женеве',
    oldHeadline: 'disputed',
    newHeadline: 'developing',
    reason: 'without a verdict: 2 unverified, 1 corroborated',
    retractedClaims: 0,
  };

  it('with --dry-run prints each claim whose status the registry changes, each storyline whose headline it changes, and the total, and keeps the read models', async () => {
    const before = activeGeneration(readModelPath);
    expect(before.versions).toEqual(VERSIONS_BEFORE_THE_REGISTRY);

    // Without --quiet: the progress goes to stderr, stdout holds the report alone.
    const result = await runCli(['replay', '--dry-run'], env);

    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')).toEqual([
      ...expectedChanges.map(
        (change) =>
          `${change.claimId} in ${change.storylineId}: ${change.oldStatus} → ${change.newStatus} (${change.rule}) ${change.reason}`,
      ),
      'storyline переговоры-в-женеве “Переговоры в Женеве”: disputed → developing (without a verdict: 2 unverified, 1 corroborated)',
      `3 of 5 claims change status, 1 of 2 storyline headlines changes, compared at log position ${head} (status rule 2 → ${READ_MODEL_VERSIONS.statusRule}); dry run: the read models were left as they were`,
      '',
    ]);
    expect(result.stderr).toContain('events/s');
    expect(activeGeneration(readModelPath)).toEqual(before);
  });

  it('with --json prints one line per change and the total, and promotes the rebuilt read models', async () => {
    const before = activeGeneration(readModelPath);

    const result = await runCli(['replay', '--diff', '--json', '--quiet'], env);

    expect(result.code).toBe(0);
    const lines = jsonLines(result.stdout);
    expect(lines.slice(0, -1)).toEqual([...expectedChanges, genevaHeadline]);
    expect(lines.at(-1)).toEqual({
      total: {
        claims: 5,
        changed: 3,
        new: 0,
        gone: 0,
        storylines: 2,
        headlinesChanged: 1,
        comparedAt: head,
        statusRule: { before: VERSIONS_BEFORE_THE_REGISTRY.statusRule, after: READ_MODEL_VERSIONS.statusRule },
        promoted: true,
        position: head,
      },
    });
    const after = activeGeneration(readModelPath);
    expect(after.generation).toBeGreaterThan(before.generation);
    expect(after.versions).toEqual(READ_MODEL_VERSIONS);
    expect(result.stderr).toContain(`in one pass: ${head} events`);
  });

  it('finds nothing to report once the read models were built by the same rules', async () => {
    const result = await runCli(['replay', '--diff', '--quiet'], env);

    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      `0 of 5 claims change status, 0 of 2 storyline headlines change, compared at log position ${head}; the rebuilt read models now serve, at log position ${head}\n`,
    );
  });

  it('reports every claim as new where there are no read models yet', async () => {
    const result = await runCli(['replay', '--json', '--quiet'], {
      ...env,
      READ_MODEL_PATH: path.join(dir, 'fresh', 'read-models.db'),
    });

    expect(result.code).toBe(0);
    const lines = jsonLines(result.stdout);
    // In the byte order of the ids' UTF-8: Latin, then Cyrillic, then CJK; the storylines after the claims.
    const claimLines = lines.filter((line) => line.claimId !== undefined);
    expect(claimLines.map((line) => [line.claimId, line.storylineId, line.oldStatus, line.newStatus])).toEqual([
      ['document-ready', 'us-ukraine-guarantees', null, 'unverified'],
      ['ft-guarantees', 'us-ukraine-guarantees', null, 'unverified'],
      ['pakiet-pomocy', 'переговоры-в-женеве', null, 'unverified'],
      ['войска-отведены', 'переговоры-в-женеве', null, 'unverified'],
      ['日内瓦会谈', 'переговоры-в-женеве', null, 'corroborated'],
    ]);
    expect(lines.slice(claimLines.length, -1)).toEqual([
      expect.objectContaining({ storylineId: 'us-ukraine-guarantees', oldHeadline: null, newHeadline: 'developing' }),
      expect.objectContaining({ storylineId: 'переговоры-в-женеве', oldHeadline: null, newHeadline: 'developing' }),
    ]);
    expect(lines.at(-1)?.total).toEqual(
      expect.objectContaining({
        claims: 5,
        changed: 5,
        new: 5,
        headlinesChanged: 2,
        statusRule: { before: null, after: READ_MODEL_VERSIONS.statusRule },
        promoted: true,
      }),
    );
  });

  it('compares at the stored checkpoint: events after it are applied once compared, never reported', async () => {
    const compared = activeGeneration(readModelPath);
    // Under the rule, discrediting Reuters takes away the claim's one independent support.
    const later = await appendPartyEvents(env.SQLITE_PATH, [
      { type: 'PartyRegistered', data: { partyId: 'reuters', name: 'Reuters', kind: 'media', aliases: [] } },
      { type: 'PartyDiscredited', data: { partyId: 'reuters', reason: 'Sold its name to a hoax site' } },
    ]);

    const result = await runCli(['replay', '--json', '--quiet'], env);

    expect(result.code).toBe(0);
    expect(jsonLines(result.stdout)).toEqual([
      {
        total: expect.objectContaining({ changed: 0, comparedAt: head, promoted: true, position: later }),
      },
    ]);
    expect(activeGeneration(readModelPath).generation).toBeGreaterThan(compared.generation);
    expect(storedStatus(readModelPath, '日内瓦会谈')).toBe('unverified');
  });
});
