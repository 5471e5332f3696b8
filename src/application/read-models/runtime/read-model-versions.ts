import { DEFAULT_DESK_TIME_ZONE } from '../../../domain/desk-calendar';
import { ReadModelVersions } from '../../ports/read-model-store.port';

/**
 * Bump a read model's number when what it computes from the same events changes (the status rule
 * included): read models built under an older number are rebuilt at start, in a shadow generation,
 * while the old one keeps serving.
 */
export const READ_MODEL_VERSIONS: ReadModelVersions = {
  statusRule: 5,
  claims: 10,
  storylines: 4,
  timeline: 4,
  parties: 3,
};

/** FNV-1a: a stable number for a zone name, so versions stay numbers. */
function zoneNumber(zone: string): number {
  let hash = 0x811c9dc5;
  for (const char of zone) hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 0x01000193) >>> 0;
  return hash;
}

/**
 * The versions a generation is built under for a desk time zone: the timeline's order depends on it
 * (DeskCalendar), so read models built for another zone are rebuilt at start like those of an older
 * version. UTC, the default, adds nothing.
 */
export const readModelVersions = (deskTimeZone: string): ReadModelVersions =>
  deskTimeZone === DEFAULT_DESK_TIME_ZONE
    ? READ_MODEL_VERSIONS
    : { ...READ_MODEL_VERSIONS, timelineZone: zoneNumber(deskTimeZone) };

/** The read models a client can name (GET /v1/projections, rebuild); they share one fold of the log. */
export const READ_MODEL_NAMES = ['claims', 'storylines', 'timeline', 'parties'] as const;

export const sameVersions = (a: ReadModelVersions, b: ReadModelVersions): boolean =>
  Object.keys({ ...a, ...b }).every((name) => a[name] === b[name]);
