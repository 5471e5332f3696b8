import {
  AppendResult,
  DuplicateEventIdError,
  ExpectedRevision,
  LoadResult,
  WrongExpectedRevisionError,
} from '../../../application/ports/event-store.port';
import { isStorageFault, storageFault } from './storage-fault';

/** An append's result as it crosses from the writer thread: errors lose their class in a message. */
export type AppendOutcome =
  | { ok: AppendResult }
  | { wrongRevision: { streamId: string; expected: ExpectedRevision; actual: number | 'no_stream' } }
  | { duplicateEventId: string }
  | { storageFault: { code: string; message: string } }
  | { failed: string };

export function toOutcome(result: AppendResult | Error): AppendOutcome {
  if (result instanceof WrongExpectedRevisionError) {
    return { wrongRevision: { streamId: result.streamId, expected: result.expected, actual: result.actual } };
  }
  if (result instanceof DuplicateEventIdError) return { duplicateEventId: result.eventId };
  if (isStorageFault(result)) return { storageFault: { code: result.code, message: result.message } };
  if (result instanceof Error) return { failed: result.message };
  return { ok: result };
}

export function fromOutcome(outcome: AppendOutcome): AppendResult | Error {
  if ('ok' in outcome) return outcome.ok;
  if ('wrongRevision' in outcome) {
    const { streamId, expected, actual } = outcome.wrongRevision;
    return new WrongExpectedRevisionError(streamId, expected, actual);
  }
  if ('duplicateEventId' in outcome) return new DuplicateEventIdError(outcome.duplicateEventId);
  if ('storageFault' in outcome) return storageFault(outcome.storageFault.code, outcome.storageFault.message);
  return new Error(outcome.failed);
}

/** A bulk load's result as it crosses from the writer thread. */
export interface LoadOutcome {
  stored: number;
  refusal?: AppendOutcome;
}

export const toLoadOutcome = ({ stored, refusal }: LoadResult): LoadOutcome =>
  refusal ? { stored, refusal: toOutcome(refusal) } : { stored };

export const fromLoadOutcome = ({ stored, refusal }: LoadOutcome): LoadResult =>
  refusal ? { stored, refusal: fromOutcome(refusal) as Error } : { stored };
