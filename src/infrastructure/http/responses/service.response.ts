import { ApiSchema } from '@nestjs/swagger';
import { RebuildProgress } from '../../../application/projections/projection-rebuilder';
import { ProjectionState, ProjectionStatus } from '../../../application/projections/projection-runner';
import { Page } from '../../../application/queries/page';
import { Field, IntegerField, OptionalField, ServerTime } from './fields';

const PROJECTION_STATES: ProjectionState[] = ['catching_up', 'live', 'rebuilding', 'stopped'];

@ApiSchema({ name: 'RebuildProgress' })
export class RebuildProgressBody implements RebuildProgress {
  @IntegerField(0, { description: 'Events applied to the shadow tables so far' })
  applied!: number;

  @IntegerField(-1)
  position!: number;

  @IntegerField(-1)
  head!: number;

  @ServerTime()
  startedAt!: string;
}

@ApiSchema({ name: 'ProjectionStatus' })
export class ProjectionStatusBody implements ProjectionStatus {
  @Field({ example: 'claims' })
  name!: string;

  @IntegerField(-1, { description: 'The last position applied; -1 before the first' })
  checkpoint!: number;

  @IntegerField(-1, { description: 'The newest position in the log; -1 for an empty log' })
  head!: number;

  @IntegerField(0, { description: 'How far behind the head, in log positions' })
  lag!: number;

  @Field({ enum: PROJECTION_STATES })
  state!: ProjectionState;

  @OptionalField({ description: 'Why a stopped projection stopped' })
  lastError?: string;

  @OptionalField({ type: RebuildProgressBody })
  rebuild?: RebuildProgressBody;
}

@ApiSchema({ name: 'ProjectionPage' })
export class ProjectionPageBody implements Page<ProjectionStatus> {
  @Field({ type: [ProjectionStatusBody] })
  items!: ProjectionStatusBody[];

  @OptionalField({ description: 'Never present: every projection fits on one page' })
  nextCursor?: string;
}

@ApiSchema({ name: 'RebuildStarted' })
export class RebuildStartedBody {
  @Field({ example: 'storylines' })
  name!: string;

  @Field({ enum: ['rebuilding'] })
  state!: 'rebuilding';

  @Field({ description: 'Where to follow the rebuild', example: '/v1/projections' })
  status!: string;
}

@ApiSchema({ name: 'Health' })
export class HealthBody {
  @Field({ enum: ['ok', 'degraded'], description: 'degraded (with 503): the store is down or a projection stopped' })
  status!: 'ok' | 'degraded';

  @Field({ enum: ['up', 'down'] })
  eventStore!: 'up' | 'down';

  @IntegerField(-1)
  head!: number;

  @Field({ type: [ProjectionStatusBody] })
  projections!: ProjectionStatusBody[];
}
