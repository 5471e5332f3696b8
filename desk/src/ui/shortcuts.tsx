import { useEffect, useRef, useState } from 'preact/hooks';

interface Shortcut {
  key: string;
  does: string;
  run: () => void;
}

/** The shortcuts of what is on screen now; a page registers its own while it is shown. */
const active: Shortcut[] = [];

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

function onKey(event: KeyboardEvent): void {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
  if (isTyping(event.target)) return;
  const shortcut = [...active].reverse().find((candidate) => candidate.key === event.key);
  if (!shortcut) return;
  event.preventDefault();
  shortcut.run();
}

/** One key, one action, while the component is shown; keys typed into a field are never taken. */
export function useShortcut(key: string, does: string, run: () => void): void {
  const latest = useRef(run);
  latest.current = run;
  useEffect(() => {
    const shortcut: Shortcut = { key, does, run: () => latest.current() };
    if (active.length === 0) document.addEventListener('keydown', onKey);
    active.push(shortcut);
    return () => {
      active.splice(active.indexOf(shortcut), 1);
      if (active.length === 0) document.removeEventListener('keydown', onKey);
    };
  }, [key, does]);
}

/** `?` lists the shortcuts that work on this page. */
export function ShortcutHelp() {
  const [shown, setShown] = useState<Shortcut[]>();
  const close = useRef<HTMLButtonElement>(null);
  const cameFrom = useRef<Element | null>(null);
  const hide = () => {
    setShown(undefined);
    if (cameFrom.current instanceof HTMLElement && cameFrom.current.isConnected) cameFrom.current.focus();
  };
  useShortcut('?', 'List the keyboard shortcuts', () => {
    if (shown) return hide();
    cameFrom.current = document.activeElement;
    setShown(active.filter((shortcut) => shortcut.key !== '?'));
  });
  useEffect(() => close.current?.focus(), [shown]);
  if (!shown) return null;
  return (
    <section
      class="shortcut-help"
      aria-labelledby="shortcut-help-title"
      onKeyDown={(event) => event.key === 'Escape' && hide()}
    >
      <h2 id="shortcut-help-title">Keyboard shortcuts</h2>
      {shown.length === 0 ? (
        <p>None on this page.</p>
      ) : (
        <dl>
          {shown.map((shortcut) => (
            <div key={shortcut.key}>
              <dt>
                <kbd>{shortcut.key}</kbd>
              </dt>
              <dd>{shortcut.does}</dd>
            </div>
          ))}
        </dl>
      )}
      <p class="hint">Shortcuts are ignored while typing in a field. Press ? again to close.</p>
      <button ref={close} type="button" onClick={hide}>
        Close
      </button>
    </section>
  );
}
