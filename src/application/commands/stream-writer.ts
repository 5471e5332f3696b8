import { Inject, Injectable } from '@nestjs/common';
import { Identified } from '../../domain/identified';
import { CURRENT_SCHEMA_VERSION } from '../events/factline-event';
import {
  AppendResult,
  DuplicateEventIdError,
  EVENT_STORE,
  EventStore,
  EventToAppend,
  StoredEvent,
  WrongExpectedRevisionError,
} from '../ports/event-store.port';
import { CommandContext } from './command-context';
import { ConcurrencyConflictError, PreconditionFailedError } from './command-errors';
import { DecidedStates, KnownState } from './decided-states';
import { eventIdFor } from './event-ids';
import { StreamTurns } from './stream-turns';
import { DomainEvent, StreamType } from './stream-types';

/** How long a command without `If-Match` keeps retrying when other writers keep moving its stream. */
export const CONFLICT_RETRY_DEADLINE_MS = 5_000;
/** Full-jitter exponential backoff between retries: a random wait up to min(cap, first · 2^(attempt-1)). */
const FIRST_BACKOFF_MS = 2;
const MAX_BACKOFF_MS = 100;

export interface WriteOutcome {
  revision: number;
  position: number;
  /** The command had been applied before (same `Idempotency-Key`): this is the answer rebuilt from its events. */
  replayed?: boolean;
}

type Decision<E> = { events: E[] } | { refused: unknown };

const backoff = (attempt: number) =>
  new Promise((resolve) =>
    setTimeout(resolve, Math.random() * Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** (attempt - 1))),
  );

/**
 * The one write path: decide on the stream's known state, append at its revision, and on a
 * conflict read what the other writer appended and decide again. With an `Idempotency-Key` the
 * events' ids are derived from it, so a command that is already in the stream is answered from
 * its stored events instead of being applied twice.
 */
@Injectable()
export class StreamWriter {
  private readonly states: DecidedStates;
  private readonly turns = new StreamTurns();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {
    this.states = new DecidedStates(store);
  }

  /** The stream's current state, as far as this process knows it (a stream without events is always read). */
  async stateOf<C, E extends DomainEvent, S>(type: StreamType<C, E, S>, streamId: string): Promise<S> {
    return (await this.states.load(type, streamId)).state;
  }

  write<C, E extends DomainEvent, S>(
    type: StreamType<C, E, S>,
    streamId: string,
    command: C,
    context: CommandContext,
  ): Promise<WriteOutcome> {
    return this.turns.take(streamId, () => this.writeInTurn(type, streamId, command, context));
  }

  private async writeInTurn<C, E extends DomainEvent, S>(
    type: StreamType<C, E, S>,
    streamId: string,
    command: C,
    context: CommandContext,
  ): Promise<WriteOutcome> {
    const earlier = await this.earlierAttempt(streamId, context);
    if (earlier) return earlier;
    const deadline = Date.now() + CONFLICT_RETRY_DEADLINE_MS;
    let known = this.states.toDecideOn(type, streamId);
    for (let attempt = 1; ; attempt++) {
      let decision = this.decide(type, streamId, command, known, context);
      // Only an append is checked by the store: a refusal or a no-op must not rest on a state another writer overtook.
      if (!known.verified && !('events' in decision && decision.events.length > 0)) {
        known = await this.states.refresh(type, streamId, known);
        decision = this.decide(type, streamId, command, known, context);
      }
      if ('refused' in decision) throw decision.refused;
      if (decision.events.length === 0) return { revision: known.revision, position: known.position };
      const events = this.withIds(decision.events, context);
      let result: AppendResult;
      try {
        result = await this.store.append(
          streamId,
          this.envelope(events, context),
          known.revision === -1 ? 'no_stream' : known.revision,
        );
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        const actual = error.actual === 'no_stream' ? -1 : error.actual;
        if (context.expectedRevision !== undefined) {
          throw new PreconditionFailedError(streamId, context.expectedRevision, actual);
        }
        if (Date.now() >= deadline) throw new ConcurrencyConflictError(streamId);
        // A stream only guessed to be new is read at once; backing off is for writers racing on a known stream.
        if (known.verified || known.revision >= 0) await backoff(attempt);
        known = await this.states.refresh(type, streamId, known);
        continue;
      }
      return this.afterAppend(type, streamId, known, events, result, context);
    }
  }

  private async afterAppend<C, E extends DomainEvent, S>(
    type: StreamType<C, E, S>,
    streamId: string,
    known: KnownState<S>,
    events: Array<Identified<E>>,
    result: AppendResult,
    context: CommandContext,
  ): Promise<WriteOutcome> {
    let other: WriteOutcome | undefined;
    try {
      other = await this.otherAttemptBehind(streamId, events[0].eventId, context);
    } catch (error) {
      if (error instanceof DuplicateEventIdError) throw error;
      // The append is stored and is answered as such; only the look behind it failed.
      this.states.forget(streamId);
      return result;
    }
    if (other) {
      this.states.forget(streamId);
      return other;
    }
    this.states.appended(type, streamId, known, events, result);
    return result;
  }

  private decide<C, E extends DomainEvent, S>(
    type: StreamType<C, E, S>,
    streamId: string,
    command: C,
    known: KnownState<S>,
    context: CommandContext,
  ): Decision<E> {
    try {
      if (context.expectedRevision !== undefined && context.expectedRevision !== known.revision) {
        // A stream that does not exist is reported as the decider sees it (404), not as a stale revision.
        if (known.revision === -1) type.decider.decide(command, known.state);
        throw new PreconditionFailedError(streamId, context.expectedRevision, known.revision);
      }
      return { events: type.decider.decide(command, known.state) };
    } catch (refused) {
      return { refused };
    }
  }

  /** A command whose first event is already in the stream: the answer it got then. */
  private async earlierAttempt(streamId: string, context: CommandContext): Promise<WriteOutcome | undefined> {
    if (context.idempotencyKey === undefined) return undefined;
    const first = await this.store.readEvent(streamId, eventIdFor(context.actor, context.idempotencyKey, 0));
    return first && this.answerFrom(streamId, first, context);
  }

  /**
   * After an append with derived ids, the first event is ours unless another attempt with the same
   * key (another replica, another process) stored it first; the store then answered with that append.
   */
  private async otherAttemptBehind(
    streamId: string,
    firstEventId: string,
    context: CommandContext,
  ): Promise<WriteOutcome | undefined> {
    if (context.idempotencyKey === undefined) return undefined;
    const first = await this.store.readEvent(streamId, firstEventId);
    return first && first.metadata.commandId !== context.commandId
      ? this.answerFrom(streamId, first, context)
      : undefined;
  }

  private async answerFrom(streamId: string, first: StoredEvent, context: CommandContext): Promise<WriteOutcome> {
    const key = context.idempotencyKey as string;
    // Events stored before fingerprints were kept have none: they cannot tell another request apart.
    const fingerprint = first.metadata.requestFingerprint;
    if (fingerprint !== undefined && fingerprint !== context.requestFingerprint) {
      throw new DuplicateEventIdError(first.eventId);
    }
    // A command's events were appended together; the answer names the last of them.
    let last = first;
    for (let index = 1; ; index++) {
      const next = await this.store.readEvent(streamId, eventIdFor(context.actor, key, index));
      if (!next) break;
      last = next;
    }
    return { revision: last.revision, position: last.position, replayed: true };
  }

  private withIds<E extends DomainEvent>(events: E[], context: CommandContext): Array<Identified<E>> {
    return events.map((event, index) => ({
      ...event,
      eventId: eventIdFor(context.actor, context.idempotencyKey, index),
    }));
  }

  private envelope(events: Array<Identified<DomainEvent>>, context: CommandContext): EventToAppend[] {
    const recordedAt = new Date().toISOString();
    return events.map(({ eventId, type, data }) => ({
      eventId,
      type,
      data,
      metadata: {
        recordedAt,
        actor: context.actor,
        commandId: context.commandId,
        correlationId: context.correlationId,
        causationId: context.causationId,
        schemaVersion: CURRENT_SCHEMA_VERSION,
        ...(context.requestFingerprint !== undefined ? { requestFingerprint: context.requestFingerprint } : {}),
      },
    }));
  }
}
