/** The desk's own addresses; `asOf` rides along so a past view stays in the past when followed. */
const withAsOf = (path: string, asOf?: string) => (asOf ? `${path}?asOf=${encodeURIComponent(asOf)}` : path);

export const storylineAddress = (id: string, asOf?: string) =>
  withAsOf(`/desk/storylines/${encodeURIComponent(id)}`, asOf);

export const claimAddress = (id: string, asOf?: string) => withAsOf(`/desk/claims/${encodeURIComponent(id)}`, asOf);

export const partyAddress = (id: string, asOf?: string) => withAsOf(`/desk/parties/${encodeURIComponent(id)}`, asOf);

/** The capture page, opened on a storyline when it is given. */
export const captureAddress = (storylineId?: string) =>
  storylineId ? `/desk/capture?storyline=${encodeURIComponent(storylineId)}` : '/desk/capture';
