import { PartyInput } from '../api/command-bodies';
import { PartyField } from './party-field';

const NO_CO_AUTHOR: PartyInput = { name: '', kind: 'media' };

/** The co-authors named, trimmed; none when no name was typed, so `with` is left out (an empty one is refused). */
export function coAuthorsToSend(coAuthors: PartyInput[]): PartyInput[] | undefined {
  const named = coAuthors.map((party) => ({ ...party, name: party.name.trim() })).filter((party) => party.name);
  return named.length > 0 ? named : undefined;
}

/**
 * "Written jointly with": the co-authors of the piece (`with`), each through the registry's picker. They
 * count as one source with the author for this piece only.
 */
export function CoAuthorsField(props: { value: PartyInput[]; onChange: (value: PartyInput[]) => void }) {
  const { value, onChange } = props;
  const replace = (index: number, party: PartyInput) => onChange(value.map((old, at) => (at === index ? party : old)));
  return (
    <fieldset class="co-authors-field">
      <legend>
        Written jointly with <span class="muted">(optional)</span>
      </legend>
      <p class="hint">The co-authors of the same piece: with the author, one source for this piece only.</p>
      {value.map((party, index) => (
        <div class="co-author" key={index}>
          <PartyField
            name={`with.${index}`}
            label={`Co-author ${index + 1}`}
            required
            value={party}
            onChange={(changed) => replace(index, changed)}
          />
          <button
            type="button"
            class="link-button"
            onClick={() => onChange(value.filter((_, at) => at !== index))}
          >
            Remove co-author {index + 1}
          </button>
        </div>
      ))}
      <button type="button" class="link-button" onClick={() => onChange([...value, NO_CO_AUTHOR])}>
        Add co-author
      </button>
    </fieldset>
  );
}
