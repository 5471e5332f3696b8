import { LoggedRegistryEvent } from '../../../application/projections/registry-page';
import { PartyReadModel, ReadModelsUnavailableError } from '../../../application/queries/read-models.port';
import { AffectedMentions } from '../../../domain/party/registry-changes';
import { GenerationView, ReadModelReader } from '../read-model-reader';

/** The read-model version from which a generation keeps the registry's events and the mentions index. */
const REGISTRY_SINCE_VERSION = 1;

function requireRegistry({ versions }: GenerationView): void {
  if ((versions.parties ?? 0) < REGISTRY_SINCE_VERSION) {
    throw new ReadModelsUnavailableError('the read models are being rebuilt to resolve parties; retry shortly');
  }
}

/** The party registry's events and the mentions index, on the HTTP side. */
export class PartyQueries implements PartyReadModel {
  constructor(private readonly reader: ReadModelReader) {}

  registryEventsAfter(position: number): { checkpoint: number; events: LoggedRegistryEvent[] } {
    return this.reader.read((view) => {
      requireRegistry(view);
      const events = view
        .prepare<[number], string>(`SELECT event FROM ${view.tables.registry} WHERE position > ? ORDER BY position`)
        .pluck()
        .all(position)
        .map((event) => JSON.parse(event) as LoggedRegistryEvent);
      return { checkpoint: view.checkpoint, events };
    });
  }

  claimsMentioning(affected: AffectedMentions[]): string[] {
    const partyIds = JSON.stringify([...new Set(affected.flatMap((change) => [...change.partyIds]))]);
    const names = JSON.stringify([...new Set(affected.flatMap((change) => [...change.names]))]);
    return this.reader.read((view) => {
      requireRegistry(view);
      const { mentions } = view.tables;
      return view
        .prepare<[{ partyIds: string; names: string }], string>(
          `SELECT claim_id FROM ${mentions} WHERE mention_id IN (SELECT value FROM json_each(@partyIds))
           UNION SELECT claim_id FROM ${mentions} WHERE party_id IN (SELECT value FROM json_each(@partyIds))
           UNION SELECT claim_id FROM ${mentions} WHERE name_key IN (SELECT value FROM json_each(@names))`,
        )
        .pluck()
        .all({ partyIds, names });
    });
  }
}
