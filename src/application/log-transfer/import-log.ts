import { appendSize } from '../ports/append-size';
import { DuplicateEventIdError, EventStore, EventToAppend, ExpectedRevision } from '../ports/event-store.port';
import { ExportedEvent, parseExportLine } from './exported-event';
import { ImportChecks } from './import-checks';

export interface ImportProgress {
  lines: number;
  appended: number;
}

export interface ImportOptions {
  /** Appends in flight at once. The embedded store keeps their order in its group commit; a remote one wants 1. */
  inFlight?: number;
  onProgress?(progress: ImportProgress): void;
}

const MAX_GROUP = 500;

interface Group {
  streamId: string;
  firstRevision: number;
  events: EventToAppend[];
  /** What the events weigh against the store's per-append limit (see appendSize). */
  bytes: number;
  firstLine: number;
}

const expectedFor = (revision: number): ExpectedRevision => (revision === 0 ? 'no_stream' : revision - 1);

const toAppend = (event: ExportedEvent): EventToAppend => ({
  eventId: event.eventId,
  type: event.type,
  data: event.data,
  metadata: event.metadata,
});

/**
 * Appends an export into a store, keeping streams, order, revisions and metadata. Each line is
 * checked before it is submitted (see ImportChecks): a refused line stops the import, the lines
 * before it are in the store and none after it. Events the store already holds at their revision
 * are skipped, so importing the same file twice changes nothing.
 */
export async function importLog(
  store: EventStore,
  lines: AsyncIterable<string>,
  options: ImportOptions = {},
): Promise<ImportProgress> {
  const progress: ImportProgress = { lines: 0, appended: 0 };
  const checks = new ImportChecks(store);
  const inFlight: Array<Promise<void>> = [];
  let group: Group | undefined;

  const submit = async (done: Group) => {
    const append = appendGroup(store, done);
    // Awaited in order below; the no-op handler only keeps a later failure from counting as unhandled meanwhile.
    append.catch(() => undefined);
    inFlight.push(append);
    // The older half at once: taking one at a time from the front of thousands copies the rest each time.
    if (inFlight.length >= (options.inFlight ?? 1))
      await Promise.all(inFlight.splice(0, Math.ceil(inFlight.length / 2)));
    progress.appended += done.events.length;
    options.onProgress?.({ ...progress });
  };

  const finish = async () => {
    if (group) await submit(group);
    group = undefined;
    await Promise.all(inFlight);
  };

  for await (const text of lines) {
    progress.lines += 1;
    if (text.trim() === '') continue;
    let event: ExportedEvent;
    try {
      event = parseExportLine(text, progress.lines);
      const admission = await checks.admit(event, progress.lines);
      if (admission === 'present') {
        options.onProgress?.({ ...progress });
        continue;
      }
    } catch (refusal) {
      await finish();
      throw refusal;
    }
    const appended = toAppend(event);
    const bytes = appendSize(appended);
    const continues =
      group &&
      group.streamId === event.streamId &&
      group.firstRevision + group.events.length === event.revision &&
      group.events.length < MAX_GROUP &&
      (store.maxAppendBytes === undefined || group.bytes + bytes <= store.maxAppendBytes);
    if (group && continues) {
      group.events.push(appended);
      group.bytes += bytes;
      continue;
    }
    if (group) await submit(group);
    group = {
      streamId: event.streamId,
      firstRevision: event.revision,
      events: [appended],
      bytes,
      firstLine: progress.lines,
    };
  }
  await finish();
  return progress;
}

async function appendGroup(store: EventStore, group: Group): Promise<void> {
  try {
    await store.append(group.streamId, group.events, expectedFor(group.firstRevision));
  } catch (error) {
    if (!(error instanceof DuplicateEventIdError) || group.events.length === 1) throw describe(error, group);
    // Part of the group is already in the store: append the rest one event at a time.
    for (const [index, event] of group.events.entries()) {
      try {
        await store.append(group.streamId, [event], expectedFor(group.firstRevision + index));
      } catch (inner) {
        throw describe(inner, { ...group, firstLine: group.firstLine + index });
      }
    }
  }
}

function describe(error: unknown, group: Group): Error {
  const reason = error instanceof Error ? error.message : String(error);
  return new Error(`line ${group.firstLine} (${group.streamId} at revision ${group.firstRevision}): ${reason}`);
}
