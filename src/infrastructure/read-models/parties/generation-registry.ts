import Database from 'better-sqlite3';
import type { LoggedRegistryEvent } from '../../../application/registry-cascade/registry-cascade';
import { PartyRegistry, emptyRegistry, foldRegistry } from '../../../domain/party/party-registry';
import { GenerationTables } from '../generation-tables';

type Prepare = <P extends unknown[], R>(sql: string) => Database.Statement<P, R>;

/** A generation's registry folded through the party event at `position` (-1: none). */
interface Folded {
  generation: number;
  position: number;
  registry: PartyRegistry;
}

/**
 * The party registry a generation holds at its checkpoint: the party events its registry table keeps,
 * folded with the function the projections fold them with. The fold is kept and carried forward by
 * the events added since, so a read folds only the party events that arrived after the last one.
 */
export class GenerationRegistry {
  private kept: Folded | undefined;

  /** Within the read transaction that `prepare` belongs to. */
  of(generation: number, tables: GenerationTables, prepare: Prepare): PartyRegistry {
    const last = prepare<[], number | null>(`SELECT max(position) FROM ${tables.registry}`).pluck().get() ?? -1;
    let folded = this.kept;
    // A generation replaced, or the same number reused by a file rebuilt: fold from the start.
    if (!folded || folded.generation !== generation || folded.position > last) {
      folded = { generation, position: -1, registry: emptyRegistry };
    }
    if (folded.position < last) {
      const events = prepare<[number], string>(
        `SELECT event FROM ${tables.registry} WHERE position > ? ORDER BY position`,
      )
        .pluck()
        .all(folded.position)
        .map((event) => JSON.parse(event) as LoggedRegistryEvent);
      folded = { generation, position: last, registry: foldRegistry(events, folded.registry) };
    }
    this.kept = folded;
    return folded.registry;
  }
}
