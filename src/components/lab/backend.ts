import type { ChartSpec, QueryError, ResultColumn, WireValue } from '../../kql/types';

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

export interface RunResult {
  readonly ok: true;
  readonly columns: readonly ResultColumn[];
  readonly rows: readonly (readonly WireValue[])[];
  readonly chart?: ChartSpec;
  readonly truncated?: { readonly limit: number; readonly reason: string };
  /** The engine's own time for the query. */
  readonly elapsedMs: number;
  /** Time spent loading the query's tables from IndexedDB into the engine first (0 when they were loaded). */
  readonly loadMs: number;
}

export type RunOutcome = RunResult | QueryError;

export interface GenerateProgress {
  /** 0 to 1. */
  readonly fraction: number;
  readonly message: string;
}

/** What the lab needs from the data side; implemented over the store's query client (storeBackend.ts). */
export interface LabBackend {
  run(text: string, datasetId: string, signal: AbortSignal): Promise<RunOutcome>;
  listDatasets(): Promise<DatasetSummary[]>;
  /**
   * Loads tables of a dataset into the engine ahead of the first query, one table per call so that a query waits
   * for at most one load. Resolves with the time the load took (0 when it was loaded already).
   */
  preload(datasetId: string, table: string): Promise<number>;
  /** Present when the simulation can generate datasets in the browser. */
  readonly generate?: (
    scenarioId: string,
    seed: number,
    days: number,
    onProgress: (progress: GenerateProgress) => void,
  ) => Promise<DatasetSummary>;
}
