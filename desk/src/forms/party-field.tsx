import { PartyChoice, PartyPicker } from '../party/party-picker';
import { FieldShell } from './fields';

/**
 * A party named in a form: the registry's picker (suggestions as one types, "did you mean …?", and
 * whether the name stays an unregistered mention), with the API's errors for `name` next to it.
 */
export function PartyField<T extends PartyChoice>(props: {
  label: string;
  value: T;
  onChange: (value: T) => void;
  /** The API's name for the field; its errors are shown here. */
  name?: string;
  hint?: string;
  required?: boolean;
  /** Only a registered party will do (affiliations, merges). */
  registeredOnly?: boolean;
  /** A party that may not be picked: the one the form is about. */
  exclude?: string;
}) {
  return (
    <FieldShell
      name={props.name ?? 'party'}
      label={props.label}
      hint={props.hint}
      required={props.required ?? true}
      control={(aria) => (
        <PartyPicker
          id={aria.id as string}
          value={props.value}
          onChange={(choice) => props.onChange({ ...props.value, ...choice } as T)}
          registeredOnly={props.registeredOnly}
          exclude={props.exclude}
          required={props.required ?? true}
          describedBy={aria['aria-describedby'] as string | undefined}
          invalid={aria['aria-invalid'] === 'true'}
        />
      )}
    />
  );
}
