import { formatOccurred } from '../format/time';
import { Marker, SHAPE_LABELS, shapeOf } from './timeline-marks';
import { PlacedPoint, TimelineLayout } from './timeline-layout';

/**
 * The same developments as a list, oldest first, for screens too narrow for the chart: in the API's
 * order, which places days in the desk's time zone and an answer after the report it answers.
 */
export function TimelineList(props: { layout: TimelineLayout }) {
  const marks = [...props.layout.byClaim.values()].flat().sort((a, b) => a.order - b.order);
  const item = (mark: PlacedPoint) => (
    <li key={mark.entry.eventId}>
      <svg viewBox="-9 -9 18 18" aria-hidden="true" class="legend-mark">
        <Marker shape={shapeOf(mark.entry)} x={0} y={0} later={mark.later} />
      </svg>
      <div>
        <p class="timeline-item-when">
          <time dateTime={mark.entry.occurredAt}>
            {formatOccurred(mark.entry.occurredAt, mark.entry.occurredAtPrecision)}
          </time>{' '}
          · {SHAPE_LABELS[shapeOf(mark.entry)]}
          {mark.later ? ' · recorded after the moment shown' : ''}
        </p>
        <p>{mark.entry.summary}</p>
      </div>
    </li>
  );
  const inWorld = marks.filter((mark) => !mark.apart);
  const apart = marks.filter((mark) => mark.apart);
  return (
    <div class="timeline-list">
      <ol aria-label="Developments, oldest first">{inWorld.map(item)}</ol>
      {apart.length > 0 && (
        <>
          <p class="timeline-list-later">Later, long after the story:</p>
          <ol aria-label="Later reviews">{apart.map(item)}</ol>
        </>
      )}
    </div>
  );
}
