import { problem } from '../problem/problem';
import { ProblemError } from '../problem/problem.error';

/**
 * Where a live stream resumes: strictly after the `Last-Event-ID` header, else after the `after`
 * query (already validated by its DTO), else `undefined`: only new events. The header wins
 * because a reconnecting browser repeats the original URL, `after` included, and adds the id
 * of the last event it saw.
 */
export function resumePosition(lastEventId: string | undefined, after: string | undefined): number | undefined {
  const header = lastEventId?.trim();
  if (header) {
    if (!/^\d{1,15}$/.test(header)) {
      throw new ProblemError(problem(400, 'Last-Event-ID must be the id (a global position) of an event sent earlier'));
    }
    return Number(header);
  }
  return after === undefined ? undefined : Number(after);
}
