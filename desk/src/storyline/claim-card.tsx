import { Claim, ClaimSummary } from '../api/types';
import { ClaimFacts } from '../claim/claim-facts';
import { Developments, FactChecks, VerdictLine } from '../claim/developments';
import { KindBadge } from '../claim/kind-badge';
import { textLanguage } from '../format/language';
import { Icon } from '../status/icons';
import { ClaimStatusBadge } from '../status/status-badge';
import { CLAIM_STATUS_META } from '../status/status-meta';
import { claimAddress } from '../ui/addresses';
import { ClaimChange } from './changes';
import { ViewTime } from './view-time';

function ChangeMark({ change }: { change: ClaimChange }) {
  const parts: string[] = [];
  if (change.to) parts.push(`now ${CLAIM_STATUS_META[change.to].label.toLowerCase()}`);
  const later = change.laterDevelopments.length;
  if (later > 0) parts.push(`${later} later ${later === 1 ? 'development' : 'developments'}`);
  if (parts.length === 0) return null;
  return (
    <p class="change-mark">
      <Icon name="clock" /> Changed since: {parts.join(', ')}
      {later > 0 && <span class="muted"> ({change.laterDevelopments.map((entry) => entry.summary).join('; ')})</span>}
    </p>
  );
}

/** One claim: its statement in its own language, who said it, how it stands and why. */
export function ClaimCard(props: {
  summary: ClaimSummary;
  detail?: Claim;
  change?: ClaimChange;
  /** The time shown, carried by the claim's link. */
  time?: ViewTime;
  /** A claim not in the view of the past: the words that say so ("Recorded after the moment shown"). */
  later?: string;
}) {
  const { summary, detail } = props;
  const statementId = `statement-${summary.id}`;
  const language = textLanguage(detail?.language ?? summary.language);
  return (
    <article class={`claim-card tone-edge-${CLAIM_STATUS_META[summary.status].tone}`} aria-labelledby={statementId}>
      <header class="claim-card-header">
        <ClaimStatusBadge status={summary.status} />
        <KindBadge kind={summary.kind ?? detail?.kind} />
        {summary.needsReview && (
          <span class="badge tone-caution">
            <Icon name="flag" />
            Needs review
          </span>
        )}
        {props.later && <span class="badge tone-neutral">{props.later}</span>}
        <a class="claim-link" href={claimAddress(summary.id, props.time)} aria-describedby={statementId}>
          Claim details
        </a>
      </header>
      <blockquote id={statementId} class="statement" lang={language.lang} dir={language.dir}>
        {summary.statement}
      </blockquote>
      {props.change && <ChangeMark change={props.change} />}
      <ClaimFacts summary={summary} detail={detail} />
      {detail ? (
        <>
          <p class="explanation">
            <strong>Why {CLAIM_STATUS_META[detail.status].label.toLowerCase()}:</strong> {detail.explanation.summary}
          </p>
          <Developments claim={detail} />
          <FactChecks claim={detail} />
          <VerdictLine claim={detail} />
        </>
      ) : (
        <p class="muted">Loading developments…</p>
      )}
    </article>
  );
}
