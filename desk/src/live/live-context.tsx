import { ComponentChildren, createContext } from 'preact';
import { useContext, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { StoredEvent } from '../api/types';
import { authorizationHeader } from '../auth/api-key';
import { LiveState, LiveStream } from './live-stream';

type Listener = (event: StoredEvent) => void;

interface Live {
  state: LiveState;
  subscribe(listener: Listener): () => void;
}

const LiveContext = createContext<Live>({ state: { kind: 'connecting' }, subscribe: () => () => undefined });

/** One live feed for the whole page; every view subscribes to the events it cares about. */
export function LiveProvider(props: { onUnauthorized: () => void; children: ComponentChildren }) {
  const [state, setState] = useState<LiveState>({ kind: 'connecting' });
  const listeners = useRef(new Set<Listener>());
  const onUnauthorized = useRef(props.onUnauthorized);
  onUnauthorized.current = props.onUnauthorized;

  useEffect(() => {
    const stream = new LiveStream({
      url: '/v1/events/live',
      headers: authorizationHeader,
      onEvent: (event) => listeners.current.forEach((listener) => listener(event)),
      onState: (next) => {
        setState(next);
        if (next.kind === 'unauthorized') onUnauthorized.current();
      },
    });
    stream.start();
    return () => stream.stop();
  }, []);

  const subscribe = useMemo(
    () => (listener: Listener) => {
      listeners.current.add(listener);
      return () => void listeners.current.delete(listener);
    },
    [],
  );
  const live = useMemo<Live>(() => ({ state, subscribe }), [state, subscribe]);
  return <LiveContext.Provider value={live}>{props.children}</LiveContext.Provider>;
}

export const useLiveState = () => useContext(LiveContext).state;

/**
 * Calls `refresh` after events that `concerns` this view, at most once per short burst, with the
 * highest position seen: the reload waits (minPosition) until the read models have applied it.
 */
export function useLiveRefresh(concerns: (event: StoredEvent) => boolean, refresh: (minPosition: number) => void) {
  const { subscribe } = useContext(LiveContext);
  const latest = useRef({ concerns, refresh });
  latest.current = { concerns, refresh };
  useEffect(() => {
    let pending: number | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = subscribe((event) => {
      if (!latest.current.concerns(event)) return;
      pending = Math.max(pending ?? -1, event.position);
      timer ??= setTimeout(() => {
        const minPosition = pending as number;
        pending = undefined;
        timer = undefined;
        latest.current.refresh(minPosition);
      }, 60);
    });
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [subscribe]);
}

/** Registry events can change any claim's status, so every view follows them. */
export const isPartyEvent = (event: StoredEvent) => event.streamId.startsWith('party-');
