import { Matches } from 'class-validator';
import { MAX_POSITION, ReadQueryDto } from '../dto/query.dto';
import { OptionalProperty } from '../dto/validators';

export class LiveEventsQueryDto extends ReadQueryDto {
  @OptionalProperty({
    description: 'Start strictly after this global position (-1: the whole log); a Last-Event-ID header wins over it',
    type: 'integer',
    minimum: -1,
    maximum: MAX_POSITION,
    example: 41,
  })
  @Matches(/^(-1|\d{1,15})$/, { message: '$property must be a global position (a non-negative integer) or -1' })
  after?: string;
}
