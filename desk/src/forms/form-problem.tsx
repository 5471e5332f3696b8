import { ApiError, describeError } from '../api/client';

/** Errors the API tied to a field, by its dotted path (`claimant.name`, `source.url`). */
export function fieldErrors(error: unknown): Map<string, string> {
  const errors = new Map<string, string>();
  if (!(error instanceof ApiError)) return errors;
  for (const { field, message } of error.problem.errors ?? []) {
    errors.set(field, errors.has(field) ? `${errors.get(field)}; ${message}` : message);
  }
  return errors;
}

const isConflict = (error: unknown) => error instanceof ApiError && (error.status === 409 || error.status === 412);

/**
 * What went wrong, in words. A refusal names the key it needs; a conflict offers a reload that keeps
 * what was typed; field errors point to the fields, where their messages are shown.
 */
export function FormProblem(props: {
  error: unknown;
  /** Fields the form shows: their errors stand next to them, the others are listed here. */
  shownFields: Set<string>;
  refusal: string;
  onReload?: () => void;
}) {
  const { error } = props;
  return (
    <div class="notice tone-bad form-problem" role="alert">
      <p>{sentence(error, props)}</p>
      {isConflict(error) && props.onReload && (
        <button type="button" onClick={props.onReload}>
          Reload, keeping what you typed
        </button>
      )}
    </div>
  );
}

function sentence(error: unknown, props: { shownFields: Set<string>; refusal: string }): string {
  if (!(error instanceof ApiError)) return `Not recorded: ${describeError(error)}`;
  const detail = error.problem.detail ? `: ${error.problem.detail}` : '';
  if (error.status === 403) return `Refused (403 Forbidden)${detail}. ${props.refusal}`;
  if (error.status === 412) {
    return 'Not recorded: someone else changed this since you opened the form. Reload to see their change; what you typed stays here.';
  }
  const errors = error.problem.errors ?? [];
  if (errors.length) {
    const elsewhere = errors.filter((field) => !props.shownFields.has(field.field));
    const marked = new Set(errors.map((field) => field.field).filter((field) => props.shownFields.has(field))).size;
    return [
      'Not recorded:',
      marked ? `${marked === 1 ? 'one field needs' : `${marked} fields need`} attention (marked below).` : '',
      ...elsewhere.map((field) => `${field.field}: ${field.message}.`),
    ]
      .filter(Boolean)
      .join(' ');
  }
  if (error.status === 409) return `Not recorded (409 Conflict)${detail}. Reload to see what is there now.`;
  return `Not recorded: ${describeError(error)}`;
}
