import { Storyline } from '../api/types';
import { Icon } from '../status/icons';
import { retractedInWords } from './retracted-words';

/** How many of the storyline's factual claims were retracted; nothing when none was. */
export function RetractedClaims({ storyline }: { storyline: Pick<Storyline, 'retractedClaims' | 'counts'> }) {
  const retracted = storyline.retractedClaims ?? 0;
  if (retracted <= 0) return null;
  return (
    <span class="badge tone-muted badge-retracted">
      <Icon name="undo" />
      {retractedInWords(retracted, storyline.counts.retracted ?? 0)}
    </span>
  );
}
