import { Page, PageRequest, decodeCursor, toPage } from '../../queries/page';
import { TimelineReadModel } from '../../queries/read-models.port';
import { evaluatedClaims } from '../claims/evaluated-claims';
import { TimelineEntry, timelineEntries, withPlace } from './timeline-entry';
import { TimelineStore } from './timeline-store.port';

/** A storyline's timeline a page at a time: the stored places give the order, the claims' folds give the entries. */
export class TimelineViews implements TimelineReadModel {
  constructor(private readonly store: TimelineStore) {}

  timeline(storylineId: string, { limit, cursor }: PageRequest): Page<TimelineEntry> {
    const [afterPlace, afterPosition] = (decodeCursor(cursor, ['number', 'number']) ?? [-Infinity, -1]) as [
      number,
      number,
    ];
    return this.store.read((snapshot) => {
      const places = snapshot.places(storylineId, afterPlace, afterPosition, limit + 1);
      const claims = evaluatedClaims(snapshot, [...new Set(places.map((place) => place.claimId))]);
      const entries = new Map<number, TimelineEntry>();
      for (const { record, evaluation } of claims.values()) {
        for (const entry of timelineEntries(record, evaluation)) entries.set(entry.position, entry);
      }
      return toPage(
        places.filter((place) => entries.has(place.position)),
        limit,
        (place) => withPlace(entries.get(place.position) as TimelineEntry, place.place),
        (place) => [place.place, place.position],
      );
    });
  }
}
