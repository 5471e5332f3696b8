import { spawn } from 'node:child_process';
import path from 'node:path';

const MAIN = path.join(__dirname, '../../dist/main.js');

export interface MainRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built service until it exits on its own (a refused start, say); killed after `timeoutMs`. */
export function runMainToExit(env: Record<string, string>, timeoutMs = 30_000): Promise<MainRun> {
  const child = spawn(process.execPath, [MAIN], { env: { PATH: process.env.PATH, ...env }, stdio: 'pipe' });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`still running after ${timeoutMs} ms; stdout: ${stdout} stderr: ${stderr}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
