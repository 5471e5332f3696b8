import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { StorylineView } from '../projections/storyline-view';
import { TimelineEntry } from '../projections/timeline-entry';
import { NotFoundError } from './not-found.error';
import { Page, PageRequest } from './page';
import {
  STORYLINE_READ_MODEL,
  StorylineFilter,
  StorylineListItem,
  StorylineReadModel,
  TIMELINE_READ_MODEL,
  TimelineReadModel,
} from './read-models.port';

export class GetStorylineQuery {
  constructor(readonly storylineId: string) {}
}

@QueryHandler(GetStorylineQuery)
export class GetStorylineHandler implements IQueryHandler<GetStorylineQuery, StorylineView> {
  constructor(@Inject(STORYLINE_READ_MODEL) private readonly storylines: StorylineReadModel) {}

  async execute({ storylineId }: GetStorylineQuery): Promise<StorylineView> {
    const view = this.storylines.get(storylineId);
    if (!view) throw new NotFoundError(`storyline ${storylineId}`);
    return view;
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
  ) {}
}

@QueryHandler(GetTimelineQuery)
export class GetTimelineHandler implements IQueryHandler<GetTimelineQuery, Page<TimelineEntry>> {
  constructor(
    @Inject(STORYLINE_READ_MODEL) private readonly storylines: StorylineReadModel,
    @Inject(TIMELINE_READ_MODEL) private readonly timeline: TimelineReadModel,
  ) {}

  async execute({ storylineId, page }: GetTimelineQuery): Promise<Page<TimelineEntry>> {
    if (!this.storylines.get(storylineId)) throw new NotFoundError(`storyline ${storylineId}`);
    return this.timeline.timeline(storylineId, page);
  }
}
