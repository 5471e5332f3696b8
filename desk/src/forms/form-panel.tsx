import { ComponentChildren, createContext } from 'preact';
import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import { CommandResult } from '../api/desk-api';
import { CommandOptions } from '../api/desk-commands';
import { fieldErrors, FormProblem } from './form-problem';
import { newIdempotencyKey } from './idempotency-key';

interface FormContext {
  formId: string;
  errors: Map<string, string>;
  shown: Set<string>;
}

const Form = createContext<FormContext>({ formId: 'form', errors: new Map(), shown: new Set() });

/** The id, error and description ids of a field, by the API's name for it (`source.url`). */
export function useField(name: string) {
  const form = useContext(Form);
  form.shown.add(name);
  const id = `${form.formId}-${name.replace(/\./g, '-')}`;
  return { id, error: form.errors.get(name), errorId: `${id}-error`, hintId: `${id}-hint` };
}

/**
 * Fields outside a FormPanel that still want its ids and the API's errors next to them: one scope per
 * block of fields sent together (a row of the capture page).
 */
export function FieldScope(props: { id: string; error?: unknown; children: ComponentChildren }) {
  const shown = useRef(new Set<string>());
  const context: FormContext = { formId: props.id, errors: fieldErrors(props.error), shown: shown.current };
  return <Form.Provider value={context}>{props.children}</Form.Provider>;
}

export interface FormPanelProps {
  /** Prefix of every id inside the form. */
  id: string;
  title: string;
  submitLabel: string;
  /** Said after a 403: which key the command needs. */
  refusal: string;
  /** The revision the form was filled in from, sent as If-Match. */
  ifMatch?: number;
  send: (options: CommandOptions) => Promise<CommandResult>;
  onRecorded: (result: CommandResult) => void;
  onClose: () => void;
  /** After a 409 or 412: load what is there now, the form and what was typed stay. */
  onReload?: () => void;
  children: ComponentChildren;
}

/**
 * An inline panel holding one command's form. It opens with its first field focused, sends once per
 * opening (one Idempotency-Key, so a double click or a retry records once) and keeps what was typed
 * whatever the answer.
 */
export function FormPanel(props: FormPanelProps) {
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>();
  const inFlight = useRef(false);
  const form = useRef<HTMLFormElement>(null);
  const errors = fieldErrors(error);
  // Fields register as they render; the set outlives renders, since a field need not re-render with the panel.
  const shown = useRef(new Set<string>());
  const context: FormContext = { formId: props.id, errors, shown: shown.current };

  useEffect(() => {
    form.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, []);
  useEffect(() => {
    if (errors.size) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [error]);

  const submit = (event: Event) => {
    event.preventDefault();
    if (inFlight.current) return;
    inFlight.current = true;
    setSending(true);
    setError(undefined);
    props.send({ idempotencyKey, ifMatch: props.ifMatch }).then(
      (result) => {
        inFlight.current = false;
        props.onRecorded(result);
      },
      (failure: unknown) => {
        inFlight.current = false;
        setSending(false);
        setError(failure);
      },
    );
  };

  return (
    <section class="form-panel" aria-labelledby={`${props.id}-heading`}>
      <h2 id={`${props.id}-heading`}>{props.title}</h2>
      <form
        ref={form}
        id={props.id}
        aria-labelledby={`${props.id}-heading`}
        onSubmit={submit}
        onKeyDown={(event) => {
          if (event.key === 'Escape') props.onClose();
        }}
      >
        <Form.Provider value={context}>{props.children}</Form.Provider>
        {error !== undefined && (
          <FormProblem error={error} shownFields={context.shown} refusal={props.refusal} onReload={props.onReload} />
        )}
        <div class="actions">
          <button type="submit" class="primary" disabled={sending}>
            {sending ? 'Recording…' : props.submitLabel}
          </button>
          <button type="button" class="quiet" onClick={props.onClose}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
