import { randomUUID } from 'node:crypto';
import { CURRENT_SCHEMA_VERSION, FactlineEvent } from '../../src/application/events/factline-event';
import { claimStreamId } from '../../src/domain/claim/claim.events';
import { partyStreamId } from '../../src/domain/party/party.events';
import { storylineStreamId } from '../../src/domain/storyline/storyline.events';
import { EventToAppend } from '../../src/application/ports/event-store.port';
import { ClaimDraft, developClaim, recordClaim } from './claim-events';
import { MEDIA, PLACES, SPEAKERS, TAGS, TOPICS } from './newsroom-vocabulary';
import { PartyEventGenerator } from './party-events';
import { SeededRandom } from './seeded-random';

export interface GeneratedEvent {
  streamId: string;
  event: EventToAppend;
}

export interface LogShape {
  events: number;
  /** One storyline gets exactly this many events (its own and its claims'), for the as-of figure. */
  largeStorylineEvents: number;
  seed: number;
  /** Claims related to each other across storylines (same_as, rival_of), each side a separate event. */
  relations?: boolean;
}

/** What the as-of figure needs to know about the large storyline once the log is written. */
export interface LargeStoryline {
  id: string;
  events: number;
  claims: number;
  lastRecordedAt: string;
}

interface StorylineDraft {
  id: string;
  budget: number;
  used: number;
  claims: ClaimDraft[];
}

/** Storylines a desk follows at once; events pick one of them. */
const ACTIVE_STORYLINES = 24;
/** About one event in this many is the desk keeping its party registry. */
const REGISTRY_EVENT_SHARE = 1 / 80;
const START = Date.parse('2025-01-05T06:00:00Z');
/** With relations, about one event in this many relates two claims or removes a relation. */
const RELATION_EVENT_SHARE = 1 / 30;

/**
 * A newsroom's log in commit order: storylines open and run for a few hundred events, claims are
 * recorded in them and later supported, contradicted, corrected, retracted and ruled on, with recent
 * claims the busiest; now and then the desk registers, affiliates, discredits or merges a party the
 * claims mention. Data and metadata have the shapes the commands write.
 */
export class EventLogGenerator {
  readonly largeStoryline: LargeStoryline;
  private readonly random: SeededRandom;
  private readonly active: StorylineDraft[] = [];
  private readonly large: StorylineDraft;
  private readonly parties: PartyEventGenerator;
  /** Stakeholders and `about` draw from their own sequence, so the rest of a seed's log stays as it was. */
  private readonly stakes: SeededRandom;
  private opened = 0;
  private clock = START;
  private readonly recorded: ClaimDraft[] = [];
  private readonly relatedPairs: Array<[string, string]> = [];
  /** The other side of a relation, appended as the next event (or a few events later). */
  private readonly otherSides: GeneratedEvent[] = [];

  constructor(private readonly shape: LogShape) {
    this.random = new SeededRandom(shape.seed);
    this.parties = new PartyEventGenerator(this.random);
    this.stakes = new SeededRandom(shape.seed + 1);
    this.large = this.newStoryline(shape.largeStorylineEvents);
    this.largeStoryline = { id: this.large.id, events: 0, claims: 0, lastRecordedAt: '' };
    for (let index = 1; index < ACTIVE_STORYLINES; index++) this.active.push(this.newStoryline());
  }

  *events(): Generator<GeneratedEvent> {
    // The large storyline gets a share of the traffic that lets it finish within the first half of the log.
    const largeShare = Math.min(0.5, (2 * this.shape.largeStorylineEvents) / this.shape.events);
    for (let index = 0; index < this.shape.events; index++) {
      this.clock += this.random.integer(1000, 40_000);
      const relationEvent = this.shape.relations ? this.nextRelationEvent() : undefined;
      if (relationEvent) {
        yield relationEvent;
        continue;
      }
      const registryEvent = this.random.chance(REGISTRY_EVENT_SHARE) ? this.parties.next(this.clock) : undefined;
      if (registryEvent) {
        yield this.envelope(partyStreamId(registryEvent.data.partyId), registryEvent, 'editor-key');
        continue;
      }
      const useLarge = this.large.used < this.large.budget && this.random.chance(largeShare);
      const storyline = useLarge ? this.large : this.random.pick(this.active);
      const generated = this.nextEventOf(storyline);
      storyline.used += 1;
      if (storyline === this.large) this.noteLargeStorylineEvent();
      else if (storyline.used >= storyline.budget) this.active[this.active.indexOf(storyline)] = this.newStoryline();
      yield generated;
    }
  }

  private noteLargeStorylineEvent(): void {
    this.largeStoryline.events = this.large.used;
    this.largeStoryline.claims = this.large.claims.length;
    this.largeStoryline.lastRecordedAt = new Date(this.clock).toISOString();
  }

  private newStoryline(budget = this.random.integer(100, 900)): StorylineDraft {
    this.opened += 1;
    const topic = this.random.pick(TOPICS);
    const id = `${topic.replace(/ /g, '-')}-${this.opened}`;
    return { id, budget, used: 0, claims: [] };
  }

  private nextEventOf(storyline: StorylineDraft): GeneratedEvent {
    if (storyline.used === 0) {
      const [topic, place] = [storyline.id.replace(/-\d+$/, '').replace(/-/g, ' '), this.random.pick(PLACES)];
      const data = {
        storylineId: storyline.id,
        title: `${topic[0].toUpperCase()}${topic.slice(1)} in ${place}`,
        summary: `Claims and counter-claims about the ${topic} negotiated in ${place}.`,
        tags: [this.random.pick(TAGS), this.random.pick(TAGS)].filter((tag, i, all) => all.indexOf(tag) === i),
      };
      return this.envelope(storylineStreamId(storyline.id), { type: 'StorylineOpened', data }, 'reporter-key');
    }
    const roll = this.random.next();
    if (roll < 0.01) {
      if (this.stakes.chance(0.6)) return this.stakeholderEvent(storyline);
      const data = { storylineId: storyline.id, summary: `Updated summary ${storyline.used}` };
      return this.envelope(storylineStreamId(storyline.id), { type: 'StorylineRevised', data }, 'editor-key');
    }
    if (roll < 0.16 || storyline.claims.length === 0) {
      const { draft, event } = recordClaim(this.random, storyline.id, this.clock);
      if (event.type === 'ClaimRecorded' && this.stakes.chance(0.2)) {
        event.data.about = [this.stakes.pick([...SPEAKERS, ...MEDIA])];
      }
      storyline.claims.push(draft);
      this.recorded.push(draft);
      return this.envelope(claimStreamId(draft.claimId), event, 'reporter-key');
    }
    // Recent claims get most of the follow-ups.
    const claims = storyline.claims;
    const claim = claims[claims.length - 1 - Math.floor(this.random.next() ** 3 * claims.length)];
    const event = developClaim(this.random, claim, this.clock);
    const byEditor = ['ClaimVerdictIssued', 'ClaimCorrected', 'ClaimFactChecked'].includes(event.type);
    const actor = byEditor ? 'editor-key' : 'reporter-key';
    return this.envelope(claimStreamId(claim.claimId), event, actor);
  }

  /** An other side due (now and then a few events late), or now and then one side of a new relation or removal. */
  private nextRelationEvent(): GeneratedEvent | undefined {
    if (this.otherSides.length > 0 && this.random.chance(0.7)) return this.otherSides.shift();
    if (this.recorded.length < 2 || !this.random.chance(RELATION_EVENT_SHARE)) return undefined;
    const unrelate = this.relatedPairs.length > 0 && this.random.chance(0.2);
    const [a, b] = unrelate
      ? this.relatedPairs.splice(this.random.integer(0, this.relatedPairs.length - 1), 1)[0]
      : [this.random.pick(this.recorded).claimId, this.random.pick(this.recorded).claimId];
    if (a === b) return undefined;
    const relation = this.random.chance(0.7) ? 'rival_of' : 'same_as';
    const side = (claimId: string, relatedClaimId: string): GeneratedEvent =>
      this.envelope(
        claimStreamId(claimId),
        unrelate
          ? { type: 'ClaimUnrelated', data: { claimId, relatedClaimId } }
          : { type: 'ClaimRelated', data: { claimId, relatedClaimId, relation } },
        'editor-key',
      );
    if (!unrelate) this.relatedPairs.push([a, b]);
    this.otherSides.push(side(b, a));
    return side(a, b);
  }

  /** The desk names a speaker or an outlet as a stakeholder of the storyline (dated, now and then), or removes one. */
  private stakeholderEvent(storyline: StorylineDraft): GeneratedEvent {
    const streamId = storylineStreamId(storyline.id);
    const party = this.stakes.pick([...SPEAKERS, ...MEDIA]);
    if (this.stakes.chance(0.4)) {
      const data = { storylineId: storyline.id, partyId: party.id };
      return this.envelope(streamId, { type: 'StorylineStakeholderRemoved', data }, 'editor-key');
    }
    const from = this.stakes.chance(0.5) ? { from: new Date(this.clock - 86_400_000).toISOString() } : {};
    const data = { storylineId: storyline.id, partyId: party.id, reason: `a party to the ${storyline.id}`, ...from };
    return this.envelope(streamId, { type: 'StorylineStakeholderNamed', data }, 'editor-key');
  }

  private envelope(streamId: string, event: FactlineEvent, actor: string): GeneratedEvent {
    const commandId = randomUUID();
    return {
      streamId,
      event: {
        eventId: randomUUID(),
        type: event.type,
        data: event.data,
        metadata: {
          recordedAt: new Date(this.clock).toISOString(),
          actor,
          commandId,
          correlationId: commandId,
          causationId: commandId,
          schemaVersion: CURRENT_SCHEMA_VERSION,
        },
      },
    };
  }
}
