/** A proposal's place in the article. */
export interface Highlight {
  index: number;
  start: number;
  end: number;
}

/** A run of the article's text and the proposal it shows (the shortest one that covers it), if any. */
export interface Segment {
  start: number;
  end: number;
  index?: number;
  /** The proposals that begin here, their markers written before the run. */
  begins: number[];
}

/**
 * The article cut at every highlight's start and end, so overlapping and nested proposals (a quotation
 * inside a report) each keep their marker and the innermost one colours the words.
 */
export function segmentsOf(length: number, highlights: Highlight[]): Segment[] {
  const valid = highlights.filter(
    (highlight) => highlight.start >= 0 && highlight.end <= length && highlight.start < highlight.end,
  );
  const cuts = [...new Set([0, length, ...valid.flatMap((highlight) => [highlight.start, highlight.end])])].sort(
    (left, right) => left - right,
  );
  const segments: Segment[] = [];
  for (let cut = 0; cut < cuts.length - 1; cut++) {
    const [start, end] = [cuts[cut], cuts[cut + 1]];
    const covering = valid
      .filter((highlight) => highlight.start <= start && highlight.end >= end)
      .sort((left, right) => left.end - left.start - (right.end - right.start));
    segments.push({
      start,
      end,
      index: covering[0]?.index,
      begins: valid.filter((highlight) => highlight.start === start).map((highlight) => highlight.index),
    });
  }
  return segments;
}
