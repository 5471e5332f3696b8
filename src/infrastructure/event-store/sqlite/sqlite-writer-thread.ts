import { Worker } from 'node:worker_threads';
import { AppendResult } from '../../../application/ports/event-store.port';
import { compiledWorkerScript } from '../../compiled-worker-script';
import { AppendOutcome, fromOutcome } from './append-outcome';
import { PendingAppend } from './sqlite-appender';

const WRITER_SCRIPT = compiledWorkerScript(__dirname, 'sqlite-writer-worker.js');

export function writerThreadAvailable(): boolean {
  return WRITER_SCRIPT !== undefined;
}

interface InFlight {
  resolve(results: Array<AppendResult | Error>): void;
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
    this.worker.on('message', (message: { id: number; outcomes: AppendOutcome[] } | { closed: true }) => {
      if ('closed' in message) return this.closed?.();
      const waiting = this.inFlight.get(message.id);
      this.inFlight.delete(message.id);
      waiting?.resolve(message.outcomes.map(fromOutcome));
    });
    this.worker.on('error', (error) => {
      for (const waiting of this.inFlight.values()) waiting.reject(error);
      this.inFlight.clear();
    });
  }

  commit(batch: PendingAppend[]): Promise<Array<AppendResult | Error>> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.inFlight.set(id, { resolve, reject });
      this.worker.postMessage({ id, batch });
    });
  }

  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => (this.closed = resolve));
    this.worker.postMessage({ close: true });
    await closed;
    await this.worker.terminate();
  }
}
