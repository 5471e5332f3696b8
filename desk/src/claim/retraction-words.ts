/** As the API's RETRACTION_KINDS; a retraction recorded before they existed has none and was withdrawn. */
const deleted = (kind?: string) => kind === 'deleted';

/** "Withdrawn by" or "Deleted without comment by", before the party's name. */
export const retractedBy = (kind?: string): string => (deleted(kind) ? 'Deleted without comment by' : 'Withdrawn by');

/** What the party did, after its name: "withdrew it" or "deleted it without comment". */
export const retractedIt = (kind?: string): string => (deleted(kind) ? 'deleted it without comment' : 'withdrew it');

/** After a name, of some claim: "retracted a claim" or "deleted a claim without comment". */
export const retractedAClaim = (kind?: unknown): string =>
  kind === 'deleted' ? 'deleted a claim without comment' : 'retracted a claim';
