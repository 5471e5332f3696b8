import { ApiExtraModels, ApiSchema, getSchemaPath } from '@nestjs/swagger';
import { PARTY_KINDS, PartyKind } from '../../../domain/party/party-mention';
import {
  Extraction,
  Proposal,
  PROPOSAL_TYPES,
  ProposalType,
  PROPOSED_ATTRIBUTIONS,
  PROPOSED_DEVELOPMENT_KINDS,
  ProposedAttribution,
  ProposedClaimant,
  ProposedDevelopment,
  ProposedDevelopmentKind,
  ProposedParty,
  TextSpan,
} from '../../../domain/capture/proposal';
import { Field, IntegerField, OptionalField } from './fields';

@ApiSchema({
  name: 'TextSpan',
  description: 'Words of the text sent: `text` is exactly text.slice(start, end), in UTF-16 code units',
})
export class TextSpanBody implements TextSpan {
  @Field({ example: 'Das Dokument ist zu 100 Prozent fertig' })
  text!: string;

  @IntegerField(0, { example: 143 })
  start!: number;

  @IntegerField(0, { example: 181 })
  end!: number;
}

@ApiSchema({ name: 'ProposedParty', description: 'A party as the text names it, resolved against the registry' })
export class ProposedPartyBody implements ProposedParty {
  @Field({ example: 'Financial Times' })
  name!: string;

  @Field({ enum: PARTY_KINDS, example: 'media' })
  kind!: PartyKind;

  @OptionalField({ description: 'The registered party the name resolves to', example: 'financial-times' })
  partyId?: string;

  @Field({ description: 'Whether the name resolves to a registered party' })
  registered!: boolean;
}

@ApiSchema({
  name: 'ProposedClaimant',
  description: 'The speaker as the text names it (a pronoun resolved to the name it stands for) and where it names it',
})
export class ProposedClaimantBody extends ProposedPartyBody implements ProposedClaimant {
  @OptionalField({ type: 'integer', minimum: 0, description: 'Where the text names the speaker at this claim' })
  start?: number;

  @OptionalField({ type: 'integer', minimum: 0 })
  end?: number;
}

@ApiSchema({ name: 'ProposedDevelopmentTarget' })
class DevelopmentOfBody {
  @OptionalField({ type: 'integer', minimum: 0, description: 'Index of another proposal in `items`' })
  item?: number;

  @OptionalField({ description: 'A claim the storyline already holds', example: 'us-guarantees-require-donbas' })
  claimId?: string;
}

@ApiSchema({
  name: 'ProposedDevelopment',
  description: 'The claim reacts to another statement: a proposal of the same answer, or a claim of the storyline',
})
export class ProposedDevelopmentBody implements ProposedDevelopment {
  @Field({ enum: PROPOSED_DEVELOPMENT_KINDS, example: 'contradiction' })
  kind!: ProposedDevelopmentKind;

  @Field({ type: DevelopmentOfBody, description: 'Either `item` or `claimId`' })
  of!: { item: number } | { claimId: string };
}

@ApiSchema({ name: 'Proposal', description: 'A claim the text seems to hold; nothing is recorded' })
export class ProposalBody implements Proposal {
  @Field({
    enum: PROPOSAL_TYPES,
    description: 'direct: in quotation marks; indirect: retold ("sagte, dass…", "laut X"); reported: summed up',
  })
  type!: ProposalType;

  @Field({ type: TextSpanBody, description: "The claim's own words" })
  quote!: TextSpanBody;

  @OptionalField({ type: ProposedClaimantBody })
  claimant?: ProposedClaimantBody;

  @OptionalField({ type: TextSpanBody, description: 'The words that introduce it ("erklärte", "laut", "said")' })
  cue?: TextSpanBody;

  @Field({ enum: PROPOSED_ATTRIBUTIONS, example: 'on_record' })
  attribution!: ProposedAttribution;

  @OptionalField({
    type: 'integer',
    minimum: 1,
    description: 'How many unnamed sources the text says ("acht Personen": 8)',
  })
  anonymousSourceCount?: number;

  @OptionalField({ type: ProposedPartyBody, description: 'The outlet that reports the claim' })
  reportedBy?: ProposedPartyBody;

  @OptionalField({ type: ProposedDevelopmentBody })
  development?: ProposedDevelopmentBody;

  @OptionalField({ description: 'The storyline already holds this claim (same statement, same party)' })
  existingClaimId?: string;

  @Field({ description: 'Which pattern fired, in words', example: 'quotation marks after a verb of saying' })
  rule!: string;

  @Field({ type: 'number', minimum: 0, maximum: 1, example: 0.9 })
  confidence!: number;
}

@ApiSchema({ name: 'Extraction', description: 'The claims a text proposes, in the order of the text' })
@ApiExtraModels(ProposalBody)
export class ExtractionBody implements Extraction {
  @Field({
    example: 'de',
    description:
      'The language the text was read in: as sent, or detected; `und` (undetermined) when the text is in none of the ' +
      'languages with a lexicon (a Cyrillic or an Arabic text) or too short to tell, and then nothing is proposed: ' +
      'send `language` to read it as one of them',
  })
  language!: string;

  @Field({ type: 'array', items: { $ref: getSchemaPath(ProposalBody) } })
  items!: ProposalBody[];
}
