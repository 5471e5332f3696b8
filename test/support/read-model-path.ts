import { loadConfig } from '../../src/config/config';

/** Where the service keeps its read models for a given event-store file (the default: beside it). */
export function readModelPathOf(sqlitePath: string): string {
  return loadConfig({ SQLITE_PATH: sqlitePath }).readModelPath;
}
