import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiExtraModels, ApiOperation, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { ANY_REQUEST, ApiProblems } from '../openapi/problems';
import { PROBLEM_CONTENT_TYPE } from '../problem/problem';
import { HealthBody } from '../responses/service.response';
import { ProblemBody } from '../responses/problem.response';
import { FastifyReply } from 'fastify';
import { PROJECTION_CONTROL, ProjectionControl } from '../../../application/read-models/runtime/projection-control';
import { EVENT_STORE, EventStore, EventStoreUnavailableError } from '../../../application/ports/event-store.port';

const health = { schema: { $ref: getSchemaPath(HealthBody) } };

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTION_CONTROL) private readonly runner: ProjectionControl,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Liveness and readiness, including the event store' })
  @ApiExtraModels(HealthBody, ProblemBody)
  @ApiResponse({
    status: 200,
    description: 'The event store is up: ok, or degraded when the read models stopped (writes are still taken)',
    content: { 'application/json': health },
  })
  @ApiResponse({
    status: 503,
    description: 'degraded: the event store is down (or, as a problem, minPosition not reached)',
    content: {
      'application/json': health,
      [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemBody) } },
    },
  })
  @ApiProblems(...ANY_REQUEST)
  async health(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthBody> {
    const eventStoreError = await this.store.ping().then(
      () => undefined,
      (error: unknown) =>
        error instanceof EventStoreUnavailableError ? error.reason : 'the event store does not answer',
    );
    const eventStore = eventStoreError === undefined ? ('up' as const) : ('down' as const);
    const projections = await this.runner.status();
    const readModels = projections.some((projection) => projection.state === 'stopped') ? 'stopped' : 'up';
    // Stopped read models still leave the writes and the last known reads to serve: a balancer keeps sending traffic.
    void reply.status(eventStore === 'up' ? 200 : 503);
    const head = projections[0]?.head ?? -1;
    const status = eventStore === 'up' && readModels === 'up' ? 'ok' : 'degraded';
    return { status, eventStore, ...(eventStoreError && { eventStoreError }), readModels, head, projections };
  }
}
