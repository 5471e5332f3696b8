import { StoredEvent } from '../api/types';
import { retractedAClaim } from '../claim/retraction-words';

const byName = (data: Record<string, unknown>, field = 'by') =>
  ((data[field] as { name?: string } | undefined)?.name ?? 'Someone').trim();

/** One line for "last development": who did what, in words. */
export function describeEvent(event: StoredEvent): string {
  const data = event.data;
  switch (event.type) {
    case 'StorylineOpened':
      return 'Storyline opened';
    case 'StorylineRevised':
      return 'Storyline revised';
    case 'StorylineStakeholderNamed':
      return `${String(data.partyId)} named a stakeholder: ${String(data.reason)}`;
    case 'StorylineStakeholderRemoved':
      return `${String(data.partyId)} is no longer a stakeholder`;
    case 'ClaimRecorded':
      return `New claim by ${byName(data, 'claimant')}`;
    case 'ClaimSupported':
      return `${byName(data)} supported a claim${data.kind ? ` (${String(data.kind)})` : ''}`;
    case 'ClaimContradicted':
      return `${byName(data)} contradicted a claim${data.kind ? ` (${String(data.kind)})` : ''}`;
    case 'ClaimRetracted':
      return `${byName(data)} ${retractedAClaim(data.kind)}`;
    case 'ClaimCorrected':
      return `A claim was corrected${data.reason ? `: ${String(data.reason)}` : ''}`;
    case 'ClaimVerdictIssued':
      return `Desk verdict: ${String(data.verdict)}`;
    case 'ClaimFactChecked':
      return `Fact-checked by ${byName(data)}`;
    case 'ClaimRelated':
      return `Related to claim ${String(data.relatedClaimId)} (${data.relation === 'rival_of' ? 'a rival explanation' : 'the same claim'})`;
    case 'ClaimUnrelated':
      return `No longer related to claim ${String(data.relatedClaimId)}`;
    default:
      return event.type.replace(/([a-z])([A-Z])/g, '$1 $2');
  }
}
