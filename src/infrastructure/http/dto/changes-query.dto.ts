import { Transform } from 'class-transformer';
import { IsInt, Min } from 'class-validator';
import { EXAMPLE_TIME, IsInstant, OptionalProperty } from './validators';
import { PageQueryDto } from './query.dto';

/** Digits (with a sign) become a number; anything else stays text, so IsInt names it instead of reading 0. */
const integerText = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d{1,16}$/.test(value) ? Number(value) : value;

/** What changed since a position or since a moment: exactly one of `since` and `sinceTime`. */
export class ChangesQueryDto extends PageQueryDto {
  @OptionalProperty({
    type: 'integer',
    minimum: 0,
    description:
      'A global log position, e.g. the `next` of the previous answer; at most the read models’ checkpoint ' +
      '(else 400: wait for it with minPosition). A position older than the log means everything since its start.',
    example: 41,
  })
  @Transform(integerText)
  @IsInt()
  @Min(0)
  since?: number;

  @OptionalProperty({
    description:
      'A moment (ISO 8601 with offset): the answer starts after the last position recorded at or before it ' +
      '(knowledge time, recordedAt, as asOf reads it)',
    example: EXAMPLE_TIME,
  })
  @IsInstant()
  sinceTime?: string;
}
