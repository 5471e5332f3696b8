import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ExistingClaim } from '../../../domain/capture/developments';
import { extractProposals } from '../../../domain/capture/extract-proposals';
import { GazetteerEntry } from '../../../domain/capture/gazetteer';
import { Extraction } from '../../../domain/capture/proposal';
import { PartyRegistry } from '../../../domain/party/party-registry';
import { NotFoundError } from '../not-found.error';
import { MAX_PAGE_SIZE } from '../page';
import { STORYLINE_READ_MODEL, StorylineReadModel } from '../read-models.port';
import { RegistryHistory } from '../registry-history';

export class ExtractClaimsQuery {
  constructor(
    readonly text: string,
    readonly language?: string,
    readonly storylineId?: string,
  ) {}
}

/** Every name a party goes by: its own, its aliases, and those of the duplicates merged into it. */
function gazetteerOf(registry: PartyRegistry): GazetteerEntry[] {
  const entries = new Map<string, GazetteerEntry & { names: string[] }>();
  const records = [...registry.parties()];
  for (const record of records) {
    if (record.mergedInto) continue;
    entries.set(record.id, {
      partyId: record.id,
      name: record.name,
      kind: record.kind,
      names: record.aliases.map((alias) => alias.name),
    });
  }
  for (const record of records) {
    if (!record.mergedInto) continue;
    const entry = entries.get(registry.canonicalId(record.id));
    entry?.names.push(record.name, ...record.aliases.map((alias) => alias.name));
  }
  return [...entries.values()];
}

/** Proposes the claims of a text against the registry and the storyline as they stand; records nothing. */
@QueryHandler(ExtractClaimsQuery)
export class ExtractClaimsHandler implements IQueryHandler<ExtractClaimsQuery, Extraction> {
  constructor(
    private readonly registries: RegistryHistory,
    @Inject(STORYLINE_READ_MODEL) private readonly storylines: StorylineReadModel,
  ) {}

  async execute({ text, language, storylineId }: ExtractClaimsQuery): Promise<Extraction> {
    const registry = await this.registries.at();
    const existingClaims = storylineId === undefined ? [] : this.claimsOf(storylineId, registry);
    return extractProposals({ text, language, parties: gazetteerOf(registry), existingClaims });
  }

  private claimsOf(storylineId: string, registry: PartyRegistry): ExistingClaim[] {
    const claims: ExistingClaim[] = [];
    let cursor: string | undefined;
    do {
      const page = this.storylines.claims(storylineId, { limit: MAX_PAGE_SIZE, cursor });
      if (!page) throw new NotFoundError(`storyline ${storylineId}`);
      for (const claim of page.items) {
        const { id, name } = claim.claimant;
        const partyId = registry.idHolder(id)?.party.id ?? registry.nameHolder(name)?.party.id ?? id;
        const party = registry.party(partyId);
        const partyNames = [
          claim.claimant.name,
          ...(party ? [party.name, ...party.aliases.map((alias) => alias.name)] : []),
        ];
        claims.push({ id: claim.id, statement: claim.statement, partyId, partyNames });
      }
      cursor = page.nextCursor;
    } while (cursor);
    return claims;
  }
}
