import { useEffect, useState } from 'preact/hooks';
import { TimelineEntry } from '../api/types';
import { formatTime, fromLocalInputValue, justBefore, toLocalInputValue, zoneName } from '../format/time';
import { Icon } from '../status/icons';

const MAX_MOMENTS = 200;

/**
 * "As the desk knew it at …": knowledge time (recordedAt), not world time. Choosing a moment
 * opens the same address with `?asOf=`, so the view can be linked and reloaded.
 */
export function TimeControl(props: {
  asOf?: string;
  developments: TimelineEntry[];
  onChoose: (asOf: string | undefined) => void;
  /** What the moments are: developments of a story, or changes to the registry. */
  what?: string;
}) {
  const what = props.what ?? 'development';
  const [value, setValue] = useState(props.asOf ? toLocalInputValue(props.asOf) : '');
  useEffect(() => setValue(props.asOf ? toLocalInputValue(props.asOf) : ''), [props.asOf]);
  const moments = [...props.developments]
    .sort((a, b) => Date.parse(b.recordedAt) - Date.parse(a.recordedAt) || b.position - a.position)
    .slice(0, MAX_MOMENTS);

  return (
    <section class="time-control" aria-labelledby="time-control-title">
      <h2 id="time-control-title">
        <Icon name="clock" /> Travel in time
      </h2>
      <form
        class="time-form"
        onSubmit={(event) => {
          event.preventDefault();
          const asOf = fromLocalInputValue(value);
          if (asOf) props.onChoose(asOf);
        }}
      >
        <div class="field">
          <label for="as-of">As the desk knew it at</label>
          <input
            id="as-of"
            type="datetime-local"
            step="1"
            required
            value={value}
            onInput={(event) => setValue(event.currentTarget.value)}
          />
        </div>
        <button type="submit">Show</button>
        {props.asOf && (
          <button type="button" class="quiet" onClick={() => props.onChoose(undefined)}>
            Back to now
          </button>
        )}
      </form>
      {moments.length > 0 && (
        <div class="field">
          <label for="as-of-moment">Or just before a {what} was recorded</label>
          <select
            id="as-of-moment"
            value=""
            onChange={(event) => {
              const chosen = event.currentTarget.value;
              if (chosen) props.onChoose(chosen);
            }}
          >
            <option value="">Choose a {what}…</option>
            {moments.map((entry) => (
              <option key={entry.eventId} value={justBefore(entry.recordedAt)}>
                {formatTime(entry.recordedAt, { seconds: true })} — {entry.summary}
              </option>
            ))}
          </select>
        </div>
      )}
      <p class="hint">Knowledge time: what had been recorded by then, in your time zone ({zoneName()}).</p>
    </section>
  );
}
