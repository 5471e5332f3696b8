import { useCallback, useEffect, useRef } from 'preact/hooks';

export type SerialLoad = (options: { minPosition?: number; signal: AbortSignal }) => Promise<void>;

interface Running {
  controller: AbortController;
  /** Set when a reload was asked for while this load ran: run once more, from the highest position. */
  again?: { minPosition?: number };
}

const higher = (a: number | undefined, b: number | undefined) =>
  a === undefined ? b : b === undefined ? a : Math.max(a, b);

/**
 * Runs `load` when `key` changes (cancelling a load for the old key), and on `reload`. Reloads
 * never cancel each other: under a stream of live events one load runs at a time and the last
 * request is folded into one more run, so the page keeps catching up instead of restarting.
 */
export function useSerialLoad(key: string, load: SerialLoad): (minPosition?: number) => void {
  const loadRef = useRef(load);
  loadRef.current = load;
  const running = useRef<Running | undefined>(undefined);

  const start = useCallback((minPosition?: number) => {
    const current: Running = { controller: new AbortController() };
    running.current = current;
    void loadRef.current({ minPosition, signal: current.controller.signal }).finally(() => {
      if (running.current !== current) return;
      running.current = undefined;
      if (current.again && !current.controller.signal.aborted) start(current.again.minPosition);
    });
  }, []);

  useEffect(() => {
    start();
    return () => {
      running.current?.controller.abort();
      running.current = undefined;
    };
  }, [key, start]);

  return useCallback(
    (minPosition?: number) => {
      const current = running.current;
      if (!current) return start(minPosition);
      current.again = { minPosition: higher(current.again?.minPosition, minPosition) };
    },
    [start],
  );
}
