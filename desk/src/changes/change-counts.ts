import { Changes } from '../api/changes-types';
import { ChangeCounts, developmentTotal } from './changes-words';

/**
 * The counts of the panel's one line. Storylines come in the order they were opened, so those that
 * moved (opened before `since`) come first: when the page ends with one opened since, every one that
 * moved is on it.
 */
export function countsOf(answer: { changes: Changes; needReview: unknown[] }): ChangeCounts {
  const { changes } = answer;
  const moved = changes.storylines.filter((storyline) => storyline.before).length;
  const opened = changes.storylines.length - moved;
  const unlisted = changes.totals.storylines - changes.storylines.length;
  const lastOpenedSince = changes.storylines.at(-1)?.before === undefined && changes.storylines.length > 0;
  return {
    claimsMoved: changes.totals.claimsChanged,
    needReview: answer.needReview.length,
    claimsAdded: changes.totals.claimsAdded,
    storylinesMoved: moved,
    storylinesOpened: opened + (lastOpenedSince ? unlisted : 0),
    storylinesOther: lastOpenedSince ? 0 : unlisted,
    developments: developmentTotal(changes.developments.total),
  };
}
