import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { claimStreamId } from '../../domain/claim/claim.events';
import { EVENT_STORE, EventStore, StoredEvent } from '../ports/event-store.port';
import { NotFoundError } from './not-found.error';
import { decodeCursor, Page, toPage } from './page';

export class ListEventsQuery {
  constructor(
    readonly after: number | undefined,
    readonly limit: number,
    readonly types: string[] | undefined,
  ) {}
}

@QueryHandler(ListEventsQuery)
export class ListEventsHandler implements IQueryHandler<ListEventsQuery, Page<StoredEvent>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ after, limit, types }: ListEventsQuery): Promise<Page<StoredEvent>> {
    const events = await this.store.readAll({ after, limit: limit + 1, types });
    const page = toPage(
      events,
      limit,
      (event) => event,
      () => [],
    );
    // The global log pages by position: the next cursor is simply the `after` to ask for.
    return page.nextCursor
      ? { items: page.items, nextCursor: String(page.items[page.items.length - 1].position) }
      : page;
  }
}

export class GetClaimHistoryQuery {
  constructor(
    readonly claimId: string,
    readonly limit: number,
    readonly cursor: string | undefined,
  ) {}
}

@QueryHandler(GetClaimHistoryQuery)
export class GetClaimHistoryHandler implements IQueryHandler<GetClaimHistoryQuery, Page<StoredEvent>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ claimId, limit, cursor }: GetClaimHistoryQuery): Promise<Page<StoredEvent>> {
    const [afterRevision] = (decodeCursor(cursor, ['number']) ?? [-1]) as [number];
    const streamId = claimStreamId(claimId);
    const rest = await this.store.readStream(streamId, { fromRevision: afterRevision + 1, maxCount: limit + 1 });
    if (
      rest.length === 0 &&
      (afterRevision < 0 || (await this.store.readStream(streamId, { maxCount: 1 })).length === 0)
    ) {
      throw new NotFoundError(`claim ${claimId}`);
    }
    return toPage(
      rest,
      limit,
      (event) => event,
      (event) => [event.revision],
    );
  }
}
