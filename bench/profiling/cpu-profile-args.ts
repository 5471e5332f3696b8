import fs from 'node:fs';
import path from 'node:path';

/** Node flags that write a CPU profile named after the part of the bench it covers, or none. */
export function cpuProfileArgs(profileDir: string | undefined, name: string): string[] {
  if (!profileDir) return [];
  fs.mkdirSync(profileDir, { recursive: true });
  return ['--cpu-prof', '--cpu-prof-dir', profileDir, '--cpu-prof-name', `${name}.cpuprofile`];
}

/** For a child that is stopped with SIGTERM: see exit-on-sigterm.ts. */
export function cpuProfileArgsForService(profileDir: string | undefined, name: string): string[] {
  const args = cpuProfileArgs(profileDir, name);
  return args.length === 0 ? [] : [...args, '-r', path.join(__dirname, 'exit-on-sigterm.js')];
}
