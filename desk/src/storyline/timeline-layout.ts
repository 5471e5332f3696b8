import { ClaimKind, ClaimStatus, TimelineEntry } from '../api/types';
import { formatDate } from '../format/time';
import { TimeAxis, timeAxis } from './time-axis';

export interface ChartRow {
  claimId: string;
  /** The claim in a few words: its summary, else its statement. */
  label: string;
  claimant: string;
  status: ClaimStatus;
  kind?: ClaimKind;
  /** Recorded after the moment shown. */
  later?: boolean;
}

export interface ChartPoint {
  entry: TimelineEntry;
  later?: boolean;
}

export interface PlacedPoint extends ChartPoint {
  x: number;
  /** Its place in the points laid out: the API's timeline order (see status-rules.md, a timeline's order). */
  order: number;
  /** Drawn beyond the break, apart from the developments in the world. */
  apart: boolean;
}

/** Where the marks beyond the break go, and the dates they span. */
export interface ApartColumn {
  left: number;
  right: number;
  label: string;
}

export interface TimelineLayout {
  axis: TimeAxis;
  apart?: ApartColumn;
  /** Each row's marks, left to right, spread where they would hide each other. */
  byClaim: Map<string, PlacedPoint[]>;
}

/** The desk's and other fact-checkers' reviews: about the story, not developments in it. */
const REVIEWS = new Set(['ClaimVerdictIssued', 'ClaimFactChecked']);

const LONG_AFTER_MS = 30 * 24 * 60 * 60 * 1000;
/** The least distance between the centres of two marks in a row, in chart units. */
export const MARK_SPACING = 18;
const APART_WIDTH = 120;

/**
 * Where a mark sits in time: the API's place for it (`placedAt`: a day in the desk's time zone, an
 * answer never before the report it answers), else its own occurredAt.
 */
export const placeOf = (entry: TimelineEntry) => Date.parse(entry.placedAt ?? entry.occurredAt);
const timeOf = (point: ChartPoint) => placeOf(point.entry);

/**
 * The axis spans the developments in the world. A review that came long after them (after more than
 * the world's own span again, and more than a month) is drawn apart, beyond a break, so a verdict
 * recorded years on does not squeeze the story into a corner.
 */
export function isApart(point: ChartPoint, worldEnd: number, worldSpan: number): boolean {
  return REVIEWS.has(point.entry.type) && timeOf(point) - worldEnd > Math.max(worldSpan, LONG_AFTER_MS);
}

/**
 * Spreads positions that lie closer than `spacing` around their cluster's centre, in their order, so
 * marks on the same day sit side by side instead of on top of each other; none goes left of `min`.
 */
export function spread(xs: number[], spacing = MARK_SPACING, min = -Infinity): number[] {
  const order = xs.map((x, index) => ({ x, index })).sort((a, b) => a.x - b.x);
  const placed = new Array<number>(xs.length);
  let previous = min - spacing;
  let start = 0;
  while (start < order.length) {
    let end = start + 1;
    while (end < order.length && order[end].x - order[end - 1].x < spacing) end++;
    const cluster = order.slice(start, end);
    const centre = (cluster[0].x + cluster[cluster.length - 1].x) / 2;
    for (const [rank, { index }] of cluster.entries()) {
      previous = Math.max(centre + (rank - (cluster.length - 1) / 2) * spacing, previous + spacing);
      placed[index] = previous;
    }
    start = end;
  }
  return placed;
}

function apartLabel(points: ChartPoint[]): string {
  const times = points.map(timeOf);
  const [from, to] = [formatDate(Math.min(...times)), formatDate(Math.max(...times))];
  return from === to ? from : `${from} – ${to}`;
}

/** Places every mark: on the world's axis, or in the column beyond the break. */
export function layOut(
  points: ChartPoint[],
  left: number,
  right: number,
  options: { wholeDays?: boolean } = {},
): TimelineLayout {
  const world = points.filter((point) => !REVIEWS.has(point.entry.type)).map(timeOf);
  const [worldStart, worldEnd] = [Math.min(...world), Math.max(...world)];
  const apartPoints = world.length > 0 ? points.filter((point) => isApart(point, worldEnd, worldEnd - worldStart)) : [];
  const apartIds = new Set(apartPoints.map((point) => point.entry.eventId));
  const onAxis = points.filter((point) => !apartIds.has(point.entry.eventId)).map(timeOf);
  const [start, end] = onAxis.length > 0 ? [Math.min(...onAxis), Math.max(...onAxis)] : [Date.now(), Date.now()];
  const axisRight = apartPoints.length > 0 ? right - APART_WIDTH : right;
  const axis = timeAxis(start, end, left, axisRight, options);
  const apart = apartPoints.length > 0 ? { left: axisRight + 20, right, label: apartLabel(apartPoints) } : undefined;
  const apartCentre = apart ? (apart.left + apart.right) / 2 : 0;

  const order = new Map(points.map((point, index) => [point, index]));
  const rows = new Map<string, ChartPoint[]>();
  // By place, then in the order the points came (the API's: log position), as the timeline orders them.
  for (const point of [...points].sort((a, b) => timeOf(a) - timeOf(b) || (order.get(a) ?? 0) - (order.get(b) ?? 0))) {
    const claimId = point.entry.claimId;
    if (claimId !== undefined) rows.set(claimId, [...(rows.get(claimId) ?? []), point]);
  }
  const isApartPoint = (point: ChartPoint) => apartIds.has(point.entry.eventId);
  const byClaim = new Map<string, PlacedPoint[]>();
  for (const [claimId, own] of rows) {
    const xs = spread(
      own.map((point) => (isApartPoint(point) ? apartCentre : axis.x(timeOf(point)))),
      MARK_SPACING,
      left,
    );
    byClaim.set(
      claimId,
      own.map((point, index) => ({
        ...point,
        x: xs[index],
        order: order.get(point) ?? index,
        apart: isApartPoint(point),
      })),
    );
  }
  return { axis, apart, byClaim };
}
