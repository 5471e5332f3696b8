import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PartyKind } from '../../../domain/party/party-mention';
import { normalizeName } from '../../../domain/party/party-names';
import { PartyRegistry } from '../../../domain/party/party-registry';
import { PartyRecord } from '../../../domain/party/registry-records';
import { decodeCursor, Page, PageRequest, toPage } from '../../queries/page';
import { PARTY_READ_MODEL, PartyReadModel } from '../../queries/read-models.port';
import { RegistryHistory } from '../../queries/registry-history';
import { toPartyListItem } from './party-view';
import { PartyListItem } from './party-views';

export interface PartyFilter {
  /** A part of the name or of an alias, compared as names are (normalizeName). */
  text?: string;
  kind?: PartyKind;
  discredited?: boolean;
}

export class ListPartiesQuery {
  constructor(
    readonly filter: PartyFilter,
    readonly page: PageRequest,
  ) {}
}

function matcher({ text, kind, discredited }: PartyFilter): (record: PartyRecord) => boolean {
  const part = text === undefined ? undefined : normalizeName(text);
  const named = (record: PartyRecord) =>
    [record.name, ...record.aliases.map((alias) => alias.name)].some((name) =>
      normalizeName(name).includes(part ?? ''),
    );
  return (record) =>
    (kind === undefined || record.kind === kind) &&
    (discredited === undefined || (record.discredited !== undefined) === discredited) &&
    (part === undefined || named(record));
}

/** Index of the first record registered after `position`, in records ordered by registration. */
function firstAfter(records: readonly PartyRecord[], position: number): number {
  let low = 0;
  let high = records.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (records[middle].registeredBy.position <= position) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The registered parties, merged duplicates included, in the order they were registered. */
@QueryHandler(ListPartiesQuery)
export class ListPartiesHandler implements IQueryHandler<ListPartiesQuery, Page<PartyListItem>> {
  private readonly ordered = new WeakMap<PartyRegistry, readonly PartyRecord[]>();

  constructor(
    private readonly registries: RegistryHistory,
    @Inject(PARTY_READ_MODEL) private readonly parties: PartyReadModel,
  ) {}

  async execute({ filter, page }: ListPartiesQuery): Promise<Page<PartyListItem>> {
    const registry = await this.registries.at();
    const records = this.inRegistrationOrder(registry);
    const [afterPosition] = (decodeCursor(page.cursor, ['number']) ?? [-1]) as [number];
    const matches = matcher(filter);
    const rows: PartyRecord[] = [];
    for (let index = firstAfter(records, afterPosition); index < records.length && rows.length <= page.limit; index++) {
      if (matches(records[index])) rows.push(records[index]);
    }
    const canonicalIdOf = (record: PartyRecord) => registry.canonicalId(record.id);
    const tallies = this.parties.mentionTallies(rows.slice(0, page.limit).map(canonicalIdOf));
    return toPage(
      rows,
      page.limit,
      (record) => toPartyListItem(record, tallies.get(canonicalIdOf(record))?.claims ?? 0),
      (record) => [record.registeredBy.position],
    );
  }

  private inRegistrationOrder(registry: PartyRegistry): readonly PartyRecord[] {
    let records = this.ordered.get(registry);
    if (!records) {
      records = [...registry.parties()].sort((a, b) => a.registeredBy.position - b.registeredBy.position);
      this.ordered.set(registry, records);
    }
    return records;
  }
}
