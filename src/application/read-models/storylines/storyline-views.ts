import { Page, PageRequest, decodeCursor, toPage } from '../../queries/page';
import { StorylineFilter, StorylineReadModel } from '../../queries/read-models.port';
import { ClaimSummary } from '../claims/claim-view';
import { StorylineSnapshot, StorylineStore, StoredStoryline } from './storyline-store.port';
import { StorylineListItem, StorylineView, toStorylineListItem } from './storyline-view';

const toListItem = ({ record, counts, position }: StoredStoryline): StorylineListItem =>
  toStorylineListItem(record, counts, position);

function claimPage(snapshot: StorylineSnapshot, storylineId: string, { limit, cursor }: PageRequest) {
  const [afterSeq] = (decodeCursor(cursor, ['number']) ?? [-1]) as [number];
  return toPage(
    snapshot.claimSummaries(storylineId, afterSeq, limit + 1),
    limit,
    (row) => row.summary,
    (row) => [row.seq],
  );
}

/** Storylines with their headline status and counts, and each storyline's claims in recorded order, each from one snapshot. */
export class StorylineViews implements StorylineReadModel {
  constructor(private readonly store: StorylineStore) {}

  exists(storylineId: string): boolean {
    return this.store.read((snapshot) => snapshot.storyline(storylineId) !== undefined);
  }

  get(storylineId: string, claimsLimit: number): StorylineView | undefined {
    return this.store.read((snapshot) => {
      const stored = snapshot.storyline(storylineId);
      if (!stored) return undefined;
      const claims = claimPage(snapshot, storylineId, { limit: claimsLimit });
      return {
        ...toListItem(stored),
        claims: claims.items,
        ...(claims.nextCursor ? { claimsNextCursor: claims.nextCursor } : {}),
      };
    });
  }

  claims(storylineId: string, page: PageRequest): Page<ClaimSummary> | undefined {
    return this.store.read((snapshot) =>
      snapshot.storyline(storylineId) ? claimPage(snapshot, storylineId, page) : undefined,
    );
  }

  list(filter: StorylineFilter, { limit, cursor }: PageRequest): Page<StorylineListItem> {
    const [afterSeq] = (decodeCursor(cursor, ['number']) ?? [-1]) as [number];
    return this.store.read((snapshot) =>
      toPage(snapshot.storylines(filter, afterSeq, limit + 1), limit, toListItem, (stored) => [stored.seq]),
    );
  }
}
