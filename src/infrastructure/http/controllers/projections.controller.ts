import { Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiExtraModels, ApiOperation, ApiParam, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import {
  PROJECTION_CONTROL,
  ProjectionControl,
  ProjectionStatus,
} from '../../../application/projections/projection-control';
import { Page } from '../../../application/queries/page';
import { RequireRole } from '../auth/roles.decorator';
import { ApiRead } from '../openapi/operations';
import { ANY_REQUEST, ApiProblems } from '../openapi/problems';
import { ProjectionPageBody, RebuildStartedBody } from '../responses/service.response';

@ApiTags('projections')
@Controller('v1/projections')
export class ProjectionsController {
  constructor(@Inject(PROJECTION_CONTROL) private readonly runner: ProjectionControl) {}

  @Get()
  @RequireRole('admin')
  @ApiOperation({ summary: "Each projection's checkpoint, lag, state (live / rebuilding / stopped) and last error" })
  @ApiRead({ type: ProjectionPageBody, description: 'Every projection' })
  async list(): Promise<Page<ProjectionStatus>> {
    return { items: await this.runner.status() };
  }

  @Post(':name/rebuild')
  @HttpCode(202)
  @RequireRole('admin')
  @ApiOperation({
    summary:
      'Rebuild from position 0 into a new generation while reads keep working; swapped in when caught up. ' +
      'The read models share one fold of the log, so all of them are rebuilt together.',
  })
  @ApiParam({ name: 'name', description: 'The projection', schema: { type: 'string', example: 'storylines' } })
  @ApiExtraModels(RebuildStartedBody)
  @ApiResponse({
    status: 202,
    description: 'The rebuild runs in the background; follow it at GET /v1/projections',
    content: { 'application/json': { schema: { $ref: getSchemaPath(RebuildStartedBody) } } },
  })
  @ApiProblems(...ANY_REQUEST, 404, 409)
  async rebuild(
    @Param('name') name: string,
  ): Promise<{ name: string; state: 'rebuilding'; rebuilding: string[]; status: string }> {
    const rebuilding = await this.runner.startRebuild(name);
    return { name, state: 'rebuilding', rebuilding, status: '/v1/projections' };
  }
}
