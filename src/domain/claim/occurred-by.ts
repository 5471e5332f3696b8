import { ClaimEvent } from './claim.events';

/**
 * World time: when a claim event happened in the world, as opposed to when the desk recorded it. A
 * claim counts from its own date, a statement for or against it from its `occurredAt`, an outside
 * fact-check from its publication and the desk's verdict from when it was issued. A time known only
 * to the day or month is recorded as the start of it (time-precision.ts), so it counts from that start.
 * A correction fixes the record, not the world, so it holds at every world time; undefined for it.
 */
export function worldTimeOf(event: ClaimEvent): string | undefined {
  switch (event.type) {
    case 'ClaimRecorded':
    case 'ClaimSupported':
    case 'ClaimContradicted':
    case 'ClaimRetracted':
    case 'ClaimVerdictIssued':
      return event.data.occurredAt;
    case 'ClaimFactChecked':
      return event.data.publishedAt;
    case 'ClaimCorrected':
      return undefined;
  }
}

/** The claim's own date as corrected: a correction may move it. */
function claimDateOf(events: ReadonlyArray<ClaimEvent | undefined>): string | undefined {
  let date: string | undefined;
  for (const event of events) {
    if (event?.type === 'ClaimRecorded' && date === undefined) date = event.data.occurredAt;
    if (event?.type === 'ClaimCorrected' && typeof event.data.changes.occurredAt === 'string') {
      date = event.data.changes.occurredAt;
    }
  }
  return date;
}

/**
 * The claim's events that had occurred in the world by `asOccurred`, in their order: none when the
 * claim itself had not been made yet; else the claim, its corrections and each development dated
 * at or before that instant. `eventOf` reads the claim event an item holds (undefined: not one).
 */
export function occurredBy<T>(
  items: readonly T[],
  eventOf: (item: T) => ClaimEvent | undefined,
  asOccurred: string,
): T[] {
  const limit = Date.parse(asOccurred);
  const events = items.map(eventOf);
  const claimDate = claimDateOf(events);
  if (claimDate === undefined || !(Date.parse(claimDate) <= limit)) return [];
  return items.filter((_, index) => {
    const event = events[index];
    if (!event || event.type === 'ClaimRecorded') return true;
    const time = worldTimeOf(event);
    return time === undefined || Date.parse(time) <= limit;
  });
}
