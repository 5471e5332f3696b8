import { claimStreamId } from '../../../domain/claim/claim.events';
import { EventStore } from '../../ports/event-store.port';
import { ClaimFacts, evolveClaimFacts } from '../../read-models/claims/claim-facts';
import { ClaimRecordEvent } from '../../read-models/claims/claim-record';
import { FactsOf, relatedIdsOfFacts } from '../../read-models/claims/claim-rivals';
import { ClaimHistory } from './claim-comparison';

const PARALLEL_READS = 32;

function factsOf(events: Iterable<ClaimRecordEvent>): ClaimFacts | undefined {
  let facts: ClaimFacts | undefined;
  for (const event of events) facts = evolveClaimFacts(facts, event);
  return facts;
}

const atNext = (history: ClaimHistory) => factsOf([...history.known, ...history.inWindow]);

/** Only a stream with a relation recorded names rivals: the rest need not be folded again to find none. */
const relatesAny = (history: ClaimHistory) =>
  [history.known, history.inWindow].some((events) => events.some((event) => event.type === 'ClaimRelated'));

/**
 * The claims whose rival the desk ruled on in the window: a verdict of `confirmed` there asks each
 * rival for review without an event of the rival's own, as the live projection's relations reach it.
 */
export function rivalsOfRuledClaims(histories: readonly ClaimHistory[]): string[] {
  const ids = new Set<string>();
  for (const history of histories) {
    if (!relatesAny(history) || !history.inWindow.some((event) => event.type === 'ClaimVerdictIssued')) continue;
    for (const id of relatedIdsOfFacts(atNext(history), 'rival_of')) ids.add(id);
  }
  return [...ids];
}

/**
 * The rivals each compared claim names at `next`, folded there (a confirmed one asks for review,
 * which the answer shows at `next` only): from the histories when they are compared too, else from
 * their streams.
 */
export async function rivalsAtNext(
  store: EventStore,
  histories: readonly ClaimHistory[],
  next: number,
): Promise<FactsOf> {
  const byId = new Map(histories.map((history) => [history.claimId, history]));
  const wanted = new Set<string>();
  for (const history of histories.filter(relatesAny)) {
    for (const id of relatedIdsOfFacts(atNext(history), 'rival_of')) wanted.add(id);
  }
  const folded = new Map<string, ClaimFacts>();
  const keep = (id: string, facts: ClaimFacts | undefined) => facts && folded.set(id, facts);
  const toRead: string[] = [];
  for (const id of wanted) {
    const history = byId.get(id);
    if (history) keep(id, atNext(history));
    else toRead.push(id);
  }
  for (let start = 0; start < toRead.length; start += PARALLEL_READS) {
    const chunk = toRead.slice(start, start + PARALLEL_READS);
    const streams = await Promise.all(chunk.map((id) => store.readStream(claimStreamId(id))));
    chunk.forEach((id, offset) => keep(id, factsOf(streams[offset].filter((event) => event.position <= next))));
  }
  return (id) => folded.get(id);
}
