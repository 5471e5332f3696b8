import { useState } from 'preact/hooks';
import { CommandResult } from '../api/desk-api';
import { registerParty } from '../api/registry-commands';
import { PARTY_KINDS, PartyKind } from '../api/types';
import { SelectField, TextArea, TextField } from '../forms/fields';
import { FormPanel } from '../forms/form-panel';
import { partyAddress } from '../ui/addresses';
import { asTakenNameError, holderOf, TakenBy } from './taken-name';
import { suggestParties, usePartySuggestions } from './use-party-suggestions';

export interface NameToRegister {
  /** The slug mentions already carry: registering under it takes them over. */
  id?: string;
  name: string;
  kind?: string;
}

const KIND_OPTIONS = PARTY_KINDS.map((kind) => ({ value: kind, label: kind }));

const linesOf = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** A near-duplicate is registered only once the editor has said that it is another party. */
class NearDuplicate extends Error {}

export function RegisterPartyForm(props: {
  start?: NameToRegister;
  onRecorded: (result: CommandResult, name: string) => void;
  onClose: () => void;
}) {
  const [name, setName] = useState(props.start?.name ?? '');
  const [kind, setKind] = useState<PartyKind>((props.start?.kind as PartyKind | undefined) ?? 'person');
  const [aliases, setAliases] = useState('');
  const [anotherParty, setAnotherParty] = useState(false);
  const [holder, setHolder] = useState<string>();
  const found = usePartySuggestions(name);
  const current = found?.text === name ? found : undefined;
  const near = current?.near[0];

  const send = async (options: Parameters<typeof registerParty>[1]) => {
    if (!anotherParty) {
      const check = await suggestParties(name);
      const close = check.near[0];
      if (close) {
        throw new NearDuplicate(
          `“${name.trim()}” is close to the registered “${close.close}” (${close.party.name}). Did you mean that party? If not, tick “It is another party” and register again.`,
        );
      }
    }
    setHolder(undefined);
    const id = props.start?.id;
    return registerParty({ ...(id ? { id } : {}), name: name.trim(), kind, aliases: linesOf(aliases) }, options).catch(
      (error: unknown) => {
        setHolder(holderOf(error));
        throw asTakenNameError(error, (quoted) =>
          quoted !== undefined && quoted !== name.trim() ? 'aliases' : 'name',
        );
      },
    );
  };

  return (
    <FormPanel
      id="register-party"
      title={props.start ? `Register “${props.start.name}”` : 'Register party'}
      submitLabel="Register party"
      refusal="Registering parties needs an editor key."
      send={send}
      onRecorded={(result) => props.onRecorded(result, name.trim())}
      onClose={props.onClose}
    >
      <TextField name="name" label="Name" required maxLength={200} value={name} onValue={setName} />
      <div class="name-check" aria-live="polite">
        <TakenBy partyId={holder} />
        {!holder && current?.same && (
          <p class="notice tone-caution">
            Already registered: <a href={partyAddress(current.same.id)}>{current.same.name}</a> ({current.same.kind})
            answers to “{name.trim()}”.
          </p>
        )}
        {!holder && near && (
          <div class="notice tone-caution">
            <p>
              Did you mean <a href={partyAddress(near.party.id)}>{near.party.name}</a> ({near.party.kind})
              {near.close !== near.party.name && <>, also written “{near.close}”</>}?
            </p>
            <label class="checkbox">
              <input
                type="checkbox"
                checked={anotherParty}
                onChange={(event) => setAnotherParty(event.currentTarget.checked)}
              />{' '}
              It is another party: register “{name.trim()}” as a party of its own
            </label>
          </div>
        )}
      </div>
      <SelectField name="kind" label="Kind" required value={kind} onValue={setKind} options={KIND_OPTIONS} />
      <TextArea
        name="aliases"
        label="Aliases"
        hint="Other names mentions use, one a line: spellings, transliterations, translations."
        rows={3}
        value={aliases}
        onValue={setAliases}
      />
    </FormPanel>
  );
}
