import { ApiError } from '../api/client';
import { partyHoldingName } from '../api/registry-commands';
import { partyAddress } from '../ui/addresses';

/** The party a 409 says already answers to a name, when the error is one. */
export const holderOf = (error: unknown): string | undefined =>
  error instanceof ApiError && error.status === 409 ? partyHoldingName(error.problem.detail) : undefined;

/**
 * A 409 for a taken name belongs next to the field that holds the name: its detail becomes that
 * field's error. `fieldOf` gets the name the detail quotes.
 */
export function asTakenNameError(error: unknown, fieldOf: (quoted: string | undefined) => string): unknown {
  if (!(error instanceof ApiError) || !holderOf(error)) return error;
  const quoted = /^"([^"]*)"/.exec(error.problem.detail ?? '')?.[1];
  const message = error.problem.detail ?? 'the name is taken';
  return new ApiError({ ...error.problem, errors: [{ field: fieldOf(quoted), message }] });
}

export function TakenBy(props: { partyId?: string }) {
  if (!props.partyId) return null;
  return (
    <p class="hint">
      Open <a href={partyAddress(props.partyId)}>the party that has this name</a> to add to it, or merge into it.
    </p>
  );
}
