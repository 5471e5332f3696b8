import { useEffect, useState } from 'preact/hooks';
import { formatTime } from '../format/time';
import { Icon } from '../status/icons';
import { useLiveState } from './live-context';

/** Says when the page may be behind the log: the live feed dropped and is reconnecting. */
export function LiveBanner() {
  const state = useLiveState();
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (state.kind !== 'interrupted') return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [state]);
  if (state.kind !== 'interrupted') return null;
  const seconds = Math.max(0, Math.ceil((state.retryAt.getTime() - now) / 1000));
  return (
    <div class="banner banner-behind" role="alert">
      <Icon name="alert" />
      <p>
        <strong>This page may be behind.</strong> Live updates stopped at{' '}
        {formatTime(state.since.toISOString(), { seconds: true })} ({state.reason}).{' '}
        {seconds > 0 ? `Reconnecting in ${seconds} s` : 'Reconnecting now'}; nothing recorded meanwhile will be missed.
      </p>
    </div>
  );
}

export function LiveIndicator() {
  const state = useLiveState();
  const label =
    state.kind === 'live'
      ? 'Live'
      : state.kind === 'interrupted'
        ? 'Reconnecting'
        : state.kind === 'connecting'
          ? 'Connecting'
          : 'Offline';
  return (
    <span class={`live-indicator live-${state.kind}`} role="status" aria-label={`Live updates: ${label}`}>
      <Icon name="live" />
      {label}
    </span>
  );
}
