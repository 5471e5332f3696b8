import { SingleBar } from 'cli-progress';

export interface Progress {
  update(done: number, total?: number): void;
  stop(): void;
}

/** A progress bar on stderr with rate and ETA; silent with --quiet so scripts can parse stdout. */
export function progressBar(label: string, total: number, quiet = false): Progress {
  if (quiet) return { update: () => undefined, stop: () => undefined };
  const started = Date.now();
  const bar = new SingleBar({
    format: `${label} [{bar}] {percentage}% | {value}/{total} events | {rate} events/s | ETA {eta_formatted}`,
    stream: process.stderr,
    noTTYOutput: true,
    notTTYSchedule: 2000,
    hideCursor: true,
    etaBuffer: 50,
  });
  bar.start(Math.max(total, 1), 0, { rate: 0 });
  let stopped = false;
  return {
    update(done, newTotal) {
      if (stopped) return;
      if (newTotal !== undefined && newTotal > 0) bar.setTotal(newTotal);
      const seconds = (Date.now() - started) / 1000;
      bar.update(done, { rate: seconds > 0 ? Math.round(done / seconds) : 0 });
    },
    /** Once stopped, the bar stays as it was: output may follow it on the same terminal. */
    stop() {
      if (!stopped) bar.stop();
      stopped = true;
    },
  };
}
