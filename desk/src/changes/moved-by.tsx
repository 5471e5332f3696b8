import { useEffect, useState } from 'preact/hooks';
import { DecidingEvent } from '../api/changes-types';
import { cachedEventAt } from '../api/event-at-position';
import { StoredEvent } from '../api/types';
import { formatTime } from '../format/time';
import { describeEvent } from '../storyline/describe-event';
import { claimAddress, partyAddress } from '../ui/addresses';
import { eventTypeInWords, registryEventInWords } from './changes-words';

/** Where the event that moved a claim is shown: its line on the claim page, or the party a registry event is about. */
function placeOf(claimId: string, decidedBy: DecidingEvent, event?: StoredEvent): string {
  const partyId = event?.data.partyId;
  if (decidedBy.type.startsWith('Party') && typeof partyId === 'string') return partyAddress(partyId);
  return `${claimAddress(claimId)}#event-${encodeURIComponent(decidedBy.eventId)}`;
}

/**
 * "Moved by: US-Regierung contradicted a claim (denial), recorded …": the change's deciding event,
 * read from the log by its position (GET /v1/events) for who and what, linked to where it is shown.
 */
export function MovedBy(props: { claimId: string; decidedBy: DecidingEvent }) {
  const { decidedBy } = props;
  const [event, setEvent] = useState<StoredEvent>();
  useEffect(() => {
    let current = true;
    void cachedEventAt(decidedBy.position).then(
      (found) => current && found?.eventId === decidedBy.eventId && setEvent(found),
    );
    return () => {
      current = false;
    };
  }, [decidedBy.position, decidedBy.eventId]);
  const words = event
    ? decidedBy.type.startsWith('Party')
      ? registryEventInWords(event)
      : describeEvent(event)
    : eventTypeInWords(decidedBy.type);
  return (
    <span class="moved-by">
      Moved by:{' '}
      <a href={placeOf(props.claimId, decidedBy, event)} dir="auto">
        {words}
      </a>
      , recorded <time dateTime={decidedBy.recordedAt}>{formatTime(decidedBy.recordedAt)}</time>.
    </span>
  );
}
