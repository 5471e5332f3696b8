import { useLocation } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import { claimHistory, claimReview, getClaim, getStoryline } from '../api/desk-api';
import { Claim, StoredEvent } from '../api/types';
import { ClaimFacts } from '../claim/claim-facts';
import { BeforeAfterTable } from '../claim/before-after-table';
import { correctionDiffs } from '../claim/corrections';
import { Developments, EarlierVerdicts, FactChecks, VerdictLine } from '../claim/developments';
import { EventOccurred } from '../claim/event-occurred';
import { ClaimActions } from '../development/claim-actions';
import { KindBadge } from '../claim/kind-badge';
import { RelatedClaims } from '../claim/related-claims';
import { SourceWording } from '../claim/source-wording';
import { HistoryTable } from '../claim/history-table';
import { ruleInWords } from '../claim/rule-in-words';
import { textLanguage } from '../format/language';
import { formatOccurred, formatTime } from '../format/time';
import { isPartyEvent, useLiveRefresh } from '../live/live-context';
import { Icon } from '../status/icons';
import { ClaimStatusBadge } from '../status/status-badge';
import { CLAIM_STATUS_META } from '../status/status-meta';
import { describeEvent } from '../storyline/describe-event';
import { developmentsAfterVerdict } from '../review/deciding-developments';
import { DecidingDevelopmentList, NeedsReviewWhy } from '../review/needs-review-why';
import { ErrorNotice, Loading } from '../ui/feedback';
import { useLoader } from '../ui/use-loader';
import { useTitle } from '../ui/use-title';
import { storylineAddress } from '../ui/addresses';
import { isPast, leftOutInWords, viewTimeInWords, viewTimeOf } from '../storyline/view-time';

export function ClaimPage(props: { id: string }) {
  const { query, route } = useLocation();
  const time = viewTimeOf(query);
  const { asOf, asOccurred } = time;
  const past = isPast(time);
  const claim = useLoader(`${props.id}|${asOf ?? ''}|${asOccurred ?? ''}`, ({ minPosition, signal }) =>
    getClaim(props.id, { asOf, asOccurred, minPosition, signal }),
  );
  const history = useLoader(props.id, ({ signal }) => claimHistory(props.id, { signal }));
  const storylineId = claim.data?.storylineId;
  const storyline = useLoader(storylineId ?? '', ({ signal }) =>
    storylineId ? getStoryline(storylineId, { signal }) : Promise.resolve(undefined),
  );
  useLiveRefresh(
    (event) =>
      event.streamId === `claim-${props.id}` ||
      (claim.data?.relations ?? []).some((related) => event.streamId === `claim-${related.claimId}`) ||
      isPartyEvent(event),
    (minPosition) => {
      claim.reload(minPosition);
      history.reload(minPosition);
    },
  );
  useTitle(claim.data ? `Claim by ${claim.data.claimant.name}` : 'Claim');

  if (!claim.data) {
    return claim.error !== undefined ? (
      <>
        <h1>Claim</h1>
        <ErrorNotice error={claim.error} what="This claim" onRetry={() => claim.reload()} />
      </>
    ) : (
      <Loading what="the claim" />
    );
  }
  const view = claim.data;
  const language = textLanguage(view.language);
  const deciding = new Set(view.explanation.eventIds);
  const events = history.data ?? [];

  return (
    <>
      <nav aria-label="Breadcrumb" class="breadcrumbs">
        <a href="/desk">Storylines</a>
        <span aria-hidden="true"> / </span>
        <a href={storylineAddress(view.storylineId, time)} dir="auto">
          {storyline.data?.title ?? view.storylineId}
        </a>
        <span aria-hidden="true"> / </span>
        <span>Claim</span>
      </nav>
      {past && (
        <div class="banner banner-past" role="status">
          <Icon name="clock" />
          <p>
            <strong>{viewTimeInWords(time)}.</strong>{' '}
            {asOf ? 'Events recorded later are marked in the history.' : leftOutInWords(time)}
          </p>
          <button type="button" onClick={() => route(`/desk/claims/${encodeURIComponent(props.id)}`)}>
            Back to now
          </button>
        </div>
      )}
      <header class={`claim-header tone-edge-${CLAIM_STATUS_META[view.status].tone}`}>
        <div class="storyline-header-top">
          <ClaimStatusBadge status={view.status} size="large" />
          <KindBadge kind={view.kind} />
          {view.needsReview && (
            <span class="badge tone-caution">
              <Icon name="flag" />
              Needs review
            </span>
          )}
        </div>
        <h1 dir="auto">Claim by {view.claimant.name}</h1>
        <blockquote class="statement statement-large" lang={language.lang} dir={language.dir}>
          {view.statement}
        </blockquote>
        {view.source && <SourceBlock claim={view} />}
        <NeedsReviewWhy claim={view} />
        <DecidingDevelopmentList developments={developmentsAfterVerdict(view)} label="Developments since the verdict" />
      </header>

      {!past && (
        <ClaimActions
          claim={view}
          onRecorded={(position) => {
            claim.reload(position);
            history.reload(position);
          }}
          onReload={() => claim.reload()}
        />
      )}

      <section aria-labelledby="explanation-title" class="panel">
        <h2 id="explanation-title">Why it is {CLAIM_STATUS_META[view.status].label.toLowerCase()}</h2>
        <p class="explanation-summary">{view.explanation.summary}</p>
        <p>{ruleInWords(view.explanation.rule)}</p>
        <DecidingEvents eventIds={view.explanation.eventIds} history={events} />
        {(view.explanation.registryEventIds ?? []).length > 0 && (
          <p class="muted">
            It also rests on {view.explanation.registryEventIds?.length} party registry{' '}
            {view.explanation.registryEventIds?.length === 1 ? 'event' : 'events'} (who is who, affiliated or
            discredited): see the <a href="/desk/parties">parties</a> it names.
          </p>
        )}
      </section>

      <section aria-labelledby="facts-title" class="panel">
        <h2 id="facts-title">Who, where and when</h2>
        <ClaimFacts summary={{ ...view, claimant: view.claimant }} detail={view} />
        {view.tags.length > 0 && (
          <ul class="tags" aria-label="Tags">
            {view.tags.map((tag) => (
              <li key={tag}>{tag}</li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="developments-title" class="panel">
        <h2 id="developments-title">Supports and contradictions</h2>
        <Developments claim={view} />
      </section>

      <RelatedClaims claim={view} asOf={asOf} />

      {(view.factChecks ?? []).length > 0 && (
        <section aria-labelledby="fact-checks-title" class="panel panel-fact-checks">
          <h2 id="fact-checks-title">
            <Icon name="magnifier" /> Outside fact-checks
          </h2>
          <p class="muted">
            Other fact-checkers’ published reviews. Each is evidence, counted as a support or a contradiction when its
            rating says so, never the desk’s verdict.
          </p>
          <FactChecks claim={view} heading={false} />
        </section>
      )}

      {view.verdicts.length > 0 && (
        <section aria-labelledby="verdicts-title" class="panel">
          <h2 id="verdicts-title">Verdicts</h2>
          <VerdictLine claim={view} reviewNote={false} />
          <EarlierVerdicts verdicts={view.verdicts} />
        </section>
      )}

      {view.verdict && <Publication claim={view} />}

      <Corrections history={events} />

      <section aria-labelledby="history-title" class="panel">
        <h2 id="history-title">History</h2>
        {history.error !== undefined && <ErrorNotice error={history.error} what="the history" />}
        {history.data ? (
          <HistoryTable history={events} asOf={asOf} deciding={deciding} />
        ) : (
          <Loading what="the history" />
        )}
      </section>
    </>
  );
}

function SourceBlock({ claim }: { claim: Claim }) {
  const source = claim.source;
  if (!source) return null;
  return (
    <div class="source">
      <SourceWording source={source} />
      <p>
        Source:{' '}
        <a href={source.url} rel="noreferrer noopener" target="_blank">
          {source.title ?? source.url}
          <span class="visually-hidden"> (opens in a new tab)</span>
        </a>
        {source.publishedAt && (
          <>
            , published{' '}
            <time dateTime={source.publishedAt}>{formatOccurred(source.publishedAt, source.publishedAtPrecision)}</time>
          </>
        )}
      </p>
    </div>
  );
}

function DecidingEvents(props: { eventIds: string[]; history: StoredEvent[] }) {
  const byId = new Map(props.history.map((event) => [event.eventId, event]));
  // A link from "what changed" names one of these events; the router does not set :target, so mark and show it here.
  const linked = location.hash.startsWith('#event-') ? decodeURIComponent(location.hash.slice('#event-'.length)) : '';
  useEffect(() => {
    if (linked) document.getElementById(`event-${linked}`)?.scrollIntoView({ block: 'center' });
  }, [linked]);
  if (props.eventIds.length === 0) return null;
  return (
    <>
      <h3>The events that decided it</h3>
      <ul class="deciding-events">
        {props.eventIds.map((eventId) => {
          const event = byId.get(eventId);
          return (
            <li key={eventId} id={`event-${eventId}`} class={eventId === linked ? 'linked' : undefined}>
              {event ? (
                <>
                  {describeEvent(event)}
                  {typeof event.data.occurredAt === 'string' && (
                    <>
                      , happened <EventOccurred event={event} />
                    </>
                  )}
                  , recorded{' '}
                  <time dateTime={event.metadata.recordedAt}>
                    {formatTime(event.metadata.recordedAt, { seconds: true })}
                  </time>{' '}
                  by {event.metadata.actor}
                </>
              ) : (
                <span class="muted">An event of another stream ({eventId})</span>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}

function Corrections(props: { history: StoredEvent[] }) {
  const diffs = correctionDiffs(props.history);
  if (diffs.length === 0) return null;
  return (
    <section aria-labelledby="corrections-title" class="panel">
      <h2 id="corrections-title">Corrections</h2>
      <p class="muted">Data-entry mistakes fixed after recording; the history keeps the original.</p>
      {diffs.map((diff) => (
        <div key={diff.eventId} class="correction">
          <p>
            <Icon name="pencil" /> <strong dir="auto">{diff.reason}</strong> — corrected by {diff.actor},{' '}
            <time dateTime={diff.recordedAt}>{formatTime(diff.recordedAt, { seconds: true })}</time>
          </p>
          <BeforeAfterTable rows={diff.fields} />
        </div>
      ))}
    </section>
  );
}

/**
 * Whether the verdict is published as ClaimReview, as the API decides it: the markup is served once
 * a verdict names the published fact-check (its review URL); otherwise the API says why not.
 */
function Publication({ claim }: { claim: Claim }) {
  const review = useLoader(`${claim.id}|${claim.revision}`, ({ signal }) =>
    claimReview(claim.id, { minPosition: claim.position, signal }),
  );
  const [copied, setCopied] = useState(false);
  const json = review.data ? JSON.stringify(review.data, null, 2) : undefined;
  const unpublished = review.error instanceof ApiError && review.error.status === 404 ? review.error : undefined;
  const reviewUrl = typeof review.data?.url === 'string' ? review.data.url : undefined;
  return (
    <section aria-labelledby="claimreview-title" class="panel">
      <h2 id="claimreview-title">Published as ClaimReview?</h2>
      {review.loading && !review.data && !review.error && <Loading what="the ClaimReview" />}
      {unpublished && (
        <p class="publication publication-no">
          <Icon name="cross" /> <strong>Ruled, but not published as ClaimReview.</strong>{' '}
          {unpublished.problem.detail ?? ''}
        </p>
      )}
      {review.error !== undefined && !unpublished && <ErrorNotice error={review.error} what="the ClaimReview" />}
      {json && (
        <>
          <p class="publication publication-yes">
            <Icon name="check" /> <strong>Published as ClaimReview</strong>
            {reviewUrl && (
              <>
                {' '}
                for the fact-check at{' '}
                <a href={reviewUrl} rel="noreferrer noopener" target="_blank">
                  {reviewUrl}
                </a>
              </>
            )}
            . The markup below is what search engines and fact-check aggregators read (also in GET /v1/claimreviews).
          </p>
          <button
            type="button"
            onClick={() =>
              void navigator.clipboard?.writeText(json).then(
                () => setCopied(true),
                () => setCopied(false),
              )
            }
          >
            Copy JSON-LD
          </button>
          <span role="status" class="muted">
            {copied ? ' Copied.' : ''}
          </span>
          <pre class="json" tabIndex={0} aria-label="ClaimReview JSON-LD">
            <code>{json}</code>
          </pre>
        </>
      )}
    </section>
  );
}
