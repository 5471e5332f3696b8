import { ViewTime, viewTimeQuery } from '../storyline/view-time';

/**
 * The desk's own addresses; the time shown rides along (`asOf`, or both `asOf` and `asOccurred`)
 * so a past view stays in the past when followed.
 */
const at = (path: string, time?: string | ViewTime) =>
  `${path}${viewTimeQuery(typeof time === 'string' ? { asOf: time } : (time ?? {}))}`;

export const storylineAddress = (id: string, time?: string | ViewTime) =>
  at(`/desk/storylines/${encodeURIComponent(id)}`, time);

export const claimAddress = (id: string, time?: string | ViewTime) =>
  at(`/desk/claims/${encodeURIComponent(id)}`, time);

export const partyAddress = (id: string, asOf?: string) => at(`/desk/parties/${encodeURIComponent(id)}`, asOf);

/** The capture page, opened on a storyline when it is given. */
export const captureAddress = (storylineId?: string) =>
  storylineId ? `/desk/capture?storyline=${encodeURIComponent(storylineId)}` : '/desk/capture';
