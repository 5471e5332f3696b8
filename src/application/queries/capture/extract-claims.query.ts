import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { extractProposals } from '../../../domain/capture/extract-proposals';
import { GazetteerEntry } from '../../../domain/capture/gazetteer';
import { Extraction } from '../../../domain/capture/proposal';
import { PartyRegistry } from '../../../domain/party/party-registry';
import { RegistryHistory } from '../registry-history';

export class ExtractClaimsQuery {
  constructor(
    readonly text: string,
    readonly language?: string,
    readonly storylineId?: string,
  ) {}
}

/** The registered parties, merged duplicates left out, as the names speakers are recognised by. */
function gazetteerOf(registry: PartyRegistry): GazetteerEntry[] {
  const entries: GazetteerEntry[] = [];
  for (const record of registry.parties()) {
    if (record.mergedInto) continue;
    entries.push({
      partyId: record.id,
      name: record.name,
      kind: record.kind,
      names: record.aliases.map((alias) => alias.name),
    });
  }
  return entries;
}

/** Proposes the claims of a text against the registry as it stands; records nothing. */
@QueryHandler(ExtractClaimsQuery)
export class ExtractClaimsHandler implements IQueryHandler<ExtractClaimsQuery, Extraction> {
  constructor(private readonly registries: RegistryHistory) {}

  async execute({ text, language }: ExtractClaimsQuery): Promise<Extraction> {
    const registry = await this.registries.at();
    return extractProposals({ text, language, parties: gazetteerOf(registry) });
  }
}
