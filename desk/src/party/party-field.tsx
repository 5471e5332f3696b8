import { PartyInput } from '../api/desk-commands';
import { PARTY_KINDS, PartyKind } from '../api/types';
import { SelectField, TextField } from '../forms/fields';

const KIND_LABELS: Record<PartyKind, string> = {
  person: 'Person',
  government: 'Government',
  organization: 'Organization',
  media: 'Media outlet',
  anonymous: 'Anonymous',
};

/**
 * A party named in a form: its name and kind, typed. `name` is the API's path for it (`claimant`,
 * `reportedBy`, `by`), so the API's errors for `claimant.name` stand here. The party picker replaces
 * this with suggestions from the registry, under the same props.
 */
export function PartyField(props: {
  label: string;
  value: PartyInput;
  onChange: (value: PartyInput) => void;
  name: string;
  required?: boolean;
}) {
  const { value, onChange } = props;
  return (
    <fieldset class="party-field">
      <legend>
        {props.label}
        {!props.required && <span class="muted"> (optional)</span>}
      </legend>
      <div class="form-grid">
        <TextField
          name={`${props.name}.name`}
          label="Name"
          required={props.required}
          maxLength={200}
          value={value.name}
          onValue={(name) => onChange({ ...value, name })}
        />
        <SelectField
          name={`${props.name}.kind`}
          label="Kind"
          required
          value={value.kind}
          options={PARTY_KINDS.map((kind) => ({ value: kind, label: KIND_LABELS[kind] }))}
          onValue={(kind) => onChange({ ...value, kind })}
        />
      </div>
    </fieldset>
  );
}
