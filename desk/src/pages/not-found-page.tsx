import { useTitle } from '../ui/use-title';

export function NotFoundPage() {
  useTitle('Not found');
  return (
    <>
      <h1>Nothing here</h1>
      <p>
        The desk has no page at this address. Go back to <a href="/desk">all storylines</a> or the{' '}
        <a href="/desk/review">review queue</a>.
      </p>
    </>
  );
}
