import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, describeError } from '../api/client';
import { CommandResult, issueVerdict } from '../api/desk-api';
import { Claim, Verdict, VERDICTS } from '../api/types';
import { newIdempotencyKey } from '../forms/idempotency-key';
import { CLAIM_STATUS_META } from '../status/status-meta';

const VERDICT_HINTS: Record<Verdict, string> = {
  confirmed: 'true',
  refuted: 'false',
  misleading: 'partly true, or true but out of context',
  unproven: 'cannot be shown either way',
};

/** The API decides who may rule; a refusal is shown as it came, not hidden behind a disabled button. */
function refusal(error: unknown): string {
  if (error instanceof ApiError && error.status === 403) {
    return `Refused (403 Forbidden): ${error.problem.detail ?? 'your key may not issue verdicts'}. Verdicts need an editor key.`;
  }
  if (error instanceof ApiError && error.problem.errors?.length) {
    return `Not recorded: ${error.problem.errors.map((field) => `${field.field}: ${field.message}`).join('; ')}`;
  }
  return `Not recorded: ${describeError(error)}`;
}

export function VerdictForm(props: {
  claim: Claim;
  formId: string;
  onIssued: (result: CommandResult, verdict: Verdict) => void;
  onCancel: () => void;
}) {
  const [verdict, setVerdict] = useState<Verdict | ''>('');
  const [rationale, setRationale] = useState('');
  const [publication, setPublication] = useState({ reviewUrl: '', ratingText: '', reviewer: '' });
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => first.current?.focus(), []);
  const id = props.claim.id;

  return (
    <form
      id={props.formId}
      class="verdict-form"
      aria-label={`Verdict on the claim by ${props.claim.claimant.name}`}
      onSubmit={(event) => {
        event.preventDefault();
        if (!verdict || !rationale.trim() || sending) return;
        setSending(true);
        setError(undefined);
        issueVerdict(id, { verdict, rationale: rationale.trim(), ...filledIn(publication) }, idempotencyKey).then(
          (result) => props.onIssued(result, verdict),
          (failure: unknown) => {
            setSending(false);
            setError(failure);
          },
        );
      }}
    >
      <div class="field">
        <label for={`verdict-${id}`}>Verdict</label>
        <select
          id={`verdict-${id}`}
          ref={first}
          required
          value={verdict}
          onChange={(event) => setVerdict(event.currentTarget.value as Verdict | '')}
        >
          <option value="">Choose a verdict…</option>
          {VERDICTS.map((option) => (
            <option key={option} value={option}>
              {CLAIM_STATUS_META[option].label}: {VERDICT_HINTS[option]}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={`rationale-${id}`}>Rationale</label>
        <textarea
          id={`rationale-${id}`}
          required
          rows={3}
          maxLength={5000}
          value={rationale}
          onInput={(event) => setRationale(event.currentTarget.value)}
          aria-describedby={`rationale-hint-${id}`}
        />
        <p id={`rationale-hint-${id}`} class="hint">
          Published as the ClaimReview’s review body.
        </p>
      </div>
      <fieldset class="publication-fields">
        <legend>Publishing (optional)</legend>
        <OptionalField
          id={`review-url-${id}`}
          label="Review URL"
          url
          maxLength={2000}
          value={publication.reviewUrl}
          onInput={(reviewUrl) => setPublication({ ...publication, reviewUrl })}
          hint="The published fact-check. With it, the verdict is published as ClaimReview; without it, it is ruled but not published."
        />
        <OptionalField
          id={`rating-text-${id}`}
          label="Rating text"
          maxLength={100}
          value={publication.ratingText}
          onInput={(ratingText) => setPublication({ ...publication, ratingText })}
          hint="The desk’s own wording of the rating, e.g. “Pants on fire”; without it, the verdict’s name."
        />
        <OptionalField
          id={`reviewer-${id}`}
          label="Reviewer"
          maxLength={200}
          value={publication.reviewer}
          onInput={(reviewer) => setPublication({ ...publication, reviewer })}
          hint="The person who reviewed the claim, named among the review’s authors."
        />
      </fieldset>
      {error !== undefined && (
        <p class="notice tone-bad" role="alert">
          {refusal(error)}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={sending}>
          {sending ? 'Recording…' : 'Issue verdict'}
        </button>
        <button type="button" class="quiet" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** Only the optional fields someone filled in, trimmed. */
function filledIn(fields: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fields)
      .map(([name, value]) => [name, value.trim()])
      .filter(([, value]) => value !== ''),
  );
}

function OptionalField(props: {
  id: string;
  label: string;
  url?: boolean;
  maxLength: number;
  value: string;
  hint: string;
  onInput: (value: string) => void;
}) {
  const common = {
    maxLength: props.maxLength,
    value: props.value,
    onInput: (event: { currentTarget: HTMLInputElement }) => props.onInput(event.currentTarget.value),
    'aria-describedby': `${props.id}-hint`,
  };
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.url ? (
        <input id={props.id} type="url" inputMode="url" spellcheck={false} {...common} />
      ) : (
        <input id={props.id} type="text" {...common} />
      )}
      <p id={`${props.id}-hint`} class="hint">
        {props.hint}
      </p>
    </div>
  );
}
