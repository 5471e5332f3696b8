import {
  CancelledError,
  DeadlineExceededError,
  MaxAppendSizeExceededError,
  NotLeaderError,
  TimeoutError,
  UnavailableError,
  UnknownError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import {
  EventStoreUnavailableError,
  ExpectedRevision,
  InvalidPositionError,
  WrongExpectedRevisionError,
} from '../../../application/ports/event-store.port';

/** gRPC status codes of a call that never reached a working server (the client maps INTERNAL to unavailable too). */
const GRPC_UNKNOWN = 2;
const GRPC_DEADLINE_EXCEEDED = 4;
const GRPC_INTERNAL = 13;
const GRPC_UNAVAILABLE = 14;

/** Messages of errors the client raises untyped (discovery, the native reader, refused sockets). */
const UNREACHABLE_MESSAGE =
  /ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ETIMEDOUT|EPIPE|No connection established|Failed to discover|UnavailableError|DeadlineExceeded|Deadline exceeded/i;

/**
 * What the Rust bridge hands over as UnknownError when a session breaks: the server's "not ready"
 * or "not leader" answers, a dropped gRPC channel, a deadline. The bridge maps only
 * connection-setup failures to UnavailableError.
 */
const BRIDGE_OUTAGE =
  /ServerError|Server-side error|Deadline exceeded|not ready|NotLeader|not leader|leader|GrpcConnectionError|Connection error|channel|transport|connection (closed|reset|dropped)|stream (closed|reset)|h2 protocol/i;

/** The server's answer to a read from a byte offset inside a record (KurrentDB issue #694). */
const INVALID_POSITION = /invalid.?position|InvalidPosition/i;

export function isInvalidPosition(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return INVALID_POSITION.test(error.message) || INVALID_POSITION.test(error.name);
}

export function isUnreachable(error: unknown): boolean {
  if (
    error instanceof UnavailableError ||
    error instanceof DeadlineExceededError ||
    error instanceof TimeoutError ||
    // A leader election is under way: the cluster accepts writes again shortly.
    error instanceof NotLeaderError ||
    // The server cancelled the call (a node shutting down); a cancel of our own never reaches here.
    error instanceof CancelledError
  ) {
    return true;
  }
  if (!(error instanceof Error) || isInvalidPosition(error)) return false;
  if (error instanceof UnknownError) {
    // grpc-js: the node failed the call itself ("Exception was thrown by handler"), as while it is not ready.
    if (error.code === GRPC_UNKNOWN) return true;
    if (BRIDGE_OUTAGE.test(error.message) || BRIDGE_OUTAGE.test(error.name)) return true;
  }
  const code = (error as { code?: unknown }).code;
  if (code === GRPC_UNAVAILABLE || code === GRPC_DEADLINE_EXCEEDED || code === GRPC_INTERNAL) return true;
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

/**
 * Connection trouble becomes the port's EventStoreUnavailableError (HTTP 503), a read from a
 * position inside a record InvalidPositionError (HTTP 400); anything else passes unchanged. The
 * unavailable `reason` is what clients read, so it names the kind of failure, never a server's
 * address; the message (for the log) adds the client's own words.
 */
export function toPortError(error: unknown, operation: string, position?: number): unknown {
  if (error instanceof EventStoreUnavailableError || error instanceof InvalidPositionError) return error;
  if (position !== undefined && isInvalidPosition(error)) return new InvalidPositionError(position);
  if (isUnreachable(error)) {
    const reason = `KurrentDB is unavailable (${operation}): ${outageKind(error)}`;
    return new EventStoreUnavailableError(`${reason}: ${describe(error)}`, error, reason);
  }
  return error;
}

/** The kind of outage in a few words, without the addresses the client's messages carry. */
export function outageKind(error: unknown): string {
  if (error instanceof NotLeaderError || (error instanceof Error && /not.?leader/i.test(error.message))) {
    return 'no leader to write to (an election is under way)';
  }
  if (
    error instanceof DeadlineExceededError ||
    error instanceof TimeoutError ||
    (error instanceof Error && /deadline|timed? ?out|ETIMEDOUT/i.test(error.message))
  ) {
    return 'the server did not answer in time';
  }
  if (error instanceof Error && /not ready|ServerError|Server-side error/i.test(error.message)) {
    return 'the server is not ready';
  }
  return 'the connection to the server failed';
}

export function isAppendTooLarge(error: unknown): boolean {
  return error instanceof MaxAppendSizeExceededError;
}

/** One line, whatever the client put in the message. */
export function describe(error: unknown): string {
  const text = error instanceof Error ? error.message || error.name : String(error);
  return text.replace(/\s+/g, ' ').trim();
}
