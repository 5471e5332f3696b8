import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsObject, ValidateNested } from 'class-validator';
import { PartyDto } from './party.dto';
import { NullableProperty, OptionalProperty } from './validators';

export const MAX_CO_AUTHORS = 20;

const DESCRIPTION =
  'Co-authors of the same piece (joint reporting), mentioned as parties are elsewhere: registered ids or names. ' +
  'They are one source for this piece only; no affiliation between them follows';

/** `with`: the other parties that wrote one piece together with the claim's reporter or the development's party. */
export const CoAuthors = ({ nullable = false } = {}) =>
  applyDecorators(
    (nullable ? NullableProperty : OptionalProperty)({
      type: [PartyDto],
      ...(nullable ? { nullable: true } : {}),
      minItems: 1,
      maxItems: MAX_CO_AUTHORS,
      description: `${DESCRIPTION}${nullable ? '; null removes them' : ''}`,
    }),
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(MAX_CO_AUTHORS),
    IsObject({ each: true }),
    ValidateNested({ each: true }),
    Type(() => PartyDto),
  );
