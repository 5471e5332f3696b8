import { ServerResponse } from 'node:http';

/** How long a browser's EventSource waits before reconnecting after the stream drops. */
export const RECONNECT_AFTER_MS = 3000;

/**
 * One text/event-stream response. `send` resolves once the socket can take more, so the
 * caller feeding it waits for a slow client instead of queueing without bound. A client whose
 * socket has not drained within `stallTimeoutMs` of filling up is cut off.
 */
export class SseConnection {
  private stallTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly response: ServerResponse,
    private readonly stallTimeoutMs: number,
  ) {
    response.once('close', () => this.stopStallTimer());
  }

  get isOpen(): boolean {
    const socket = this.response.socket;
    return !this.response.destroyed && !this.response.writableEnded && socket !== null && !socket.destroyed;
  }

  /** True while the client has not read what was already written. */
  get isBackedUp(): boolean {
    return this.response.writableNeedDrain;
  }

  get bufferedBytes(): number {
    return this.response.writableLength;
  }

  open(): void {
    this.response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
    });
    this.write(`retry: ${RECONNECT_AFTER_MS}\n\n`);
  }

  /** Writes one frame; resolves when the client can take the next. False once the connection is gone. */
  async send(frame: string): Promise<boolean> {
    if (!this.isOpen) return false;
    if (!this.write(frame)) await this.drainedOrClosed();
    return this.isOpen;
  }

  /** A comment line keeps proxies from closing an idle stream; skipped while the client is behind anyway. */
  heartbeat(): void {
    if (this.isOpen && !this.isBackedUp) this.write(': heartbeat\n\n');
  }

  onClose(listener: () => void): void {
    this.response.once('close', listener);
  }

  /** Ends the stream cleanly, or cuts it when the client has stopped reading and would never see the end. */
  close(): void {
    if (!this.isOpen) return;
    if (this.isBackedUp) this.response.destroy();
    else this.response.end();
  }

  /** Every write goes through here: one that fills the socket starts the stall clock. */
  private write(text: string): boolean {
    const flushed = this.response.write(text);
    if (!flushed && this.stallTimer === undefined) {
      this.stallTimer = setTimeout(() => this.response.destroy(), this.stallTimeoutMs);
      this.response.once('drain', () => this.stopStallTimer());
    }
    return flushed;
  }

  private stopStallTimer(): void {
    clearTimeout(this.stallTimer);
    this.stallTimer = undefined;
  }

  private drainedOrClosed(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        this.response.off('drain', done);
        this.response.off('close', done);
        resolve();
      };
      this.response.on('drain', done);
      this.response.on('close', done);
    });
  }
}
