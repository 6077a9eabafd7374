import type { GenerateProgress, PreparedQuery, RunOutcome } from '../../store/queryClient';

/** A scenario the learner can generate a dataset for (from the content collection). */
export interface ScenarioOption {
  readonly id: string;
  readonly title: string;
  readonly seed: number;
  /** Simulated days by default. */
  readonly days: number;
}

/** A dataset stored in this browser that queries can run on. */
export interface DatasetSummary {
  /** The store's dataset id, `datasetIdOf(scenarioId, seed, days)` (src/store/datasetId.ts). */
  readonly id: string;
  readonly scenarioId: string;
  readonly seed: number;
  /** Simulated days, when the generator was told. */
  readonly days?: number;
  readonly ready: boolean;
  /** Why the dataset is not usable, in plain words. */
  readonly problem?: string;
  /** ISO 8601: the dataset's virtual "now", which `now()` and `ago()` read. */
  readonly virtualNow?: string;
  readonly start?: string;
  readonly end?: string;
  readonly rowCounts: Readonly<Record<string, number>>;
}

/** What the lab needs from the data side; implemented over the store's query client (storeBackend.ts). */
export interface LabBackend {
  /** Resolves once the query engine has started and analysed a first query (it may reject: queries then start it). */
  readonly engineWarm: Promise<void>;
  /** Runs a query; a successful outcome holds every row of the result. */
  run(text: string, datasetId: string, signal: AbortSignal): Promise<RunOutcome>;
  listDatasets(): Promise<DatasetSummary[]>;
  /** Gets a query ready ahead of its run: loads the tables the analyzer says it reads, and keeps its plan. */
  prepare(datasetId: string, text: string): Promise<PreparedQuery>;
  /**
   * Loads one table of a dataset into the engine ahead of the queries that will read it, one table per call so that a
   * query waits for at most one load. Resolves with the time the load took (0 when it was loaded already).
   */
  loadTable(datasetId: string, table: string): Promise<number>;
  /** Present when the simulation can generate datasets in the browser. */
  readonly generate?: (
    scenarioId: string,
    seed: number,
    days: number,
    onProgress: (progress: GenerateProgress) => void,
  ) => Promise<DatasetSummary>;
}
