import { useLocation } from 'preact-iso';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { Claim, ClaimKind, CLAIM_STATUSES, ClaimStatus, ClaimSummary, Storyline, StoredEvent } from '../api/types';
import { isFactual, kindOf, otherKindsInWords } from '../claim/kinds';
import { formatTime } from '../format/time';
import { isPartyEvent, useLiveRefresh } from '../live/live-context';
import { Icon } from '../status/icons';
import { NeedsReviewBadge, StorylineStatusBadge } from '../status/status-badge';
import { CLAIM_STATUS_META, STORYLINE_STATUS_META } from '../status/status-meta';
import { ChangesSince, changesSince } from '../storyline/changes';
import { ClaimCard } from '../storyline/claim-card';
import { CountsList } from '../storyline/counts-list';
import { TimeControl } from '../storyline/time-control';
import { TimelineChart } from '../storyline/timeline-chart';
import { ChartPoint, ChartRow, placeOf } from '../storyline/timeline-layout';
import { useStoryline } from '../storyline/use-storyline';
import { WhyStatus } from '../storyline/why-status';
import { ViewTime, isPast, laterInWords, leftOutInWords, viewTimeInWords, viewTimeOf } from '../storyline/view-time';
import { storylineAddress } from '../ui/addresses';
import { StorylineActions } from '../storyline/storyline-actions';
import { Stakeholders } from '../storyline/stakeholders';
import { ErrorNotice, Loading } from '../ui/feedback';
import { useTitle } from '../ui/use-title';
import { RetractedClaims } from '../storyline/retracted-claims';

/** Cards drawn per status group at first; a storyline with thousands of claims shows the rest on request. */
const FIRST_CARDS = 50;

export function StorylinePage(props: { id: string }) {
  const { query, route } = useLocation();
  const time = viewTimeOf(query);
  const { asOf } = time;
  const past = isPast(time);
  const data = useStoryline(props.id, time);
  const { view, now, details, timeline, laterEntries } = data;
  useTitle(view?.title);

  const claimIds = useMemo(() => new Set((now ?? view)?.claims?.map((claim) => claim.id)), [view, now]);
  const concerns = (event: StoredEvent) =>
    event.streamId === `storyline-${props.id}` ||
    (event.type === 'ClaimRecorded' && event.data.storylineId === props.id) ||
    claimIds.has(event.streamId.replace(/^claim-/, '')) ||
    isPartyEvent(event);
  useLiveRefresh(concerns, (minPosition) => void data.reload(minPosition));

  useRenderMarks(view !== undefined, details !== undefined && timeline !== undefined);

  const changes = useMemo(
    () => (view && now && laterEntries ? changesSince(view, now, laterEntries) : undefined),
    [view, now, laterEntries],
  );

  if (!view) {
    return data.error !== undefined ? (
      <>
        <Breadcrumbs />
        <h1>Storyline</h1>
        <ErrorNotice
          error={data.error}
          what={asOf ? 'This storyline as known then' : 'This storyline'}
          onRetry={() => void data.reload()}
        />
        {asOf && (
          <p>
            It may not have existed yet at {formatTime(asOf, { seconds: true })}.{' '}
            <a href={storylineAddress(props.id)}>See it now</a>.
          </p>
        )}
      </>
    ) : (
      <Loading what="the storyline" />
    );
  }

  const choose = (moment: ViewTime) => route(storylineAddress(props.id, moment));

  return (
    <>
      <Breadcrumbs title={view.title} />
      {past && <PastBanner time={time} changes={changes} onBack={() => choose({})} />}
      {data.error !== undefined && (
        <ErrorNotice error={data.error} what="the latest state" onRetry={() => void data.reload()} />
      )}
      <StorylineHeader storyline={view} details={details} />
      {!past && <StorylineActions storyline={view} reload={(minPosition) => void data.reload(minPosition)} />}
      <div class="storyline-overview">
        <WhyStatus storyline={view} details={details} time={time} />
        <TimeControl
          asOf={asOf}
          asOccurred={time.asOccurred}
          developments={[...(timeline ?? []), ...(laterEntries ?? [])]}
          onChoose={choose}
          worldTime
        />
      </div>
      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">Timeline</h2>
        {timeline ? (
          <TimelineChart {...chartData(view, now, timeline, laterEntries, details)} time={past ? time : undefined} />
        ) : (
          <Loading what="the timeline" />
        )}
      </section>
      <Stakeholders
        storyline={view}
        asOf={asOf}
        editable={!isPast(time)}
        reload={(minPosition) => void data.reload(minPosition)}
      />
      <ClaimGroups storyline={view} details={details} changes={changes} time={time} />
    </>
  );
}

function Breadcrumbs(props: { title?: string }) {
  return (
    <nav aria-label="Breadcrumb" class="breadcrumbs">
      <a href="/desk">Storylines</a>
      {props.title && (
        <>
          <span aria-hidden="true"> / </span>
          <span dir="auto">{props.title}</span>
        </>
      )}
    </nav>
  );
}

function PastBanner(props: { time: ViewTime; changes?: ChangesSince; onBack: () => void }) {
  const { changes } = props;
  const changed = changes
    ? changes.added.length +
      [...changes.byClaim.values()].filter((change) => change.to || change.laterDevelopments.length).length
    : 0;
  return (
    <div class="banner banner-past" role="status">
      <Icon name="clock" />
      <div>
        <p>
          <strong>{viewTimeInWords(props.time)}.</strong> {leftOutInWords(props.time)}
        </p>
        {changes && (
          <p>
            {changes.headline
              ? `Since then the storyline went from ${STORYLINE_STATUS_META[changes.headline.from].label.toLowerCase()} to ${STORYLINE_STATUS_META[changes.headline.to].label.toLowerCase()}; `
              : 'Its headline status is the same now; '}
            {changed === 0
              ? 'no claim changed.'
              : `${changed} ${changed === 1 ? 'claim has' : 'claims have'} changed or been added since (marked below).`}
          </p>
        )}
      </div>
      <button type="button" onClick={props.onBack}>
        Back to now
      </button>
    </div>
  );
}

function StorylineHeader({ storyline, details }: { storyline: Storyline; details?: Map<string, Claim> }) {
  return (
    <header class={`storyline-header status-${storyline.status}`}>
      <div class="storyline-header-top">
        <StorylineStatusBadge status={storyline.status} size="large" />
        <NeedsReviewBadge count={storyline.needsReview} />
        <RetractedClaims storyline={storyline} />
      </div>
      <h1 dir="auto">{storyline.title}</h1>
      {storyline.summary && (
        <p class="lede" dir="auto">
          {storyline.summary}
        </p>
      )}
      <div class="row-facts">
        <span class="muted">
          {storyline.claimCount} {storyline.claimCount === 1 ? 'claim' : 'claims'}
          {kindsInWords(claimKinds(storyline, details))}
        </span>
        <CountsList counts={storyline.counts} label="Factual claims by status" />
      </div>
      {storyline.tags.length > 0 && (
        <ul class="tags" aria-label="Tags">
          {storyline.tags.map((tag) => (
            <li key={tag}>
              <a href={`/desk?tag=${encodeURIComponent(tag)}`}>{tag}</a>
            </li>
          ))}
        </ul>
      )}
    </header>
  );
}

/** Claims per kind: the API's own count when it gives one, else counted from the loaded claims. */
function claimKinds(
  storyline: Storyline,
  details?: Map<string, Claim>,
): Partial<Record<ClaimKind, number>> | undefined {
  if (storyline.kinds) return storyline.kinds;
  const claims = storyline.claims ?? [];
  if (!details || claims.length < storyline.claimCount) return undefined;
  const kinds: Partial<Record<ClaimKind, number>> = {};
  for (const claim of claims) {
    const kind = kindOf(claim, details.get(claim.id));
    kinds[kind] = (kinds[kind] ?? 0) + 1;
  }
  return kinds;
}

function kindsInWords(kinds: Partial<Record<ClaimKind, number>> | undefined): string {
  const others = otherKindsInWords(kinds);
  return others ? `: ${kinds?.factual ?? 0} factual, ${others}` : '';
}

/** How precisely each development's time is known, from the claims' views (timeline entries do not say). */
function chartData(
  view: Storyline,
  now: Storyline | undefined,
  timeline: ChartPoint['entry'][],
  later: ChartPoint['entry'][] = [],
  details?: Map<string, Claim>,
) {
  const known = new Set((view.claims ?? []).map((claim) => claim.id));
  const row = (claim: ClaimSummary, recordedLater?: boolean): ChartRow => ({
    claimId: claim.id,
    label: details?.get(claim.id)?.summary ?? claim.statement,
    claimant: claim.claimant.name,
    status: claim.status,
    kind: kindOf(claim, details?.get(claim.id)),
    later: recordedLater,
  });
  const rows: ChartRow[] = (view.claims ?? []).map((claim) => row(claim));
  for (const claim of now?.claims ?? []) {
    if (!known.has(claim.id)) rows.push(row(claim, true));
  }
  rows.sort((a, b) => firstOccurrence(a.claimId, timeline, later) - firstOccurrence(b.claimId, timeline, later));
  const points: ChartPoint[] = [
    ...timeline.map((entry) => ({ entry })),
    ...later.map((entry) => ({ entry, later: true })),
  ];
  return { rows, points };
}

function firstOccurrence(claimId: string, ...lists: ChartPoint['entry'][][]): number {
  for (const list of lists) {
    const recorded = list.find((entry) => entry.claimId === claimId && entry.type === 'ClaimRecorded');
    if (recorded) return placeOf(recorded);
  }
  return Number.MAX_SAFE_INTEGER;
}

function ClaimGroups(props: {
  storyline: Storyline;
  details?: Map<string, Claim>;
  changes?: ChangesSince;
  time: ViewTime;
}) {
  const claims = props.storyline.claims ?? [];
  const factual: ClaimSummary[] = [];
  const others: ClaimSummary[] = [];
  for (const claim of claims)
    (isFactual({ kind: kindOf(claim, props.details?.get(claim.id)) }) ? factual : others).push(claim);
  const groups = CLAIM_STATUSES.map(
    (status) => [status, factual.filter((claim) => claim.status === status)] as const,
  ).filter(([, members]) => members.length > 0);
  const added = props.changes?.added ?? [];
  return (
    <section aria-labelledby="claims-title" class="claims">
      <h2 id="claims-title">Claims</h2>
      {claims.length === 0 && (
        <p class="empty-state">No claims in this storyline{isPast(props.time) ? ' at that moment' : ''} yet.</p>
      )}
      {groups.map(([status, members]) => (
        <ClaimGroup key={status} status={status} claims={members} {...props} />
      ))}
      {others.length > 0 && (
        <section class="claim-group claim-group-other-kinds" aria-labelledby="group-other-kinds">
          <h3 id="group-other-kinds" class="group-title">
            <Icon name="bubble" /> Opinions and predictions ({others.length})
          </h3>
          <p class="muted">
            Each keeps its own status and developments, but only factual claims decide the storyline’s status and
            counts.
          </p>
          {others.map((claim) => (
            <ClaimCard
              key={claim.id}
              summary={claim}
              detail={props.details?.get(claim.id)}
              change={props.changes?.byClaim.get(claim.id)}
              time={props.time}
            />
          ))}
        </section>
      )}
      {added.length > 0 && (
        <section class="claim-group" aria-labelledby="group-added">
          <h3 id="group-added">
            <Icon name="clock" /> {laterInWords(props.time)} ({added.length})
          </h3>
          {added.map((claim) => (
            <ClaimCard key={claim.id} summary={claim} later={laterInWords(props.time)} />
          ))}
        </section>
      )}
    </section>
  );
}

function ClaimGroup(props: {
  status: ClaimStatus;
  claims: ClaimSummary[];
  details?: Map<string, Claim>;
  changes?: ChangesSince;
  time: ViewTime;
}) {
  const [shown, setShown] = useState(FIRST_CARDS);
  const meta = CLAIM_STATUS_META[props.status];
  const rest = props.claims.length - shown;
  return (
    <section class="claim-group" aria-labelledby={`group-${props.status}`}>
      <h3 id={`group-${props.status}`} class={`group-title tone-${meta.tone}`}>
        <Icon name={meta.icon} /> {meta.label} ({props.claims.length})
      </h3>
      {props.claims.slice(0, shown).map((claim) => (
        <ClaimCard
          key={claim.id}
          summary={claim}
          detail={props.details?.get(claim.id)}
          change={props.changes?.byClaim.get(claim.id)}
          time={props.time}
        />
      ))}
      {rest > 0 && (
        <button type="button" class="show-more" onClick={() => setShown(shown + 200)}>
          Show {Math.min(rest, 200)} more {meta.label.toLowerCase()} {rest === 1 ? 'claim' : 'claims'} ({rest} not
          shown)
        </button>
      )}
    </section>
  );
}

/** Performance marks for the first render of the storyline and for the render with every detail. */
function useRenderMarks(viewShown: boolean, detailsShown: boolean) {
  const marked = useRef({ view: false, details: false });
  useEffect(() => {
    if (viewShown && !marked.current.view) {
      marked.current.view = true;
      requestAnimationFrame(() => performance.mark('desk:storyline-rendered'));
    }
    if (detailsShown && !marked.current.details) {
      marked.current.details = true;
      requestAnimationFrame(() => performance.mark('desk:storyline-complete'));
    }
  }, [viewShown, detailsShown]);
}
