import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Changes, ChangesFrom } from '../../../application/queries/changes/changes';
import { GetChangesQuery, SinceBeyondCheckpointError } from '../../../application/queries/changes/changes.query';
import { DEFAULT_PAGE_SIZE } from '../../../application/queries/page';
import { RequireRole } from '../auth/roles.decorator';
import { ChangesQueryDto } from '../dto/changes-query.dto';
import { ApiIdParam, ApiRead } from '../openapi/operations';
import { problem } from '../problem/problem';
import { ProblemError } from '../problem/problem.error';
import { ChangesBody } from '../responses/changes.response';
import { SlugPipe } from '../slug.pipe';

function fromOf({ since, sinceTime }: ChangesQueryDto): ChangesFrom {
  if ((since === undefined) === (sinceTime === undefined)) {
    throw new ProblemError(problem(400, 'pass exactly one of since and sinceTime'));
  }
  return since !== undefined ? { since } : { sinceTime: sinceTime as string };
}

/** The morning call: what moved since a position or a moment, across the desk or in one storyline. */
@ApiTags('changes')
@Controller('v1')
export class ChangesController {
  constructor(private readonly queries: QueryBus) {}

  @Get('changes')
  @RequireRole('reader')
  @ApiOperation({
    summary:
      'What changed since a position (since) or a moment (sinceTime): headline moves, claims added, status ' +
      'changes with their deciding event, counts of developments, and the `next` position to pass next time. ' +
      "400 also for since beyond the read models' checkpoint, both or neither of since and sinceTime, and a cursor " +
      'of another query',
  })
  @ApiRead({ type: ChangesBody, description: 'What moved between since and next, across the desk' })
  all(@Query() query: ChangesQueryDto): Promise<Changes> {
    return this.changes(query);
  }

  @Get('storylines/:id/changes')
  @RequireRole('reader')
  @ApiOperation({ summary: 'The same as GET /v1/changes, for one storyline and its claims' })
  @ApiIdParam('storyline', 'us-ukraine-security-guarantees')
  @ApiRead({ type: ChangesBody, description: 'What moved between since and next in the storyline', notFound: true })
  ofStoryline(@Param('id', SlugPipe) id: string, @Query() query: ChangesQueryDto): Promise<Changes> {
    return this.changes(query, id);
  }

  private async changes(query: ChangesQueryDto, storylineId?: string): Promise<Changes> {
    const page = { limit: query.limit ?? DEFAULT_PAGE_SIZE, cursor: query.cursor };
    try {
      return await this.queries.execute(new GetChangesQuery(fromOf(query), page, storylineId));
    } catch (error) {
      if (error instanceof SinceBeyondCheckpointError) throw new ProblemError(problem(400, error.message));
      throw error;
    }
  }
}
