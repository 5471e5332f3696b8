import { ApiProperty, ApiPropertyOptions, ApiSchema, getSchemaPath } from '@nestjs/swagger';

/*
 * The schema.org documents the service answers with (JSON-LD), and what an import answers. JSON-LD
 * keys start with @, which a class property cannot: `name` gives the key on the wire.
 */

const JsonLd = (key: string, options: ApiPropertyOptions = {}) =>
  ApiProperty({ name: key, type: String, ...options } as ApiPropertyOptions);
const Optional = (options: ApiPropertyOptions = {}) =>
  ApiProperty({ required: false, ...options } as ApiPropertyOptions);

@ApiSchema({
  name: 'SchemaOrgAgent',
  description: 'A party as schema.org types it; anonymous sources are left out, never typed as a Person',
})
export class AgentBody {
  @JsonLd('@type', { enum: ['Person', 'Organization', 'GovernmentOrganization', 'NewsMediaOrganization'] })
  type!: string;

  @ApiProperty({ example: 'Financial Times' })
  name!: string;

  @Optional({ description: "The newsroom's site (NEWSROOM_URL), on the review's author only" })
  url?: string;
}

@ApiSchema({
  name: 'SchemaOrgRating',
  description:
    'The verdict on the configured scale (NEWSROOM_RATING_SCALE); a verdict without a number on it (by default unproven) has no ratingValue, bestRating or worstRating',
})
export class RatingBody {
  @JsonLd('@type', { example: 'Rating' })
  type!: string;

  @Optional({ type: Number, example: 1 })
  ratingValue?: number;

  @Optional({ type: Number, example: 5 })
  bestRating?: number;

  @Optional({ type: Number, example: 1 })
  worstRating?: number;

  @ApiProperty({ description: "The scale's name of the verdict", example: 'False' })
  name!: string;

  @ApiProperty({ description: "The desk's own wording (ratingText), else the scale's name", example: 'Pants on fire' })
  alternateName!: string;
}

@ApiSchema({ name: 'SchemaOrgCreativeWork', description: 'Where the claim appeared' })
export class AppearanceBody {
  @JsonLd('@type', { example: 'CreativeWork' })
  type!: string;

  @ApiProperty({ example: 'https://www.ft.com/content/…' })
  url!: string;

  @Optional()
  headline?: string;

  @Optional()
  datePublished?: string;
}

@ApiSchema({ name: 'SchemaOrgClaim' })
export class ReviewedClaimBody {
  @JsonLd('@type', { example: 'Claim' })
  type!: string;

  @Optional({ type: AgentBody, description: 'The claimant; absent for an anonymous source' })
  author?: AgentBody;

  @ApiProperty({ description: "The claim's occurredAt", example: '2026-01-27T08:00:00+01:00' })
  datePublished!: string;

  @Optional({ description: "The claim's language (absent for und)", example: 'en' })
  inLanguage?: string;

  @Optional({ type: [AppearanceBody], description: "The claim's source and its supports' sources, oldest first" })
  appearance?: AppearanceBody[];

  @Optional({ type: AppearanceBody })
  firstAppearance?: AppearanceBody;
}

@ApiSchema({
  name: 'ClaimReview',
  description: "schema.org ClaimReview (JSON-LD) of a factual claim's latest published verdict",
})
export class ClaimReviewBody {
  @JsonLd('@context', { example: 'https://schema.org', required: false, description: 'On a document of its own' })
  context?: string;

  @JsonLd('@type', { example: 'ClaimReview' })
  type!: string;

  @JsonLd('@id', { description: "Stable: under NEWSROOM_URL when set, else this service's URL of the review" })
  id!: string;

  @ApiProperty({ description: 'The claim id' })
  identifier!: string;

  @ApiProperty({ description: 'The published fact-check: the latest reviewUrl a verdict named' })
  url!: string;

  @ApiProperty({ description: "The claim's summary, else its statement cut between words to at most 75 characters" })
  claimReviewed!: string;

  @ApiProperty({ description: "The latest verdict's rationale" })
  reviewBody!: string;

  @ApiProperty({ type: RatingBody })
  reviewRating!: RatingBody;

  @ApiProperty({
    description:
      'The newsroom (NEWSROOM_NAME, NEWSROOM_URL), followed by the reviewer as a Person when the verdict names one',
    oneOf: [{ $ref: getSchemaPath(AgentBody) }, { type: 'array', items: { $ref: getSchemaPath(AgentBody) } }],
  })
  author!: AgentBody | AgentBody[];

  @ApiProperty({ description: 'When the first verdict with a reviewUrl was recorded (recordedAt)' })
  datePublished!: string;

  @Optional({ description: 'When the latest verdict was recorded, when the claim was re-ruled since' })
  dateModified?: string;

  @Optional({ example: 'en' })
  inLanguage?: string;

  @ApiProperty({ type: ReviewedClaimBody })
  itemReviewed!: ReviewedClaimBody;
}

@ApiSchema({
  name: 'ClaimReviewFeed',
  description: "schema.org DataFeed of the desk's ClaimReviews, newest verdict first",
})
export class ClaimReviewFeedBody {
  @JsonLd('@context', { example: 'https://schema.org' })
  context!: string;

  @JsonLd('@type', { example: 'DataFeed' })
  type!: string;

  @ApiProperty({ example: 'Factline desk: fact checks' })
  name!: string;

  @ApiProperty({ type: [ClaimReviewBody] })
  dataFeedElement!: ClaimReviewBody[];

  @Optional({ description: 'Present when there are more reviews: pass it as cursor' })
  nextCursor?: string;
}

@ApiSchema({ name: 'ImportedReview', description: 'What the import did with one review of the document' })
export class ImportedReviewBody {
  @ApiProperty({ description: "The review's url (else its @id)" })
  url!: string;

  @ApiProperty({
    description: 'Derived from the url: the same review always lands on the same claim',
    example: 'fc-factcheck-example-net-6f1c2a9e0b3d4c5f',
  })
  claimId!: string;

  @ApiProperty()
  storylineId!: string;

  @ApiProperty({ enum: ['recorded', 'existing'] })
  claim!: string;

  @ApiProperty({ enum: ['recorded', 'unchanged'] })
  factCheck!: string;

  @ApiProperty({ type: 'integer', description: "The claim stream's revision after the import" })
  revision!: number;

  @ApiProperty({ type: 'integer' })
  position!: number;
}

@ApiSchema({ name: 'ClaimReviewImport' })
export class ClaimReviewImportBody {
  @ApiProperty({ type: [ImportedReviewBody] })
  items!: ImportedReviewBody[];

  @ApiProperty({
    type: 'integer',
    description: 'The last position written (-1 when nothing was): pass it as minPosition',
  })
  position!: number;
}

/** What the import reads of a ClaimReview; every other property is accepted and left alone. */
@ApiSchema({
  name: 'ClaimReviewToImport',
  description:
    'One ClaimReview as another fact-checker publishes it (also accepted: an array of them, a DataFeed with them as dataFeedElement, bare or as DataFeedItem.item, or an @graph)',
})
export class ClaimReviewToImportBody {
  @JsonLd('@type', { example: 'ClaimReview' })
  type!: string;

  @Optional({
    description: "http(s); the review's identity (a review with @id but no url is taken too)",
    example: 'https://factcheck.example.net/reviews/donbass-condition#review',
  })
  '@id'?: string;

  @ApiProperty({
    description: 'The fact-check (http or https); what makes the import idempotent',
    example: 'https://factcheck.example.net/reviews/donbass-condition',
  })
  url!: string;

  @ApiProperty({
    description: "The claim's statement (1–2000 characters)",
    example: 'The US ties its security guarantees to Ukraine ceding the rest of the Donbass.',
  })
  claimReviewed!: string;

  @ApiProperty({
    description:
      'ratingValue / bestRating / worstRating (numbers or numeric strings; defaults 5 and 1) and alternateName (or name), the rating in words',
    example: { '@type': 'Rating', ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: 'False' },
  })
  reviewRating!: object;

  @ApiProperty({
    description: 'The reviewing organization: {"@type", name}',
    example: { '@type': 'Organization', name: 'Correctiv' },
  })
  author!: object;

  @ApiProperty({ description: 'ISO 8601 date or time; without an offset it is read as UTC', example: '2026-01-28' })
  datePublished!: string;

  @Optional({
    description:
      "The Claim: author (the claimant; absent: an unattributed claim of an unknown source), datePublished (the claim's occurredAt), firstAppearance / appearance (its source), inLanguage",
  })
  itemReviewed?: object;

  @Optional({ example: 'de' })
  inLanguage?: string;
}
