import { CLAIM_EVENT_TYPES, claimStreamId } from '../../../domain/claim/claim.events';
import { Party } from '../../../domain/party/party-mention';
import { PartyRegistry } from '../../../domain/party/party-registry';
import { EventStore, StoredEvent } from '../../ports/event-store.port';
import { evaluateClaim } from '../claims/claim-evaluation';
import { ClaimRecord, foldClaimRecord } from '../claims/claim-record';
import { MENTION_ROLES, MentionRole, mentionsOf } from '../claims/party-mentions';
import { evolveStorylineRecord, StorylineRecord } from '../storylines/storyline-view';
import { Stakeholder } from '../../../domain/storyline/stakeholder';
import { storylineStreamId } from '../../../domain/storyline/storyline.events';
import { MAX_PAGE_SIZE, Page, PageRequest, decodeCursor, toPage } from '../../queries/page';
import { PointInTime, claimStreamAt, knownAt } from '../../queries/point-in-time';
import { PartyReadModel } from '../../queries/read-models.port';
import { PartyClaim } from './party-views';

const PAGE_SIZE = 1000;
const PARALLEL_READS = 32;

interface RankedClaim {
  seq: number;
  rank: number;
  claim: PartyClaim;
}

const isParty = (value: unknown): value is Party =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Party).id === 'string' &&
  typeof (value as Party).name === 'string' &&
  typeof (value as Party).kind === 'string';

/** Every party an event's data names, wherever it names one (claimant, reporter, `by`, a correction). */
function partiesIn(value: unknown, found: Party[] = []): Party[] {
  if (isParty(value)) found.push(value);
  else if (Array.isArray(value)) value.forEach((item) => partiesIn(item, found));
  else if (typeof value === 'object' && value !== null) Object.values(value).forEach((item) => partiesIn(item, found));
  return found;
}

/**
 * The party's claims as the log stood at a point, weighed against the registry as it stood then.
 * The mentions index follows the claims as they stand now, so a claim that named the party then
 * and another party now is not in it: the claim events known at the point are scanned for a party
 * that resolves to this one, and each candidate is folded as of the point.
 */
export class PartyClaimsAt {
  constructor(
    private readonly store: EventStore,
    private readonly parties: Pick<PartyReadModel, 'claimsOf'>,
  ) {}

  async page(
    partyId: string,
    registry: PartyRegistry,
    point: PointInTime,
    page: PageRequest,
    role?: MentionRole,
  ): Promise<Page<PartyClaim>> {
    const [afterSeq, afterRank] = (decodeCursor(page.cursor, ['number', 'number']) ?? [-1, -1]) as [number, number];
    const rest = (await this.all(partyId, registry, point)).filter(
      ({ seq, rank, claim }) =>
        (role === undefined || claim.role === role) && (seq > afterSeq || (seq === afterSeq && rank > afterRank)),
    );
    return toPage(
      rest.slice(0, page.limit + 1),
      page.limit,
      ({ claim }) => claim,
      ({ seq, rank }) => [seq, rank],
    );
  }

  async all(partyId: string, registry: PartyRegistry, point: PointInTime): Promise<RankedClaim[]> {
    const canonicalId = registry.canonicalId(partyId);
    const candidates = [
      ...new Set([...this.mentionedNow(canonicalId), ...(await this.namedBy(canonicalId, registry, point))]),
    ];
    const found: RankedClaim[] = [];
    const stakes = new Map<string, Promise<Stakeholder[]>>();
    const stakeholdersOf = (storylineId: string) => {
      let known = stakes.get(storylineId);
      if (!known) stakes.set(storylineId, (known = this.stakeholdersAt(storylineId, point)));
      return known;
    };
    for (let start = 0; start < candidates.length; start += PARALLEL_READS) {
      const chunk = candidates.slice(start, start + PARALLEL_READS);
      const streams = await Promise.all(chunk.map((id) => this.store.readStream(claimStreamId(id))));
      for (const stream of streams) {
        const record = foldClaimRecord(claimStreamAt(stream, point));
        if (!record) continue;
        const stakeholders = await stakeholdersOf(record.claim.storylineId);
        found.push(...claimsAt(record, canonicalId, registry, stakeholders));
      }
    }
    return found.sort((a, b) => a.seq - b.seq || a.rank - b.rank);
  }

  /** The storyline's stakeholders as they stood at the point. */
  private async stakeholdersAt(storylineId: string, point: PointInTime): Promise<Stakeholder[]> {
    let record: StorylineRecord | undefined;
    for (const event of (await this.store.readStream(storylineStreamId(storylineId))).filter(knownAt(point))) {
      record = evolveStorylineRecord(record, event);
    }
    return record?.stakeholders ?? [];
  }

  /** The claims the mentions index resolves to the party now. */
  private mentionedNow(canonicalId: string): string[] {
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = this.parties.claimsOf(canonicalId, { limit: MAX_PAGE_SIZE, cursor });
      ids.push(...page.items.map((item) => item.claimId));
      cursor = page.nextCursor;
    } while (cursor);
    return ids;
  }

  /** The claims with an event known at the point that names a party the registry then resolved to this one. */
  private async namedBy(canonicalId: string, registry: PartyRegistry, point: PointInTime): Promise<string[]> {
    const known = knownAt(point);
    const ids = new Set<string>();
    for (let after = -1; ;) {
      const events = await this.store.readAll({ after, limit: PAGE_SIZE, types: [...CLAIM_EVENT_TYPES] });
      if (events.length === 0) return [...ids];
      for (const event of events) {
        if (!known(event) || ids.has(claimIdOf(event))) continue;
        const named = partiesIn(event.data).some(
          (party) => registry.canonicalId(registry.resolve(party).id) === canonicalId,
        );
        if (named) ids.add(claimIdOf(event));
      }
      if ('atPosition' in point && events[events.length - 1].position >= point.atPosition) return [...ids];
      after = events[events.length - 1].position;
    }
  }
}

const claimIdOf = (event: StoredEvent) => event.streamId.slice(claimStreamId('').length);

/** The claim folded from the events known at the point: one item per role in which it names the party. */
function claimsAt(
  record: ClaimRecord,
  canonicalId: string,
  registry: PartyRegistry,
  stakeholders: readonly Stakeholder[],
): RankedClaim[] {
  const evaluation = evaluateClaim(record.claim, registry, { stakeholders });
  const mentions = mentionsOf(record.claim, registry).filter(
    (mention) => registry.canonicalId(mention.partyId) === canonicalId,
  );
  const { claimId, storylineId, content } = record.claim;
  return MENTION_ROLES.flatMap((role, rank) => {
    const names = [...new Set(mentions.filter((mention) => mention.role === role).map((mention) => mention.name))];
    if (names.length === 0) return [];
    const claim: PartyClaim = {
      claimId,
      storylineId,
      statement: content.statement,
      role,
      status: evaluation.status,
      kind: content.kind,
      mentionedAs: names.sort((a, b) => a.localeCompare(b)),
    };
    return [{ seq: record.recordedPosition, rank, claim }];
  });
}
