import { useRef, useState } from 'preact/hooks';

/**
 * Whether a form is open, and where focus goes back when it closes: to what had focus when it opened
 * (the button, or the opener after a keyboard shortcut opened it from nowhere).
 */
export function useOpening<T extends HTMLElement = HTMLButtonElement>() {
  const [open, setOpen] = useState(false);
  const opener = useRef<T>(null);
  const cameFrom = useRef<HTMLElement | null>(null);
  return {
    open,
    /** Put on the button that opens the form. */
    opener,
    show() {
      const active = document.activeElement;
      cameFrom.current = active instanceof HTMLElement && active !== document.body ? active : null;
      setOpen(true);
    },
    close() {
      setOpen(false);
      const back = cameFrom.current?.isConnected ? cameFrom.current : opener.current;
      back?.focus();
    },
  };
}
