import http from 'node:http';
import { CONDITION_DEADLINE_MS } from './deadlines';

/** A small Server-Sent Events reader for end-to-end tests of `GET /v1/events/live`. */

export interface SseMessage {
  id?: string;
  event: string;
  data: string;
}

export interface SseStream {
  status: number;
  headers: Headers;
  /** The `retry:` hint, once one has been read. */
  retry?: number;
  comments: string[];
  /** The next event not yet taken; rejects after `timeoutMs` (a failure bound, not a speed check). */
  next(timeoutMs?: number): Promise<SseMessage>;
  /** Resolves with every event taken until one matches. */
  takeUntil(matches: (message: SseMessage) => boolean, timeoutMs?: number): Promise<SseMessage[]>;
  /** Resolves once a comment line has arrived. */
  nextComment(timeoutMs?: number): Promise<string>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

type Field = 'event' | 'data' | 'id' | 'retry';

/** Splits the event-stream text into lines and dispatches a message at each blank line, as the SSE format says. */
class SseParser {
  private buffer = '';
  private pending: { event?: string; data: string[]; id?: string } = { data: [] };

  constructor(
    private readonly onMessage: (message: SseMessage) => void,
    private readonly onComment: (text: string) => void,
    private readonly onRetry: (ms: number) => void,
  ) {}

  push(text: string): void {
    this.buffer += text;
    const lines = this.buffer.split(/\r\n|\r|\n/);
    this.buffer = lines.pop() ?? '';
    for (const line of lines) this.line(line);
  }

  private line(line: string): void {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return this.onComment(line.slice(1).trim());
    const colon = line.indexOf(':');
    const field = (colon === -1 ? line : line.slice(0, colon)) as Field;
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'data') this.pending.data.push(value);
    else if (field === 'event') this.pending.event = value;
    else if (field === 'id') this.pending.id = value;
    else if (field === 'retry' && /^\d+$/.test(value)) this.onRetry(Number(value));
  }

  private dispatch(): void {
    const { event, data, id } = this.pending;
    this.pending = { data: [] };
    if (data.length === 0) return;
    this.onMessage({ id, event: event ?? 'message', data: data.join('\n') });
  }
}

function withTimeout<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no ${what} within ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Opens a stream and reads it as it arrives. Built on node:http rather than fetch: cancelling a
 * fetch mid-body makes its pool open a fresh connection it never uses, and that idle socket keeps
 * the server's close() waiting, which would hide whether the service itself closes promptly.
 */
export function openSse(url: string, headers: Record<string, string> = {}): Promise<SseStream> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { accept: 'text/event-stream', ...headers } }, (response) => {
      resolve(readStream(response, () => request.destroy()));
    });
    request.on('error', reject);
  });
}

function readStream(response: http.IncomingMessage, destroy: () => void): SseStream {
  const messages: SseMessage[] = [];
  const comments: string[] = [];
  const waiters = new Set<() => void>();
  const arrival = () => new Promise<void>((resolve) => waiters.add(resolve));
  const wakeUp = () => {
    for (const resolve of waiters) resolve();
    waiters.clear();
  };
  let finished = false;

  const stream: SseStream = {
    status: response.statusCode ?? 0,
    headers: new Headers(
      Object.entries(response.headers).flatMap(([name, value]) =>
        value === undefined ? [] : [[name, [value].flat().join(', ')] as [string, string]],
      ),
    ),
    comments,
    ended: Promise.resolve(),
    async next(timeoutMs = CONDITION_DEADLINE_MS) {
      const [message] = await this.takeUntil(() => true, timeoutMs);
      return message;
    },
    takeUntil(matches, timeoutMs = CONDITION_DEADLINE_MS) {
      const taken: SseMessage[] = [];
      const take = async (): Promise<SseMessage[]> => {
        for (;;) {
          while (messages.length > 0) {
            const message = messages.shift() as SseMessage;
            taken.push(message);
            if (matches(message)) return taken;
          }
          if (finished) throw new Error('the stream ended');
          await arrival();
        }
      };
      return withTimeout(take(), timeoutMs, 'matching event');
    },
    nextComment(timeoutMs = CONDITION_DEADLINE_MS) {
      const seen = comments.length;
      const wait = async (): Promise<string> => {
        while (comments.length === seen) {
          if (finished) throw new Error('the stream ended');
          await arrival();
        }
        return comments[seen];
      };
      return withTimeout(wait(), timeoutMs, 'comment');
    },
    close: destroy,
  };

  const parser = new SseParser(
    (message) => messages.push(message),
    (text) => comments.push(text),
    (ms) => (stream.retry = ms),
  );
  response.setEncoding('utf8');
  response.on('data', (text: string) => {
    parser.push(text);
    wakeUp();
  });
  stream.ended = new Promise((resolve) => {
    const finish = () => {
      finished = true;
      wakeUp();
      resolve();
    };
    // 'close' also covers a stream cut by the server or destroyed by the test.
    response.on('close', finish);
    response.on('error', () => undefined);
  });
  return stream;
}

/** A client that connects and then never reads: its socket fills up and the server has to wait for it. */
export function openPausedSse(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ close(): void; status: number; readToTheEnd(): Promise<void> }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { accept: 'text/event-stream', ...headers } }, (response) => {
      response.pause();
      response.on('error', () => {});
      // A paused socket does not even notice the server closing it; reading on shows whether it did.
      const closed = new Promise<void>((done) => response.once('close', () => done()));
      const readToTheEnd = () => {
        response.resume();
        return closed;
      };
      resolve({ close: () => request.destroy(), status: response.statusCode ?? 0, readToTheEnd });
    });
    request.on('error', reject);
  });
}
