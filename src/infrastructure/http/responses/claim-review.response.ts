import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { Field, IntegerField, OptionalField } from './fields';

/** JSON-LD keys start with @, which a class property cannot; `name` gives the key. */
const JsonLd = (key: string, example: string) => ApiProperty({ name: key, example });

@ApiSchema({ name: 'SchemaOrgThing' })
export class ThingBody {
  @JsonLd('@type', 'NewsMediaOrganization')
  type!: string;

  @Field({ example: 'Financial Times' })
  name!: string;
}

@ApiSchema({ name: 'SchemaOrgRating' })
export class RatingBody {
  @JsonLd('@type', 'Rating')
  type!: string;

  @IntegerField(1, { maximum: 5, description: '1 (false) to 5 (true)', example: 1 })
  ratingValue!: number;

  @IntegerField(5, { maximum: 5 })
  bestRating!: number;

  @IntegerField(1, { maximum: 1 })
  worstRating!: number;

  @Field({ enum: ['False', 'Misleading', 'Unproven', 'True'] })
  alternateName!: string;
}

@ApiSchema({ name: 'SchemaOrgCreativeWork' })
export class AppearanceBody {
  @JsonLd('@type', 'CreativeWork')
  type!: string;

  @Field()
  url!: string;

  @OptionalField()
  headline?: string;

  @OptionalField({ type: ThingBody })
  publisher?: ThingBody;
}

@ApiSchema({ name: 'SchemaOrgClaim' })
export class ReviewedClaimBody {
  @JsonLd('@type', 'Claim')
  type!: string;

  @Field({ type: ThingBody })
  author!: ThingBody;

  @Field({ example: '2026-01-27T08:00:00+01:00' })
  datePublished!: string;

  @Field({ example: 'en' })
  inLanguage!: string;

  @OptionalField({ type: AppearanceBody })
  appearance?: AppearanceBody;
}

@ApiSchema({ name: 'ClaimReview', description: 'schema.org ClaimReview (JSON-LD) of the latest verdict' })
export class ClaimReviewBody {
  @JsonLd('@context', 'https://schema.org')
  context!: string;

  @JsonLd('@type', 'ClaimReview')
  type!: string;

  @Field({ description: 'The claim id' })
  identifier!: string;

  @Field({ description: "The verdict's occurredAt" })
  datePublished!: string;

  @Field()
  claimReviewed!: string;

  @Field({ description: "The verdict's rationale" })
  reviewBody!: string;

  @Field({ type: ThingBody, description: 'The newsroom (NEWSROOM_NAME)' })
  author!: ThingBody;

  @Field({ type: RatingBody })
  reviewRating!: RatingBody;

  @Field({ type: ReviewedClaimBody })
  itemReviewed!: ReviewedClaimBody;
}
