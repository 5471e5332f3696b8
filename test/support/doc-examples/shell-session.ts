import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ActualAnswer } from './answer-match';

export interface CommandResult extends ActualAnswer {
  exitCode: number;
  stderr: string;
}

/** Printed after each command: its exit code between two record separators (U+001E). */
const SEPARATOR = String.fromCharCode(0x1e);
const MARKER = new RegExp(`\n${SEPARATOR}(\\d+)${SEPARATOR}\n$`);

/** The suite's own curl and jq (Node scripts), first on the PATH: the examples need neither installed. */
export const TOOLS_DIR = path.join(__dirname, 'bin');

/**
 * One bash process for a page's examples, so that variables one command sets (`SINCE=$(curl …)`)
 * are there for the next. curl is wrapped to keep the headers of its last answer in a file.
 */
export class ShellSession {
  private readonly bash: ChildProcessWithoutNullStreams;
  private readonly headersFile: string;
  private stdout = '';
  private stderr = '';
  private waiting?: () => void;

  constructor(dir: string, env: Record<string, string>) {
    this.headersFile = path.join(dir, 'last-answer-headers');
    this.bash = spawn('bash', ['--noprofile', '--norc'], {
      cwd: dir,
      env: { PATH: toolsFirst(process.env.PATH), HOME: dir, LC_ALL: 'C.UTF-8', ...env },
    });
    this.bash.stdout.setEncoding('utf8').on('data', (chunk: string) => this.received(() => (this.stdout += chunk)));
    this.bash.stderr.setEncoding('utf8').on('data', (chunk: string) => this.received(() => (this.stderr += chunk)));
    this.bash.stdin.write(`curl() { command curl -D "${this.headersFile}" "$@"; }\n`);
  }

  /** Runs one command; resolves when it is done, rejects if it is not done by the deadline. */
  async run(command: string, deadlineMs: number): Promise<CommandResult> {
    fs.rmSync(this.headersFile, { force: true });
    this.stdout = '';
    this.stderr = '';
    const done = new Promise<void>((resolve) => (this.waiting = resolve));
    this.bash.stdin.write(`{ ${command}\n}\nprintf '\\n\\036%s\\036\\n' "$?"\n`);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`not done within ${deadlineMs} ms (an open quote?); stderr: ${this.stderr}`)),
        deadlineMs,
      );
    });
    try {
      await Promise.race([done, late]);
    } finally {
      clearTimeout(timer);
    }
    const marker = MARKER.exec(this.stdout);
    return {
      exitCode: Number(marker?.[1]),
      output: this.stdout.slice(0, marker?.index),
      stderr: this.stderr,
      ...this.lastAnswer(),
    };
  }

  close(): void {
    this.bash.stdin.end();
    this.bash.kill();
  }

  private received(append: () => void): void {
    append();
    if (MARKER.test(this.stdout)) this.waiting?.();
  }

  /** The status and headers of the last answer in curl's header dump (after any 100 Continue). */
  private lastAnswer(): Pick<ActualAnswer, 'status' | 'headers'> {
    if (!fs.existsSync(this.headersFile)) return { headers: {} };
    const dumps = fs
      .readFileSync(this.headersFile, 'utf8')
      .split(/\r?\n\r?\n/)
      .filter((dump) => /^HTTP\//.test(dump));
    const [statusLine, ...lines] = (dumps.at(-1) ?? '').split(/\r?\n/);
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(':');
      if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    const status = /^HTTP\/\S+ (\d{3})/.exec(statusLine)?.[1];
    return { status: status === undefined ? undefined : Number(status), headers };
  }
}

/** The PATH with the suite's tools first, and the running node (their interpreter) right after. */
export function toolsFirst(pathVariable = '/usr/bin:/bin'): string {
  return [TOOLS_DIR, path.dirname(process.execPath), pathVariable].join(path.delimiter);
}
