import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';
import { Matches, MaxLength, registerDecorator, ValidateIf, ValidationOptions } from 'class-validator';
import { SLUG_PATTERN } from '../../../domain/slug';

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const DAY_MS = 24 * 60 * 60 * 1000;

/** ISO 8601 with an explicit offset (or Z), a real instant, and at most 24 hours ahead of the server clock. */
export function IsInstant(
  options: { notFarFuture?: boolean } = {},
  validationOptions?: ValidationOptions,
): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
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
}

export const IsSlug = () =>
  applyDecorators(
    MaxLength(80),
    Matches(SLUG_PATTERN, { message: '$property must be a lower-case slug: letters, digits and single dashes' }),
  );

/** BCP 47 language tag, loosely: `de`, `en-GB`, `pl`, `und`. */
export const IsLanguageTag = () =>
  Matches(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$/, {
    message: '$property must be a BCP 47 language tag such as de or en-GB',
  });

/** May be left out, but not sent as null (IsOptional would let null through). */
export const OptionalProperty = (options: ApiPropertyOptions = {}) =>
  applyDecorators(
    ValidateIf((_object, value) => value !== undefined),
    ApiProperty({ required: false, ...options } as ApiPropertyOptions),
  );

/** In a correction, null removes the field. */
export const NullableProperty = (options: ApiPropertyOptions = {}) =>
  applyDecorators(
    ValidateIf((_object, value) => value !== undefined && value !== null),
    ApiProperty({ required: false, nullable: true, ...options } as ApiPropertyOptions),
  );

export const EXAMPLE_TIME = '2026-01-23T14:05:00+01:00';

export const PRECISION_DESCRIPTION =
  'How much of occurredAt is known: day, month or year, recorded as the start of it in its own offset ' +
  '(a statement made "on Friday" is 2026-01-23T00:00:00+01:00 with day). Absent: the time as given.';
