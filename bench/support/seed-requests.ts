import { claimBody, party, storylineBody } from '../../test/support/fixtures';
import { bearer } from './api-keys';

/** The record-claim body of every load run: the test fixture, with the outlet and the article it came from. */
export const RECORD_CLAIM_BODY = JSON.stringify(
  claimBody({
    reportedBy: party('Financial Times', 'media', 'financial-times'),
    source: { url: 'https://www.ft.com/content/security-guarantees', title: 'Talks on security guarantees' },
    tags: ['ukraine', 'usa'],
  }),
);

export const JSON_WRITE_HEADERS = { 'content-type': 'application/json', authorization: bearer('reporter') };

async function post(baseUrl: string, path: string, body: unknown): Promise<{ id: string }> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: JSON_WRITE_HEADERS,
    body: JSON.stringify(body),
  });
  if (response.status !== 201) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as { id: string };
}

/** Opens `count` storylines through the API and returns their ids. */
export async function openStorylines(baseUrl: string, prefix: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 0; index < count; index++) {
    const opened = await post(baseUrl, '/v1/storylines', storylineBody({ id: `${prefix}-${index}` }));
    ids.push(opened.id);
  }
  return ids;
}

export async function recordClaims(baseUrl: string, storylineId: string, count: number): Promise<void> {
  for (let index = 0; index < count; index++) {
    await post(baseUrl, `/v1/storylines/${storylineId}/claims`, claimBody({ statement: `Seeded claim ${index}` }));
  }
}

/** Each storyline's claims path, so the writes spread over them. */
export function claimPathsOver(storylineIds: string[]): string[] {
  return storylineIds.map((id) => `/v1/storylines/${id}/claims`);
}
