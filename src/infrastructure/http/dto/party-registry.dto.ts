import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsObject, IsString, Length, ValidateNested } from 'class-validator';
import { PARTY_KINDS, PartyKind } from '../../../domain/party/party-mention';
import { AFFILIATION_RELATIONS, AffiliationRelation } from '../../../domain/party/party.events';
import { SourceDto } from './source.dto';
import { IsInstant, IsSlug, OptionalProperty } from './validators';

const NAME_MATCHING = 'compared after Unicode NFKC, case folding, stripping accents and collapsing spaces';

const Names = (description: string, example: string[]) =>
  applyDecorators(
    OptionalProperty({ type: [String], maxItems: 50, minLength: 1, maxLength: 200, description, example }),
    IsArray(),
    ArrayMaxSize(50),
    IsString({ each: true }),
    Length(1, 200, { each: true }),
  );

const PartyName = (required: boolean) =>
  applyDecorators(
    (required ? ApiProperty : OptionalProperty)({ example: 'Volodymyr Zelensky', minLength: 1, maxLength: 200 }),
    IsString(),
    Length(1, 200),
  );

const Kind = (required: boolean) =>
  applyDecorators(
    (required ? ApiProperty : OptionalProperty)({ enum: PARTY_KINDS, example: 'person' }),
    IsIn(PARTY_KINDS),
  );

const Reason = () =>
  applyDecorators(
    ApiProperty({ example: 'Fabricated quotes in three interviews', minLength: 1, maxLength: 2000 }),
    IsString(),
    Length(1, 2000),
  );

export class RegisterPartyDto {
  @OptionalProperty({ description: 'Slug; derived from the name when absent', example: 'volodymyr-zelensky' })
  @IsSlug()
  id?: string;

  @PartyName(true)
  name!: string;

  @Kind(true)
  kind!: PartyKind;

  @Names(`Other names mentions may use; ${NAME_MATCHING}`, ['Wolodymyr Selenskyj', 'Selenskyj'])
  aliases?: string[];
}

/** Only what changes; a new name keeps the old one as an alias unless removeAliases names it. */
export class RevisePartyDto {
  @PartyName(false)
  name?: string;

  @Kind(false)
  kind?: PartyKind;

  @Names(`Aliases to add; ${NAME_MATCHING}`, ['Zelenskyy'])
  addAliases?: string[];

  @Names('Aliases to remove, in any spelling that matches them', ['Selenskyj'])
  removeAliases?: string[];
}

export class AffiliatePartyDto {
  @ApiProperty({ description: 'The registered party this one is affiliated with', example: 'financial-times' })
  @IsSlug()
  partyId!: string;

  @ApiProperty({ enum: AFFILIATION_RELATIONS, example: 'employed_by', description: 'How this party is bound to it' })
  @IsIn(AFFILIATION_RELATIONS)
  relation!: AffiliationRelation;

  @OptionalProperty({ description: 'In effect from (inclusive); open when absent', example: '2024-03-01T00:00:00Z' })
  @IsInstant()
  from?: string;

  @OptionalProperty({ description: 'In effect until (exclusive); open when absent', example: '2026-01-01T00:00:00Z' })
  @IsInstant()
  to?: string;
}

export class EndAffiliationDto {
  @ApiProperty({ description: 'The party the affiliation is with', example: 'financial-times' })
  @IsSlug()
  partyId!: string;

  @OptionalProperty({
    enum: AFFILIATION_RELATIONS,
    example: 'employed_by',
    description: 'End only the affiliation of this relation; absent, every one with that party in effect at `to`',
  })
  @IsIn(AFFILIATION_RELATIONS)
  relation?: AffiliationRelation;

  @OptionalProperty({
    description: 'When it ended (exclusive), possibly in the past; defaults to the time it is recorded',
    example: '2025-06-01T00:00:00Z',
  })
  @IsInstant()
  to?: string;
}

export class MergePartyDto {
  @ApiProperty({ description: 'The registered party this one duplicates', example: 'financial-times' })
  @IsSlug()
  into!: string;
}

export class DiscreditPartyDto {
  @Reason()
  reason!: string;

  @OptionalProperty({ type: SourceDto, description: 'Where it is shown that the party is not to be trusted' })
  @IsObject()
  @ValidateNested()
  @Type(() => SourceDto)
  source?: SourceDto;
}

export class ReinstatePartyDto {
  @Reason()
  reason!: string;
}
