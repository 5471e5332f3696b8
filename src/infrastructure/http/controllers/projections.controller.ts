import { Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  PROJECTION_CONTROL,
  ProjectionControl,
  ProjectionStatus,
} from '../../../application/projections/projection-runner';
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
  list(): Page<ProjectionStatus> {
    return { items: this.runner.status() };
  }

  @Post(':name/rebuild')
  @HttpCode(202)
  @RequireRole('admin')
  @ApiOperation({
    summary: 'Rebuild from position 0 into shadow tables while reads keep working; swapped in when caught up',
  })
  rebuild(@Param('name') name: string): { name: string; state: 'rebuilding'; status: string } {
    this.runner.startRebuild(name);
    return { name, state: 'rebuilding', status: '/v1/projections' };
  }
}
