import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { CLAIM_RELATIONS, ClaimRelation } from '../../../domain/claim/claim-relations';
import { IsSlug } from './validators';

export class ClaimRelationDto {
  @ApiProperty({ description: 'The other claim, in any storyline', example: 'reuters-us-guarantees-conditional' })
  @IsSlug()
  claimId!: string;

  @ApiProperty({
    enum: CLAIM_RELATIONS,
    example: 'same_as',
    description:
      '`same_as`: the same claim recorded twice; `rival_of`: rival explanations (confirming one asks for a review of the other)',
  })
  @IsIn(CLAIM_RELATIONS)
  relation!: ClaimRelation;
}
