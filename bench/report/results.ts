/** The figures of one load run against one endpoint. Latencies are of 2xx responses, in milliseconds. */
export interface LoadFigures {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
}

export interface RecordClaimResults {
  connections: number;
  seconds: number;
  service: LoadFigures;
  rawHttp: LoadFigures;
  noopNest: LoadFigures;
  /** Service requests/s divided by each baseline's. */
  ratios: { serviceToRawHttp: number; serviceToNoopNest: number };
}

export interface ReadsUnderWritesResults {
  seconds: number;
  readerConnections: number;
  writerConnections: number;
  /** Claims in the storyline being read (the response carries one summary per claim). */
  claimsInReadStoryline: number;
  reads: LoadFigures;
  writes: LoadFigures;
}

export interface ProjectionReplay {
  name: string;
  events: number;
  seconds: number;
}

export interface ReplayResults {
  events: number;
  /** Writing the generated log through the SQLite store's append (setup, not a target). */
  generateSeconds: number;
  generateEventsPerSecond: number;
  storeFileMb: number;
  seconds: number;
  /** Log events divided by the time to rebuild every projection, as `factline replay` does. */
  eventsPerSecond: number;
  peakRssMb: number;
  projections: ProjectionReplay[];
  /** The two files on disk once the rebuild has ended (each with its -wal, if one is left). */
  eventLogBytes: number;
  readModelBytes: number;
}

export interface LiveRun {
  events: number;
  /** CPU (user + system) of all projections together, per event. */
  cpuMicrosPerEvent: number;
}

/** The start of the log as generated; and a longer start without the registry's events (no cascades). */
export interface LiveProjectionResults {
  pageSize: number;
  withRegistry: LiveRun;
  withoutRegistry: LiveRun;
}

export interface ImportResults {
  events: number;
  seconds: number;
  eventsPerSecond: number;
}

export interface AsOfResults {
  storylineEvents: number;
  claims: number;
  requests: number;
  p50Ms: number;
  p99Ms: number;
}

export interface RestartResults {
  events: number;
  /** From spawning the process until GET /health answered 200 with every projection live. */
  readyMs: number;
  /** Until the HTTP port first answered at all. */
  listeningMs: number;
}

export interface LatencyFigures {
  requests: number;
  p50Ms: number;
  p99Ms: number;
}

export interface WriteCostResults {
  /** Events in the long claim's stream before its measured supports. */
  streamEvents: number;
  /** Supports 1 to n of a claim recorded just before. */
  freshClaim: LatencyFigures;
  /** Supports on the claim that already holds `streamEvents` events. */
  longClaim: LatencyFigures;
  /** Long claim's p50 divided by the fresh claim's. */
  p50Ratio: number;
}

export interface RebuildFigures {
  events: number;
  seconds: number;
  eventsPerSecond: number;
  peakRssMb: number;
}

export interface RegistryCascadeResults {
  /** Claims the cascading writes reach (each mentions the affiliated party). */
  claims: number;
  /** Timed writes of each kind. */
  samples: number;
  /** From sending the write until a read waiting for its position answered. */
  affiliated: LatencyFigures;
  ended: LatencyFigures;
  /**
   * The same writes (registered and ended together) from the append's answer, the event durable,
   * until a read waiting for its position answered: the projections applying it to every claim.
   */
  applied: LatencyFigures;
  /** The same writes between two parties no claim mentions. */
  baseline: LatencyFigures;
  /** A support on a claim the registry writes do not reach: any write's way to the checkpoint. */
  plainWrite: LatencyFigures;
  /** The append alone (the write's round trip) of the cascading affiliations. */
  appendP50Ms: number;
  /** p50 ÷ p50. */
  ratios: {
    affiliatedToBaseline: number;
    endedToBaseline: number;
    affiliatedToPlainWrite: number;
    baselineToPlainWrite: number;
  };
  rebuild: {
    /** The generated newsroom log with its registry events, and the same log without them. */
    newsroom: { withRegistry: RebuildFigures; withoutRegistry: RebuildFigures; registryEvents: number; ratio: number };
    /** The cascade's log after the timed writes (each reaching every claim) and before them. */
    cascadeLog: { afterWrites: RebuildFigures; beforeWrites: RebuildFigures; registryWrites: number; ratio: number };
  };
}

/** The status rule in process, CPU per claim evaluation (bench/sections/claim-evaluation.section.ts). */
export interface ClaimEvaluationResults {
  parties: number;
  registryEvents: number;
  claims: number;
  developmentsPerClaim: number;
  statuses: Record<string, number>;
  registryFoldMicrosPerEvent: number;
  /** Each claim once against a registry nothing was worked out on yet, as the rebuild's settling pass. */
  settlingMicrosPerEvaluation: number;
  /** The same claims against the next version, after one more affiliation high in the registry. */
  afterRegistryEventMicrosPerEvaluation: number;
  /** Whether a support's party is related to the claimant at its date, asked of a registry folded anew. */
  relatedQuestions: number;
  relatedMicrosPerQuestion: number;
}

/** GET /v1/changes?since= after a night of `events` events (bench/sections/changes-since.section.ts). */
export interface ChangesSinceResults {
  logEvents: number;
  events: number;
  /** The first call on the running service. */
  firstMs: number;
  /** The same call asked again (answers keep the evaluations they made). */
  againP50Ms: number;
  againMaxMs: number;
  totals: Record<string, number>;
  developments: Record<string, number>;
}

export interface TargetCheck {
  name: string;
  actual: number;
  unit: string;
  comparison: '>=' | '<=';
  target: number;
  pass: boolean;
}

/** Extraction of the claims of one long article (POST /v1/extractions' rules), in process. */
export interface CaptureResults {
  words: number;
  characters: number;
  proposals: number;
  runs: number;
  p50Ms: number;
  p99Ms: number;
}

export interface BenchResults {
  mode: 'full' | 'quick';
  startedAt: string;
  machine: { cpus: number; cpuModel: string; node: string; loadAverageAtStart: number[]; loadAverageAtEnd: number[] };
  recordClaim: RecordClaimResults;
  readsUnderWrites: ReadsUnderWritesResults;
  replay: ReplayResults;
  liveProjection: LiveProjectionResults;
  import: ImportResults;
  asOf: AsOfResults;
  restart: RestartResults;
  writeCost: WriteCostResults;
  registryCascade: RegistryCascadeResults;
  claimEvaluation: ClaimEvaluationResults;
  changesSince: ChangesSinceResults;
  capture: CaptureResults;
  targets: TargetCheck[];
}
