import { ApiSchema } from '@nestjs/swagger';
import { PARTY_KINDS, Party, PartyKind } from '../../../domain/party';
import { ResolvedParty } from '../../../domain/party/party-registry';
import { Source } from '../../../domain/source';
import { TIME_PRECISIONS, TimePrecision } from '../../../domain/time-precision';
import { ClientTime, Field, OptionalField } from './fields';

@ApiSchema({ name: 'Party', description: 'A party as mentioned, with the id that decides independence' })
export class PartyBody implements Party {
  @Field({ example: 'financial-times' })
  id!: string;

  @Field({ example: 'Financial Times' })
  name!: string;

  @Field({ enum: PARTY_KINDS, example: 'media' })
  kind!: PartyKind;
}

@ApiSchema({
  name: 'ResolvedParty',
  description:
    'The party a mention stands for in the party registry: the registered party its id, name or alias matched (merges followed), or the mention itself when it matches none',
})
export class ResolvedPartyBody extends PartyBody implements ResolvedParty {
  @Field({ description: 'Whether the mention resolved to a registered party' })
  registered!: boolean;
}

@ApiSchema({ name: 'Translation' })
export class TranslationBody {
  @Field({ example: '«Wir können es nicht»' })
  text!: string;

  @Field({ example: 'de', description: 'BCP 47 language of the translation' })
  language!: string;
}

@ApiSchema({ name: 'Source', description: 'Where a claim or a piece of evidence was published' })
export class SourceBody implements Source {
  @Field({ example: 'https://www.ft.com/content/us-ukraine-guarantees' })
  url!: string;

  @OptionalField({ example: 'Financial Times' })
  title?: string;

  @ClientTime({ required: false })
  publishedAt?: string;

  @OptionalField({
    enum: TIME_PRECISIONS,
    description: 'Only this much of publishedAt is known: it is the start of that day, month or year',
  })
  publishedAtPrecision?: TimePrecision;

  @OptionalField({ description: 'The original wording, in the original language: never a translation' })
  quote?: string;

  @OptionalField({ example: 'en', description: 'BCP 47 language of the original wording' })
  quoteLanguage?: string;

  @OptionalField({ type: TranslationBody, description: 'The wording as the source renders it in another language' })
  translation?: TranslationBody;

  @OptionalField({ description: 'The source says it was generated, wholly or in part, by a machine (AI)' })
  machineGenerated?: boolean;
}
