import { KnownAt, PointInTime } from '../../application/queries/point-in-time';
import { problem } from './problem/problem';
import { ProblemError } from './problem/problem.error';

/** The point a view of the past is asked for; undefined for the view of now. */
export function pointInTimeOf(query: {
  asOf?: string;
  atPosition?: number;
  asOccurred?: string;
}): PointInTime | undefined {
  if (query.asOf !== undefined && query.atPosition !== undefined) {
    throw new ProblemError(problem(400, 'use asOf or atPosition, not both'));
  }
  const known: KnownAt | undefined =
    query.asOf !== undefined
      ? { asOf: query.asOf }
      : query.atPosition !== undefined
        ? { atPosition: query.atPosition }
        : undefined;
  if (query.asOccurred === undefined) return known;
  return { ...(known ?? { knownNow: true }), asOccurred: query.asOccurred };
}
