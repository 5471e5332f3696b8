import { useState } from 'preact/hooks';
import { PartyListItem } from '../api/party-types';
import { partyAddress } from '../ui/addresses';
import { useAffiliations, usePartySuggestions } from './use-party-suggestions';

/** A party as a form holds it: the registered id once one is picked, else only the name typed. */
export interface PartyChoice {
  id?: string;
  name: string;
  kind?: string;
}

export interface PartyPickerProps {
  id: string;
  /** The API's field path (`claimant.name`), as every field of a form carries it. */
  name?: string;
  value: PartyChoice;
  onChange: (value: PartyChoice) => void;
  /** Affiliations and merges need a registered party: a name nobody registered is said to be of no use. */
  registeredOnly?: boolean;
  /** A party that may not be picked (the one the form is about). */
  exclude?: string;
  required?: boolean;
  describedBy?: string;
  invalid?: boolean;
}

const choiceOf = (party: PartyListItem): PartyChoice => ({ id: party.id, name: party.name, kind: party.kind });

/**
 * The ARIA combobox pattern (an input with a listbox popup): suggestions from the registry as the
 * editor types; ArrowDown / ArrowUp move through them, Enter picks, Escape closes the list.
 */
export function PartyPicker(props: PartyPickerProps) {
  const { value } = props;
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const found = usePartySuggestions(value.name, value.name.trim() !== '');
  const current = found?.text === value.name ? found : undefined;
  const options = (current?.matches ?? []).filter((party) => party.id !== props.exclude);
  const affiliations = useAffiliations(open ? options.slice(0, 5).map((party) => party.id) : []);
  const listId = `${props.id}-suggestions`;
  const statusId = `${props.id}-status`;
  const expanded = open && options.length > 0;

  const pick = (party: PartyListItem) => {
    props.onChange(choiceOf(party));
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!expanded) {
        setOpen(true);
        setActive(event.key === 'ArrowDown' ? 0 : options.length - 1);
        return;
      }
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((index) => (index + step + options.length + 1) % (options.length + 1));
    } else if (event.key === 'Enter' && expanded && options[active]) {
      event.preventDefault();
      pick(options[active]);
    } else if (event.key === 'Escape' && expanded) {
      // Closing the list is all Escape does here; the form around it stays open.
      event.stopPropagation();
      setOpen(false);
      setActive(-1);
    }
  };

  return (
    <div class="party-picker">
      <input
        id={props.id}
        name={props.name}
        type="text"
        role="combobox"
        autocomplete="off"
        spellcheck={false}
        dir="auto"
        required={props.required}
        aria-autocomplete="list"
        aria-expanded={expanded ? 'true' : 'false'}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        aria-describedby={[statusId, props.describedBy].filter(Boolean).join(' ')}
        aria-invalid={props.invalid ? 'true' : undefined}
        value={value.name}
        onInput={(event) => {
          props.onChange({ name: event.currentTarget.value, kind: value.kind });
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      <ul id={listId} role="listbox" aria-label="Registered parties" class="party-suggestions" hidden={!expanded}>
        {options.map((party, index) => (
          <li
            key={party.id}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active ? 'true' : 'false'}
            class={index === active ? 'active' : undefined}
            // Picking on mousedown keeps the focus in the input (blur would close the list first).
            onMouseDown={(event) => {
              event.preventDefault();
              pick(party);
            }}
          >
            <span dir="auto">{party.name}</span> <span class="muted">({party.kind})</span>
            <SuggestionFacts party={party} affiliations={affiliations.get(party.id)} />
          </li>
        ))}
      </ul>
      <p id={statusId} class="hint picker-status" aria-live="polite">
        <PickerStatus {...props} found={current} onPick={pick} />
      </p>
    </div>
  );
}

function SuggestionFacts(props: { party: PartyListItem; affiliations?: string[] }) {
  const facts = [
    ...(props.party.aliases.length ? [`also ${props.party.aliases.slice(0, 2).join(', ')}`] : []),
    ...(props.affiliations ?? []),
    ...(props.party.discredited ? ['discredited'] : []),
  ];
  return facts.length ? <span class="suggestion-facts">{facts.join(' · ')}</span> : null;
}

function PickerStatus(
  props: PartyPickerProps & { found?: ReturnType<typeof usePartySuggestions>; onPick: (party: PartyListItem) => void },
) {
  const { value, found } = props;
  const typed = value.name.trim();
  if (value.id) {
    return (
      <>
        Registered party: <a href={partyAddress(value.id)}>{value.name}</a>
        {value.kind && ` (${value.kind})`}.
      </>
    );
  }
  if (typed === '' || !found) return <>Type a name or an alias to find a registered party.</>;
  if (found.same) {
    return (
      <>
        “{typed}” is the registered party {found.same.name} ({found.same.kind}):{' '}
        <button type="button" class="link-button" onClick={() => found.same && props.onPick(found.same)}>
          use it
        </button>
        .
      </>
    );
  }
  const near = found.near[0];
  return (
    <>
      {props.registeredOnly
        ? `No registered party answers to “${typed}”: pick one from the list.`
        : `No registered party answers to “${typed}”: it will stay an unregistered mention.`}
      {near && (
        <>
          {' '}
          Did you mean{' '}
          <button type="button" class="link-button" onClick={() => props.onPick(near.party)}>
            {near.party.name}
          </button>
          {near.close !== near.party.name && ` (written “${near.close}”)`}?
        </>
      )}
    </>
  );
}
