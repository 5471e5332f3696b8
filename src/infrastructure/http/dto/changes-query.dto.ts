import { Transform } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { EXAMPLE_TIME, IsInstant, OptionalProperty } from './validators';
import { MAX_POSITION, PageQueryDto } from './query.dto';

/** Digits (with a sign) become a number; anything else stays text, so IsInt names it instead of reading 0. */
const integerText = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d{1,16}$/.test(value) ? Number(value) : value;

/** What changed since a position or since a moment: exactly one of `since` and `sinceTime`. */
export class ChangesQueryDto extends PageQueryDto {
  @OptionalProperty({
    type: 'integer',
    minimum: 0,
    maximum: MAX_POSITION,
    description:
      'A global log position, e.g. the `next` of the previous answer (not together with sinceTime); at most the ' +
      "read models' checkpoint, else 400 (wait for it with minPosition). A position older than the log means " +
      'everything since its start.',
    example: 3,
  })
  @Transform(integerText)
  @IsInt()
  @Min(0)
  @Max(MAX_POSITION)
  since?: number;

  @OptionalProperty({ example: EXAMPLE_TIME })
  @IsInstant({
    about:
      'Instead of since: start after the last position recorded at or before this moment (knowledge time, ' +
      'recordedAt, as asOf reads it)',
  })
  sinceTime?: string;
}
