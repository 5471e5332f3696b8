import { PartyInput as Party } from '../api/desk-commands';
import { PARTY_KINDS, PartyKind } from '../api/types';
import { SelectField, TextField } from '../forms/fields';

const KIND_OPTIONS = PARTY_KINDS.map((kind) => ({ value: kind, label: kind }));

/** A party named by name and kind, under the API's field name (`by`). */
export function PartyInput(props: {
  name: string;
  label: string;
  value: Party;
  hint?: string;
  /** Without a name, no party: the API removes it (reportedBy in a correction). */
  optional?: boolean;
  onChange: (party: Party) => void;
}) {
  return (
    <div class="form-grid">
      <TextField
        name={`${props.name}.name`}
        label={props.label}
        required={!props.optional}
        maxLength={200}
        hint={props.hint}
        value={props.value.name}
        onValue={(name) => props.onChange({ ...props.value, name })}
      />
      <SelectField<PartyKind>
        name={`${props.name}.kind`}
        label={`${props.label}: kind`}
        required
        options={KIND_OPTIONS}
        value={props.value.kind}
        onValue={(kind) => props.onChange({ ...props.value, kind })}
      />
    </div>
  );
}
