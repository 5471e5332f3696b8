/** Corrections as before/after, replayed from the claim's history (the view keeps only the "after"). */

export interface HistoryEvent {
  eventId: string;
  type: string;
  data: Record<string, unknown>;
  metadata: { recordedAt: string; actor: string };
}

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface CorrectionDiff {
  eventId: string;
  reason: string;
  recordedAt: string;
  actor: string;
  fields: FieldChange[];
}

const NOT_CONTENT = new Set(['claimId', 'storylineId']);

export function correctionDiffs(history: HistoryEvent[]): CorrectionDiff[] {
  let content: Record<string, unknown> = {};
  const diffs: CorrectionDiff[] = [];
  for (const event of history) {
    if (event.type === 'ClaimRecorded') {
      content = Object.fromEntries(Object.entries(event.data).filter(([field]) => !NOT_CONTENT.has(field)));
    } else if (event.type === 'ClaimCorrected') {
      const changes = (event.data.changes ?? {}) as Record<string, unknown>;
      diffs.push({
        eventId: event.eventId,
        reason: String(event.data.reason ?? ''),
        recordedAt: event.metadata.recordedAt,
        actor: event.metadata.actor,
        fields: Object.entries(changes).map(([field, after]) => ({ field, before: content[field], after })),
      });
      content = { ...content };
      for (const [field, after] of Object.entries(changes)) {
        // In a correction, null removes the field.
        if (after === null) delete content[field];
        else content[field] = after;
      }
    }
  }
  return diffs;
}

/** A field's value in words: parties by name, sources by title or address, lists joined. */
export function valueInWords(value: unknown): string {
  if (value === undefined) return '(not set)';
  if (value === null) return '(removed)';
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.map(valueInWords).join(', ');
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.name === 'string') return record.kind ? `${record.name} (${String(record.kind)})` : record.name;
    if (typeof record.url === 'string')
      return typeof record.title === 'string' ? `${record.title} <${record.url}>` : record.url;
    return JSON.stringify(value);
  }
  return String(value);
}
