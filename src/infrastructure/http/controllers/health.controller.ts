import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import {
  PROJECTION_CONTROL,
  ProjectionControl,
  ProjectionStatus,
} from '../../../application/projections/projection-control';
import { EVENT_STORE, EventStore } from '../../../application/ports/event-store.port';

interface Health {
  status: 'ok' | 'degraded';
  eventStore: 'up' | 'down';
  head: number;
  projections: ProjectionStatus[];
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTION_CONTROL) private readonly runner: ProjectionControl,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Liveness and readiness, including the event store' })
  async health(@Res({ passthrough: true }) reply: FastifyReply): Promise<Health> {
    const eventStore = await this.store.ping().then(
      () => 'up' as const,
      () => 'down' as const,
    );
    const projections = await this.runner.status();
    const healthy = eventStore === 'up' && projections.every((projection) => projection.state !== 'stopped');
    void reply.status(healthy ? 200 : 503);
    const head = projections[0]?.head ?? -1;
    return { status: healthy ? 'ok' : 'degraded', eventStore, head, projections };
  }
}
