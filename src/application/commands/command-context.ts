/** Who sent a command and how it relates to others; copied into every event's metadata. */
export interface CommandContext {
  actor: string;
  commandId: string;
  correlationId: string;
  causationId: string;
  /** From `If-Match`: the stream revision the client last saw. Absent: retry on conflicts. */
  expectedRevision?: number;
  /** From `Idempotency-Key`: makes event ids deterministic so a retried command cannot append twice. */
  idempotencyKey?: string;
  /** With an idempotency key: a hash of the request, kept in the events' metadata to tell a retry from another request. */
  requestFingerprint?: string;
}

export interface CommandResult {
  id: string;
  /** The stream's revision after the command (the value of the ETag). */
  revision: number;
  /** Global position of the last event written, for `minPosition` reads. */
  position: number;
  /** Answered from the events of an earlier attempt with the same `Idempotency-Key`. */
  replayed?: boolean;
}
