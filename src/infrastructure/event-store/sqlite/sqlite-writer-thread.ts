import { Worker } from 'node:worker_threads';
import { AppendResult, EventToLoad, LoadResult } from '../../../application/ports/event-store.port';
import { compiledWorkerScript } from '../../compiled-worker-script';
import { AppendOutcome, fromLoadOutcome, fromOutcome, LoadOutcome } from './append-outcome';
import { FlatEvents, flattened } from './crossing-events';
import { PendingAppend } from './sqlite-appender';

const WRITER_SCRIPT = compiledWorkerScript(__dirname, 'sqlite-writer-worker.js');

export function writerThreadAvailable(): boolean {
  return WRITER_SCRIPT !== undefined;
}

/** What the main thread asks of the writer thread: a group commit's batch, or a bulk load. */
export type WriterRequest =
  | { id: number; batch: PendingAppend[] }
  | { id: number; load: FlatEvents }
  | { id: number; endLoad: true }
  | { close: true };

/** The writer thread's answers, by the id of the request. */
export type WriterReply =
  | { id: number; outcomes: AppendOutcome[] }
  | { id: number; loaded: LoadOutcome }
  | { id: number; loadEnded: AppendOutcome | null }
  | { closed: true };

interface InFlight {
  resolve(reply: WriterReply): void;
  reject(error: Error): void;
}

/** The main thread's end of the writer thread: hands it batches and gets each batch's outcomes back. */
export class SqliteWriterThread {
  private readonly worker: Worker;
  private readonly inFlight = new Map<number, InFlight>();
  private nextId = 0;
  private closed: (() => void) | undefined;

  constructor(path: string, options: { bulk?: boolean } = {}) {
    if (!WRITER_SCRIPT) throw new Error('the writer thread needs the built code (npm run build)');
    this.worker = new Worker(WRITER_SCRIPT, { workerData: { path, bulk: options.bulk } });
    this.worker.on('message', (reply: WriterReply) => {
      if ('closed' in reply) return this.closed?.();
      const waiting = this.inFlight.get(reply.id);
      this.inFlight.delete(reply.id);
      waiting?.resolve(reply);
    });
    this.worker.on('error', (error) => {
      for (const waiting of this.inFlight.values()) waiting.reject(error);
      this.inFlight.clear();
    });
  }

  async commit(batch: PendingAppend[]): Promise<Array<AppendResult | Error>> {
    const reply = await this.request((id) => ({ id, batch }));
    return 'outcomes' in reply ? reply.outcomes.map(fromOutcome) : [];
  }

  /** A storage fault comes back as a refusal, as the thread's errors lose their class. */
  async loadPart(events: EventToLoad[]): Promise<LoadResult> {
    const reply = await this.request((id) => ({ id, load: flattened(events) }));
    return 'loaded' in reply ? fromLoadOutcome(reply.loaded) : { stored: 0 };
  }

  /** Undefined once committed, or the fault that kept it from committing. */
  async endLoad(): Promise<Error | undefined> {
    const reply = await this.request((id) => ({ id, endLoad: true }));
    return 'loadEnded' in reply && reply.loadEnded ? (fromOutcome(reply.loadEnded) as Error) : undefined;
  }

  private request(message: (id: number) => WriterRequest): Promise<WriterReply> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.inFlight.set(id, { resolve, reject });
      this.worker.postMessage(message(id));
    });
  }

  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => (this.closed = resolve));
    this.worker.postMessage({ close: true } satisfies WriterRequest);
    await closed;
    await this.worker.terminate();
  }
}
