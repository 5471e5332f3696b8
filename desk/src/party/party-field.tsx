import { PARTY_KINDS, PartyKind } from '../api/types';
import { FieldShell, SelectField } from '../forms/fields';
import { PartyChoice, PartyPicker } from './party-picker';

const KIND_LABELS: Record<PartyKind, string> = {
  person: 'Person',
  government: 'Government',
  organization: 'Organization',
  media: 'Media outlet',
  anonymous: 'Anonymous',
};

interface PartyFieldProps<T extends PartyChoice> {
  label: string;
  value: T;
  onChange: (value: T) => void;
  /** The API's path for it (`claimant`, `reportedBy`, `partyId`): the API's errors for it stand here. */
  name: string;
  required?: boolean;
  hint?: string;
  /** Only a registered party will do (affiliations, merges): no kind to choose, the registry has it. */
  registeredOnly?: boolean;
  /** A party that may not be picked: the one the form is about. */
  exclude?: string;
}

/**
 * A party named in a form, through the registry's picker: suggestions as one types (names and
 * aliases, any script), "did you mean …?", and whether the name stays an unregistered mention. A
 * mention also says its kind, which a registered party picked brings along.
 */
export function PartyField<T extends PartyChoice>(props: PartyFieldProps<T>) {
  const { value, onChange } = props;
  if (props.registeredOnly) return <Picker {...props} fieldName={props.name} label={props.label} />;
  return (
    <fieldset class="party-field">
      <legend>
        {props.label}
        {!props.required && <span class="muted"> (optional)</span>}
      </legend>
      <div class="form-grid">
        <Picker {...props} fieldName={`${props.name}.name`} label="Name" />
        <SelectField
          name={`${props.name}.kind`}
          label="Kind"
          required
          value={(value.kind ?? 'person') as PartyKind}
          options={PARTY_KINDS.map((kind) => ({ value: kind, label: KIND_LABELS[kind] }))}
          onValue={(kind) => onChange({ ...value, kind })}
        />
      </div>
    </fieldset>
  );
}

function Picker<T extends PartyChoice>(props: PartyFieldProps<T> & { fieldName: string }) {
  const required = props.required ?? props.registeredOnly;
  return (
    <FieldShell
      name={props.fieldName}
      label={props.label}
      hint={props.hint}
      required={required}
      control={(aria) => (
        <PartyPicker
          id={aria.id as string}
          name={props.fieldName}
          value={props.value}
          onChange={(choice) =>
            // Typing drops a party picked before: the id goes with it.
            props.onChange({ ...props.value, id: choice.id, name: choice.name, kind: choice.kind ?? props.value.kind })
          }
          registeredOnly={props.registeredOnly}
          exclude={props.exclude}
          required={required}
          describedBy={aria['aria-describedby'] as string | undefined}
          invalid={aria['aria-invalid'] === 'true'}
        />
      )}
    />
  );
}
