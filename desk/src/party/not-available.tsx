import { ApiError } from '../api/client';
import { Icon } from '../status/icons';

/** Said plainly when the service predates the party registry's read side. */
export function NotAvailable(props: { what: string; plural?: boolean; error: unknown }) {
  const status = props.error instanceof ApiError ? ` (the API answered ${props.error.status})` : '';
  return (
    <p class="notice tone-neutral not-available" role="status">
      <Icon name="circle" /> {props.what} {props.plural ? 'are' : 'is'} not available on this server{status}.
    </p>
  );
}
