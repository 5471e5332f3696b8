import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';
import { INSTANT_PATTERN } from '../dto/validators';

/*
 * The shapes the service answers with, as OpenAPI schemas. Each class implements the type the
 * application returns, so a field added there and not here does not compile; the end-to-end
 * suite checks every answer against the served document, which catches the rest.
 */

export const Field = (options: ApiPropertyOptions = {}) => ApiProperty(options);
export const OptionalField = (options: ApiPropertyOptions = {}) =>
  ApiProperty({ ...options, required: false } as ApiPropertyOptions);

/** Counts, revisions, positions: whole numbers. */
export const IntegerField = (minimum: number, options: ApiPropertyOptions = {}) =>
  ApiProperty({ type: 'integer', minimum, ...options } as ApiPropertyOptions);

/** A time the server's clock gives now (toISOString). */
export const ServerTime = (options: ApiPropertyOptions = {}) =>
  ApiProperty({
    type: String,
    format: 'date-time',
    example: '2026-01-27T17:00:01.234Z',
    ...options,
  } as ApiPropertyOptions);

/**
 * An event's recordedAt, or a time taken from it. The service writes ISO 8601 in UTC; a log
 * imported from elsewhere keeps the values it came with, so no format is promised.
 */
export const RecordedTime = (options: ApiPropertyOptions = {}) =>
  ApiProperty({
    type: String,
    example: '2026-01-27T17:00:01.234Z',
    description: "From the events' recordedAt: ISO 8601 in UTC as this service writes it",
    ...options,
  } as ApiPropertyOptions);

/** A time as the client sent it: any offset, seconds optional. */
export const ClientTime = (options: ApiPropertyOptions = {}) =>
  ApiProperty({
    type: String,
    pattern: INSTANT_PATTERN,
    example: '2026-01-23T14:05:00+01:00',
    ...options,
  } as ApiPropertyOptions);

export const EventIdField = (options: ApiPropertyOptions = {}) =>
  ApiProperty({ type: String, format: 'uuid', ...options } as ApiPropertyOptions);

/** The time a view of the past shows, echoed from the request; all absent on a view of now. */
export const ShownAsOf = () =>
  ClientTime({
    required: false,
    description: 'Knowledge time shown: only events recorded by then',
  } as ApiPropertyOptions);
export const ShownAtPosition = () =>
  IntegerField(0, { required: false, description: 'Knowledge time shown: only events up to this log position' });
export const ShownAsOccurred = () =>
  ClientTime({
    required: false,
    example: '2026-01-27T12:00:00+01:00',
    description: 'World time shown: only what had happened in the world by then',
  } as ApiPropertyOptions);

/** An answer that may be of the past: it says which time it shows. */
export abstract class ShownTimeBody {
  @ShownAsOf() asOf?: string;
  @ShownAtPosition() atPosition?: number;
  @ShownAsOccurred() asOccurred?: string;
}
