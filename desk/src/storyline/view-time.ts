import { formatTime } from '../format/time';

/**
 * The time a view shows: knowledge time (`asOf`, what the desk had recorded by then), world time
 * (`asOccurred`, what had happened in the world by then), both, or neither (now). Both ride in the
 * address, so a view of the past can be linked and reloaded.
 */
export interface ViewTime {
  asOf?: string;
  asOccurred?: string;
}

export const NOW: ViewTime = {};

export function viewTimeOf(query: Record<string, string | undefined>): ViewTime {
  return {
    ...(query.asOf ? { asOf: query.asOf } : {}),
    ...(query.asOccurred ? { asOccurred: query.asOccurred } : {}),
  };
}

export const isPast = (time: ViewTime): boolean => time.asOf !== undefined || time.asOccurred !== undefined;

/** The query string of a view at that time: empty for now. */
export function viewTimeQuery(time: ViewTime): string {
  const parts = [
    ...(time.asOf ? [`asOf=${encodeURIComponent(time.asOf)}`] : []),
    ...(time.asOccurred ? [`asOccurred=${encodeURIComponent(time.asOccurred)}`] : []),
  ];
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

/** Which time is shown, in a sentence: the banner's heading and the time control's "Shown:" line. */
export function viewTimeInWords(time: ViewTime): string {
  const known = time.asOf && formatTime(time.asOf, { seconds: true });
  const occurred = time.asOccurred && formatTime(time.asOccurred, { seconds: true });
  if (known && occurred) return `What the desk knew at ${known} about the world at ${occurred}`;
  if (known) return `As the desk knew it at ${known}`;
  if (occurred) return `As things stood in the world at ${occurred}, as the desk knows it now`;
  return 'Now: everything the desk has recorded';
}

/** What the desk knows now and a view of the past leaves out: a claim or development made, or recorded, after it. */
export const laterInWords = (time: ViewTime): string =>
  time.asOccurred ? 'Made or recorded after the moment shown' : 'Recorded after the moment shown';

/** What a view of the past leaves out. */
export function leftOutInWords(time: ViewTime): string {
  if (time.asOf && time.asOccurred) return 'Only what had happened by then and had been recorded by then.';
  if (time.asOf) return 'Only what had been recorded by then.';
  return 'Only what had happened in the world by then; a date known to the day or month counts from its start.';
}
