import { IsIn } from 'class-validator';
import { PARTY_KINDS, PartyKind } from '../../../domain/party/party-mention';
import { PageQueryDto, QueryFlag } from './query.dto';
import { OptionalProperty, Text } from './validators';

export class ListPartiesQueryDto extends PageQueryDto {
  @OptionalProperty({
    description:
      'A part of a registered name or alias (with unregistered=true: of a mentioned name), compared after ' +
      'Unicode NFKC, case folding, stripping accents and collapsing spaces',
    example: 'Selenskyj',
  })
  @Text(200)
  q?: string;

  @OptionalProperty({ enum: PARTY_KINDS, example: 'person' })
  @IsIn(PARTY_KINDS)
  kind?: PartyKind;

  @QueryFlag('Only discredited parties (true), or only those that are not (false); refused with unregistered=true')
  discredited?: boolean;

  @QueryFlag(
    'The names claims mention that resolve to no registered party instead, most mentioned first: the desk’s to-do list',
  )
  unregistered?: boolean;
}
