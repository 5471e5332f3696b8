import { useState } from 'preact/hooks';

/** Asked once per tab when the API wants a key; the key then lives in sessionStorage only. */
export function KeyPrompt(props: { rejected: boolean; onKey: (key: string) => void }) {
  const [key, setKey] = useState('');
  return (
    <section class="key-prompt" aria-labelledby="key-prompt-title">
      <h1 id="key-prompt-title">Open the desk</h1>
      <p>This Factline service needs an API key. Ask whoever runs it for yours.</p>
      {props.rejected && (
        <p class="notice tone-bad" role="alert">
          The API did not accept that key (401). Check it and try again.
        </p>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const trimmed = key.trim();
          if (trimmed) props.onKey(trimmed);
        }}
      >
        <label for="api-key">API key</label>
        <input
          id="api-key"
          name="api-key"
          type="password"
          autoComplete="off"
          spellcheck={false}
          required
          value={key}
          onInput={(event) => setKey(event.currentTarget.value)}
          aria-describedby="api-key-hint"
        />
        <p id="api-key-hint" class="hint">
          Kept in this browser tab only (session storage) and sent as a bearer token, never in an address.
        </p>
        <button type="submit" class="primary">
          Open the desk
        </button>
      </form>
    </section>
  );
}
