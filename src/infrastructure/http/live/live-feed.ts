import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { ServerResponse } from 'node:http';
import { CONFIG, Config } from '../../../config/config';
import { EVENT_STORE, EventStore, StoredEvent, Subscription } from '../../../application/ports/event-store.port';
import { eventFrame } from './sse-frame';
import { SseConnection } from './sse-connection';

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

/**
 * The open `GET /v1/events/live` streams. Each client has its own log subscription whose next
 * page waits until the client's socket has drained, so a slow reader pauses only itself and
 * holds at most one page in memory.
 */
@Injectable()
export class LiveFeed implements OnModuleDestroy {
  private readonly logger = new Logger(LiveFeed.name);
  private readonly clients = new Set<LiveClient>();
  private shuttingDown = false;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  /** Resolved before the response is taken over, so a store failure still answers with a problem. */
  async startAfter(resumeAfter: number | undefined): Promise<number> {
    return resumeAfter ?? this.store.headPosition();
  }

  /** Streams every event with a position greater than `after` until the client or the app goes away. */
  follow(response: ServerResponse, after: number): void {
    const connection = new SseConnection(response);
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
