import {
  ANY,
  BACKWARDS,
  END,
  jsonEvent,
  JSONType,
  KurrentDBClient,
  NO_STREAM,
  StreamDeletedError,
  StreamNotFoundError,
  StreamTombstonedError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import {
  DeliveryProgress,
  ProgressConflictError,
  VersionedProgress,
  WebhookRecord,
  WebhookStore,
  WebhookSubscription,
} from '../../../application/ports/webhook-store.port';
import { toPortError } from '../../event-store/kurrentdb/kurrentdb-errors';
import {
  foldRegistry,
  KEEP_LAST_EVENTS,
  leaseOf,
  leaseStream,
  mayTakeLease,
  progressOf,
  progressStream,
  Registration,
  REGISTRY_STREAM,
  WEBHOOK_LEASED,
  WEBHOOK_PROGRESSED,
  WEBHOOK_REGISTERED,
  WEBHOOK_REMOVED,
} from './webhook-streams';

/** The part of the client this store uses. */
export type WebhookStreamsClient = Pick<
  KurrentDBClient,
  'appendToStream' | 'readStream' | 'setStreamMetadata' | 'tombstoneStream' | 'dispose'
>;

interface LastEvent {
  data: unknown;
  revision: bigint;
}

/** The stream moved past the revision we wrote against, or it was deleted: someone else owns it now. */
const isConflict = (error: unknown) =>
  error instanceof WrongExpectedVersionError ||
  error instanceof StreamDeletedError ||
  error instanceof StreamTombstonedError;

const asJson = (value: object) => value as unknown as JSONType;

/**
 * Subscriptions as a registry stream (`factline-webhooks`), each one's progress and lease in streams
 * of their own. Every progress and lease write carries the revision it was decided on, so with several
 * replicas one of them delivers a subscription at a time: a replica takes a lease that is free or has
 * lapsed, renews it while it delivers, and a stale owner's next write fails instead of moving the
 * checkpoint under the new owner. Removing a subscription tombstones its streams, which fences every
 * replica off it for good.
 */
export class KurrentDbWebhookStore implements WebhookStore {
  private readonly registered = new Map<string, Registration>();
  private registryNext = 0n;
  private registryRead: Promise<void> = Promise.resolve();

  constructor(private readonly client: WebhookStreamsClient) {}

  static connect(connectionString: string): KurrentDbWebhookStore {
    return new KurrentDbWebhookStore(KurrentDBClient.connectionString(connectionString));
  }

  async create(subscription: WebhookSubscription, progress: DeliveryProgress): Promise<void> {
    const registration: Registration = { subscription, progress };
    // Any revision: registrations from several replicas never conflict (their ids are random UUIDs).
    await this.call('register a webhook', () =>
      this.client.appendToStream(REGISTRY_STREAM, jsonEvent({ type: WEBHOOK_REGISTERED, data: asJson(registration) }), {
        streamState: ANY,
      }),
    );
    await this.readRegistry();
  }

  async subscriptions(): Promise<WebhookSubscription[]> {
    await this.readRegistry();
    return [...this.registered.values()].map((registration) => registration.subscription);
  }

  async list(): Promise<WebhookRecord[]> {
    const subscriptions = await this.subscriptions();
    const records = await Promise.all(subscriptions.map((subscription) => this.recordOf(subscription)));
    return records.filter((record): record is WebhookRecord => record !== undefined);
  }

  async get(id: string): Promise<WebhookRecord | undefined> {
    await this.readRegistry();
    const registration = this.registered.get(id);
    return registration ? this.recordOf(registration.subscription) : undefined;
  }

  async remove(id: string): Promise<boolean> {
    await this.readRegistry();
    if (!this.registered.has(id)) return false;
    await this.call('remove a webhook', () =>
      this.client.appendToStream(
        REGISTRY_STREAM,
        jsonEvent({ type: WEBHOOK_REMOVED, data: { id, removedAt: new Date().toISOString() } }),
        { streamState: ANY },
      ),
    );
    // A replica still delivering it fails its next write and stops.
    await Promise.all([this.tombstone(progressStream(id)), this.tombstone(leaseStream(id))]);
    await this.readRegistry();
    return true;
  }

  async loadProgress(id: string): Promise<VersionedProgress | undefined> {
    await this.readRegistry();
    const registration = this.registered.get(id);
    if (!registration) return undefined;
    let last: LastEvent | undefined;
    try {
      last = await this.lastEvent(progressStream(id));
    } catch (error) {
      if (isConflict(error)) return undefined;
      throw error;
    }
    const progress = last && progressOf(last.data);
    return progress && last
      ? { progress, version: Number(last.revision) }
      : { progress: registration.progress, version: -1 };
  }

  async saveProgress(id: string, progress: DeliveryProgress, version: number): Promise<number> {
    const stream = progressStream(id);
    const result = await this.appendExpecting(stream, WEBHOOK_PROGRESSED, { progress }, version, id);
    if (version < 0) await this.keepOnlyTheLast(stream);
    return Number(result);
  }

  async acquireLease(id: string, owner: string, ttlMs: number): Promise<boolean> {
    const stream = leaseStream(id);
    let last: LastEvent | undefined;
    try {
      last = await this.lastEvent(stream);
    } catch (error) {
      if (isConflict(error)) return false;
      throw error;
    }
    const now = Date.now();
    if (!mayTakeLease(last && leaseOf(last.data), owner, now)) return false;
    const version = last ? Number(last.revision) : -1;
    try {
      await this.appendExpecting(stream, WEBHOOK_LEASED, { owner, expiresAt: now + ttlMs }, version, id);
    } catch (error) {
      if (error instanceof ProgressConflictError) return false;
      throw error;
    }
    if (!last) await this.keepOnlyTheLast(stream);
    return true;
  }

  async releaseLease(id: string, owner: string): Promise<void> {
    const stream = leaseStream(id);
    const last = await this.lastEvent(stream).catch(() => undefined);
    if (!last || leaseOf(last.data)?.owner !== owner) return;
    await this.appendExpecting(stream, WEBHOOK_LEASED, { owner, expiresAt: 0 }, Number(last.revision), id).catch(
      () => undefined,
    );
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }

  private async recordOf(subscription: WebhookSubscription): Promise<WebhookRecord | undefined> {
    const progress = await this.loadProgress(subscription.id);
    return progress ? { subscription, progress: progress.progress } : undefined;
  }

  /** Reads the registry from where the last read ended; reads run one after another. */
  private readRegistry(): Promise<void> {
    const read = this.registryRead.then(async () => {
      const events: Array<{ type: string; data: unknown; revision: bigint }> = [];
      try {
        for await (const { event } of this.client.readStream(REGISTRY_STREAM, {
          fromRevision: this.registryNext,
          requiresLeader: true,
        })) {
          if (event) events.push({ type: event.type, data: event.data, revision: event.revision });
        }
      } catch (error) {
        if (!(error instanceof StreamNotFoundError)) throw toPortError(error, `read ${REGISTRY_STREAM}`);
      }
      foldRegistry(this.registered, events);
      const last = events.at(-1);
      if (last) this.registryNext = last.revision + 1n;
    });
    this.registryRead = read.catch(() => undefined);
    return read;
  }

  /** The stream's newest event from the leader; undefined for a stream that does not exist (yet). */
  private async lastEvent(stream: string): Promise<LastEvent | undefined> {
    try {
      const read = this.client.readStream(stream, {
        direction: BACKWARDS,
        fromRevision: END,
        maxCount: 1,
        requiresLeader: true,
      });
      for await (const { event } of read) if (event) return { data: event.data, revision: event.revision };
      return undefined;
    } catch (error) {
      if (error instanceof StreamNotFoundError) return undefined;
      if (isConflict(error)) throw error;
      throw toPortError(error, `read ${stream}`);
    }
  }

  /** Appends only if the stream is still at `version` (-1: does not exist yet); returns the new revision. */
  private async appendExpecting(
    stream: string,
    type: string,
    data: object,
    version: number,
    id: string,
  ): Promise<bigint> {
    try {
      const result = await this.client.appendToStream(stream, jsonEvent({ type, data: asJson(data) }), {
        streamState: version < 0 ? NO_STREAM : BigInt(version),
      });
      return result.nextExpectedRevision;
    } catch (error) {
      if (isConflict(error)) throw new ProgressConflictError(id);
      throw toPortError(error, `append to ${stream}`);
    }
  }

  private async keepOnlyTheLast(stream: string): Promise<void> {
    await this.client.setStreamMetadata(stream, { maxCount: KEEP_LAST_EVENTS }).catch(() => undefined);
  }

  /**
   * Best effort: the registry already says the subscription is gone, and every replica's dispatcher
   * stops its loop on its next look at the registry; the tombstone only makes that immediate.
   */
  private async tombstone(stream: string): Promise<void> {
    await this.client.tombstoneStream(stream).catch(() => undefined);
  }

  private async call<T>(operation: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw toPortError(error, operation);
    }
  }
}
