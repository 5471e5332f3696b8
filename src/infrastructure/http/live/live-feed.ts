import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { ServerResponse } from 'node:http';
import { CONFIG, Config } from '../../../config/config';
import { EVENT_STORE, EventStore, StoredEvent, Subscription } from '../../../application/ports/event-store.port';
import { problem } from '../problem/problem';
import { ProblemError } from '../problem/problem.error';
import { eventFrame } from './sse-frame';
import { SseConnection } from './sse-connection';

/** Seconds a client turned away for capacity waits before trying again. */
const RETRY_WHEN_FULL_SECONDS = 10;

interface LiveClient {
  connection: SseConnection;
  subscription: Subscription;
  heartbeat: NodeJS.Timeout;
}

export interface LiveFeedStats {
  clients: number;
  /** Clients whose socket is full: their subscriptions are paused until they read. */
  backedUp: number;
  /** Bytes written but not yet taken by the clients' sockets, all clients together. */
  bufferedBytes: number;
}

/** A place among the live clients, held from the request's checks until its stream starts. */
export interface LiveSlot {
  release(): void;
}

/**
 * The open `GET /v1/events/live` streams, at most LIVE_MAX_CLIENTS of them. Each client has its
 * own log subscription whose next page waits until the client's socket has drained, so a slow
 * reader pauses only itself and holds at most one page in memory; one that stops reading for
 * LIVE_STALL_TIMEOUT_MS is disconnected and its subscription closed.
 */
@Injectable()
export class LiveFeed implements OnModuleDestroy {
  private readonly logger = new Logger(LiveFeed.name);
  private readonly clients = new Set<LiveClient>();
  private reserved = 0;
  private shuttingDown = false;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  /** Taken before anything is awaited, so concurrent requests cannot overshoot the maximum. */
  reserve(): LiveSlot {
    if (this.clients.size + this.reserved >= this.config.liveMaxClients) {
      throw new ProblemError(
        problem(503, `the live feed serves at most ${this.config.liveMaxClients} clients at once; retry later`),
        { 'Retry-After': String(RETRY_WHEN_FULL_SECONDS) },
      );
    }
    this.reserved += 1;
    let held = true;
    return {
      release: () => {
        if (held) this.reserved -= 1;
        held = false;
      },
    };
  }

  /**
   * Resolved before the response is taken over, so a store failure, or a position that is not an
   * event's own (refused by a store whose positions are byte offsets), still answers with a problem.
   */
  async startAfter(resumeAfter: number | undefined): Promise<number> {
    if (resumeAfter === undefined) return this.store.headPosition();
    if (!this.store.positionsAreCounters) await this.store.readAll({ after: resumeAfter, limit: 1 });
    return resumeAfter;
  }

  /** Streams every event with a position greater than `after` until the client or the app goes away. */
  follow(response: ServerResponse, after: number, slot: LiveSlot): void {
    slot.release();
    const connection = new SseConnection(response, this.config.liveStallTimeoutMs);
    connection.open();
    // A client that left while the start position was looked up has already fired 'close'.
    if (this.shuttingDown || !connection.isOpen) {
      connection.close();
      return;
    }
    const subscription = this.store.subscribe({
      after,
      onEvents: (events) => this.send(connection, events),
      onError: (error) => {
        this.logger.error(`live stream stopped: ${error.message}`);
        // The client reconnects with Last-Event-ID and misses nothing.
        connection.close();
      },
    });
    const heartbeat = setInterval(() => connection.heartbeat(), this.config.liveHeartbeatMs);
    const client: LiveClient = { connection, subscription, heartbeat };
    this.clients.add(client);
    connection.onClose(() => void this.disconnect(client));
  }

  stats(): LiveFeedStats {
    const connections = [...this.clients].map((client) => client.connection);
    return {
      clients: connections.length,
      backedUp: connections.filter((connection) => connection.isBackedUp).length,
      bufferedBytes: connections.reduce((sum, connection) => sum + connection.bufferedBytes, 0),
    };
  }

  async onModuleDestroy(): Promise<void> {
    this.shuttingDown = true;
    await Promise.all([...this.clients].map((client) => this.disconnect(client)));
  }

  private async send(connection: SseConnection, events: StoredEvent[]): Promise<void> {
    for (const event of events) {
      if (!(await connection.send(eventFrame(event)))) return;
    }
  }

  private async disconnect(client: LiveClient): Promise<void> {
    if (!this.clients.delete(client)) return;
    clearInterval(client.heartbeat);
    // Closing first releases a send waiting for drain, which the subscription's close awaits.
    client.connection.close();
    await client.subscription.close();
  }
}
