import { useState } from 'preact/hooks';
import { useSerialLoad } from './use-serial-load';

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** Loads again, keeping what is shown until the new answer is there. */
  reload: (minPosition?: number) => void;
}

export type Load<T> = (options: { minPosition?: number; signal: AbortSignal }) => Promise<T>;

/** Data for a view: loaded when `key` changes, reloaded after live events. */
export function useLoader<T>(key: string, load: Load<T>): Loaded<T> {
  const [state, setState] = useState<{ key: string; data?: T; error?: unknown; loading: boolean }>({
    key,
    loading: true,
  });
  const reload = useSerialLoad(key, async ({ minPosition, signal }) => {
    setState((previous) => (previous.key === key ? { ...previous, loading: true } : { key, loading: true }));
    try {
      const data = await load({ minPosition, signal });
      if (!signal.aborted) setState({ key, data, loading: false });
    } catch (error) {
      if (!signal.aborted) setState((previous) => ({ ...previous, key, error, loading: false }));
    }
  });
  const current = state.key === key;
  return {
    data: current ? state.data : undefined,
    error: current ? state.error : undefined,
    loading: !current || state.loading,
    reload,
  };
}
