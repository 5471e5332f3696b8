import { Identified } from '../identified';
import { ClaimContent, ClaimContentChanges, ClaimEvent } from './claim.events';
import { ClaimState, RecordedClaim } from './claim.state';

export function applyChanges(content: ClaimContent, changes: ClaimContentChanges): ClaimContent {
  const next: Record<string, unknown> = { ...content };
  for (const [field, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    if (value === null) delete next[field];
    else next[field] = value;
  }
  return next as unknown as ClaimContent;
}

function withDevelopment(state: RecordedClaim, eventId: string): string[] {
  return state.verdicts.length > 0 ? [...state.developmentsSinceVerdict, eventId] : state.developmentsSinceVerdict;
}

export function evolveClaim(state: ClaimState, event: Identified<ClaimEvent>): ClaimState {
  if (event.type === 'ClaimRecorded') {
    const { claimId, storylineId, kind = 'factual', ...content } = event.data;
    return {
      claimId,
      storylineId,
      recordedEventId: event.eventId,
      content: { ...content, kind },
      supports: [],
      contradictions: [],
      verdicts: [],
      factChecks: [],
      corrections: [],
      relations: [],
      developmentsSinceVerdict: [],
    };
  }
  if (state === null) return state;
  const { eventId } = event;
  switch (event.type) {
    case 'ClaimSupported': {
      const { claimId: _claimId, ...entry } = event.data;
      return {
        ...state,
        supports: [...state.supports, { eventId, ...entry }],
        developmentsSinceVerdict: withDevelopment(state, eventId),
      };
    }
    case 'ClaimContradicted': {
      const { claimId: _claimId, ...entry } = event.data;
      return {
        ...state,
        contradictions: [...state.contradictions, { eventId, ...entry }],
        developmentsSinceVerdict: withDevelopment(state, eventId),
      };
    }
    case 'ClaimRetracted': {
      const { claimId: _claimId, kind = 'withdrawn', ...entry } = event.data;
      return {
        ...state,
        retraction: { eventId, ...entry, kind },
        developmentsSinceVerdict: withDevelopment(state, eventId),
      };
    }
    case 'ClaimCorrected': {
      const { claimId: _claimId, ...entry } = event.data;
      return {
        ...state,
        content: applyChanges(state.content, event.data.changes),
        corrections: [...state.corrections, { eventId, ...entry }],
      };
    }
    case 'ClaimVerdictIssued': {
      const { claimId: _claimId, ...entry } = event.data;
      return { ...state, verdicts: [...state.verdicts, { eventId, ...entry }], developmentsSinceVerdict: [] };
    }
    case 'ClaimFactChecked': {
      const { claimId: _claimId, ...entry } = event.data;
      return {
        ...state,
        factChecks: [...state.factChecks, { eventId, ...entry }],
        developmentsSinceVerdict: withDevelopment(state, eventId),
      };
    }
    case 'ClaimRelated': {
      const { relatedClaimId, relation } = event.data;
      const others = state.relations.filter((entry) => entry.claimId !== relatedClaimId);
      return { ...state, relations: [...others, { eventId, claimId: relatedClaimId, relation }] };
    }
    case 'ClaimUnrelated':
      return { ...state, relations: state.relations.filter((entry) => entry.claimId !== event.data.relatedClaimId) };
  }
}
