import path from 'node:path';

export interface BenchOptions {
  mode: 'full' | 'quick';
  /** Seconds of measured load per run, after a warm-up that is not counted. */
  loadSeconds: number;
  warmUpSeconds: number;
  connections: number;
  readerConnections: number;
  /** Storylines the record-claim load spreads its claims over. */
  writeStorylines: number;
  /** Claims seeded into the storyline that the reads fetch. */
  readStorylineClaims: number;
  /** Events in the generated log that is replayed and restarted on. */
  logEvents: number;
  /** Events of the one storyline whose past state the as-of figure folds. */
  asOfStorylineEvents: number;
  asOfRequests: number;
  /** Events the long claim holds before the write-cost section measures supports on it. */
  writeCostStreamEvents: number;
  /** Supports measured on each of the two claims of the write-cost section. */
  writeCostSamples: number;
  /** Claims one registry write reaches in the registry-cascade section (the figure: 10,000). */
  cascadeClaims: number;
  /** Timed writes of each kind there. */
  cascadeSamples: number;
  /** Events of the newsroom log rebuilt with and without its registry events. */
  cascadeRebuildEvents: number;
  /** Where the JSON results go. */
  outFile: string;
  /** Starts the service with --cpu-prof and writes its profiles here. */
  profileDir?: string;
  seed: number;
}

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/** `--quick` runs every part at a small size; `--out FILE` and `--profile DIR` as named. */
export function parseBenchOptions(argv: string[]): BenchOptions {
  const quick = argv.includes('--quick');
  const valueOf = (flag: string) => {
    const index = argv.indexOf(flag);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const mode = quick ? 'quick' : 'full';
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const profile = valueOf('--profile');
  return {
    mode,
    loadSeconds: quick ? 2 : 10,
    warmUpSeconds: quick ? 0.5 : 2,
    connections: 64,
    readerConnections: 8,
    writeStorylines: 50,
    readStorylineClaims: quick ? 10 : 40,
    logEvents: quick ? 20_000 : 1_000_000,
    asOfStorylineEvents: quick ? 2_000 : 10_000,
    asOfRequests: quick ? 10 : 100,
    writeCostStreamEvents: 850,
    writeCostSamples: quick ? 30 : 50,
    cascadeClaims: 10_000,
    cascadeSamples: quick ? 3 : 7,
    cascadeRebuildEvents: quick ? 20_000 : 200_000,
    outFile: path.resolve(valueOf('--out') ?? path.join(REPO_ROOT, 'bench', 'results', `bench-${mode}-${stamp}.json`)),
    profileDir: profile ? path.resolve(profile) : undefined,
    seed: Number(valueOf('--seed') ?? 20260123),
  };
}

export { REPO_ROOT };
