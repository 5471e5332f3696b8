import { ApiError } from '../api/client';
import { PartyChoice } from './party-picker';

/** The registered party's id a command needs; a name nobody registered is refused before sending, next to its field. */
export function pickedPartyId(choice: PartyChoice, field: string): string {
  if (choice.id) return choice.id;
  const typed = choice.name.trim();
  const message = typed
    ? `“${typed}” is not a registered party: pick one from the suggestions`
    : 'pick a registered party from the suggestions';
  throw new ApiError({
    type: 'about:blank',
    title: 'Not sent',
    status: 400,
    detail: message,
    errors: [{ field, message }],
  });
}
