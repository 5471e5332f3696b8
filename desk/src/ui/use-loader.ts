import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** Loads again, keeping what is shown until the new answer is there. */
  reload: (minPosition?: number) => void;
}

export type Load<T> = (options: { minPosition?: number; signal: AbortSignal }) => Promise<T>;

/** Loads when `key` changes; a newer load cancels an older one still in flight. */
export function useLoader<T>(key: string, load: Load<T>): Loaded<T> {
  const [state, setState] = useState<{ key: string; data?: T; error?: unknown; loading: boolean }>({
    key,
    loading: true,
  });
  const loadRef = useRef(load);
  loadRef.current = load;
  const inFlight = useRef<AbortController | undefined>(undefined);

  const run = useCallback(
    (minPosition?: number) => {
      inFlight.current?.abort();
      const controller = new AbortController();
      inFlight.current = controller;
      setState((previous) => ({ ...previous, key, loading: true }));
      loadRef.current({ minPosition, signal: controller.signal }).then(
        (data) => {
          if (!controller.signal.aborted) setState({ key, data, loading: false });
        },
        (error: unknown) => {
          if (!controller.signal.aborted) setState((previous) => ({ ...previous, key, error, loading: false }));
        },
      );
    },
    [key],
  );

  useEffect(() => {
    setState({ key, loading: true });
    run();
    return () => inFlight.current?.abort();
  }, [run]);

  const current = state.key === key;
  return {
    data: current ? state.data : undefined,
    error: current ? state.error : undefined,
    loading: !current || state.loading,
    reload: run,
  };
}
