import { RetractionEntry } from './claim.state';

/** "Withdrawn by Financial Times." or "Deleted without comment by Financial Times." */
export const retractionInWords = ({ kind, by }: Pick<RetractionEntry, 'kind' | 'by'>): string =>
  kind === 'deleted' ? `Deleted without comment by ${by.name}.` : `Withdrawn by ${by.name}.`;
