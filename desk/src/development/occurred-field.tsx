import { SelectField, TextField } from '../forms/fields';
import { KNOWN_TO, KnownTo } from './occurred-time';

export interface Occurred {
  local: string;
  knownTo: KnownTo;
}

/** When it happened in the world, and how much of that time is known. */
export function OccurredField(props: {
  /** Where the API's fields sit: `changes.` in a correction. */
  prefix?: string;
  value: Occurred;
  onChange: (occurred: Occurred) => void;
}) {
  const prefix = props.prefix ?? '';
  return (
    <div class="form-grid">
      <TextField
        name={`${prefix}occurredAt`}
        label="Occurred"
        type="datetime-local"
        required
        hint="When it happened in the world, in this browser’s time zone."
        value={props.value.local}
        onValue={(local) => props.onChange({ ...props.value, local })}
      />
      <SelectField<KnownTo>
        name={`${prefix}occurredAtPrecision`}
        label="Known to"
        required
        options={KNOWN_TO}
        hint="Known only to the day, month or year: recorded as its start."
        value={props.value.knownTo}
        onValue={(knownTo) => props.onChange({ ...props.value, knownTo })}
      />
    </div>
  );
}
