import { asPartyEvent } from '../../events/factline-event';
import { EventStore, StoredEvent } from '../../ports/event-store.port';
import { ClaimEventStaging, ReadModelGeneration } from '../../ports/read-model-store.port';
import { LoggedRegistryEvent } from '../../registry-cascade/registry-cascade';
import { DeskCalendar } from '../../../domain/desk-calendar';
import { PartyRegistry, emptyRegistry, evolveRegistry } from '../../../domain/party/party-registry';
import { writeStagedClaims } from './batch-claims';
import { BatchStorylines, foldBatchStoryline } from './batch-storylines';
import { nextTurn } from './next-turn';
import { ProjectionFailure } from './projection-failure';

/**
 * Events read from the log per page while the batch sets claim events aside. A page's events live only
 * until they are staged: pages of 1,000 let most of them die young, where pages of 5,000 lived long
 * enough to be promoted to the old heap, which raised the peak RSS by 15–45 MB and cost no less CPU.
 */
const LOG_PAGE = 1_000;

/** What the batch leaves for the engine that applies the log after it. */
export interface BatchLoad {
  registry: PartyRegistry;
  /** The position of the last event the batch applied, -1 for none. */
  checkpoint: number;
  /** Claims with rivals, decided without them: the engine decides them again (ProjectionEngine.reevaluate). */
  withRivals: string[];
}

const idOf = (event: StoredEvent, field: 'claimId' | 'storylineId'): string | undefined => {
  const id = (event.data as Record<string, unknown> | null)?.[field];
  return typeof id === 'string' ? id : undefined;
};

/**
 * Builds a fresh generation from the log up to `upTo` as a batch, not page by page: a first pass folds
 * the registry and the storylines in memory, writes the registry's events and sets each claim's events
 * aside; a second pass reads them back claim by claim, folds each claim once and evaluates it once,
 * against the registry as the log leaves it, and writes the claims, their mentions and timeline rows
 * in large transactions; the storylines and the checkpoint go last. No registry event re-evaluates
 * anything on the way, and no claim is folded or weighed twice. The result is what the live engine
 * would have written for the same log (test/projections/batch-equals-live.spec.ts).
 */
export async function batchLoad(
  store: EventStore,
  generation: ReadModelGeneration,
  { signal, calendar, upTo = Infinity }: { signal: AbortSignal; calendar: DeskCalendar; upTo?: number },
  onPage: (events: StoredEvent[]) => void,
): Promise<BatchLoad> {
  const staging = generation.stageClaimEvents();
  try {
    const { registry, storylines, checkpoint } = await setAside(store, generation, staging, signal, onPage, upTo);
    const withRivals = await writeStagedClaims(generation, staging, { registry, calendar }, storylines, signal);
    generation.write({
      checkpoint,
      claims: [],
      storylines: [...storylines.values()].map((write) => ({ ...write, recordChanged: write.record !== undefined })),
      timeline: [],
      registryEvents: [],
      registry,
    });
    return { registry, checkpoint, withRivals };
  } finally {
    staging.drop();
  }
}

/** The first pass: the registry and the storylines folded, the registry's events written, the claims' events set aside. */
async function setAside(
  store: EventStore,
  generation: ReadModelGeneration,
  staging: ClaimEventStaging,
  signal: AbortSignal,
  onPage: (events: StoredEvent[]) => void,
  upTo: number,
) {
  let registry = emptyRegistry;
  const storylines: BatchStorylines = new Map();
  // A claim's place among the staged claims: the position of its first event, so claims are written in log order.
  const claimOrder = new Map<string, number>();
  let checkpoint = -1;
  for (;;) {
    signal.throwIfAborted();
    const read = await store.readAll({ after: checkpoint, limit: LOG_PAGE });
    const events = (read.at(-1)?.position ?? -1) > upTo ? read.filter((event) => event.position <= upTo) : read;
    if (events.length === 0) break;
    const registryEvents: LoggedRegistryEvent[] = [];
    const staged: Array<{ order: number; event: StoredEvent }> = [];
    for (const event of events) {
      try {
        const partyEvent = asPartyEvent(event);
        if (partyEvent) {
          registryEvents.push({ ...partyEvent, recordedAt: event.metadata.recordedAt });
          registry = evolveRegistry(registry, partyEvent);
        } else if (event.type.startsWith('Storyline')) {
          const storylineId = idOf(event, 'storylineId');
          if (storylineId !== undefined) foldBatchStoryline(storylines, storylineId, event);
        } else if (event.type.startsWith('Claim')) {
          const claimId = idOf(event, 'claimId');
          if (claimId === undefined) continue;
          let order = claimOrder.get(claimId);
          if (order === undefined) claimOrder.set(claimId, (order = event.position));
          staged.push({ order, event });
        }
      } catch (error) {
        throw new ProjectionFailure(event, error);
      }
    }
    staging.stage(staged);
    if (registryEvents.length > 0) {
      generation.write({ checkpoint: -1, claims: [], storylines: [], timeline: [], registryEvents, registry });
    }
    checkpoint = events[events.length - 1].position;
    onPage(events);
    if (events.length < read.length) break;
    await nextTurn();
  }
  return { registry, storylines, checkpoint };
}
