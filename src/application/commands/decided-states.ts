import { LRUCache } from 'lru-cache';
import { Identified } from '../../domain/identified';
import { AppendResult, EventStore, StoredEvent } from '../ports/event-store.port';
import { DomainEvent, StreamType } from './stream-types';

/** A stream's state as far as it is known, and the event it was last evolved with. */
export interface KnownState<State> {
  state: State;
  /** Revision of the last event evolved into `state`; -1 for a stream without events. */
  revision: number;
  /** Global position of that event; -1 for a stream without events. */
  position: number;
  /** Rough size of what the state holds, for the cache's bound. */
  bytes: number;
  /** Read from the store just now (true), or taken from the cache, which another writer may have overtaken (false). */
  verified: boolean;
}

interface Entry {
  type: object;
  state: unknown;
  revision: number;
  position: number;
  bytes: number;
}

/** Bounds of the cache: this many streams, and about this many bytes of their events, whichever is reached first. */
export const MAX_CACHED_STREAMS = 50_000;
export const MAX_CACHED_BYTES = 64 * 1024 * 1024;
const ENTRY_BYTES = 256;

/** What an event adds to the state, roughly: its data as JSON. */
const sizeOf = (data: unknown): number => JSON.stringify(data ?? null).length;

/**
 * The decided state of recently written streams, so a command evolves what it knows with the
 * events after it instead of folding the whole stream again. Least recently used streams are
 * dropped first. A cached state may be behind the store (another process or replica wrote since);
 * the append's expected revision catches that, and `refresh` then reads only the newer events.
 */
export class DecidedStates {
  private readonly cache = new LRUCache<string, Entry>({
    max: MAX_CACHED_STREAMS,
    maxSize: MAX_CACHED_BYTES,
    sizeCalculation: (entry) => entry.bytes,
  });

  constructor(private readonly store: EventStore) {}

  /** From the cache when it holds the stream, else folded from the store. */
  async load<C, E extends DomainEvent, S>(type: StreamType<C, E, S>, streamId: string): Promise<KnownState<S>> {
    return this.cached(type, streamId) ?? this.refresh(type, streamId, this.empty(type, true));
  }

  /**
   * What to decide on: from the cache when it holds the stream, else the state of a stream without
   * events, unread and unverified. Most streams that are not cached are new ones (a claim being
   * recorded), so reading them first would read nothing; the append's `no_stream` checks the guess,
   * and a decision that appends nothing is made again on the stream as read.
   */
  toDecideOn<C, E extends DomainEvent, S>(type: StreamType<C, E, S>, streamId: string): KnownState<S> {
    return this.cached(type, streamId) ?? this.empty(type, false);
  }

  /** `known` evolved with the events stored after its revision. */
  async refresh<C, E extends DomainEvent, S>(
    type: StreamType<C, E, S>,
    streamId: string,
    known: KnownState<S>,
  ): Promise<KnownState<S>> {
    const newer = await this.store.readStream(streamId, { fromRevision: known.revision + 1 });
    const refreshed = this.evolve(type, known, newer);
    this.keep(type, streamId, refreshed);
    return refreshed;
  }

  /** After a successful append of `events` on top of `known`. */
  appended<C, E extends DomainEvent, S>(
    type: StreamType<C, E, S>,
    streamId: string,
    known: KnownState<S>,
    events: Array<Identified<E>>,
    result: AppendResult,
  ): void {
    let { state, bytes } = known;
    for (const event of events) {
      state = type.decider.evolve(state, event);
      bytes += sizeOf(event.data);
    }
    this.keep(type, streamId, { state, bytes, revision: result.revision, position: result.position, verified: true });
  }

  forget(streamId: string): void {
    this.cache.delete(streamId);
  }

  private evolve<C, E extends DomainEvent, S>(
    type: StreamType<C, E, S>,
    known: KnownState<S>,
    stored: StoredEvent[],
  ): KnownState<S> {
    let { state, revision, position, bytes } = known;
    for (const event of stored) {
      const domainEvent = type.eventOf(event);
      if (domainEvent) state = type.decider.evolve(state, domainEvent);
      bytes += sizeOf(event.data);
      revision = event.revision;
      position = event.position;
    }
    return { state, revision, position, bytes, verified: true };
  }

  private cached<C, E extends DomainEvent, S>(type: StreamType<C, E, S>, streamId: string): KnownState<S> | undefined {
    const entry = this.cache.get(streamId);
    if (!entry || entry.type !== type) return undefined;
    const { state, revision, position, bytes } = entry;
    return { state: state as S, revision, position, bytes, verified: false };
  }

  private empty<C, E extends DomainEvent, S>(type: StreamType<C, E, S>, verified: boolean): KnownState<S> {
    return { state: type.decider.initialState, revision: -1, position: -1, bytes: ENTRY_BYTES, verified };
  }

  /** Streams without events are not kept: another writer may create them at any moment. */
  private keep<S>(type: object, streamId: string, known: KnownState<S>): void {
    if (known.revision < 0) return;
    const { state, revision, position, bytes } = known;
    this.cache.set(streamId, { type, state, revision, position, bytes });
  }
}
