import Database from 'better-sqlite3';
import fs from 'node:fs';
import { READ_MODEL_VERSIONS } from '../../../src/application/read-models/runtime/read-model-versions';
import { runCli } from '../../support/cli';
import { claimBody, developmentBody, party, storylineBody } from '../../support/fixtures';
import { readModelPathOf } from '../../support/read-model-path';
import { activeGenerationOf } from '../../support/read-model-tables';
import { startTestApp } from '../../support/test-app';
import { KeyRole, postCreated } from '../../support/http-client';

/** The versions the rule before this one wrote: a claim retracted without a verdict counted as settled. */
const VERSIONS_BEFORE = { ...READ_MODEL_VERSIONS, statusRule: 4, storylines: 3 };

const investigation = party('Der Spiegel', 'media', 'der-spiegel');
const anonymousOfficials = party('Officials familiar with the investigation', 'anonymous', 'officials-familiar');

/**
 * Rewrites the active generation as the previous rule left it: the storyline whose only factual
 * claim was retracted headed `settled`, and no retracted claims counted.
 */
function rewriteUnderThePreviousRule(readModelPath: string, storylineId: string): void {
  const db = new Database(readModelPath);
  try {
    const generation = activeGenerationOf(db, readModelPath);
    db.transaction(() => {
      db.prepare('UPDATE read_model_generations SET versions = ? WHERE generation = ?').run(
        JSON.stringify(VERSIONS_BEFORE),
        generation,
      );
      db.prepare(`UPDATE g${generation}_storylines SET status = 'settled', retracted_claims = NULL WHERE id = ?`).run(
        storylineId,
      );
    })();
  } finally {
    db.close();
  }
}

function storedHeadline(readModelPath: string, storylineId: string) {
  const db = new Database(readModelPath, { readonly: true });
  try {
    const generation = activeGenerationOf(db, readModelPath);
    return db
      .prepare<[string], { status: string; retractedClaims: number | null }>(
        `SELECT status, retracted_claims AS retractedClaims FROM g${generation}_storylines WHERE id = ?`,
      )
      .get(storylineId);
  } finally {
    db.close();
  }
}

describe('factline replay --diff after the headline rule changed', () => {
  let dir: string;
  let env: Record<string, string>;
  let readModelPath: string;
  let head: number;

  // Two storylines recorded through the API: one whose only factual claim its reporter retracted,
  // one whose claim the desk confirmed. The read models are then set back to what the previous rule made of them.
  beforeAll(async () => {
    const app = await startTestApp({ env: {} });
    dir = app.dir;
    env = { SQLITE_PATH: app.sqlitePath };
    readModelPath = readModelPathOf(app.sqlitePath);
    const send = (url: string, body: unknown, as: KeyRole = 'reporter') => postCreated(app, url, body, as);
    try {
      await send('/v1/storylines', storylineBody({ id: 'nord-stream', title: 'Nord Stream sabotage' }));
      await send('/v1/storylines', storylineBody({ id: 'geneva-talks', title: 'Geneva talks' }));
      await send(
        '/v1/storylines/nord-stream/claims',
        claimBody({
          id: 'yacht-andromeda',
          statement: 'A team on the yacht Andromeda placed the charges.',
          language: 'en',
          claimant: anonymousOfficials,
          attribution: 'anonymous',
          anonymousSourceCount: 3,
          reportedBy: investigation,
        }),
      );
      await send('/v1/claims/yacht-andromeda/retraction', developmentBody(investigation));
      await send('/v1/storylines/geneva-talks/claims', claimBody({ id: 'talks-monday' }));
      const last = await send(
        '/v1/claims/talks-monday/verdict',
        { verdict: 'confirmed', rationale: 'The talks opened on Monday.', occurredAt: '2026-01-27T12:00:00+01:00' },
        'editor',
      );
      head = last.position;
      const projected = await app.request('GET', `/v1/storylines/nord-stream?minPosition=${head}`, { as: 'reader' });
      expect(projected.body).toMatchObject({ status: 'developing', retractedClaims: 1, counts: { retracted: 1 } });
    } finally {
      await app.stop();
    }
    rewriteUnderThePreviousRule(readModelPath, 'nord-stream');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('with --dry-run lists the storyline whose headline the new rule changes, no claim, and keeps the read models', async () => {
    const result = await runCli(['replay', '--dry-run', '--quiet'], env);

    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')).toEqual([
      'storyline nord-stream “Nord Stream sabotage”: settled → developing (without a verdict: 1 retracted)',
      `0 of 2 claims change status, 1 of 2 storyline headlines changes, compared at log position ${head} (status rule 4 → ${READ_MODEL_VERSIONS.statusRule}); dry run: the read models were left as they were`,
      '',
    ]);
    expect(storedHeadline(readModelPath, 'nord-stream')).toEqual({ status: 'settled', retractedClaims: null });
  });

  it('with --json lists the change with the retracted count, then promotes the rebuilt read models', async () => {
    const result = await runCli(['replay', '--diff', '--json', '--quiet'], env);

    expect(result.code).toBe(0);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toEqual([
      {
        storylineId: 'nord-stream',
        title: 'Nord Stream sabotage',
        oldHeadline: 'settled',
        newHeadline: 'developing',
        reason: 'without a verdict: 1 retracted',
        retractedClaims: 1,
      },
      {
        total: expect.objectContaining({
          claims: 2,
          changed: 0,
          storylines: 2,
          headlinesChanged: 1,
          statusRule: { before: 4, after: READ_MODEL_VERSIONS.statusRule },
          promoted: true,
        }),
      },
    ]);
    expect(storedHeadline(readModelPath, 'nord-stream')).toEqual({ status: 'developing', retractedClaims: 1 });
    expect(storedHeadline(readModelPath, 'geneva-talks')).toEqual({ status: 'settled', retractedClaims: 0 });
  });
});
