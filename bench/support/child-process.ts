import { ChildProcess, spawn } from 'node:child_process';

export interface ChildOptions {
  script: string;
  args?: string[];
  env?: Record<string, string>;
  /** Flags for node itself, before the script (e.g. --cpu-prof). */
  nodeArgs?: string[];
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A node process of its own, so the load generator never shares an event loop with what it measures. */
export class Child {
  readonly process: ChildProcess;
  readonly startedAt = performance.now();
  readonly exited: Promise<Exit>;
  private output = '';
  private errors = '';
  private lineListeners: Array<(line: string) => void> = [];

  constructor({ script, args = [], env = {}, nodeArgs = [] }: ChildOptions) {
    this.process = spawn(process.execPath, [...nodeArgs, script, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let partial = '';
    this.process.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      this.output += chunk;
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) for (const listener of this.lineListeners) listener(line);
    });
    this.process.stderr?.setEncoding('utf8').on('data', (chunk: string) => (this.errors += chunk));
    this.exited = new Promise((resolve) => this.process.on('exit', (code, signal) => resolve({ code, signal })));
    // A harness that fails half-way must not leave a service running behind it.
    const killOnExit = () => this.process.kill('SIGKILL');
    process.once('exit', killOnExit);
    void this.exited.then(() => process.off('exit', killOnExit));
  }

  get pid(): number {
    return this.process.pid ?? -1;
  }

  stdout(): string {
    return this.output;
  }

  stderr(): string {
    return this.errors;
  }

  /** The first JSON line on stdout that `accept` takes, or a rejection if the child exits first. */
  nextJsonLine<T>(accept: (value: Record<string, unknown>) => boolean, timeoutMs: number): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => fail(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      const listener = (line: string) => {
        if (!line.startsWith('{')) return;
        const value = JSON.parse(line) as Record<string, unknown>;
        if (!accept(value)) return;
        done();
        resolve(value as T);
      };
      const fail = (error: Error) => {
        done();
        reject(new Error(`${error.message}\n${this.errors.slice(-2000)}`));
      };
      const done = () => {
        clearTimeout(timer);
        this.lineListeners = this.lineListeners.filter((candidate) => candidate !== listener);
      };
      this.lineListeners.push(listener);
      void this.exited.then(({ code, signal }) => fail(new Error(`child exited (${code ?? signal})`)));
    });
  }

  /** Asks the child to stop and waits; kills it if it does not within the grace period. */
  async stop(signal: NodeJS.Signals = 'SIGTERM', graceMs = 10_000): Promise<Exit> {
    if (this.process.exitCode !== null || this.process.signalCode !== null) return this.exited;
    this.process.kill(signal);
    const timer = setTimeout(() => this.process.kill('SIGKILL'), graceMs);
    const exit = await this.exited;
    clearTimeout(timer);
    return exit;
  }
}
