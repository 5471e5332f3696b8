import {
  DeadlineExceededError,
  NotLeaderError,
  TimeoutError,
  UnavailableError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import {
  EventStoreUnavailableError,
  ExpectedRevision,
  WrongExpectedRevisionError,
} from '../../../application/ports/event-store.port';

/** gRPC status codes meaning "the server is not there right now". */
const GRPC_UNAVAILABLE = 14;
const GRPC_DEADLINE_EXCEEDED = 4;

/** Messages of errors the client raises untyped (discovery, the native reader, refused sockets). */
const UNREACHABLE_MESSAGE =
  /ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ETIMEDOUT|No connection established|Failed to discover|UnavailableError|DeadlineExceeded/i;

export function isUnreachable(error: unknown): boolean {
  if (
    error instanceof UnavailableError ||
    error instanceof DeadlineExceededError ||
    error instanceof TimeoutError ||
    // A leader election is under way: the cluster accepts writes again shortly.
    error instanceof NotLeaderError
  ) {
    return true;
  }
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (code === GRPC_UNAVAILABLE || code === GRPC_DEADLINE_EXCEEDED) return true;
  return UNREACHABLE_MESSAGE.test(error.message) || UNREACHABLE_MESSAGE.test(error.name);
}

/** The client's WrongExpectedVersionError in the port's terms. */
export function toWrongExpectedRevision(
  error: WrongExpectedVersionError,
  streamId: string,
  expected: ExpectedRevision,
): WrongExpectedRevisionError {
  const actual =
    typeof error.actualState === 'bigint' && error.actualState >= 0n ? Number(error.actualState) : 'no_stream';
  return new WrongExpectedRevisionError(streamId, expected, actual);
}

/** Connection trouble becomes the port's EventStoreUnavailableError (HTTP 503); anything else passes unchanged. */
export function toPortError(error: unknown, operation: string): unknown {
  if (error instanceof EventStoreUnavailableError) return error;
  if (isUnreachable(error)) {
    const reason = `KurrentDB is unreachable (${operation})`;
    return new EventStoreUnavailableError(`${reason}: ${describe(error)}`, error, reason);
  }
  return error;
}

/** One line, whatever the client put in the message. */
export function describe(error: unknown): string {
  const text = error instanceof Error ? error.message || error.name : String(error);
  return text.replace(/\s+/g, ' ').trim();
}
