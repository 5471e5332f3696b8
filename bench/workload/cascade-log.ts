import { ClaimEvent } from '../../src/domain/claim/claim.events';
import { claimStreamId } from '../../src/domain/claim/claim.events';
import { PartyEvent, partyStreamId } from '../../src/domain/party/party.events';
import { storylineStreamId } from '../../src/domain/storyline/storyline.events';
import { SqliteEventStore } from '../../src/infrastructure/event-store/sqlite/sqlite-event-store';
import { eventToAppend } from '../../test/support/event-to-append';

/** The reporting outlet, and the correspondent whose support every claim has. */
export const OUTLET = { id: 'financial-times', name: 'Financial Times', kind: 'media' as const };
export const CORRESPONDENT = { id: 'jane-roe', name: 'Jane Roe', kind: 'person' as const };
/** Two registered parties no claim mentions: an affiliation between them reaches nothing. */
export const UNMENTIONED = [
  { id: 'bench-analyst', name: 'Bench Analyst', kind: 'person' as const },
  { id: 'bench-institute', name: 'Bench Institute', kind: 'organization' as const },
];

const CLAIMS_PER_STORYLINE = 500;
const APPENDS_PER_COMMIT = 2000;

export const cascadeClaimId = (index: number) => `cascade-claim-${index}`;
/** A claim no registry write reaches, for the baseline of a write that is not the registry's. */
export const UNREACHED_CLAIM_ID = 'unreached-claim';

/**
 * A log of `claims` claims, each reported by the outlet and supported by the correspondent (so each
 * is corroborated while the registry does not know she works there), in storylines of 500, with the
 * outlet, the correspondent and two unmentioned parties registered, and one claim that mentions none
 * of them. Returns the events written.
 */
export async function writeCascadeLog(sqlitePath: string, claims: number): Promise<number> {
  const store = new SqliteEventStore(sqlitePath);
  let pending: Array<Promise<unknown>> = [];
  let written = 0;
  const append = async (
    streamId: string,
    event: ClaimEvent | PartyEvent | { type: string; data: unknown },
    actor: string,
  ) => {
    pending.push(store.append(streamId, [eventToAppend(event.type, event.data, actor)], 'any'));
    written += 1;
    if (pending.length === APPENDS_PER_COMMIT) {
      await Promise.all(pending);
      pending = [];
    }
  };
  try {
    for (const party of [OUTLET, CORRESPONDENT, ...UNMENTIONED]) {
      const data = { partyId: party.id, name: party.name, kind: party.kind, aliases: [] };
      await append(partyStreamId(party.id), { type: 'PartyRegistered', data }, 'editor-key');
    }
    for (let index = 0; index < claims; index++) {
      const storylineId = `cascade-storyline-${Math.floor(index / CLAIMS_PER_STORYLINE)}`;
      if (index % CLAIMS_PER_STORYLINE === 0) {
        const data = {
          storylineId,
          title: `Storyline ${storylineId}`,
          summary: 'Claims the registry reaches',
          tags: [],
        };
        await append(storylineStreamId(storylineId), { type: 'StorylineOpened', data }, 'reporter-key');
      }
      const claimId = cascadeClaimId(index);
      const recorded: ClaimEvent = {
        type: 'ClaimRecorded',
        data: {
          claimId,
          storylineId,
          statement: `Statement ${index} of the outlet's report.`,
          language: 'en',
          kind: 'factual',
          claimant: { id: `speaker-${index % 97}`, name: `Speaker ${index % 97}`, kind: 'person' },
          reportedBy: OUTLET,
          attribution: 'on_record',
          occurredAt: '2026-01-23T14:00:00+01:00',
          tags: [],
        },
      };
      await append(claimStreamId(claimId), recorded, 'reporter-key');
      const supported: ClaimEvent = {
        type: 'ClaimSupported',
        data: { claimId, by: CORRESPONDENT, kind: 'corroboration', occurredAt: '2026-01-27T12:00:00+01:00' },
      };
      await append(claimStreamId(claimId), supported, 'reporter-key');
    }
    const unreached: ClaimEvent = {
      type: 'ClaimRecorded',
      data: {
        claimId: UNREACHED_CLAIM_ID,
        storylineId: 'cascade-storyline-0',
        statement: 'A statement nobody in the registry made.',
        language: 'en',
        kind: 'factual',
        claimant: { id: 'someone-else', name: 'Someone Else', kind: 'person' },
        attribution: 'on_record',
        occurredAt: '2026-01-23T14:00:00+01:00',
        tags: [],
      },
    };
    await append(claimStreamId(UNREACHED_CLAIM_ID), unreached, 'reporter-key');
    await Promise.all(pending);
  } finally {
    await store.close();
  }
  return written;
}
