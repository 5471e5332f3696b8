import path from 'node:path';
import { REPO_ROOT } from '../bench-options';
import { cpuProfileArgsForService } from '../profiling/cpu-profile-args';
import { API_KEYS_ENV } from './api-keys';
import { Child } from './child-process';
import { freePort } from '../../test/support/free-port';

export interface ServiceFiles {
  sqlitePath: string;
  readModelPath: string;
}

export interface RunningService {
  baseUrl: string;
  child: Child;
  /** From spawn until the port answered, and until /health was 200 with every projection live. */
  listeningMs: number;
  readyMs: number;
  stop(): Promise<void>;
}

export const serviceFilesIn = (dir: string): ServiceFiles => ({
  sqlitePath: path.join(dir, 'factline.db'),
  readModelPath: path.join(dir, 'factline.read-models.db'),
});

interface Health {
  projections: Array<{ state: string }>;
}

/** The real service, as built in dist, on the given files; resolves once it is healthy and live. */
export async function startService(
  files: ServiceFiles,
  profile?: { dir?: string; name: string },
  env: Record<string, string> = {},
): Promise<RunningService> {
  const port = await freePort();
  const nodeArgs = cpuProfileArgsForService(profile?.dir, profile?.name ?? 'service');
  const child = new Child({
    script: path.join(REPO_ROOT, 'dist', 'main.js'),
    nodeArgs,
    env: {
      SQLITE_PATH: files.sqlitePath,
      READ_MODEL_PATH: files.readModelPath,
      PORT: String(port),
      HOST: '127.0.0.1',
      API_KEYS: API_KEYS_ENV,
      LOG_LEVEL: 'silent',
      EVENT_STORE: 'sqlite',
      ...env,
    },
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  let listeningMs: number | undefined;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.process.exitCode !== null) throw new Error(`the service exited at start:\n${child.stderr()}`);
    if (Date.now() > deadline) {
      await child.stop('SIGKILL');
      throw new Error(`the service did not become healthy:\n${child.stderr()}`);
    }
    const health = await fetch(`${baseUrl}/health`).catch(() => undefined);
    if (health) {
      listeningMs ??= performance.now() - child.startedAt;
      const body = (await health.json()) as Health;
      if (health.status === 200 && body.projections.every((projection) => projection.state === 'live')) break;
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const readyMs = performance.now() - child.startedAt;
  return {
    baseUrl,
    child,
    listeningMs: listeningMs ?? readyMs,
    readyMs,
    async stop() {
      await child.stop();
    },
  };
}
