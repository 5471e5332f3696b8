import { useEffect, useState } from 'preact/hooks';
import { TimelineEntry } from '../api/types';
import {
  formatOccurred,
  formatTime,
  fromLocalInputValue,
  justBefore,
  toLocalInputValue,
  zoneName,
} from '../format/time';
import { Icon } from '../status/icons';
import { ViewTime, isPast, viewTimeInWords } from './view-time';

const MAX_MOMENTS = 200;

const inputValue = (iso: string | undefined) => (iso ? toLocalInputValue(iso) : '');

/**
 * "As the desk knew it at …" (knowledge time, recordedAt) and, with `worldTime`, "as things stood
 * in the world at …" (world time, occurredAt); either, both or neither. Choosing opens the same
 * address with `?asOf=` and `?asOccurred=`, so the view can be linked and reloaded.
 */
export function TimeControl(props: {
  asOf?: string;
  asOccurred?: string;
  developments: TimelineEntry[];
  onChoose: (time: ViewTime) => void;
  /** What the moments are: developments of a story, or changes to the registry. */
  what?: string;
  /** Offer world time too: a storyline's developments have dates in the world; the registry's changes do not. */
  worldTime?: boolean;
}) {
  const what = props.what ?? 'development';
  const shown: ViewTime = { asOf: props.asOf, asOccurred: props.asOccurred };
  const [known, setKnown] = useState(inputValue(props.asOf));
  const [occurred, setOccurred] = useState(inputValue(props.asOccurred));
  useEffect(() => setKnown(inputValue(props.asOf)), [props.asOf]);
  useEffect(() => setOccurred(inputValue(props.asOccurred)), [props.asOccurred]);
  const newest = (key: 'recordedAt' | 'occurredAt') =>
    [...props.developments]
      .sort((a, b) => Date.parse(b[key]) - Date.parse(a[key]) || b.position - a.position)
      .slice(0, MAX_MOMENTS);

  return (
    <section class="time-control" aria-labelledby="time-control-title">
      <h2 id="time-control-title">
        <Icon name="clock" /> Travel in time
      </h2>
      <p class="time-shown">
        <strong>Shown:</strong> {viewTimeInWords(shown)}.
      </p>
      <form
        class="time-form"
        onSubmit={(event) => {
          event.preventDefault();
          props.onChoose({ asOf: fromLocalInputValue(known), asOccurred: fromLocalInputValue(occurred) });
        }}
      >
        <div class="field">
          <label for="as-of">As the desk knew it at</label>
          <input
            id="as-of"
            type="datetime-local"
            step="1"
            value={known}
            onInput={(event) => setKnown(event.currentTarget.value)}
          />
        </div>
        {props.worldTime && (
          <div class="field">
            <label for="as-occurred">As things stood in the world at</label>
            <input
              id="as-occurred"
              type="datetime-local"
              step="1"
              value={occurred}
              onInput={(event) => setOccurred(event.currentTarget.value)}
            />
          </div>
        )}
        <button type="submit">Show</button>
        {isPast(shown) && (
          <button type="button" class="quiet" onClick={() => props.onChoose({})}>
            Back to now
          </button>
        )}
      </form>
      {props.developments.length > 0 && (
        <div class="field">
          <label for="as-of-moment">Or just before a {what} was recorded</label>
          <select
            id="as-of-moment"
            value=""
            onChange={(event) => {
              const chosen = event.currentTarget.value;
              if (chosen) props.onChoose({ asOf: chosen, asOccurred: props.asOccurred });
            }}
          >
            <option value="">Choose a {what}…</option>
            {newest('recordedAt').map((entry) => (
              <option key={entry.eventId} value={justBefore(entry.recordedAt)}>
                {formatTime(entry.recordedAt, { seconds: true })} — {entry.summary}
              </option>
            ))}
          </select>
        </div>
      )}
      {props.worldTime && props.developments.length > 0 && (
        <div class="field">
          <label for="as-occurred-moment">Or the world just after a {what} happened</label>
          <select
            id="as-occurred-moment"
            value=""
            onChange={(event) => {
              const chosen = event.currentTarget.value;
              if (chosen) props.onChoose({ asOf: props.asOf, asOccurred: chosen });
            }}
          >
            <option value="">Choose a {what}…</option>
            {newest('occurredAt').map((entry) => (
              <option key={entry.eventId} value={entry.occurredAt}>
                {formatOccurred(entry.occurredAt, entry.occurredAtPrecision)} — {entry.summary}
              </option>
            ))}
          </select>
        </div>
      )}
      <p class="hint">
        Knowledge time: what had been recorded by then.
        {props.worldTime &&
          ' World time: what had happened by then; a date known to the day or month counts from its start.'}{' '}
        In your time zone ({zoneName()}).
      </p>
    </section>
  );
}
