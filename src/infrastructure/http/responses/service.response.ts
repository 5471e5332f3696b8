import { ApiSchema } from '@nestjs/swagger';
import { ProjectionState, ProjectionStatus } from '../../../application/read-models/runtime/projection-control';
import { BuildProgress } from '../../../application/ports/read-model-store.port';
import { Page } from '../../../application/queries/page';
import { Field, IntegerField, OptionalField, ServerTime } from './fields';

const PROJECTION_STATES: ProjectionState[] = ['catching_up', 'live', 'rebuilding', 'stopped'];

@ApiSchema({ name: 'RebuildProgress' })
export class RebuildProgressBody implements BuildProgress {
  @IntegerField(0, { description: 'Events applied to the new generation so far' })
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

  @IntegerField(1, { description: 'The version of this read model that built the active generation' })
  version!: number;

  @IntegerField(1, { description: 'The version of the status rule that built the active generation' })
  ruleVersion!: number;

  @OptionalField({
    description: 'Why the read models stopped (the event and the reason), or why the last rebuild failed',
  })
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
  @OptionalField({
    description: 'The projection named, on the deprecated POST /v1/projections/:name/rebuild only',
    example: 'storylines',
  })
  name?: string;

  @Field({ enum: ['rebuilding'] })
  state!: 'rebuilding';

  @Field({
    type: [String],
    description: 'Every read model being rebuilt: they share one fold of the log',
    example: ['claims', 'storylines', 'timeline'],
  })
  rebuilding!: string[];

  @Field({ description: 'Where to follow the rebuild', example: '/v1/projections' })
  status!: string;
}

@ApiSchema({ name: 'Health' })
export class HealthBody {
  @Field({
    enum: ['ok', 'degraded'],
    description: 'degraded: the store is down (503) or the read models stopped (200: writes are still taken)',
  })
  status!: 'ok' | 'degraded';

  @Field({ enum: ['up', 'down'] })
  eventStore!: 'up' | 'down';

  @OptionalField({
    description: 'While the event store is down: which store and why (out of reach, disk full, I/O error)',
    example: 'the event store (factline.db): database or disk is full (SQLITE_FULL)',
  })
  eventStoreError?: string;

  @Field({
    enum: ['up', 'stopped'],
    description: 'stopped: the read models cannot apply the log; the projections say why (lastError)',
  })
  readModels!: 'up' | 'stopped';

  @IntegerField(-1)
  head!: number;

  @Field({ type: [ProjectionStatusBody] })
  projections!: ProjectionStatusBody[];
}
