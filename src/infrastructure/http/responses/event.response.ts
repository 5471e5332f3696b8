import { ApiSchema } from '@nestjs/swagger';
import { EventMetadata, StoredEvent } from '../../../application/ports/event-store.port';
import { Page } from '../../../application/queries/page';
import { EventIdField, Field, IntegerField, OptionalField, RecordedTime } from './fields';

@ApiSchema({ name: 'EventMetadata' })
export class EventMetadataBody implements EventMetadata {
  @RecordedTime({ description: 'When the server stored it: the clock of asOf' })
  recordedAt!: string;

  @Field({ description: "The API key's name", example: 'desk' })
  actor!: string;

  @Field()
  commandId!: string;

  @Field({ description: 'X-Correlation-Id of the request, else the command id' })
  correlationId!: string;

  @Field({ description: 'X-Causation-Id of the request, else the correlation id' })
  causationId!: string;

  @IntegerField(1, { description: 'The schema version the event was written under' })
  schemaVersion!: number;

  @OptionalField({
    description:
      'Of a command sent with an Idempotency-Key: SHA-256 of its method, path and body, to tell a retry from another request',
    pattern: '^[0-9a-f]{64}$',
  })
  requestFingerprint?: string;
}

@ApiSchema({ name: 'StoredEvent', description: 'One event of the log, with its metadata' })
export class StoredEventBody implements StoredEvent {
  @EventIdField()
  eventId!: string;

  @Field({ example: 'ClaimContradicted' })
  type!: string;

  @Field({ example: 'claim-ft-us-guarantees-conditional-on-donbass' })
  streamId!: string;

  @IntegerField(0, { description: 'Within the stream: 0 for its first event, growing by one' })
  revision!: number;

  @IntegerField(0, { description: 'Global log position: only grows, not necessarily by one' })
  position!: number;

  @Field({
    type: 'object',
    additionalProperties: true,
    description: "The event's facts; their shape depends on the type",
  })
  data!: Record<string, unknown>;

  @Field({ type: EventMetadataBody })
  metadata!: EventMetadataBody;
}

@ApiSchema({ name: 'EventPage' })
export class EventPageBody implements Page<StoredEvent> {
  @Field({ type: [StoredEventBody] })
  items!: StoredEventBody[];

  @OptionalField({ description: 'Absent on the last page; for the log, the `after` of the next page' })
  nextCursor?: string;
}
