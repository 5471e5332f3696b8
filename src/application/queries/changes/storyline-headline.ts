import { StoredEvent } from '../../ports/event-store.port';
import { ClaimStanding, countClaims } from '../../read-models/storylines/storyline-tally';
import { StorylineRecord, evolveStorylineRecord } from '../../read-models/storylines/storyline-view';
import { StorylineHeadlineChange } from './changes';
import { ClaimComparison } from './claim-comparison';

/** A storyline's own record at `since` and at `next`. */
export interface StorylineRecords {
  before?: StorylineRecord;
  after?: StorylineRecord;
}

export function storylineRecords(stream: StoredEvent[], since: number, next: number): StorylineRecords {
  let record: StorylineRecord | undefined;
  let before: StorylineRecord | undefined;
  for (const event of stream) {
    if (event.position > next) break;
    record = evolveStorylineRecord(record, event);
    if (event.position <= since) before = record;
  }
  return { ...(before ? { before } : {}), ...(record ? { after: record } : {}) };
}

/**
 * The headline at `since` and at `next`, each counted over every claim of the storyline with the
 * function the as-of view counts with. Claims without changes in the window (`unchanged`) stand
 * the same at both points; the compared ones stand as their folds say. Undefined when the headline
 * did not move (or there is no storyline at `next`).
 */
export function headlineChange(
  records: StorylineRecords,
  unchanged: ClaimStanding[],
  compared: ClaimComparison[],
): StorylineHeadlineChange | undefined {
  const { before, after } = records;
  if (!after) return undefined;
  const statusAfter = countClaims([...unchanged, ...compared.map((claim) => claim.after)]).status;
  const statusBefore = before && countClaims([...unchanged, ...compared.flatMap((claim) => claim.before ?? [])]).status;
  if (statusBefore === statusAfter) return undefined;
  return {
    id: after.storylineId,
    title: after.title,
    ...(statusBefore ? { before: statusBefore } : {}),
    after: statusAfter,
  };
}
