import { Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  PROJECTION_CONTROL,
  ProjectionControl,
  ProjectionStatus,
} from '../../../application/projections/projection-control';
import { Page } from '../../../application/queries/page';
import { RequireRole } from '../auth/roles.decorator';

@ApiTags('projections')
@ApiBearerAuth()
@Controller('v1/projections')
export class ProjectionsController {
  constructor(@Inject(PROJECTION_CONTROL) private readonly runner: ProjectionControl) {}

  @Get()
  @RequireRole('admin')
  @ApiOperation({ summary: "Each projection's checkpoint, lag, state (live / rebuilding / stopped) and last error" })
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
  async rebuild(
    @Param('name') name: string,
  ): Promise<{ name: string; state: 'rebuilding'; rebuilding: string[]; status: string }> {
    const rebuilding = await this.runner.startRebuild(name);
    return { name, state: 'rebuilding', rebuilding, status: '/v1/projections' };
  }
}
