import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { ClaimRecordEvent } from '../../../application/read-models/claims/claim-record';

/**
 * The stored form of a row of `claim_events` (claims read model 7): a JSON list with one list per
 * event, `[type, eventId, position, recordedAt, data]`, and a sixth item, the revision, only where
 * it does not follow the one before (the first event's is taken to be 0). What a row can give
 * back is left out: the type is a number from the list below, the position counts from the event
 * before, and `data` drops the claim id its row already names. A row whose list is long (a rebuild writes each claim's
 * events in one row) is deflated: SQLite returns it as a Buffer, and a short one as text.
 */

/** Codes of the kept types, by index: append only, as stored rows read their codes from it. */
const KEPT_TYPES = [
  'ClaimRecorded',
  'ClaimSupported',
  'ClaimContradicted',
  'ClaimRetracted',
  'ClaimCorrected',
  'ClaimVerdictIssued',
  'ClaimFactChecked',
  'ClaimRelated',
  'ClaimUnrelated',
];
const TYPE_CODES = new Map(KEPT_TYPES.map((type, code) => [type, code]));

/** Below this many characters deflating costs more than it saves (a live page's row of one or two events). */
const DEFLATE_FROM_CHARACTERS = 1024;

type KeptEvent = [
  type: number | string,
  eventId: string,
  position: number,
  recordedAt: string,
  data: Record<string, unknown> | string,
  revision?: number,
];

/**
 * The data's JSON without its first key when that is the row's claim id, which goes back first on
 * read, so the text reads the same. Data of any other shape is kept whole, as a JSON string, which
 * tells the two apart.
 */
function dataWithoutClaimId(claimId: string, data: unknown): string {
  const text = JSON.stringify(data);
  const prefix = `{"claimId":${JSON.stringify(claimId)},`;
  return text.startsWith(prefix) ? `{${text.slice(prefix.length)}` : JSON.stringify(text);
}

export function encodeKeptEvents(claimId: string, events: ClaimRecordEvent[]): string | Buffer {
  let position = 0;
  let revision = -1;
  const kept = events.map((event) => {
    const type = TYPE_CODES.get(event.type) ?? JSON.stringify(event.type);
    const fields = [
      type,
      JSON.stringify(event.eventId),
      event.position - position,
      JSON.stringify(event.metadata.recordedAt),
      dataWithoutClaimId(claimId, event.data),
    ];
    if (event.revision !== revision + 1) fields.push(event.revision);
    position = event.position;
    revision = event.revision;
    return `[${fields.join(',')}]`;
  });
  const text = `[${kept.join(',')}]`;
  return text.length < DEFLATE_FROM_CHARACTERS ? text : deflateRawSync(text, { level: 1 });
}

export function decodeKeptEvents(claimId: string, stored: string | Buffer): ClaimRecordEvent[] {
  const text = typeof stored === 'string' ? stored : inflateRawSync(stored).toString();
  let position = 0;
  let revision = -1;
  return (JSON.parse(text) as KeptEvent[]).map(([type, eventId, offset, recordedAt, data, storedRevision]) => {
    position += offset;
    revision = storedRevision ?? revision + 1;
    return {
      eventId,
      type: typeof type === 'number' ? KEPT_TYPES[type] : type,
      revision,
      position,
      data: typeof data === 'string' ? JSON.parse(data) : { claimId, ...data },
      metadata: { recordedAt },
    };
  });
}
