import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Changes, ChangesFrom } from '../../../application/queries/changes/changes';
import { GetChangesQuery, SinceBeyondCheckpointError } from '../../../application/queries/changes/changes.query';
import { DEFAULT_PAGE_SIZE } from '../../../application/queries/page';
import { RequireRole } from '../auth/roles.decorator';
import { ChangesQueryDto } from '../dto/changes-query.dto';
import { problem } from '../problem/problem';
import { ProblemError } from '../problem/problem.error';
import { ChangesBody } from '../responses/changes.response';
import { SlugPipe } from '../slug.pipe';

const PROBLEM = { 'application/problem+json': { schema: { type: 'object' } } };
const BAD_REQUEST =
  'since and sinceTime both or neither; since negative, not an integer or beyond the read models’ checkpoint; ' +
  'sinceTime without an offset; a cursor of another query; limit out of range';

function fromOf({ since, sinceTime }: ChangesQueryDto): ChangesFrom {
  if ((since === undefined) === (sinceTime === undefined)) {
    throw new ProblemError(problem(400, 'pass exactly one of since and sinceTime'));
  }
  return since !== undefined ? { since } : { sinceTime: sinceTime as string };
}

/** The morning call: what moved since a position or a moment, across the desk or in one storyline. */
@ApiTags('changes')
@ApiBearerAuth()
@ApiResponse({ status: 400, description: BAD_REQUEST, content: PROBLEM })
@ApiResponse({ status: 401, description: 'No API key, or one that is not configured', content: PROBLEM })
@ApiResponse({ status: 403, description: "The key's role is too low", content: PROBLEM })
@ApiResponse({
  status: 503,
  description: 'The read models are not built yet, the event store is down, or minPosition was not reached in 5 s',
  content: PROBLEM,
})
@Controller('v1')
export class ChangesController {
  constructor(private readonly queries: QueryBus) {}

  @Get('changes')
  @RequireRole('reader')
  @ApiOperation({
    summary:
      'What changed since a position (since) or a moment (sinceTime): headline moves, claims added, status ' +
      'changes with their deciding event, counts of developments, and the `next` position to pass next time',
  })
  @ApiOkResponse({ type: ChangesBody, description: 'What moved between since and next, across the desk' })
  all(@Query() query: ChangesQueryDto): Promise<Changes> {
    return this.changes(query);
  }

  @Get('storylines/:id/changes')
  @RequireRole('reader')
  @ApiOperation({ summary: 'The same as GET /v1/changes, for one storyline and its claims' })
  @ApiParam({ name: 'id', description: 'The storyline id', example: 'us-ukraine-security-guarantees' })
  @ApiResponse({ status: 404, description: 'No storyline with this id', content: PROBLEM })
  @ApiOkResponse({ type: ChangesBody, description: 'What moved between since and next in the storyline' })
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
