import { convertBridgeError } from '@kurrent/kurrentdb-client/dist/utils/convertBridgeError';
import { convertToCommandError } from '@kurrent/kurrentdb-client/dist/utils/CommandError';

/**
 * Transport failures as the client (1.3.1) hands them to its caller. The fake builds what arrives
 * on the wire and passes it through the client's own converters, so the class, `code` and message
 * of each error are the ones the client's code makes of it:
 * - appends and subscriptions travel on grpc-js: a gRPC status (code, details, metadata) goes
 *   through `convertToCommandError`;
 * - reads travel through the Rust bridge, which throws plain errors with a `name`: they go through
 *   `convertBridgeError`, which types only a few names and makes every other one an UnknownError.
 */
export type TransportFault =
  /** The node cannot be reached (connection refused, no node discovered). */
  | 'unavailable'
  /** The call's deadline passed before the node answered. */
  | 'deadline-exceeded'
  /** The node answered with a failure of its own: not ready during an election, an unhandled exception. */
  | 'server-error'
  /** The connection went away during the call. */
  | 'dropped-channel'
  /** The node is a follower and the call needs the leader. */
  | 'not-leader';

export const TRANSPORT_FAULTS: readonly TransportFault[] = [
  'unavailable',
  'deadline-exceeded',
  'server-error',
  'dropped-channel',
  'not-leader',
];

const GRPC_CODES = { UNKNOWN: 2, DEADLINE_EXCEEDED: 4, NOT_FOUND: 5, UNAVAILABLE: 14 } as const;

/** What grpc-js reports for each fault (the status it gives a failed call). */
const GRPC_STATUS: Record<TransportFault, { code: number; details: string; metadata?: Record<string, string> }> = {
  unavailable: {
    code: GRPC_CODES.UNAVAILABLE,
    details: 'No connection established. Last error: connect ECONNREFUSED 172.30.241.11:2113',
  },
  'deadline-exceeded': { code: GRPC_CODES.DEADLINE_EXCEEDED, details: 'Deadline exceeded' },
  'server-error': { code: GRPC_CODES.UNAVAILABLE, details: 'Server Is Not Ready' },
  'dropped-channel': { code: GRPC_CODES.UNAVAILABLE, details: 'Connection dropped' },
  'not-leader': {
    code: GRPC_CODES.NOT_FOUND,
    details: 'Leader info available',
    metadata: { exception: 'not-leader', 'leader-endpoint-host': 'kurrentdb-2', 'leader-endpoint-port': '2113' },
  },
};

/** What the bridge throws for each fault: only connection set-up and a few server answers carry a typed name. */
const BRIDGE_ERROR: Record<TransportFault, { name: string; message: string; metadata?: Record<string, string> }> = {
  unavailable: { name: 'UnavailableError', message: 'Failed to discover a node: connection refused' },
  'deadline-exceeded': { name: 'Error', message: 'Deadline exceeded' },
  'server-error': { name: 'Error', message: 'ServerError: status: Unavailable, message: "Server Is Not Ready"' },
  'dropped-channel': { name: 'Error', message: 'ServerError: status: Unknown, message: "transport error"' },
  'not-leader': {
    name: 'NotLeaderError',
    message: 'Not leader',
    metadata: { 'leader-endpoint-host': 'kurrentdb-2', 'leader-endpoint-port': '2113' },
  },
};

/** The error an append or a subscription fails with (grpc-js). */
export function grpcError(fault: TransportFault): Error {
  const { code, details, metadata = {} } = GRPC_STATUS[fault];
  const status = Object.assign(new Error(`${code} ${statusName(code)}: ${details}`), {
    code,
    details,
    metadata: { getMap: () => metadata },
  });
  return convertToCommandError(status);
}

/** The error a read fails with (the Rust bridge). */
export function bridgeError(fault: TransportFault, streamName?: string): Error {
  const { name, message, metadata } = BRIDGE_ERROR[fault];
  return fromBridge(name, message, streamName, metadata);
}

/**
 * A read of `$all` from a position that is no record's start: the server's reader answers
 * `InvalidPosition` (KurrentDB issue #694), which the bridge passes on under a name the client does
 * not type. The message text is the fake's; the class is what the client makes of any such name.
 */
export function invalidPositionError(position: bigint): Error {
  return fromBridge(
    'Error',
    `ServerError: status: Unknown, message: "InvalidPosition: ${position} is not the start of a record"`,
  );
}

/** A subscription from a position that is no record's start fails the same way, through grpc-js. */
export function invalidPositionGrpcError(position: bigint): Error {
  const details = `InvalidPosition: ${position} is not the start of a record`;
  const status = Object.assign(new Error(`${GRPC_CODES.UNKNOWN} UNKNOWN: ${details}`), {
    code: GRPC_CODES.UNKNOWN,
    details,
    metadata: { getMap: () => ({}) },
  });
  return convertToCommandError(status);
}

/** A stream that does not exist, or that was tombstoned, as the bridge reports it on a read. */
export function bridgeStreamError(name: 'StreamNotFoundError' | 'StreamDeletedError', streamName: string): Error {
  return fromBridge(name, `${streamName}: ${name}`, streamName);
}

function fromBridge(name: string, message: string, streamName?: string, metadata?: Record<string, string>): Error {
  const raw = Object.assign(new Error(message), { metadata });
  raw.name = name;
  return convertBridgeError(raw, streamName);
}

function statusName(code: number): string {
  return Object.entries(GRPC_CODES).find(([, value]) => value === code)?.[0] ?? 'UNKNOWN';
}
