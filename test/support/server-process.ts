import { SERVER_READY_DEADLINE_MS } from './deadlines';
import { freePort } from './free-port';
import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { apiKeysVariable, HttpClient, httpClient } from './http-client';

const ROOT = path.resolve(__dirname, '../..');

export interface ServerProcess extends HttpClient {
  baseUrl: string;
  child: ChildProcess;
  /** Output the process wrote to stderr so far, for failure messages. */
  stderr(): string;
  /** What the process wrote to stdout so far: its log lines (empty unless LOG_LEVEL lets them through). */
  stdout(): string;
  /** Sends the signal and resolves once the process has exited. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * The built service (`node dist/main.js`) as a child process on its own port, with the test keys,
 * so it can be killed with SIGKILL like a crashed production process. Needs `npm run build` first.
 */
export async function startServerProcess(
  env: Record<string, string>,
  readyTimeoutMs = SERVER_READY_DEADLINE_MS,
): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/main.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      API_KEYS: apiKeysVariable(),
      LOG_LEVEL: 'silent',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const client = httpClient(baseUrl);
  const server: ServerProcess = {
    ...client,
    baseUrl,
    child,
    stderr: () => stderr,
    stdout: () => stdout,
    async kill(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${stderr}`);
    try {
      await fetch(`${baseUrl}/health`);
      return server;
    } catch {
      if (Date.now() > deadline) {
        await server.kill('SIGKILL');
        throw new Error(`server did not answer within ${readyTimeoutMs} ms: ${stderr}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
