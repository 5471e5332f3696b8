import { PointInTime } from '../../application/queries/point-in-time';
import { problem } from './problem/problem';
import { ProblemError } from './problem/problem.error';

export function pointInTimeOf(query: { asOf?: string; atPosition?: number }): PointInTime | undefined {
  if (query.asOf !== undefined && query.atPosition !== undefined) {
    throw new ProblemError(problem(400, 'use asOf or atPosition, not both'));
  }
  if (query.asOf !== undefined) return { asOf: query.asOf };
  if (query.atPosition !== undefined) return { atPosition: query.atPosition };
  return undefined;
}
