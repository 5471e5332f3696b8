import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PartyKind } from '../../../domain/party/party-mention';
import { normalizeName } from '../../../domain/party/party-names';
import { Page, PageRequest } from '../../queries/page';
import { PARTY_READ_MODEL, PartyReadModel } from '../../queries/read-models.port';
import { UnregisteredName } from './party-views';

export class ListUnregisteredNamesQuery {
  constructor(
    readonly filter: { text?: string; kind?: PartyKind },
    readonly page: PageRequest,
  ) {}
}

/** The desk's to-do list: names claims mention that resolve to no registered party, most mentioned first. */
@QueryHandler(ListUnregisteredNamesQuery)
export class ListUnregisteredNamesHandler implements IQueryHandler<ListUnregisteredNamesQuery, Page<UnregisteredName>> {
  constructor(@Inject(PARTY_READ_MODEL) private readonly parties: PartyReadModel) {}

  async execute({ filter, page }: ListUnregisteredNamesQuery): Promise<Page<UnregisteredName>> {
    const nameKeyPart = filter.text === undefined ? undefined : normalizeName(filter.text);
    return this.parties.unregisteredNames({ nameKeyPart, kind: filter.kind }, page);
  }
}
