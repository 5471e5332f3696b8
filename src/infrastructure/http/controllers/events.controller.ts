import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ListEventsQuery } from '../../../application/queries/event-log.queries';
import { DEFAULT_PAGE_SIZE, Page } from '../../../application/queries/page';
import { StoredEvent } from '../../../application/ports/event-store.port';
import { RequireRole } from '../auth/roles.decorator';
import { ListEventsQueryDto } from '../dto/query.dto';
import { ApiRead } from '../openapi/operations';
import { EventPageBody } from '../responses/event.response';

@ApiTags('events')
@Controller('v1/events')
export class EventsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @RequireRole('reader')
  @ApiOperation({ summary: 'The global log in position order; nextCursor is the `after` of the next page' })
  @ApiRead({ type: EventPageBody, description: 'A page of the log' })
  list(@Query() query: ListEventsQueryDto): Promise<Page<StoredEvent>> {
    return this.queries.execute(
      new ListEventsQuery(query.after, query.limit ?? DEFAULT_PAGE_SIZE, query.type?.split(',')),
    );
  }
}
