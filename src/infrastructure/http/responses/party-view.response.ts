import { ApiExtraModels, ApiSchema, getSchemaPath } from '@nestjs/swagger';
import { MentionCounts, MENTION_ROLES, MentionRole } from '../../../application/read-models/claims/party-mentions';
import { Page } from '../../../application/queries/page';
import {
  AffiliationView,
  Discredit,
  PartyClaim,
  PartyListItem,
  PartyView,
  UnregisteredName,
} from '../../../application/read-models/parties/party-views';
import { CLAIM_STATUSES, ClaimStatus } from '../../../domain/claim/claim-status';
import { CLAIM_KINDS, ClaimKind } from '../../../domain/claim/claim.events';
import { PARTY_KINDS, PartyKind } from '../../../domain/party/party-mention';
import { AFFILIATION_RELATIONS, AffiliationRelation } from '../../../domain/party/party.events';
import {
  ClientTime,
  Field,
  IntegerField,
  OptionalField,
  ShownAsOccurred,
  ShownAsOf,
  ShownAtPosition,
  ShownTimeBody,
} from './fields';
import { StoredEventBody } from './event.response';
import { SourceBody } from './party.response';

const count = () => IntegerField(0);
const NEXT_CURSOR = { description: 'Absent on the last page; pass it as cursor for the next' };

@ApiSchema({ name: 'MentionCounts', description: 'Distinct claims that mention the party in each role' })
export class MentionCountsBody implements MentionCounts {
  @count() claimant!: number;
  @count() reporter!: number;
  @count() supporter!: number;
  @count() contradictor!: number;
  @count() factChecker!: number;
  @count() about!: number;
}

@ApiSchema({
  name: 'Discredit',
  description: 'Why the desk no longer trusts the party; its evidence is shown but does not count',
})
export class DiscreditBody implements Discredit {
  @Field({ example: 'Fabricated quotes in three interviews' })
  reason!: string;

  @OptionalField({ type: SourceBody, description: 'Where it is shown that the party is not to be trusted' })
  source?: SourceBody;
}

/** The names every answer about a registered party starts with. */
abstract class RegisteredPartyNamesBody {
  @Field({ example: 'volodymyr-zelensky' })
  id!: string;

  @Field({ example: 'Volodymyr Zelensky' })
  name!: string;

  @Field({ enum: PARTY_KINDS, example: 'person' })
  kind!: PartyKind;

  @Field({ type: [String], example: ['Wolodymyr Selenskyj', 'Selenskyj'] })
  aliases!: string[];
}

@ApiSchema({ name: 'PartyListItem', description: 'A registered party (a merged duplicate included)' })
export class PartyListItemBody extends RegisteredPartyNamesBody implements PartyListItem {
  @OptionalField({ type: DiscreditBody })
  discredited?: DiscreditBody;

  @OptionalField({
    example: 'financial-times',
    description: 'The party this duplicate was merged into; mentions of it mean that party',
  })
  mergedInto?: string;

  @IntegerField(0, {
    description:
      'Distinct claims whose mentions resolve to the party this record stands for, in any role (for a merged duplicate: the party it was merged into)',
  })
  mentions!: number;
}

@ApiSchema({
  name: 'UnregisteredName',
  description: 'A name claims mention that resolves to no registered party: register it, or add it as an alias',
})
export class UnregisteredNameBody implements UnregisteredName {
  @Field({ example: 'jane-roe', description: 'The id the mentions carry: a party registered under it takes them over' })
  id!: string;

  @Field({ example: 'Jane Roe', description: 'The spelling most of its claims use' })
  name!: string;

  @Field({ enum: PARTY_KINDS, example: 'person' })
  kind!: PartyKind;

  @IntegerField(0, { description: 'Distinct claims that mention it, in any role' })
  mentions!: number;

  @Field({ type: MentionCountsBody })
  roles!: MentionCountsBody;
}

@ApiSchema({
  name: 'PartyListPage',
  description:
    'Registered parties in registration order; with unregistered=true, unregistered names, most mentioned first',
})
@ApiExtraModels(PartyListItemBody, UnregisteredNameBody)
export class PartyListPageBody implements Page<PartyListItem | UnregisteredName> {
  @Field({
    type: 'array',
    items: { anyOf: [{ $ref: getSchemaPath(PartyListItemBody) }, { $ref: getSchemaPath(UnregisteredNameBody) }] },
  })
  items!: Array<PartyListItemBody | UnregisteredNameBody>;

  @OptionalField(NEXT_CURSOR)
  nextCursor?: string;
}

@ApiSchema({
  name: 'Affiliation',
  description: 'An affiliation between two registered parties, and whether it is in effect',
})
export class AffiliationBody implements AffiliationView {
  @Field({ example: 'financial-times', description: 'The other party (the party it was merged into, if it was)' })
  partyId!: string;

  @Field({ example: 'Financial Times' })
  name!: string;

  @Field({ enum: AFFILIATION_RELATIONS, example: 'employed_by' })
  relation!: AffiliationRelation;

  @ClientTime({ required: false, description: 'In effect from (inclusive); open when absent' })
  from?: string;

  @ClientTime({ required: false, description: 'In effect until (exclusive); open when absent' })
  to?: string;

  @Field({
    description:
      'from ≤ t < to for t = now, or the asOf instant of a view of the past (with atPosition, t = now: a position names no instant)',
  })
  inEffect!: boolean;
}

@ApiSchema({
  name: 'PartyView',
  description: 'A registered party: names, merges, affiliations both ways, discredit, mentions',
})
export class PartyViewBody extends RegisteredPartyNamesBody implements PartyView {
  @OptionalField({
    example: 'financial-times',
    description:
      'This record is a merged duplicate: its mentions mean that party. Asked for, it answers its own record',
  })
  mergedInto?: string;

  @Field({ type: [String], description: 'The duplicates merged into this party, directly or through another' })
  mergedFrom!: string[];

  @Field({
    type: [AffiliationBody],
    description: "This party's affiliations with others (a party's include its duplicates')",
  })
  affiliations!: AffiliationBody[];

  @Field({ type: [AffiliationBody], description: 'Other parties affiliated with this one' })
  affiliated!: AffiliationBody[];

  @OptionalField({ type: DiscreditBody })
  discredited?: DiscreditBody;

  @Field({
    type: MentionCountsBody,
    description:
      'Distinct claims whose mentions resolve to the party this record stands for, per role (for a merged duplicate: the party it was merged into). ' +
      'From the mentions index, which follows the claims as they stand now: with asOf / atPosition too',
  })
  mentions!: MentionCountsBody;

  @Field({
    type: [StoredEventBody],
    description:
      "The registry's events about this record in log order, as known at asOf / atPosition: its own stream " +
      '(PartyRegistered, PartyRevised, PartyAffiliated, PartyAffiliationEnded, PartyMerged, PartyDiscredited, ' +
      'PartyReinstated, each with its reason and source where it has them) and the PartyMerged of its duplicates',
  })
  history!: StoredEventBody[];

  @IntegerField(0, { description: "The party stream's revision (the ETag)" })
  revision!: number;

  @IntegerField(0, { description: "Global position of the party stream's last event" })
  position!: number;

  @ShownAsOf() asOf?: string;
  @ShownAtPosition() atPosition?: number;
  @ShownAsOccurred() asOccurred?: string;
}

@ApiSchema({ name: 'PartyClaim', description: 'A claim that mentions the party, and in which role' })
export class PartyClaimBody implements PartyClaim {
  @Field({ example: 'ft-us-guarantees-conditional-on-donbass' })
  claimId!: string;

  @Field({ example: 'us-ukraine-security-guarantees' })
  storylineId!: string;

  @Field()
  statement!: string;

  @Field({ enum: MENTION_ROLES, example: 'reporter' })
  role!: MentionRole;

  @Field({ enum: CLAIM_STATUSES, example: 'disputed' })
  status!: ClaimStatus;

  @Field({ enum: CLAIM_KINDS, example: 'factual' })
  kind!: ClaimKind;

  @Field({
    type: [String],
    example: ['Wolodymyr Selenskyj'],
    description: "The names the claim's mentions in this role used for the party, as written (an alias, say)",
  })
  mentionedAs!: string[];
}

@ApiSchema({ name: 'PartyClaimPage' })
export class PartyClaimPageBody extends ShownTimeBody implements Page<PartyClaim> {
  @Field({ type: [PartyClaimBody] })
  items!: PartyClaimBody[];

  @OptionalField(NEXT_CURSOR)
  nextCursor?: string;
}
