import { Claim, Development, FactCheck } from '../api/types';
import { formatTime } from '../format/time';
import { Icon } from '../status/icons';

interface Counted {
  counts: boolean;
  reason: string;
}

/** Whether a support counts towards the status, and why, in the API's words when it gives them. */
export function supportCounts(claim: Claim, support: Development): Counted {
  const counts = support.counts ?? support.independent ?? true;
  if (support.reason) return { counts, reason: support.reason };
  if (counts) return { counts, reason: 'independent of the claimant and of the reporting outlet' };
  if (support.by.id === claim.claimant.id) return { counts, reason: `${support.by.name} is the claimant` };
  if (support.by.id === claim.reportedBy?.id) return { counts, reason: `${support.by.name} reported the claim` };
  return { counts, reason: 'not independent of the claimant or the reporting outlet' };
}

export function contradictionCounts(contradiction: Development): Counted {
  const counts = contradiction.counts ?? true;
  if (contradiction.reason) return { counts, reason: contradiction.reason };
  return counts
    ? { counts, reason: 'a contradiction makes the claim disputed until the desk rules' }
    : { counts, reason: 'its party is discredited' };
}

function SourceLink(props: { development: { source?: Development['source'] } }) {
  const source = props.development.source;
  if (!source) return null;
  return (
    <a class="source-link" href={source.url} rel="noreferrer noopener" target="_blank">
      {source.title ?? source.url}
      <span class="visually-hidden"> (opens the source in a new tab)</span>
    </a>
  );
}

function DevelopmentItem(props: { development: Development; kind: 'support' | 'contradiction'; counted: Counted }) {
  const { development, kind, counted } = props;
  return (
    <li class={`development development-${kind} ${counted.counts ? 'counts' : 'does-not-count'}`}>
      <Icon name={kind === 'support' ? 'up' : 'down'} class="development-icon" />
      <div>
        <p>
          <strong dir="auto">{development.by.name}</strong> {kind === 'support' ? 'supports' : 'contradicts'}
          {development.kind ? ` (${development.kind.replace(/_/g, ' ')})` : ''},{' '}
          <time dateTime={development.occurredAt}>{formatTime(development.occurredAt)}</time>
        </p>
        <p class={`counting ${counted.counts ? 'tone-good' : 'tone-muted'}`}>
          {counted.counts ? 'Counts' : 'Does not count'}: {counted.reason}
        </p>
        {development.note && (
          <p class="note" dir="auto">
            {development.note}
          </p>
        )}
        {development.source?.quote && (
          <blockquote class="quote" dir="auto">
            {development.source.quote}
          </blockquote>
        )}
        <SourceLink development={development} />
      </div>
    </li>
  );
}

function FactCheckItem({ check }: { check: FactCheck }) {
  const rating =
    check.rating?.text ??
    (check.rating?.value !== undefined ? `${check.rating.value} of ${check.rating.best ?? '?'}` : 'no rating');
  return (
    <li class={`development development-fact-check ${check.counts === false ? 'does-not-count' : 'counts'}`}>
      <Icon name="gavel" class="development-icon" />
      <div>
        <p>
          <strong dir="auto">{check.by.name}</strong> fact-checked it: {rating}
          {check.publishedAt && (
            <>
              , <time dateTime={check.publishedAt}>{formatTime(check.publishedAt)}</time>
            </>
          )}
        </p>
        {check.reason && <p class="counting">{check.reason}</p>}
        {check.url && (
          <a class="source-link" href={check.url} rel="noreferrer noopener" target="_blank">
            The fact-check<span class="visually-hidden"> (opens in a new tab)</span>
          </a>
        )}
      </div>
    </li>
  );
}

/** Supports and contradictions, each saying whether it counts towards the status and why. */
export function Developments({ claim }: { claim: Claim }) {
  const factChecks = claim.factChecks ?? [];
  const total = claim.supports.length + claim.contradictions.length + factChecks.length;
  if (total === 0 && !claim.retraction) return <p class="muted">No supports or contradictions yet.</p>;
  return (
    <>
      {claim.independentSources !== undefined && (
        <p class="muted">
          {claim.independentSources} independent {claim.independentSources === 1 ? 'source' : 'sources'}
        </p>
      )}
      <ul class="developments">
        {claim.contradictions.map((development) => (
          <DevelopmentItem
            key={development.eventId}
            development={development}
            kind="contradiction"
            counted={contradictionCounts(development)}
          />
        ))}
        {claim.supports.map((development) => (
          <DevelopmentItem
            key={development.eventId}
            development={development}
            kind="support"
            counted={supportCounts(claim, development)}
          />
        ))}
        {factChecks.map((check, index) => (
          <FactCheckItem key={check.eventId ?? index} check={check} />
        ))}
      </ul>
      {claim.retraction && (
        <p class="retraction">
          <Icon name="undo" /> Withdrawn by <strong dir="auto">{claim.retraction.by.name}</strong>,{' '}
          <time dateTime={claim.retraction.occurredAt}>{formatTime(claim.retraction.occurredAt)}</time>
          {claim.retraction.note ? `: ${claim.retraction.note}` : ''}
        </p>
      )}
    </>
  );
}

export function VerdictLine({ claim }: { claim: Claim }) {
  if (!claim.verdict) return null;
  const { verdict } = claim;
  return (
    <div class="verdict">
      <p>
        <Icon name="gavel" /> <strong>Desk verdict: {verdict.ratingText ?? verdict.verdict}</strong>,{' '}
        <time dateTime={verdict.occurredAt}>{formatTime(verdict.occurredAt)}</time>
        {verdict.reviewer ? ` by ${verdict.reviewer}` : ''}
      </p>
      <p class="rationale" dir="auto">
        {verdict.rationale}
      </p>
      {claim.needsReview && (
        <p class="notice tone-caution">
          <Icon name="flag" /> Needs review: developments arrived after this verdict.
        </p>
      )}
    </div>
  );
}
