import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
  registerDecorator,
} from 'class-validator';
import { FACTLINE_EVENT_TYPES } from '../../../application/events/factline-event';
import { WebhookRecord, WebhookState } from '../../../application/ports/webhook-store.port';
import { OptionalProperty } from './validators';

const WEBHOOK_STATES: WebhookState[] = ['active', 'failing', 'disabled'];
const SECRET_PATTERN = '^whsec_[A-Za-z0-9+/]+={0,2}$';
const MIN_SECRET_BYTES = 24;
const MAX_SECRET_BYTES = 64;
const EXAMPLE_URL = 'https://hooks.example.org/factline';

/** Standard Webhooks: `whsec_` and the base64 of 24 to 64 bytes. */
function IsWebhookSecret(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isWebhookSecret',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate(value: unknown) {
          if (typeof value !== 'string' || !new RegExp(SECRET_PATTERN).test(value)) return false;
          const encoded = value.slice('whsec_'.length);
          const bytes = Buffer.from(encoded, 'base64');
          return (
            bytes.toString('base64') === encoded && bytes.length >= MIN_SECRET_BYTES && bytes.length <= MAX_SECRET_BYTES
          );
        },
        defaultMessage: () =>
          `$property must be whsec_ followed by the base64 of ${MIN_SECRET_BYTES} to ${MAX_SECRET_BYTES} random bytes`,
      },
    });
}

export class CreateWebhookDto {
  @ApiProperty({
    description:
      'Where deliveries are POSTed: http or https, no user name or password, a host that WEBHOOK_ALLOWED_HOSTS allows',
    example: EXAMPLE_URL,
    format: 'uri',
    maxLength: 2000,
    pattern: '^https?://',
  })
  @IsString()
  @MaxLength(2000)
  @Matches(/^https?:\/\//i, { message: '$property must be an http or https URL' })
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false, allow_underscores: true },
    { message: '$property must be an http or https URL' },
  )
  url!: string;

  @OptionalProperty({
    description: 'Only events of these types; leave it out for every type',
    type: String,
    enum: FACTLINE_EVENT_TYPES,
    isArray: true,
    minItems: 1,
    maxItems: FACTLINE_EVENT_TYPES.length,
    uniqueItems: true,
    example: ['ClaimContradicted', 'ClaimVerdictIssued'],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(FACTLINE_EVENT_TYPES.length)
  @ArrayUnique()
  @IsIn(FACTLINE_EVENT_TYPES, { each: true })
  events?: string[];

  @OptionalProperty({
    description:
      'The signing secret in Standard Webhooks form; generated (and shown once, in this answer) when left out',
    pattern: SECRET_PATTERN,
    minLength: 'whsec_'.length + 32,
    maxLength: 'whsec_'.length + 88,
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  })
  @IsString()
  @IsWebhookSecret()
  secret?: string;
}

export class WebhookDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: EXAMPLE_URL })
  url!: string;

  @ApiProperty({
    type: String,
    enum: FACTLINE_EVENT_TYPES,
    isArray: true,
    nullable: true,
    description: 'The event types delivered; null for every type',
  })
  events!: string[] | null;

  @ApiProperty({
    enum: WEBHOOK_STATES,
    description: 'active: delivering; failing: retrying after a failed attempt; disabled: gave up (see disabledReason)',
  })
  state!: WebhookState;

  @ApiProperty({
    type: 'integer',
    minimum: -1,
    description:
      'Log position delivered up to: the next delivery is the first matching event after it (the log head at registration to begin with)',
  })
  checkpoint!: number;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'Failed attempts in a row on the next event; 0 when healthy',
  })
  attempts!: number;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Events delivered so far' })
  delivered!: number;

  @ApiProperty({ required: false, format: 'date-time', description: 'When the last attempt ended' })
  lastDeliveryAt?: string;

  @ApiProperty({
    required: false,
    type: 'integer',
    description: 'HTTP status of the last attempt, if it got an answer',
  })
  lastDeliveryStatus?: number;

  @ApiProperty({ required: false, description: 'What went wrong on the last failed attempt', example: 'answered 503' })
  lastError?: string;

  @ApiProperty({ required: false, format: 'date-time' })
  lastErrorAt?: string;

  @ApiProperty({ required: false, format: 'date-time', description: 'When a failing subscription is tried again' })
  nextAttemptAt?: string;

  @ApiProperty({ required: false, format: 'date-time' })
  disabledAt?: string;

  @ApiProperty({ required: false, description: 'Why deliveries stopped' })
  disabledReason?: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ description: 'The name of the API key that registered it' })
  createdBy!: string;
}

export class CreatedWebhookDto extends WebhookDto {
  @ApiProperty({
    required: false,
    description: 'The generated signing secret: in this answer only, and only when the request sent none',
    pattern: SECRET_PATTERN,
  })
  secret?: string;
}

export class WebhookPageDto {
  @ApiProperty({ type: [WebhookDto] })
  items!: WebhookDto[];
}

/** What an admin sees of a subscription: everything but its secret. */
export function webhookView({ subscription, progress }: WebhookRecord): WebhookDto {
  const { checkpoint, state, attempts, delivered, lastDeliveryAt, lastDeliveryStatus, lastError, lastErrorAt } =
    progress;
  const { nextAttemptAt, disabledAt, disabledReason } = progress;
  return {
    id: subscription.id,
    url: subscription.url,
    events: subscription.eventTypes,
    state,
    checkpoint,
    attempts,
    delivered,
    lastDeliveryAt,
    lastDeliveryStatus,
    lastError,
    lastErrorAt,
    nextAttemptAt,
    disabledAt,
    disabledReason,
    createdAt: subscription.createdAt,
    createdBy: subscription.createdBy,
  };
}
