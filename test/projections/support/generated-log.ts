import { StoredEvent } from '../../../src/application/ports/event-store.port';
import { EventLogGenerator } from '../../../bench/workload/event-log-generator';

/** A generated newsroom log, claim relations among its events, as the store would give it back; `lateOpenings` moves some storylines' openings after their claims. */
export function generatedLog(seed: number, events: number, lateOpenings: boolean): StoredEvent[] {
  const generator = new EventLogGenerator({ events, largeStorylineEvents: events / 10, seed, relations: true });
  const revisions = new Map<string, number>();
  const appended = [...generator.events()];
  if (lateOpenings) {
    for (let index = appended.length - 1; index >= 0; index--) {
      if (appended[index].event.type !== 'StorylineOpened' || index % 3 !== 0) continue;
      const [opened] = appended.splice(index, 1);
      appended.splice(Math.min(appended.length, index + 50), 0, opened);
    }
  }
  return appended.map(({ streamId, event }, index) => {
    const revision = (revisions.get(streamId) ?? -1) + 1;
    revisions.set(streamId, revision);
    return { ...event, streamId, revision, position: index + 1 };
  });
}
