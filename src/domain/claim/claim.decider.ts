import { Decider } from '../decider';
import { DomainError } from '../domain-error';
import { idKey } from '../slug';
import { checkSource } from '../source';
import { checkPrecision } from '../time-precision';
import { Party } from '../party';
import { ClaimCommand, DevelopmentInput, IdentifyParty } from './claim.commands';
import { ClaimContent, ClaimEvent, FactCheckData } from './claim.events';
import { applyChanges, evolveClaim } from './claim.evolve';
import { ClaimState, initialClaimState, RecordedClaim } from './claim.state';
import { ratingProblem } from './fact-check-rating';
import { decideRelation } from './relation.decider';
import { distinctCoAuthors } from './joint-reporting';

/** Google's guidance for ClaimReview's `claimReviewed`, which a claim's summary becomes. */
export const MAX_SUMMARY_LENGTH = 75;

function requireRecorded(state: ClaimState): RecordedClaim {
  if (state === null) throw new DomainError('not_found', 'claim does not exist');
  return state;
}

function checkContent(content: ClaimContent): void {
  if (content.anonymousSourceCount !== undefined && content.attribution !== 'anonymous') {
    throw new DomainError('rejected', 'anonymousSourceCount is only for claims with attribution "anonymous"');
  }
  if (content.summary !== undefined && [...content.summary].length > MAX_SUMMARY_LENGTH) {
    throw new DomainError('rejected', `a summary has at most ${MAX_SUMMARY_LENGTH} characters`);
  }
  checkPrecision('occurredAt', content.occurredAt, content.occurredAtPrecision);
  checkSource(content.source);
}

function checkDevelopment(development: DevelopmentInput): void {
  checkPrecision('occurredAt', development.occurredAt, development.occurredAtPrecision);
  checkSource(development.source);
}

/** Only the claimant or the reporter retracts, under any name that stands for them; anyone else contradicts. */
function checkRetractor(
  { content: { claimant, reportedBy } }: RecordedClaim,
  by: Party,
  identify: IdentifyParty,
): void {
  const retractor = identify(by);
  if (retractor === identify(claimant) || (reportedBy && retractor === identify(reportedBy))) return;
  throw new DomainError(
    'rejected',
    `only the claimant (${claimant.id})${reportedBy ? ` or the reporter (${reportedBy.id})` : ''}, under any name the party registry gives them, can retract a claim; ${by.name} (${by.id}) is neither: record a contradiction instead`,
  );
}

/** `with` as the event keeps it: each co-author once, none that is already an author of the piece. */
function withCoAuthors<T extends { with?: Party[] }>(data: T, authors: Party[]): T {
  const { with: named, ...rest } = data;
  const coAuthors = distinctCoAuthors(authors, named);
  return (coAuthors ? { ...rest, with: coAuthors } : rest) as T;
}

const claimAuthors = (content: ClaimContent) =>
  content.reportedBy ? [content.claimant, content.reportedBy] : [content.claimant];

const sameFactCheck = (a: FactCheckData, b: FactCheckData) =>
  a.url === b.url &&
  idKey(a.by.id) === idKey(b.by.id) && // an import after slugs changed derives the by.id anew
  a.publishedAt === b.publishedAt &&
  a.publishedAtPrecision === b.publishedAtPrecision &&
  a.rating.text === b.rating.text &&
  a.rating.value === b.rating.value &&
  a.rating.best === b.rating.best &&
  a.rating.worst === b.rating.worst;

function decideClaim(command: ClaimCommand, state: ClaimState): ClaimEvent[] {
  switch (command.type) {
    case 'RecordClaim': {
      if (state !== null) throw new DomainError('already_exists', `claim ${state.claimId} already exists`);
      checkContent(command.data);
      return [{ type: 'ClaimRecorded', data: withCoAuthors(command.data, claimAuthors(command.data)) }];
    }
    case 'SupportClaim': {
      const claim = requireRecorded(state);
      checkDevelopment(command.data);
      const data = withCoAuthors(command.data, [command.data.by]);
      return [{ type: 'ClaimSupported', data: { claimId: claim.claimId, ...data } }];
    }
    case 'ContradictClaim': {
      const claim = requireRecorded(state);
      checkDevelopment(command.data);
      const data = withCoAuthors(command.data, [command.data.by]);
      return [{ type: 'ClaimContradicted', data: { claimId: claim.claimId, ...data } }];
    }
    case 'RetractClaim': {
      const claim = requireRecorded(state);
      if (claim.retraction) throw new DomainError('conflict', `claim ${claim.claimId} is already retracted`);
      const { kind = 'withdrawn', ...development } = command.data;
      checkDevelopment(development);
      checkRetractor(claim, development.by, command.identify);
      return [{ type: 'ClaimRetracted', data: { claimId: claim.claimId, ...development, kind } }];
    }
    case 'CorrectClaim': {
      const claim = requireRecorded(state);
      const changed = Object.values(command.data.changes).some((value) => value !== undefined);
      if (!changed) throw new DomainError('rejected', 'a correction must change at least one field');
      const corrected = applyChanges(claim.content, command.data.changes);
      checkContent(corrected);
      const { with: coAuthors } = command.data.changes;
      const changes = coAuthors
        ? { ...command.data.changes, with: distinctCoAuthors(claimAuthors(corrected), coAuthors) ?? null }
        : command.data.changes;
      return [{ type: 'ClaimCorrected', data: { claimId: claim.claimId, ...command.data, changes } }];
    }
    case 'IssueVerdict': {
      const claim = requireRecorded(state);
      return [{ type: 'ClaimVerdictIssued', data: { claimId: claim.claimId, ...command.data } }];
    }
    case 'RecordFactCheck': {
      const claim = requireRecorded(state);
      checkPrecision('publishedAt', command.data.publishedAt, command.data.publishedAtPrecision);
      const problem = ratingProblem(command.data.rating);
      if (problem) throw new DomainError('rejected', `the fact-check's rating cannot be read: ${problem}`);
      // The same review again (a retried import, say) changes nothing; a re-rating at its address is news.
      const standing = claim.factChecks.findLast((factCheck) => factCheck.url === command.data.url);
      if (standing && sameFactCheck(standing, command.data)) return [];
      return [{ type: 'ClaimFactChecked', data: { claimId: claim.claimId, ...command.data } }];
    }
    case 'RelateClaim':
    case 'UnrelateClaim':
      return decideRelation(command, requireRecorded(state));
  }
}

export const claimDecider: Decider<ClaimCommand, ClaimEvent, ClaimState> = {
  initialState: initialClaimState,
  evolve: evolveClaim,
  decide: decideClaim,
};
