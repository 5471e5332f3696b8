import { PartyInput } from '../api/command-bodies';
import { ATTRIBUTION_LABELS } from '../claim/record-claim-form';
import { DEVELOPMENTS } from '../development/development-kinds';
import { languageName } from '../format/language';
import { isDevelopment, Proposal } from './proposals';

function PartyFact(props: { label: string; party: PartyInput }) {
  const { party } = props;
  return (
    <>
      {props.label}: <span dir="auto">{party.name.trim() || 'not named'}</span> ({party.kind},{' '}
      {party.id ? 'registered' : 'not in the registry'}).{' '}
    </>
  );
}

/** What will be recorded, in one line, while the row's fields stay closed. */
export function ProposalFacts(props: { proposal: Proposal }) {
  const { proposal } = props;
  if (isDevelopment(proposal)) {
    const meta = DEVELOPMENTS[proposal.item.development?.kind ?? 'contradiction'];
    const kind = meta.kinds.find((option) => option.value === proposal.developmentKind)?.label.split(':')[0];
    return (
      <p class="proposal-facts">
        <PartyFact label="By" party={proposal.claimant} />
        {kind && <>{kind}. </>}
      </p>
    );
  }
  const count =
    proposal.attribution === 'anonymous' && proposal.anonymousSources ? `: ${proposal.anonymousSources}` : '';
  return (
    <p class="proposal-facts">
      <PartyFact label="Claimant" party={proposal.claimant} />
      {proposal.reportedBy?.name.trim() && <PartyFact label="Reported by" party={proposal.reportedBy} />}
      {ATTRIBUTION_LABELS[proposal.attribution]}
      {count}. Kind: {proposal.kind}. {languageName(proposal.language.trim() || undefined)}.
    </p>
  );
}
