import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface SmallDisk {
  dir: string;
  /** Writes a ballast file until the file system answers ENOSPC. */
  fill(): void;
  /** Deletes the ballast: the space is back. */
  free(): void;
  unmount(): void;
}

/**
 * A real, size-limited file system (tmpfs) mounted on `dir`, where a full disk is a real ENOSPC.
 * Mounting needs root (or CAP_SYS_ADMIN); elsewhere this answers why it cannot, and the test skips.
 */
export function mountSmallDisk(dir: string, megabytes: number): SmallDisk | string {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    return `cannot mount a tmpfs here (${String((error as { stderr?: Buffer }).stderr ?? error).trim()})`;
  }
  const ballast = path.join(dir, 'ballast');
  return {
    dir,
    fill() {
      const handle = fs.openSync(ballast, 'a');
      try {
        for (const size of [1 << 20, 64 << 10, 4 << 10, 512, 1]) {
          const chunk = Buffer.alloc(size, 1);
          for (;;) {
            try {
              fs.writeSync(handle, chunk);
            } catch (error) {
              if ((error as NodeJS.ErrnoException).code === 'ENOSPC') break;
              throw error;
            }
          }
        }
      } finally {
        fs.closeSync(handle);
      }
    },
    free: () => fs.rmSync(ballast, { force: true }),
    unmount: () => execFileSync('umount', [dir], { stdio: 'pipe' }),
  };
}
