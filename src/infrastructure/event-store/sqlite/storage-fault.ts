import { Logger } from '@nestjs/common';
import path from 'node:path';
import { EventStoreUnavailableError } from '../../../application/ports/event-store.port';

/**
 * SQLite's answers for a store that cannot take writes right now: a full disk or a full file, an I/O
 * error, a file system turned read-only, a file that cannot be opened, pages that read back damaged.
 */
const FAULT_CODE = /^SQLITE_(FULL|IOERR|READONLY|CANTOPEN|CORRUPT|NOTADB)/;

export function isStorageFault(error: unknown): error is Error & { code: string } {
  // No instanceof Error: an error from better-sqlite3 may come from another realm (see sqlite-fault.ts).
  return typeof error === 'object' && error !== null && FAULT_CODE.test(String((error as { code?: unknown }).code));
}

/** A storage fault as it crosses from the writer thread, where errors lose their class. */
export function storageFault(code: string, message: string): Error & { code: string } {
  return Object.assign(new Error(message), { code });
}

/**
 * Whether the embedded store's file took its last write. A fault is logged once, in one line, when
 * it begins, and once when a write succeeds again; the requests meanwhile answer 503.
 */
export class StorageFaultState {
  private readonly logger = new Logger('EventStore');
  private fault: EventStoreUnavailableError | undefined;

  constructor(private readonly file: string) {}

  get current(): EventStoreUnavailableError | undefined {
    return this.fault;
  }

  /** The port's error for this fault; the first of a run is logged with the file's full path. */
  record(error: Error & { code: string }): EventStoreUnavailableError {
    const cause = `${error.message} (${error.code})`;
    if (this.fault === undefined) {
      this.logger.error(`event store ${this.file} cannot be written: ${cause}; writes answer 503 until it can`);
    }
    this.fault = new EventStoreUnavailableError(`the event store (${path.basename(this.file)}): ${cause}`, error);
    return this.fault;
  }

  cleared(): void {
    if (this.fault === undefined) return;
    this.fault = undefined;
    this.logger.log(`event store ${this.file} takes writes again`);
  }
}
