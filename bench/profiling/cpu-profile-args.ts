import fs from 'node:fs';
import path from 'node:path';

/**
 * Node flags that write CPU profiles into a folder named after the part of the bench they cover, or
 * none. Node names each file after its process and thread (`CPU.<date>.<time>.<pid>.<thread>.<n>`,
 * thread 0 the main one), so the HTTP thread and the worker threads each keep a profile of their own.
 */
export function cpuProfileArgs(profileDir: string | undefined, name: string): string[] {
  if (!profileDir) return [];
  const dir = path.join(profileDir, name);
  fs.mkdirSync(dir, { recursive: true });
  return ['--cpu-prof', '--cpu-prof-dir', dir];
}

/** For a child that is stopped with SIGTERM: see exit-on-sigterm.ts. */
export function cpuProfileArgsForService(profileDir: string | undefined, name: string): string[] {
  const args = cpuProfileArgs(profileDir, name);
  return args.length === 0 ? [] : [...args, '-r', path.join(__dirname, 'exit-on-sigterm.js')];
}
