import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ClaimSummary } from '../claims/claim-view';
import { StorylineListItem, StorylineView } from './storyline-view';
import { TimelineEntry, withPlace } from '../timeline/timeline-entry';
import { NotFoundError } from '../../queries/not-found.error';
import { decodeCursor, Page, PageRequest, toPage } from '../../queries/page';
import { PointInTime, describePointInTime } from '../../queries/point-in-time';
import { TimeTravel } from '../../queries/time-travel';
import {
  STORYLINE_READ_MODEL,
  StorylineFilter,
  StorylineReadModel,
  TIMELINE_READ_MODEL,
  TimelineReadModel,
} from '../../queries/read-models.port';

/** How many of its claims a storyline view embeds; the rest are at GET /v1/storylines/:id/claims. */
export const EMBEDDED_CLAIMS = 50;

const notFound = (storylineId: string, at: PointInTime | undefined) =>
  new NotFoundError(`storyline ${storylineId}${at ? ` ${describePointInTime(at)}` : ''}`);

export class GetStorylineQuery {
  constructor(
    readonly storylineId: string,
    readonly at?: PointInTime,
  ) {}
}

@QueryHandler(GetStorylineQuery)
export class GetStorylineHandler implements IQueryHandler<GetStorylineQuery, StorylineView> {
  constructor(
    @Inject(STORYLINE_READ_MODEL) private readonly storylines: StorylineReadModel,
    private readonly timeTravel: TimeTravel,
  ) {}

  async execute({ storylineId, at }: GetStorylineQuery): Promise<StorylineView> {
    const view = at
      ? await this.timeTravel.storyline(storylineId, at, EMBEDDED_CLAIMS)
      : this.storylines.get(storylineId, EMBEDDED_CLAIMS);
    if (!view) throw notFound(storylineId, at);
    return view;
  }
}

export class GetStorylineClaimsQuery {
  constructor(
    readonly storylineId: string,
    readonly page: PageRequest,
    readonly at?: PointInTime,
  ) {}
}

@QueryHandler(GetStorylineClaimsQuery)
export class GetStorylineClaimsHandler implements IQueryHandler<GetStorylineClaimsQuery, Page<ClaimSummary>> {
  constructor(
    @Inject(STORYLINE_READ_MODEL) private readonly storylines: StorylineReadModel,
    private readonly timeTravel: TimeTravel,
  ) {}

  async execute({ storylineId, page, at }: GetStorylineClaimsQuery): Promise<Page<ClaimSummary>> {
    const claims = at
      ? await this.timeTravel.storylineClaims(storylineId, at, page)
      : this.storylines.claims(storylineId, page);
    if (!claims) throw notFound(storylineId, at);
    return claims;
  }
}

export class ListStorylinesQuery {
  constructor(
    readonly filter: StorylineFilter,
    readonly page: PageRequest,
  ) {}
}

@QueryHandler(ListStorylinesQuery)
export class ListStorylinesHandler implements IQueryHandler<ListStorylinesQuery, Page<StorylineListItem>> {
  constructor(@Inject(STORYLINE_READ_MODEL) private readonly storylines: StorylineReadModel) {}

  async execute({ filter, page }: ListStorylinesQuery): Promise<Page<StorylineListItem>> {
    return this.storylines.list(filter, page);
  }
}

export class GetTimelineQuery {
  constructor(
    readonly storylineId: string,
    readonly page: PageRequest,
    readonly at?: PointInTime,
  ) {}
}

@QueryHandler(GetTimelineQuery)
export class GetTimelineHandler implements IQueryHandler<GetTimelineQuery, Page<TimelineEntry>> {
  constructor(
    @Inject(STORYLINE_READ_MODEL) private readonly storylines: StorylineReadModel,
    @Inject(TIMELINE_READ_MODEL) private readonly timeline: TimelineReadModel,
    private readonly timeTravel: TimeTravel,
  ) {}

  async execute({ storylineId, page, at }: GetTimelineQuery): Promise<Page<TimelineEntry>> {
    if (!at) {
      if (!this.storylines.exists(storylineId)) throw notFound(storylineId, at);
      return this.timeline.timeline(storylineId, page);
    }
    if (!(await this.timeTravel.storylineExists(storylineId, at))) throw notFound(storylineId, at);
    const entries = await this.timeTravel.timeline(storylineId, at);
    const [afterKey, afterPosition] = (decodeCursor(page.cursor, ['number', 'number']) ?? [-Infinity, -1]) as [
      number,
      number,
    ];
    const rest = entries.filter(
      ({ entry, place }) => place > afterKey || (place === afterKey && entry.position > afterPosition),
    );
    return toPage(
      rest.slice(0, page.limit + 1),
      page.limit,
      ({ entry, place }) => withPlace(entry, place),
      ({ entry, place }) => [place, entry.position],
    );
  }
}
