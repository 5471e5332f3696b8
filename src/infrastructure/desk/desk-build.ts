import fs from 'node:fs';
import path from 'node:path';

/** Where `npm run build` writes the desk: dist/desk at the repository root, from src/ or dist/ alike. */
export const DESK_BUILD_DIR = path.resolve(__dirname, '../../..', 'dist', 'desk');

/**
 * The page every desk address answers with, read per request: it is small, and a rebuild while the
 * service runs (new asset names) is then served at once. Undefined when the desk has not been built.
 */
export async function readDeskPage(dir: string): Promise<string | undefined> {
  try {
    return await fs.promises.readFile(path.join(dir, 'index.html'), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
