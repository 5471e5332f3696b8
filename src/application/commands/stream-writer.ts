import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  EVENT_STORE,
  EventStore,
  ExpectedRevision,
  StoredEvent,
  WrongExpectedRevisionError,
} from '../ports/event-store.port';
import { CURRENT_SCHEMA_VERSION, FactlineEvent } from '../events/factline-event';
import { upcast } from '../events/upcasters';
import { CommandContext } from './command-context';
import { ConcurrencyConflictError, PreconditionFailedError } from './command-errors';
import { eventIdFor } from './event-ids';

const MAX_ATTEMPTS = 20;
/** Streams are never deleted, so one seen to exist stays known; the bound only caps memory. */
const MAX_KNOWN_STREAMS = 100_000;

export interface StreamDecision {
  streamId: string;
  /** Given the stream's stored events, the new events to append (may be none). */
  decide(history: StoredEvent[]): FactlineEvent[];
}

export interface WriteOutcome {
  revision: number;
  position: number;
}

/** The one write path: load the stream, decide, append with the expected revision, retry on conflict. */
@Injectable()
export class StreamWriter {
  private readonly knownStreams = new Set<string>();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** Whether the stream holds an event; answered from memory once it has been seen to. */
  async streamExists(streamId: string): Promise<boolean> {
    if (this.knownStreams.has(streamId)) return true;
    const exists = (await this.store.readStream(streamId)).length > 0;
    if (exists) this.remember(streamId);
    return exists;
  }

  private remember(streamId: string): void {
    if (this.knownStreams.size >= MAX_KNOWN_STREAMS) this.knownStreams.clear();
    this.knownStreams.add(streamId);
  }

  async readStream(streamId: string): Promise<StoredEvent[]> {
    return (await this.store.readStream(streamId)).map((event) => upcast(event));
  }

  async write({ streamId, decide }: StreamDecision, context: CommandContext): Promise<WriteOutcome> {
    for (let attempt = 1; ; attempt++) {
      const history = await this.readStream(streamId);
      const current = history.length - 1;
      if (context.expectedRevision !== undefined && context.expectedRevision !== current) {
        // A stream that does not exist is reported as the decider sees it (404), not as a stale revision.
        if (current === -1) decide(history);
        throw new PreconditionFailedError(streamId, context.expectedRevision, current);
      }
      const events = decide(history);
      if (events.length === 0) return { revision: current, position: history.at(-1)?.position ?? -1 };
      const expected: ExpectedRevision = current === -1 ? 'no_stream' : current;
      try {
        const appended = await this.store.append(streamId, this.envelope(events, context), expected);
        this.remember(streamId);
        return appended;
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        if (context.expectedRevision !== undefined) {
          throw new PreconditionFailedError(streamId, context.expectedRevision, Number(error.actual));
        }
        if (attempt >= MAX_ATTEMPTS) throw new ConcurrencyConflictError(streamId);
      }
    }
  }

  private envelope(events: FactlineEvent[], context: CommandContext) {
    const recordedAt = new Date().toISOString();
    return events.map((event, index) => ({
      eventId: eventIdFor(context.actor, context.idempotencyKey, index),
      type: event.type,
      data: event.data,
      metadata: {
        recordedAt,
        actor: context.actor,
        commandId: context.commandId ?? randomUUID(),
        correlationId: context.correlationId,
        causationId: context.causationId,
        schemaVersion: CURRENT_SCHEMA_VERSION,
      },
    }));
  }
}
