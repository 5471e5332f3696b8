import { StoredEvent } from '../../ports/event-store.port';
import { StorylineWrite } from './read-model-page';
import { noClaimsYet } from '../storylines/storyline-tally';
import { evolveStorylineRecord } from '../storylines/storyline-view';

/** The storylines as a batch rebuild folds them: every one the log names, its claims tallied as they are written. */
export type BatchStorylines = Map<string, StorylineWrite>;

export function batchStorylineOf(storylines: BatchStorylines, id: string): StorylineWrite {
  let write = storylines.get(id);
  if (!write) {
    write = { id, counts: noClaimsYet(), position: -1, recordChanged: false };
    storylines.set(id, write);
  }
  return write;
}

/** A storyline event moves its storyline's record, and its position when it does, as a live page would. */
export function foldBatchStoryline(storylines: BatchStorylines, storylineId: string, event: StoredEvent): void {
  const write = batchStorylineOf(storylines, storylineId);
  const after = evolveStorylineRecord(write.record, event);
  if (after === write.record) return;
  write.record = after;
  write.position = Math.max(write.position, event.position);
}
