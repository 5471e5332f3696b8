import { StoredClaims } from '../claims/claim-store.port';

export const TIMELINE_STORE = Symbol('TIMELINE_STORE');

/** Where one entry sits on a storyline's timeline, and whose claim it belongs to. */
export interface TimelinePlace {
  /** The position of the event the entry is derived from. */
  position: number;
  /** What the timeline is sorted by (timeline-entry.ts `timelinePlaces`), then by position. */
  place: number;
  claimId: string;
}

/** The timeline read model as one read transaction finds it stored, with the claims it places. */
export interface TimelineSnapshot extends StoredClaims {
  /** The storyline's places after (`afterPlace`, `afterPosition`), in timeline order; at most `limit`. */
  places(storylineId: string, afterPlace: number, afterPosition: number, limit: number): TimelinePlace[];
}

/** The timeline read model's storage: stored data only, the entries are built from it (timeline-views.ts). */
export interface TimelineStore {
  /** Runs `query` in one read transaction, so that the places and the claims are true at one checkpoint. */
  read<T>(query: (snapshot: TimelineSnapshot) => T): T;
}
