import { RecordedClaim } from '../../src/domain/claim/claim.state';
import { Party, PartyKind } from '../../src/domain/party';
import { AFFILIATION_RELATIONS, PartyEvent } from '../../src/domain/party/party.events';
import { RegistryEvent } from '../../src/domain/party/registry-records';
import { SeededRandom } from './seeded-random';

export interface RegistryWorkloadShape {
  parties: number;
  claims: number;
  seed: number;
}

/** A registry's log and claims folded as the projection holds them, generated in memory. */
export interface RegistryWorkload {
  events: RegistryEvent[];
  claims: RecordedClaim[];
}

/** Governments first, then organizations, outlets and people: a party is affiliated with parties before it. */
const kindAt = (share: number): PartyKind =>
  share < 0.05 ? 'government' : share < 0.2 ? 'organization' : share < 0.4 ? 'media' : 'person';
const DAY = 24 * 3600 * 1000;
const START = Date.parse('2024-01-01T00:00:00Z');
const iso = (time: number) => new Date(time).toISOString();

/**
 * A registry of `parties` parties: each registered with an alias now and then; about 1.5
 * affiliations a person and fewer for others, towards the parties registered before them, a third of them bounded in time and some ended later; a duplicate merged
 * into its party for one in forty; a few discredited. Then `claims` claims between them, each with a
 * claimant, mostly a reporter, and two to six supports, contradictions and fact-checks, their
 * parties named by id, by name, by alias or not registered at all.
 */
export function registryWorkload({ parties, claims, seed }: RegistryWorkloadShape): RegistryWorkload {
  const random = new SeededRandom(seed);
  const events: RegistryEvent[] = [];
  const emit = (data: PartyEvent) =>
    events.push({ ...data, eventId: `registry-${events.length}`, position: events.length } as RegistryEvent);
  const known: Party[] = [];
  for (let index = 0; index < parties; index++) {
    const party: Party = { id: `party-${index}`, name: `Party ${index}`, kind: kindAt(index / parties) };
    known.push(party);
    const aliases = random.chance(0.2) ? [`Alias of ${index}`] : [];
    emit({ type: 'PartyRegistered', data: { partyId: party.id, name: party.name, kind: party.kind, aliases } });
  }
  const affiliated: Array<{ partyId: string; withPartyId: string }> = [];
  for (const party of known) {
    const index = Number(party.id.slice('party-'.length));
    // People belong to outlets, groups and governments; outlets to groups; now and then a group to a larger one.
    const above = party.kind === 'person' ? 0.4 * parties : party.kind === 'media' ? 0.2 * parties : index;
    const count = party.kind === 'person' ? random.integer(1, 2) : random.chance(0.4) ? 1 : 0;
    for (let step = 0; step < count && above >= 1; step++) {
      const withPartyId = `party-${random.integer(0, Math.floor(above) - 1)}`;
      const bounded = random.chance(0.33);
      const from = START + random.integer(0, 700) * DAY;
      emit({
        type: 'PartyAffiliated',
        data: {
          partyId: party.id,
          withPartyId,
          relation: random.pick(AFFILIATION_RELATIONS),
          ...(bounded ? { from: iso(from), to: iso(from + random.integer(30, 400) * DAY) } : {}),
        },
      });
      affiliated.push({ partyId: party.id, withPartyId });
    }
  }
  for (let index = 0; index < parties / 40; index++) {
    const duplicate: Party = { id: `duplicate-${index}`, name: `Duplicate ${index}`, kind: 'person' };
    emit({
      type: 'PartyRegistered',
      data: { partyId: duplicate.id, name: duplicate.name, kind: 'person', aliases: [] },
    });
    const into = random.pick(known).id;
    emit({
      type: 'PartyAffiliated',
      data: { partyId: duplicate.id, withPartyId: random.pick(known).id, relation: 'member_of' },
    });
    emit({ type: 'PartyMerged', data: { partyId: duplicate.id, intoPartyId: into } });
    known.push(duplicate);
  }
  for (let index = 0; index < affiliated.length / 10; index++) {
    const { partyId, withPartyId } = random.pick(affiliated);
    emit({
      type: 'PartyAffiliationEnded',
      data: { partyId, withPartyId, to: iso(START + random.integer(300, 800) * DAY) },
    });
  }
  for (let index = 0; index < parties / 100; index++) {
    emit({ type: 'PartyDiscredited', data: { partyId: random.pick(known).id, reason: 'fabricated quotes' } });
  }
  return { events, claims: generatedClaims(random, known, claims) };
}

/** A mention of a registered party as a reporter might type it; now and then one the registry does not know. */
function mentionOf(random: SeededRandom, known: Party[]): Party {
  const party = random.pick(known);
  const roll = random.next();
  if (roll < 0.1)
    return { id: `someone-${random.integer(0, 999)}`, name: `Someone ${random.integer(0, 999)}`, kind: 'person' };
  if (roll < 0.3) return { id: `typed-${party.id}`, name: party.name, kind: party.kind };
  return party;
}

function generatedClaims(random: SeededRandom, known: Party[], count: number): RecordedClaim[] {
  const claims: RecordedClaim[] = [];
  for (let index = 0; index < count; index++) {
    const occurredAt = () => iso(START + random.integer(0, 900) * DAY);
    const claim: RecordedClaim = {
      claimId: `claim-${index}`,
      storylineId: `storyline-${index % 500}`,
      recordedEventId: `claim-${index}-recorded`,
      content: {
        statement: `Statement ${index}`,
        language: 'en',
        kind: 'factual',
        claimant: mentionOf(random, known),
        ...(random.chance(0.7) ? { reportedBy: mentionOf(random, known) } : {}),
        attribution: 'on_record',
        occurredAt: occurredAt(),
        tags: [],
      },
      supports: [],
      contradictions: [],
      verdicts: [],
      factChecks: [],
      corrections: [],
      relations: [],
      developmentsSinceVerdict: [],
    };
    const developments = random.integer(2, 6);
    for (let step = 0; step < developments; step++) {
      const eventId = `claim-${index}-${step}`;
      const roll = random.next();
      if (roll < 0.78) {
        claim.supports.push({ eventId, by: mentionOf(random, known), occurredAt: occurredAt(), kind: 'corroboration' });
      } else if (roll < 0.88) {
        claim.contradictions.push({ eventId, by: mentionOf(random, known), occurredAt: occurredAt(), kind: 'denial' });
      } else {
        const publishedAt = occurredAt();
        claim.factChecks.push({
          eventId,
          by: mentionOf(random, known),
          url: `https://check.example/${index}/${step % 2}`,
          rating: { value: random.integer(1, 5), best: 5, worst: 1, text: 'rated' },
          publishedAt,
        });
      }
    }
    claims.push(claim);
  }
  return claims;
}
