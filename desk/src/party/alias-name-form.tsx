import { useState } from 'preact/hooks';
import { CommandResult } from '../api/desk-api';
import { reviseParty } from '../api/registry-commands';
import { FormPanel } from '../forms/form-panel';
import { PartyField } from './party-field';
import { PartyChoice } from './party-picker';
import { pickedPartyId } from './picked-party';

/** A name nobody registered, added as an alias of the party the editor picks: its mentions then count for that party. */
export function AliasNameForm(props: {
  name: string;
  onRecorded: (result: CommandResult, partyName: string) => void;
  onClose: () => void;
}) {
  const [party, setParty] = useState<PartyChoice>({ name: '' });
  const send = async (options: Parameters<typeof reviseParty>[2]) => {
    const id = pickedPartyId(party, 'party');
    // Adding a name changes no one's edit: no If-Match, the API refuses a name another party has (409).
    return reviseParty(id, { addAliases: [props.name] }, { idempotencyKey: options.idempotencyKey });
  };
  return (
    <FormPanel
      id="alias-name"
      title={`Add “${props.name}” as an alias`}
      submitLabel="Add alias"
      refusal="Changing the registry needs an editor key."
      send={send}
      onRecorded={(result) => props.onRecorded(result, party.name)}
      onClose={props.onClose}
    >
      <PartyField name="party" label="Party it stands for" registeredOnly value={party} onChange={setParty} />
    </FormPanel>
  );
}
