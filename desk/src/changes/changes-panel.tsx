import { useState } from 'preact/hooks';
import { formatAgo, formatTime } from '../format/time';
import { isPartyEvent, useLiveRefresh } from '../live/live-context';
import { Icon } from '../status/icons';
import { ErrorNotice, Loading } from '../ui/feedback';
import { useLoader } from '../ui/use-loader';
import { Answer, loadChanges } from './changes-answer';
import { countsOf } from './change-counts';
import { ChangeLists } from './changes-lists';
import { changeCountsInWords } from './changes-words';
import { Seen } from './seen-position';
import { useSeen } from './use-seen';

/**
 * "What changed since I last looked": the morning call of GET /v1/changes, from the position last
 * marked seen. One line of counts first, so the storylines stay on the first screen; the lists open
 * under it.
 */
export function ChangesPanel(props: { titles: Map<string, string> }) {
  const seen = useSeen();
  const [open, setOpen] = useState(false);
  const answer = useLoader(`${seen.ready}|${seen.seen?.position ?? ''}`, (options) =>
    seen.ready ? loadChanges(seen.seen, options) : Promise.resolve(undefined),
  );
  useLiveRefresh(
    (event) => event.streamId.startsWith('storyline-') || event.streamId.startsWith('claim-') || isPartyEvent(event),
    answer.reload,
  );
  const data = answer.data;
  const summary = data && changeCountsInWords(countsOf(data));
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
      {answer.error !== undefined && (
        <ErrorNotice error={answer.error} what="what changed" onRetry={() => answer.reload()} />
      )}
      {!data && answer.error === undefined && <Loading what="what changed" />}
      {data && (
        <div class="changes-summary-line">
          <p class="changes-summary">
            <Since answer={data} seen={seen.seen} />{' '}
            {summary ? <strong>{summary}.</strong> : <span class="changes-nothing">nothing has changed.</span>}
          </p>
          {summary && (
            <button
              type="button"
              class="quiet"
              aria-expanded={open}
              aria-controls="changes-details"
              onClick={() => setOpen(!open)}
            >
              {open ? 'Hide the details' : 'Show what changed'}
            </button>
          )}
        </div>
      )}
      {data && open && summary && (
        <div id="changes-details">
          <Window answer={data} tabOnly={seen.tabOnly} />
          <ChangeLists answer={data} titles={props.titles} />
        </div>
      )}
    </section>
  );
}

/** Where the window starts, in the fewest words: the full account is under the details. */
function Since(props: { answer: Answer; seen?: Seen }) {
  const { answer, seen } = props;
  if (answer.lastDay || !seen) return <>In the last 24 hours:</>;
  return (
    <>
      Since you marked everything seen{' '}
      <time dateTime={seen.markedAt} title={formatTime(seen.markedAt, { seconds: true })}>
        {formatAgo(seen.markedAt)}
      </time>
      :
    </>
  );
}

function Window(props: { answer: Answer; tabOnly: boolean }) {
  const { answer } = props;
  return (
    <p class="muted changes-window">
      {answer.ahead !== undefined
        ? `The position this browser last marked seen (${answer.ahead}) lies beyond this service's log, so it may be another store; showing the last 24 hours. `
        : answer.lastDay
          ? 'Nothing marked seen yet in this browser with this key; showing the last 24 hours. '
          : `From log position ${answer.changes.since} to ${answer.changes.next}. `}
      {props.tabOnly && 'Kept for this tab only: this page is not served over HTTPS. '}
      {answer.changes.truncated &&
        `More happened than one answer holds: this covers up to position ${answer.changes.next}; mark it seen to read on.`}
    </p>
  );
}
