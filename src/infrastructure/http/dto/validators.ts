import { applyDecorators, Type } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptions, getSchemaPath } from '@nestjs/swagger';
import {
  IsString,
  Length,
  Matches,
  MaxLength,
  registerDecorator,
  ValidateIf,
  ValidationOptions,
} from 'class-validator';
import { SLUG_PATTERN } from '../../../domain/slug';

/*
 * Each decorator here validates and documents the same rule, so the OpenAPI document states
 * exactly what the server accepts.
 */

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
export const INSTANT_PATTERN = ISO_WITH_OFFSET.source;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Something other than whitespace (Unicode-aware: no-break and ideographic spaces are whitespace too). */
export const NOT_BLANK = /\S/;
const LANGUAGE_TAG = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$/;
export const MAX_SLUG_LENGTH = 80;

/** ISO 8601 with an explicit offset (or Z), a real instant, and at most 24 hours ahead of the server clock. */
export function IsInstant(
  options: { notFarFuture?: boolean; about?: string } = {},
  validationOptions?: ValidationOptions,
): PropertyDecorator {
  const check: PropertyDecorator = (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isInstant',
      target: target.constructor,
      propertyName: String(propertyName),
      options: validationOptions,
      validator: {
        validate(value: unknown) {
          if (typeof value !== 'string' || !ISO_WITH_OFFSET.test(value)) return false;
          const time = Date.parse(value);
          if (Number.isNaN(time)) return false;
          return !options.notFarFuture || time <= Date.now() + DAY_MS;
        },
        defaultMessage: () =>
          options.notFarFuture
            ? '$property must be an ISO 8601 time with offset (e.g. 2026-01-23T14:05:00+01:00), at most 24 h in the future'
            : '$property must be an ISO 8601 time with offset (e.g. 2026-01-23T14:05:00+01:00)',
      },
    });
  const rule = `ISO 8601 with an offset or Z${options.notFarFuture ? ', at most 24 hours ahead of the server clock' : ''}`;
  return applyDecorators(
    ApiProperty({
      type: String,
      format: 'date-time',
      pattern: ISO_WITH_OFFSET.source,
      description: options.about ? `${options.about}: ${rule}` : rule,
    }),
    check,
  );
}

export const IsSlug = () =>
  applyDecorators(
    ApiProperty({ type: String, maxLength: MAX_SLUG_LENGTH, pattern: SLUG_PATTERN.source }),
    IsString(),
    MaxLength(MAX_SLUG_LENGTH),
    Matches(SLUG_PATTERN, { message: '$property must be a lower-case slug: letters, digits and single dashes' }),
  );

/** BCP 47 language tag, loosely: `de`, `en-GB`, `pl`, `und`. */
export const IsLanguageTag = () =>
  applyDecorators(
    ApiProperty({ type: String, pattern: LANGUAGE_TAG.source }),
    Matches(LANGUAGE_TAG, { message: '$property must be a BCP 47 language tag such as de or en-GB' }),
  );

/**
 * Text of `min` to `max` characters. Text that must be there (min ≥ 1) must also say something:
 * whitespace alone is refused. Otherwise the text is kept exactly as sent.
 */
export function Text(max: number, { min = 1, each = false }: { min?: number; each?: boolean } = {}) {
  const rules = { each };
  const decorators = [IsString(rules), Length(min, max, rules)];
  if (min > 0) decorators.push(Matches(NOT_BLANK, { ...rules, message: '$property must not be only whitespace' }));
  const schema = { type: 'string', minLength: min, maxLength: max, ...(min > 0 ? { pattern: NOT_BLANK.source } : {}) };
  // For a list, the schema of its items is given by the list's own decorator.
  return each
    ? applyDecorators(...decorators)
    : applyDecorators(ApiProperty(schema as ApiPropertyOptions), ...decorators);
}

export const textItems = (max: number) => ({ type: 'string', minLength: 1, maxLength: max, pattern: NOT_BLANK.source });

/** May be left out, but not sent as null (IsOptional would let null through). */
export const OptionalProperty = (options: ApiPropertyOptions = {}) =>
  applyDecorators(
    ValidateIf((_object, value) => value !== undefined),
    ApiProperty({ required: false, ...options } as ApiPropertyOptions),
  );

/**
 * An object that may be null. OpenAPI 3.0 ignores `nullable` beside a `$ref`, so null is the
 * other alternative of a oneOf (a schema that only null matches).
 */
export const nullable = (type: Type<unknown>): ApiPropertyOptions =>
  ({ oneOf: [{ $ref: getSchemaPath(type) }, { type: 'object', nullable: true, enum: [null] }] }) as ApiPropertyOptions;

/** In a correction, null removes the field. Objects say so with `nullable(Type)`, scalars with `nullable: true`. */
export const NullableProperty = (options: ApiPropertyOptions = {}) =>
  applyDecorators(
    ValidateIf((_object, value) => value !== undefined && value !== null),
    ApiProperty({ required: false, ...options } as ApiPropertyOptions),
  );

export const EXAMPLE_TIME = '2026-01-23T14:05:00+01:00';

export const PRECISION_DESCRIPTION =
  'How much of occurredAt is known: day, month or year, recorded as the start of it in its own offset ' +
  '(a statement made "on Friday" is 2026-01-23T00:00:00+01:00 with day). Absent: the time as given.';
