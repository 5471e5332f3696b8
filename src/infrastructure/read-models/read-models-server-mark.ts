import fs from 'node:fs';

/**
 * A running server keeps its read-model tables open and prepared; an offline `factline replay`
 * on the same file would swap them from under it. The server leaves its pid beside the file, so
 * offline tools can refuse. A mark left by a killed server names a dead pid and is ignored.
 */
const markPath = (readModelPath: string) => `${readModelPath}.served-by`;

export function markReadModelsServed(readModelPath: string): { release(): void } {
  const path = markPath(readModelPath);
  fs.writeFileSync(path, String(process.pid));
  return {
    release() {
      if (servingPid(readModelPath) === process.pid) fs.rmSync(path, { force: true });
    },
  };
}

/** The pid of a live server using these read models, if there is one. */
export function servingPid(readModelPath: string): number | undefined {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(markPath(readModelPath), 'utf8'));
  } catch {
    return undefined;
  }
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else; it still holds the file.
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? pid : undefined;
  }
}
