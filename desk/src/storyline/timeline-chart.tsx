import { TimelineEntry } from '../api/types';
import { KIND_META } from '../claim/kinds';
import { formatOccurred, formatTime, zoneName } from '../format/time';
import { CLAIM_STATUS_META } from '../status/status-meta';
import { ChartPoint, ChartRow, layOut, PlacedPoint, placeOf, TimelineLayout } from './timeline-layout';
import { TimelineList } from './timeline-list';
import { Marker, SHAPE_LABELS, shapeOf } from './timeline-marks';
import { ViewTime, laterInWords } from './view-time';

const WIDTH = 960;
const LABEL_WIDTH = 230;
const AXIS_HEIGHT = 40;
const ROW_HEIGHT = 40;
const MAX_ROWS = 30;

const truncate = (text: string, length: number) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

/** One mark in words, the same in the chart and the list: what, when it happened, when it was recorded. */
function markInWords(point: ChartPoint): string {
  const { entry, later } = point;
  const happened = formatOccurred(entry.occurredAt, entry.occurredAtPrecision);
  const recorded = formatTime(entry.recordedAt, { seconds: true });
  return `${entry.summary} — happened ${happened}, recorded ${recorded}${later ? ' (after the moment shown)' : ''}`;
}

function rowFacts(row: ChartRow): string {
  const kind = row.kind && row.kind !== 'factual' ? ` · ${KIND_META[row.kind].label.toLowerCase()}` : '';
  return `${row.claimant} · ${CLAIM_STATUS_META[row.status].label}${kind}${row.later ? ' · after the moment shown' : ''}`;
}

/** Picks the rows to draw: every claim when they fit, else those that moved most recently. */
function visibleRows(rows: ChartRow[], points: ChartPoint[]): ChartRow[] {
  if (rows.length <= MAX_ROWS) return rows;
  const latest = new Map<string, number>();
  for (const { entry } of points) {
    if (entry.claimId) latest.set(entry.claimId, Math.max(latest.get(entry.claimId) ?? 0, placeOf(entry)));
  }
  const keep = new Set(
    [...rows]
      .sort((a, b) => (latest.get(b.claimId) ?? 0) - (latest.get(a.claimId) ?? 0))
      .slice(0, MAX_ROWS)
      .map((row) => row.claimId),
  );
  return rows.filter((row) => keep.has(row.claimId));
}

/**
 * The storyline's developments drawn by when they happened: one row per claim, one mark per
 * development. On a narrow screen the same developments read as a list (styles.css swaps them).
 */
export function TimelineChart(props: { rows: ChartRow[]; points: ChartPoint[]; time?: ViewTime }) {
  const rows = visibleRows(props.rows, props.points);
  const rowIds = new Set(rows.map((row) => row.claimId));
  const points = props.points.filter(({ entry }) => entry.claimId !== undefined && rowIds.has(entry.claimId));
  const wholeDays = points.length > 0 && points.every(({ entry }) => entry.occurredAtPrecision !== undefined);
  const layout = layOut(points, LABEL_WIDTH + 16, WIDTH - 20, { wholeDays });
  const shapesUsed = new Set(points.map(({ entry }) => shapeOf(entry)));

  return (
    <figure class="timeline-chart">
      <ChartDrawing rows={rows} points={points} layout={layout} />
      <TimelineList layout={layout} />
      <figcaption>
        <ul class="legend" aria-label="Legend">
          {[...shapesUsed].map((shape) => (
            <li key={shape}>
              <svg viewBox="-9 -9 18 18" aria-hidden="true" class="legend-mark">
                <Marker shape={shape} x={0} y={0} />
              </svg>
              {SHAPE_LABELS[shape]}
            </li>
          ))}
          {props.time && points.some((point) => point.later) && (
            <li>
              <svg viewBox="-9 -9 18 18" aria-hidden="true" class="legend-mark">
                <Marker shape="recorded" x={0} y={0} later />
              </svg>
              {laterInWords(props.time).toLowerCase()}
            </li>
          )}
        </ul>
        <p class="muted">
          Placed by when each thing happened in the world, in the timeline's order (a time known only to the day at the
          start of that day in the desk's time zone, an answer never before the report it answers); ticks in your time
          zone ({zoneName()}).
          {layout.apart && ' Reviews that came long after the story are drawn apart, beyond the break.'}
          {props.rows.length > rows.length &&
            ` Showing the ${rows.length} claims with the latest developments of ${props.rows.length}; every claim is listed below.`}
        </p>
      </figcaption>
    </figure>
  );
}

function ChartDrawing(props: { rows: ChartRow[]; points: ChartPoint[]; layout: TimelineLayout }) {
  const { rows, points, layout } = props;
  const { axis, apart } = layout;
  const height = AXIS_HEIGHT + rows.length * ROW_HEIGHT + 12;
  const byTime = points.map(({ entry }) => entry).sort((a, b) => placeOf(a) - placeOf(b));
  const when = (entry: TimelineEntry) => formatOccurred(entry.occurredAt, entry.occurredAtPrecision);
  const description =
    byTime.length === 0
      ? 'No developments yet.'
      : `${points.length} developments of ${rows.length} claims between ${when(byTime[0])} and ${when(byTime[byTime.length - 1])}.`;
  return (
    <svg
      class="timeline-drawing"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="group"
      aria-label={`Timeline chart. ${description}`}
      preserveAspectRatio="xMinYMin meet"
    >
      {axis.ticks.map((tick) => (
        <g key={tick.at} class="tick">
          <line x1={tick.at} x2={tick.at} y1={AXIS_HEIGHT - 6} y2={height - 8} />
          {tick.dayLabel && (
            <text class="tick-day" x={tick.at} y={13} text-anchor="middle">
              {tick.dayLabel}
            </text>
          )}
          <text x={tick.at} y={28} text-anchor="middle">
            {tick.label}
          </text>
        </g>
      ))}
      {rows.map((row, index) =>
        index % 2 === 0 ? (
          <rect
            key={row.claimId}
            class="row-band"
            x={0}
            y={AXIS_HEIGHT + index * ROW_HEIGHT}
            width={WIDTH}
            height={ROW_HEIGHT}
          />
        ) : null,
      )}
      {apart && <ApartColumnHead left={apart.left} right={apart.right} label={apart.label} height={height} />}
      {rows.map((row, index) => (
        <ChartRowDrawing
          key={row.claimId}
          row={row}
          y={AXIS_HEIGHT + index * ROW_HEIGHT + ROW_HEIGHT / 2}
          marks={layout.byClaim.get(row.claimId) ?? []}
        />
      ))}
    </svg>
  );
}

/** The break, and above the column beyond it the dates of what is drawn there. */
function ApartColumnHead(props: { left: number; right: number; label: string; height: number }) {
  const breakAt = props.left - 10;
  return (
    <g class="apart">
      <rect
        class="apart-band"
        x={props.left}
        y={AXIS_HEIGHT - 6}
        width={props.right - props.left}
        height={props.height - AXIS_HEIGHT}
      />
      <path class="axis-break" d={`M${breakAt - 6} ${AXIS_HEIGHT - 2}l6 -10M${breakAt} ${AXIS_HEIGHT - 2}l6 -10`} />
      <text class="tick-day" x={(props.left + props.right) / 2} y={13} text-anchor="middle">
        later
      </text>
      <text class="apart-date" x={(props.left + props.right) / 2} y={28} text-anchor="middle">
        {props.label}
      </text>
    </g>
  );
}

function ChartRowDrawing(props: { row: ChartRow; y: number; marks: PlacedPoint[] }) {
  const { row, y, marks } = props;
  const onAxis = marks.filter((mark) => !mark.apart).map((mark) => mark.x);
  return (
    <g class={`row tone-${CLAIM_STATUS_META[row.status].tone}${row.later ? ' row-later' : ''}`}>
      <text class="row-label" x={10} y={y - 3}>
        <title>{row.label}</title>
        {truncate(row.label, 30)}
      </text>
      <text class="row-status" x={10} y={y + 12}>
        {truncate(rowFacts(row), 40)}
      </text>
      {onAxis.length > 1 && <line class="row-line" x1={Math.min(...onAxis)} x2={Math.max(...onAxis)} y1={y} y2={y} />}
      {marks.map((mark) => {
        const words = markInWords(mark);
        return (
          <g key={mark.entry.eventId} class="mark" role="img" aria-label={words}>
            <title>{words}</title>
            <Marker shape={shapeOf(mark.entry)} x={mark.x} y={y} later={mark.later} />
          </g>
        );
      })}
    </g>
  );
}
