import { useState } from 'preact/hooks';
import { useOpened } from '../forms/use-opened';
import { CommandResult } from '../api/desk-api';
import { CommandOptions } from '../api/desk-commands';
import { PartyView } from '../api/party-types';
import { PARTY_KINDS } from '../api/types';
import { PartyRevision, reviseParty } from '../api/registry-commands';
import { SelectField, TextField } from '../forms/fields';
import { FormPanel } from '../forms/form-panel';
import { asTakenNameError, holderOf, TakenBy } from './taken-name';

const KIND_OPTIONS = PARTY_KINDS.map((kind) => ({ value: kind, label: kind }));

/** Only what the editor changed: the API records no event for a revision that changes nothing. */
function changesOf(party: PartyView, name: string, kind: string, removed: string[]): PartyRevision {
  const renamed = name.trim();
  return {
    ...(renamed !== party.name ? { name: renamed } : {}),
    ...(kind !== party.kind ? { kind } : {}),
    ...(removed.length > 0 ? { removeAliases: removed } : {}),
  };
}

/** Rename a party, change its kind, drop aliases that were wrong; sent with If-Match on the revision shown. */
export function RevisePartyForm(props: {
  party: PartyView;
  refusal: string;
  onRecorded: (result: CommandResult) => void;
  onClose: () => void;
  onReload: () => void;
}) {
  const {
    opened: party,
    fields,
    setFields,
    rebase,
  } = useOpened(props.party, (view) => ({
    name: view.name,
    kind: view.kind,
  }));
  const { name, kind } = fields;
  const setName = (value: string) => setFields({ ...fields, name: value });
  const setKind = (value: typeof kind) => setFields({ ...fields, kind: value });
  const [removed, setRemoved] = useState<string[]>([]);
  const [holder, setHolder] = useState<string>();
  const toggle = (alias: string, remove: boolean) =>
    setRemoved(remove ? [...removed, alias] : removed.filter((other) => other !== alias));
  const send = (options: CommandOptions) =>
    reviseParty(party.id, changesOf(party, name, kind, removed), options).catch((error: unknown) => {
      setHolder(holderOf(error));
      throw asTakenNameError(error, () => 'name');
    });
  return (
    <FormPanel
      id="revise-party"
      title={`Revise ${party.name}`}
      submitLabel="Revise party"
      refusal={props.refusal}
      ifMatch={party.revision}
      send={send}
      onRecorded={props.onRecorded}
      onClose={props.onClose}
      onReload={() => {
        rebase();
        props.onReload();
      }}
    >
      <TextField
        name="name"
        label="Name"
        required
        maxLength={200}
        hint="A new name keeps the old one as an alias, so its mentions still count for this party."
        value={name}
        onValue={setName}
      />
      <TakenBy partyId={holder} />
      <SelectField name="kind" label="Kind" required value={kind} onValue={setKind} options={KIND_OPTIONS} />
      {(party.aliases ?? []).length > 0 && (
        <fieldset class="publication-fields">
          <legend>Remove aliases</legend>
          {(party.aliases ?? []).map((alias) => (
            <label key={alias} class="checkbox">
              <input
                type="checkbox"
                name="removeAliases"
                checked={removed.includes(alias)}
                onChange={(event) => toggle(alias, event.currentTarget.checked)}
              />{' '}
              {alias}
            </label>
          ))}
        </fieldset>
      )}
    </FormPanel>
  );
}
