import { ComponentChildren, InputHTMLAttributes } from 'preact';
import { useField } from './form-panel';

export interface FieldProps {
  /** The API's name for the field, dotted for nested ones: its errors are shown here. */
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
}

/** Label, control, hint and the API's error, tied together with aria-describedby and aria-invalid. */
export function FieldShell(
  props: FieldProps & { wide?: boolean; control: (aria: Record<string, unknown>) => ComponentChildren },
) {
  const field = useField(props.name);
  const describedBy = [props.hint && field.hintId, field.error && field.errorId].filter(Boolean).join(' ');
  return (
    <div class={`field${props.wide ? ' field-wide' : ''}${field.error ? ' field-invalid' : ''}`}>
      <label for={field.id}>
        {props.label}
        {!props.required && <span class="muted"> (optional)</span>}
      </label>
      {props.control({
        id: field.id,
        name: props.name,
        required: props.required,
        'aria-invalid': field.error ? 'true' : undefined,
        'aria-describedby': describedBy || undefined,
      })}
      {props.hint && (
        <p id={field.hintId} class="hint">
          {props.hint}
        </p>
      )}
      {field.error && (
        <p id={field.errorId} class="field-error">
          {field.error}
        </p>
      )}
    </div>
  );
}

type TextType = 'text' | 'url' | 'number' | 'datetime-local' | 'date' | 'month';

export function TextField(
  props: FieldProps & {
    value: string;
    onValue: (value: string) => void;
    type?: TextType;
    maxLength?: number;
    min?: number;
    lang?: string;
    placeholder?: string;
  },
) {
  return (
    <FieldShell
      {...props}
      control={(aria) => (
        <input
          {...aria}
          {...({ type: props.type ?? 'text' } as InputHTMLAttributes<HTMLInputElement>)}
          value={props.value}
          maxLength={props.maxLength}
          min={props.min}
          placeholder={props.placeholder}
          spellcheck={props.type === 'url' ? false : undefined}
          onInput={(event) => props.onValue(event.currentTarget.value)}
        />
      )}
    />
  );
}

export function TextArea(
  props: FieldProps & { value: string; onValue: (value: string) => void; rows?: number; maxLength?: number },
) {
  return (
    <FieldShell
      {...props}
      wide
      control={(aria) => (
        <textarea
          {...aria}
          rows={props.rows ?? 3}
          dir="auto"
          value={props.value}
          maxLength={props.maxLength}
          onInput={(event) => props.onValue(event.currentTarget.value)}
        />
      )}
    />
  );
}

export function SelectField<T extends string>(
  props: FieldProps & { value: T; onValue: (value: T) => void; options: ReadonlyArray<{ value: T; label: string }> },
) {
  return (
    <FieldShell
      {...props}
      control={(aria) => (
        <select {...aria} value={props.value} onChange={(event) => props.onValue(event.currentTarget.value as T)}>
          {props.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}

/** Only what someone filled in, trimmed: blank optional fields are left out of the body. */
export function filled(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}
