import { StoredEvent } from '../ports/event-store.port';
import { CURRENT_SCHEMA_VERSION } from './factline-event';

/** Turns an event stored under `fromVersion` into the shape of `fromVersion + 1`. */
export interface Upcaster {
  type: string;
  fromVersion: number;
  upcast(data: unknown): unknown;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Schema 1 kept a source as a bare URL string; schema 2 makes it `{ url, title?, publishedAt?, quote? }`. */
const sourceBecameAnObject = (type: string): Upcaster => ({
  type,
  fromVersion: 1,
  upcast: (data) =>
    isRecord(data) && typeof data.source === 'string' ? { ...data, source: { url: data.source } } : data,
});

/** Registered in order; an event passes through every step from its version to the current one. */
export const UPCASTERS: Upcaster[] = ['ClaimRecorded', 'ClaimSupported', 'ClaimContradicted', 'ClaimRetracted'].map(
  sourceBecameAnObject,
);

export function upcast(event: StoredEvent, upcasters: Upcaster[] = UPCASTERS): StoredEvent {
  let version = event.metadata.schemaVersion ?? 1;
  if (version >= CURRENT_SCHEMA_VERSION) return event;
  let data = event.data;
  while (version < CURRENT_SCHEMA_VERSION) {
    const step = upcasters.find((candidate) => candidate.type === event.type && candidate.fromVersion === version);
    if (step) data = step.upcast(data);
    version += 1;
  }
  return { ...event, data, metadata: { ...event.metadata, schemaVersion: version } };
}
