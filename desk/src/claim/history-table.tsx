import { StoredEvent } from '../api/types';
import { formatTime } from '../format/time';
import { describeEvent } from '../storyline/describe-event';
import { EventOccurred } from './event-occurred';

const EVENT_NAMES: Record<string, string> = {
  ClaimRecorded: 'Recorded',
  ClaimSupported: 'Supported',
  ClaimContradicted: 'Contradicted',
  ClaimRetracted: 'Retracted',
  ClaimCorrected: 'Corrected',
  ClaimVerdictIssued: 'Verdict',
  ClaimFactChecked: 'Fact-checked',
  ClaimRelated: 'Related',
  ClaimUnrelated: 'Unrelated',
};

/** Every event of the claim, in stream order, with who recorded it and when. */
export function HistoryTable(props: { history: StoredEvent[]; asOf?: string; deciding: Set<string> }) {
  const asOf = props.asOf ? Date.parse(props.asOf) : undefined;
  return (
    <div class="table-scroll" role="region" aria-label="The claim’s events" tabIndex={0}>
      <table class="history">
        <caption class="visually-hidden">The claim’s events in the order they were recorded</caption>
        <thead>
          <tr>
            <th scope="col">Recorded</th>
            <th scope="col">Event</th>
            <th scope="col">Actor</th>
            <th scope="col">Happened</th>
            <th scope="col">What</th>
          </tr>
        </thead>
        <tbody>
          {props.history.map((event) => {
            const later = asOf !== undefined && Date.parse(event.metadata.recordedAt) > asOf;
            return (
              <tr key={event.eventId} class={later ? 'later' : ''}>
                <td data-label="Recorded">
                  <time dateTime={event.metadata.recordedAt}>
                    {formatTime(event.metadata.recordedAt, { seconds: true })}
                  </time>
                  {later && <span class="badge tone-neutral">after the moment shown</span>}
                </td>
                <td data-label="Event">
                  {EVENT_NAMES[event.type] ?? event.type}
                  {props.deciding.has(event.eventId) && <span class="badge tone-info">decides the status</span>}
                </td>
                <td data-label="Actor">{event.metadata.actor}</td>
                <td data-label="Happened">
                  <EventOccurred event={event} />
                </td>
                <td data-label="What" dir="auto">
                  {describeEvent(event)}
                  {typeof event.data.rationale === 'string' && ` — ${event.data.rationale}`}
                  {typeof event.data.note === 'string' && ` — ${event.data.note}`}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
