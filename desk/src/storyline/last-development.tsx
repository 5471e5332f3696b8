import { useEffect, useState } from 'preact/hooks';
import { cachedEventAt } from '../api/event-at-position';
import { StoredEvent } from '../api/types';
import { formatAgo, formatTime } from '../format/time';
import { describeEvent } from './describe-event';

/** The storyline's latest event in the log: what moved last, and when the desk learnt it. */
export function LastDevelopment(props: { position: number }) {
  const [event, setEvent] = useState<StoredEvent | undefined>();
  useEffect(() => {
    let current = true;
    void cachedEventAt(props.position).then((found) => current && setEvent(found));
    return () => {
      current = false;
    };
  }, [props.position]);
  if (!event) return <p class="last-development muted">Last development: …</p>;
  return (
    <p class="last-development">
      <span class="muted">Last development:</span> {describeEvent(event)},{' '}
      <time dateTime={event.metadata.recordedAt} title={formatTime(event.metadata.recordedAt, { seconds: true })}>
        {formatAgo(event.metadata.recordedAt)}
      </time>
    </p>
  );
}
