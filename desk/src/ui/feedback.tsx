import { ApiError, describeError } from '../api/client';

export function Loading(props: { what: string }) {
  return (
    <p class="loading" role="status">
      Loading {props.what}…
    </p>
  );
}

/** Errors say what the API said, plainly. */
export function ErrorNotice(props: { error: unknown; what?: string; onRetry?: () => void }) {
  const notFound = props.error instanceof ApiError && props.error.status === 404;
  return (
    <div class="notice tone-bad" role="alert">
      <p>
        {notFound ? `${props.what ?? 'This'} was not found` : `Could not load ${props.what ?? 'this'}`}:{' '}
        {describeError(props.error)}
      </p>
      {props.onRetry && (
        <button type="button" onClick={props.onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
