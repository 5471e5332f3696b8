import { useRef, useState } from 'preact/hooks';
import { listStorylines, searchClaims } from '../api/desk-api';
import { Claim } from '../api/types';
import { FactChecks } from '../claim/developments';
import { isFactual } from '../claim/kinds';
import { textLanguage } from '../format/language';
import { formatAgo, formatTime } from '../format/time';
import { isPartyEvent, useLiveRefresh } from '../live/live-context';
import { PartyName } from '../party/party-name';
import { decidingDevelopments } from '../review/deciding-developments';
import { DecidingDevelopmentList, NeedsReviewWhy } from '../review/needs-review-why';
import { VerdictForm } from '../review/verdict-form';
import { Icon } from '../status/icons';
import { ClaimStatusBadge } from '../status/status-badge';
import { CLAIM_STATUS_META } from '../status/status-meta';
import { claimAddress, storylineAddress } from '../ui/addresses';
import { ErrorNotice, Loading } from '../ui/feedback';
import { useLoader } from '../ui/use-loader';
import { useTitle } from '../ui/use-title';

/** Factual claims whose verdict has developments since, and disputed ones (which by the rule have none yet). */
async function reviewQueue(options: { minPosition?: number; signal: AbortSignal }): Promise<Queue> {
  const [needReview, disputed, storylines] = await Promise.all([
    searchClaims({ needsReview: true }, options),
    searchClaims({ status: 'disputed' }, options),
    listStorylines({}, options),
  ]);
  const byId = new Map([...needReview, ...disputed].filter(isFactual).map((claim) => [claim.id, claim]));
  return {
    claims: [...byId.values()].sort(
      (a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt) || b.position - a.position,
    ),
    titles: new Map(storylines.map((storyline) => [storyline.id, storyline.title])),
  };
}

interface Queue {
  claims: Claim[];
  titles: Map<string, string>;
}

export function ReviewPage() {
  useTitle('Review queue');
  const queue = useLoader('review', reviewQueue);
  const [announcement, setAnnouncement] = useState('');
  useLiveRefresh((event) => event.streamId.startsWith('claim-') || isPartyEvent(event), queue.reload);

  return (
    <>
      <div class="page-heading">
        <h1>Review queue</h1>
        <p class="lede">
          Factual claims that need review and disputed claims without a verdict, the most recent change first.
        </p>
      </div>
      <p role="status" class="announcement">
        {announcement}
      </p>
      {queue.error !== undefined && (
        <ErrorNotice error={queue.error} what="the review queue" onRetry={() => queue.reload()} />
      )}
      {queue.data === undefined ? (
        queue.error === undefined && <Loading what="the review queue" />
      ) : queue.data.claims.length === 0 ? (
        <p class="empty-state">
          <Icon name="check" /> Nothing waits for review.
        </p>
      ) : (
        <>
          <p class="tally">
            {queue.data.claims.length} {queue.data.claims.length === 1 ? 'claim waits' : 'claims wait'} for the desk
          </p>
          <ul class="review-list">
            {queue.data.claims.map((claim) => (
              <ReviewItem
                key={claim.id}
                claim={claim}
                storylineTitle={queue.data?.titles.get(claim.storylineId) ?? claim.storylineId}
                onIssued={(position, text) => {
                  setAnnouncement(text);
                  queue.reload(position);
                }}
              />
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function ReviewItem(props: {
  claim: Claim;
  storylineTitle: string;
  onIssued: (position: number, announcement: string) => void;
}) {
  const { claim } = props;
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const language = textLanguage(claim.language);
  const statementId = `review-statement-${claim.id}`;
  const formId = `verdict-form-${claim.id}`;
  const deciding = decidingDevelopments(claim);

  return (
    <li class={`review-item tone-edge-${CLAIM_STATUS_META[claim.status].tone}`}>
      <div class="claim-card-header">
        <ClaimStatusBadge status={claim.status} />
        {claim.needsReview && (
          <span class="badge tone-caution">
            <Icon name="flag" />
            Needs review
          </span>
        )}
        <span class="muted">
          changed{' '}
          <time dateTime={claim.updatedAt} title={formatTime(claim.updatedAt, { seconds: true })}>
            {formatAgo(claim.updatedAt)}
          </time>
        </span>
      </div>
      <blockquote id={statementId} class="statement" lang={language.lang} dir={language.dir}>
        {claim.statement}
      </blockquote>
      <p class="review-meta">
        <PartyName mention={claim.claimant} resolved={claim.parties?.claimant} />
        {claim.reportedBy && (
          <>
            {' '}
            · reported by <PartyName mention={claim.reportedBy} resolved={claim.parties?.reportedBy} />
          </>
        )}{' '}
        · in{' '}
        <a href={storylineAddress(claim.storylineId)} dir="auto">
          {props.storylineTitle}
        </a>{' '}
        ·{' '}
        <a href={claimAddress(claim.id)} aria-describedby={statementId}>
          claim details
        </a>
      </p>
      {claim.needsReview ? (
        <NeedsReviewWhy claim={claim} />
      ) : (
        <p class="explanation">Disputed and not ruled on yet. {claim.explanation.summary}</p>
      )}
      <DecidingDevelopmentList
        developments={deciding}
        label={claim.needsReview ? 'Developments since the verdict' : 'The developments that decide its status'}
      />
      <FactChecks claim={claim} />
      {!open ? (
        <button
          type="button"
          ref={button}
          class="primary"
          aria-expanded="false"
          aria-controls={formId}
          aria-describedby={statementId}
          onClick={() => setOpen(true)}
        >
          Verdict
        </button>
      ) : (
        <VerdictForm
          claim={claim}
          formId={formId}
          onCancel={() => {
            setOpen(false);
            requestAnimationFrame(() => button.current?.focus());
          }}
          onIssued={(result, verdict) => {
            setOpen(false);
            props.onIssued(
              result.position,
              `Verdict “${CLAIM_STATUS_META[verdict].label}” recorded for the claim by ${claim.claimant.name}.`,
            );
          }}
        />
      )}
    </li>
  );
}
