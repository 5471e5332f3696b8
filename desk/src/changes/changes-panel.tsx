import { ApiError } from '../api/client';
import { ClaimAdded, ClaimStatusChange, Changes, HeadlineChange } from '../api/changes-types';
import { changesSince } from '../api/desk-api';
import { formatAgo, formatTime } from '../format/time';
import { isPartyEvent, useLiveRefresh } from '../live/live-context';
import { Icon } from '../status/icons';
import { ClaimStatusBadge, StorylineStatusBadge } from '../status/status-badge';
import { claimAddress, storylineAddress } from '../ui/addresses';
import { ErrorNotice, Loading } from '../ui/feedback';
import { useLoader } from '../ui/use-loader';
import { developmentsInWords, developmentTotal, eventTypeInWords } from './changes-words';
import { Seen } from './seen-position';
import { useSeen } from './use-seen';

/** Entries listed per kind; the totals say how many more there are. */
const LISTED = 10;
const DAY_MS = 24 * 60 * 60 * 1000;

interface Answer {
  changes: Changes;
  /** Nothing marked seen yet (or a position this service has never reached): the last 24 hours. */
  lastDay: boolean;
  /** The stored position lies beyond this service's log: another store, or one started anew. */
  ahead?: number;
}

async function load(seen: Seen | undefined, options: { minPosition?: number; signal: AbortSignal }): Promise<Answer> {
  const lastDay = () =>
    changesSince({ sinceTime: new Date(Date.now() - DAY_MS).toISOString(), limit: LISTED, ...options });
  if (!seen) return { changes: await lastDay(), lastDay: true };
  try {
    return { changes: await changesSince({ since: seen.position, limit: LISTED, ...options }), lastDay: false };
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 400)) throw error;
    return { changes: await lastDay(), lastDay: true, ahead: seen.position };
  }
}

/** "What changed since I last looked": the morning call of GET /v1/changes, from the position last marked seen. */
export function ChangesPanel(props: { titles: Map<string, string> }) {
  const seen = useSeen();
  const answer = useLoader(`${seen.ready}|${seen.seen?.position ?? ''}`, (options) =>
    seen.ready ? load(seen.seen, options) : Promise.resolve(undefined),
  );
  useLiveRefresh(
    (event) => event.streamId.startsWith('storyline-') || event.streamId.startsWith('claim-') || isPartyEvent(event),
    answer.reload,
  );
  const data = answer.data;
  return (
    <section class="panel changes-panel" aria-labelledby="changes-title">
      <div class="changes-heading">
        <h2 id="changes-title">
          <Icon name="eye" /> What changed since you last looked
        </h2>
        {data && (
          <button type="button" onClick={() => seen.markSeen(data.changes.next)}>
            Mark everything seen
          </button>
        )}
      </div>
      {data && <Window answer={data} seen={seen.seen} tabOnly={seen.tabOnly} />}
      {answer.error !== undefined && (
        <ErrorNotice error={answer.error} what="what changed" onRetry={() => answer.reload()} />
      )}
      {!data && answer.error === undefined && <Loading what="what changed" />}
      {data && <ChangeLists changes={data.changes} titles={props.titles} />}
    </section>
  );
}

function Window(props: { answer: Answer; seen?: Seen; tabOnly: boolean }) {
  const { answer, seen } = props;
  return (
    <p class="muted changes-window" role="status">
      {answer.ahead !== undefined
        ? `The position this browser last marked seen (${answer.ahead}) lies beyond this service's log, so it may be another store; showing the last 24 hours. `
        : answer.lastDay
          ? 'Nothing marked seen yet in this browser with this key; showing the last 24 hours. '
          : seen && (
              <>
                Since you marked everything seen,{' '}
                <time dateTime={seen.markedAt} title={formatTime(seen.markedAt, { seconds: true })}>
                  {formatAgo(seen.markedAt)}
                </time>{' '}
                (log position {seen.position}).{' '}
              </>
            )}
      {props.tabOnly && 'Kept for this tab only: this page is not served over HTTPS. '}
      {answer.changes.truncated &&
        `More happened than one answer holds: this covers up to position ${answer.changes.next}; mark it seen to read on.`}
    </p>
  );
}

const more = (shown: number, total: number) => (total > shown ? <p class="muted">…and {total - shown} more.</p> : null);

function ChangeLists(props: { changes: Changes; titles: Map<string, string> }) {
  const { changes, titles } = props;
  const developments = developmentTotal(changes.developments.total);
  const nothing =
    changes.totals.storylines + changes.totals.claimsAdded + changes.totals.claimsChanged === 0 && developments === 0;
  if (nothing) {
    return (
      <p class="empty-state changes-nothing">
        <Icon name="check" /> Nothing has changed since.
      </p>
    );
  }
  const headlineTitles = new Map(changes.storylines.map((storyline) => [storyline.id, storyline.title]));
  const titleOf = (id: string) => titles.get(id) ?? headlineTitles.get(id) ?? id;
  return (
    <div class="changes-lists">
      {changes.storylines.length > 0 && (
        <>
          <h3>Storylines whose status changed ({changes.totals.storylines})</h3>
          <ul class="changes-list changes-storylines">
            {changes.storylines.map((storyline) => (
              <HeadlineItem key={storyline.id} change={storyline} />
            ))}
          </ul>
          {more(changes.storylines.length, changes.totals.storylines)}
        </>
      )}
      {changes.claimsChanged.length > 0 && (
        <>
          <h3>Claims whose status changed ({changes.totals.claimsChanged})</h3>
          <ul class="changes-list changes-claims">
            {changes.claimsChanged.map((claim) => (
              <ClaimChangeItem key={claim.id} change={claim} storylineTitle={titleOf(claim.storylineId)} />
            ))}
          </ul>
          {more(changes.claimsChanged.length, changes.totals.claimsChanged)}
        </>
      )}
      {changes.claimsAdded.length > 0 && (
        <>
          <h3>Claims added ({changes.totals.claimsAdded})</h3>
          <ul class="changes-list changes-added">
            {changes.claimsAdded.map((claim) => (
              <ClaimAddedItem key={claim.id} claim={claim} storylineTitle={titleOf(claim.storylineId)} />
            ))}
          </ul>
          {more(changes.claimsAdded.length, changes.totals.claimsAdded)}
        </>
      )}
      {developments > 0 && (
        <>
          <h3>New developments ({developments})</h3>
          <p>{developmentsInWords(changes.developments.total)}</p>
          <ul class="changes-list changes-developments">
            {changes.developments.byStoryline.map((counts) => (
              <li key={counts.storylineId}>
                <a href={storylineAddress(counts.storylineId)} dir="auto">
                  {titleOf(counts.storylineId)}
                </a>
                : {developmentsInWords(counts)}
              </li>
            ))}
          </ul>
          {more(changes.developments.byStoryline.length, changes.totals.storylinesWithDevelopments)}
        </>
      )}
    </div>
  );
}

function Arrow() {
  return (
    <>
      {' '}
      <span aria-hidden="true">→</span>
      <span class="visually-hidden">now</span>{' '}
    </>
  );
}

function HeadlineItem({ change }: { change: HeadlineChange }) {
  return (
    <li>
      <a href={storylineAddress(change.id)} dir="auto">
        {change.title}
      </a>
      :{' '}
      {change.before ? (
        <>
          <StorylineStatusBadge status={change.before} />
          <Arrow />
        </>
      ) : (
        'opened since, '
      )}
      <StorylineStatusBadge status={change.after} />
    </li>
  );
}

function ClaimChangeItem(props: { change: ClaimStatusChange; storylineTitle: string }) {
  const { change } = props;
  return (
    <li>
      <p>
        <ClaimStatusBadge status={change.before} />
        <Arrow />
        <ClaimStatusBadge status={change.after} />{' '}
        <a href={claimAddress(change.id)} dir="auto">
          {change.statement}
        </a>{' '}
        <span class="muted">
          (<bdi>{change.claimant.name}</bdi>, in <bdi>{props.storylineTitle}</bdi>)
        </span>
      </p>
      <p class="muted">
        {change.explanation.summary}
        {change.decidedBy && (
          <>
            {' '}
            Decided by {eventTypeInWords(change.decidedBy.type)}, recorded{' '}
            <time dateTime={change.decidedBy.recordedAt}>
              {formatTime(change.decidedBy.recordedAt, { seconds: true })}
            </time>
            .
          </>
        )}
      </p>
    </li>
  );
}

function ClaimAddedItem(props: { claim: ClaimAdded; storylineTitle: string }) {
  const { claim } = props;
  return (
    <li>
      <ClaimStatusBadge status={claim.status} />{' '}
      <a href={claimAddress(claim.id)} dir="auto">
        {claim.statement}
      </a>{' '}
      <span class="muted">
        (<bdi>{claim.claimant.name}</bdi>, in <bdi>{props.storylineTitle}</bdi>, recorded{' '}
        <time dateTime={claim.recordedAt}>{formatAgo(claim.recordedAt)}</time>)
      </span>
    </li>
  );
}
