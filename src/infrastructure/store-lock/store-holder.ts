import fs from 'node:fs';
import { z } from 'zod';

const holderSchema = z.object({
  pid: z.number().int(),
  /** `a Factline server`, `factline import`, … */
  name: z.string(),
  /** Where it answers over HTTP, once it listens. */
  url: z.string().optional(),
});

export type StoreHolder = z.infer<typeof holderSchema>;

/**
 * Beside the lock, never inside it: the lock file stays untouched by anything but SQLite (closing
 * another descriptor of it would drop this process's lock).
 */
const holderPathOf = (lockPath: string) => `${lockPath}.json`;

export function recordHolder(lockPath: string, holder: StoreHolder): void {
  const file = holderPathOf(lockPath);
  const written = `${file}.${process.pid}`;
  fs.writeFileSync(written, `${JSON.stringify(holder)}\n`);
  // A reader sees the old description or the new one, never half of one.
  fs.renameSync(written, file);
}

/** Meaningful only while the lock is held: a process killed with SIGKILL leaves its description behind. */
export function readHolder(lockPath: string): StoreHolder | undefined {
  try {
    const parsed = holderSchema.safeParse(JSON.parse(fs.readFileSync(holderPathOf(lockPath), 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function forgetHolder(lockPath: string): void {
  fs.rmSync(holderPathOf(lockPath), { force: true });
}
