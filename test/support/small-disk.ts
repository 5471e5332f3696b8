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
 * Mounting needs root (or CAP_SYS_ADMIN), as CI and the development machines have; elsewhere it throws
 * why it cannot, and the test fails rather than pass untried.
 */
export function mountSmallDisk(dir: string, megabytes: number): SmallDisk {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    const why = String((error as { stderr?: Buffer }).stderr ?? error).trim();
    throw new Error(
      `cannot mount a ${megabytes} MB tmpfs at ${dir} for a real full disk (run the suite as root): ${why}`,
    );
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
