import { ClaimKind, ClaimStatus, TimelineEntry, TimePrecision } from '../api/types';
import { KIND_META } from '../claim/kinds';
import { formatOccurred, formatTime } from '../format/time';
import { CLAIM_STATUS_META } from '../status/status-meta';
import { timeAxis } from './time-axis';

export interface ChartRow {
  claimId: string;
  label: string;
  status: ClaimStatus;
  kind?: ClaimKind;
  /** Recorded after the moment shown. */
  later?: boolean;
}

export interface ChartPoint {
  entry: TimelineEntry;
  later?: boolean;
}

const WIDTH = 960;
const LABEL_WIDTH = 230;
const AXIS_HEIGHT = 40;
const ROW_HEIGHT = 40;
const MAX_ROWS = 30;

type Shape = 'recorded' | 'support' | 'contradiction' | 'verdict' | 'retraction' | 'correction' | 'fact-check';

const SHAPE_OF: Record<string, Shape> = {
  ClaimRecorded: 'recorded',
  ClaimSupported: 'support',
  ClaimContradicted: 'contradiction',
  ClaimVerdictIssued: 'verdict',
  ClaimRetracted: 'retraction',
  ClaimCorrected: 'correction',
  ClaimFactChecked: 'fact-check',
};

export const SHAPE_LABELS: Record<Shape, string> = {
  recorded: 'claim made',
  support: 'support',
  contradiction: 'contradiction',
  verdict: 'desk verdict',
  retraction: 'retraction',
  correction: 'correction',
  'fact-check': 'outside fact-check',
};

/** A five-pointed star around (x, y). */
function starPath(x: number, y: number, outer = 8, inner = 3.6): string {
  const points = Array.from({ length: 10 }, (_, index) => {
    const radius = index % 2 === 0 ? outer : inner;
    const angle = -Math.PI / 2 + (index * Math.PI) / 5;
    return `${(x + radius * Math.cos(angle)).toFixed(2)} ${(y + radius * Math.sin(angle)).toFixed(2)}`;
  });
  return `M${points.join('L')}Z`;
}

export function Marker(props: { shape: Shape; x: number; y: number; later?: boolean }) {
  const { shape, x, y } = props;
  const className = `marker marker-${shape}${props.later ? ' marker-later' : ''}`;
  switch (shape) {
    case 'recorded':
      return <circle class={className} cx={x} cy={y} r={6} />;
    case 'support':
      return <path class={className} d={`M${x} ${y - 7}L${x + 7} ${y + 5}H${x - 7}Z`} />;
    case 'contradiction':
      return <path class={className} d={`M${x} ${y + 7}L${x + 7} ${y - 5}H${x - 7}Z`} />;
    case 'verdict':
      return <path class={className} d={`M${x} ${y - 7}L${x + 7} ${y}L${x} ${y + 7}L${x - 7} ${y}Z`} />;
    case 'retraction':
      return <rect class={className} x={x - 5.5} y={y - 5.5} width={11} height={11} />;
    case 'correction':
      return <rect class={className} x={x - 2} y={y - 8} width={4} height={16} />;
    case 'fact-check':
      // A star: an outside fact-checker's rating, never to be mistaken for the desk's diamond.
      return <path class={className} d={starPath(x, y)} />;
  }
}

const truncate = (text: string, length: number) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

/** Picks the rows to draw: every claim when they fit, else those that moved most recently. */
function visibleRows(rows: ChartRow[], points: ChartPoint[]): ChartRow[] {
  if (rows.length <= MAX_ROWS) return rows;
  const latest = new Map<string, number>();
  for (const { entry } of points) {
    if (entry.claimId)
      latest.set(entry.claimId, Math.max(latest.get(entry.claimId) ?? 0, Date.parse(entry.occurredAt)));
  }
  const keep = new Set(
    [...rows]
      .sort((a, b) => (latest.get(b.claimId) ?? 0) - (latest.get(a.claimId) ?? 0))
      .slice(0, MAX_ROWS)
      .map((row) => row.claimId),
  );
  return rows.filter((row) => keep.has(row.claimId));
}

/** The storyline's developments drawn by when they happened: one row per claim, one mark per development. */
export function TimelineChart(props: {
  rows: ChartRow[];
  points: ChartPoint[];
  asOf?: string;
  /** How precisely an entry's time is known, where the claims' views say so. */
  precisionOf?: (entry: TimelineEntry) => TimePrecision | undefined;
}) {
  const rows = visibleRows(props.rows, props.points);
  const rowIndex = new Map(rows.map((row, index) => [row.claimId, index]));
  const points = props.points.filter(({ entry }) => entry.claimId !== undefined && rowIndex.has(entry.claimId));
  const height = AXIS_HEIGHT + rows.length * ROW_HEIGHT + 12;
  // Only once the claims' views tell how precisely each time is known; until then hours may show.
  const wholeDays =
    props.precisionOf !== undefined &&
    points.length > 0 &&
    points.every(({ entry }) => props.precisionOf?.(entry) !== undefined);
  const axis = timeAxis(
    points.map(({ entry }) => entry.occurredAt),
    LABEL_WIDTH + 16,
    WIDTH - 20,
    { wholeDays },
  );
  const instants = points.map(({ entry }) => Date.parse(entry.occurredAt));
  const description =
    points.length === 0
      ? 'No developments yet.'
      : `${points.length} developments of ${rows.length} claims between ${formatTime(new Date(Math.min(...instants)).toISOString())} and ${formatTime(new Date(Math.max(...instants)).toISOString())}.`;
  const shapesUsed = new Set(points.map(({ entry }) => SHAPE_OF[entry.type] ?? 'recorded'));

  return (
    <figure class="timeline-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
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
        {rows.map((row, index) => {
          const y = AXIS_HEIGHT + index * ROW_HEIGHT + ROW_HEIGHT / 2;
          const own = points.filter(({ entry }) => entry.claimId === row.claimId);
          const xs = own.map(({ entry }) => axis.x(entry.occurredAt));
          const meta = CLAIM_STATUS_META[row.status];
          return (
            <g key={row.claimId} class={`row tone-${meta.tone}${row.later ? ' row-later' : ''}`}>
              {index % 2 === 0 && (
                <rect class="row-band" x={0} y={y - ROW_HEIGHT / 2} width={WIDTH} height={ROW_HEIGHT} />
              )}
              <text class="row-label" x={10} y={y - 3}>
                {truncate(row.label, 30)}
              </text>
              <text class="row-status" x={10} y={y + 12}>
                {meta.label}
                {row.kind && row.kind !== 'factual' ? ` · ${KIND_META[row.kind].label.toLowerCase()}` : ''}
                {row.later ? ' · recorded later' : ''}
              </text>
              {xs.length > 0 && <line class="row-line" x1={Math.min(...xs)} x2={Math.max(...xs)} y1={y} y2={y} />}
              {own.map(({ entry, later }) => (
                <g key={entry.eventId}>
                  <title>{`${entry.summary} — happened ${formatOccurred(entry.occurredAt, props.precisionOf?.(entry))}, recorded ${formatTime(entry.recordedAt, { seconds: true })}${later ? ' (after the moment shown)' : ''}`}</title>
                  <Marker shape={SHAPE_OF[entry.type] ?? 'recorded'} x={axis.x(entry.occurredAt)} y={y} later={later} />
                </g>
              ))}
            </g>
          );
        })}
      </svg>
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
          {props.asOf && points.some((point) => point.later) && (
            <li>
              <svg viewBox="-9 -9 18 18" aria-hidden="true" class="legend-mark">
                <Marker shape="recorded" x={0} y={0} later />
              </svg>
              recorded after the moment shown
            </li>
          )}
        </ul>
        <p class="muted">
          Placed by when each thing happened in the world (occurredAt), in your time zone.
          {props.rows.length > rows.length &&
            ` Showing the ${rows.length} claims with the latest developments of ${props.rows.length}; every claim is listed below.`}
        </p>
      </figcaption>
    </figure>
  );
}
