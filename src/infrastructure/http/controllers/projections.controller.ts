import { applyDecorators, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiExtraModels, ApiOperation, ApiParam, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import {
  PROJECTION_CONTROL,
  ProjectionControl,
  ProjectionStatus,
  UnknownProjectionError,
} from '../../../application/read-models/runtime/projection-control';
import { READ_MODEL_NAMES } from '../../../application/read-models/runtime/read-model-versions';
import { Page } from '../../../application/queries/page';
import { RequireRole } from '../auth/roles.decorator';
import { ApiRead } from '../openapi/operations';
import { ANY_REQUEST, ApiProblems } from '../openapi/problems';
import { ProjectionPageBody, RebuildStartedBody } from '../responses/service.response';

interface RebuildStarted {
  state: 'rebuilding';
  rebuilding: string[];
  status: string;
}

const RebuildAccepted = () =>
  applyDecorators(
    ApiExtraModels(RebuildStartedBody),
    ApiResponse({
      status: 202,
      description: 'The rebuild runs in the background; follow it at GET /v1/projections',
      content: { 'application/json': { schema: { $ref: getSchemaPath(RebuildStartedBody) } } },
    }),
  );

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

  @Post('rebuild')
  @HttpCode(202)
  @RequireRole('admin')
  @ApiOperation({
    summary:
      'Rebuild every read model from position 0 into a new generation while reads keep working; swapped in when caught up',
  })
  @RebuildAccepted()
  @ApiProblems(...ANY_REQUEST, 409)
  async rebuild(): Promise<RebuildStarted> {
    const rebuilding = await this.runner.startRebuild();
    return { state: 'rebuilding', rebuilding, status: '/v1/projections' };
  }

  /** The route's first form, kept for clients that name a projection: the read models share one fold, so it rebuilds them all. */
  @Post(':name/rebuild')
  @HttpCode(202)
  @RequireRole('admin')
  @ApiOperation({
    summary:
      'Deprecated alias of POST /v1/projections/rebuild: every read model is rebuilt, whichever is named; an unknown name is 404',
    deprecated: true,
  })
  @ApiParam({ name: 'name', description: 'A projection', schema: { type: 'string', enum: [...READ_MODEL_NAMES] } })
  @RebuildAccepted()
  @ApiProblems(...ANY_REQUEST, 404, 409)
  async rebuildNamed(@Param('name') name: string): Promise<RebuildStarted & { name: string }> {
    if (!(READ_MODEL_NAMES as readonly string[]).includes(name))
      throw new UnknownProjectionError(name, READ_MODEL_NAMES);
    return { name, ...(await this.rebuild()) };
  }
}
