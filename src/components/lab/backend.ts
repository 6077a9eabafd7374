import type { ChartSpec, QueryError, ResultColumn, WireValue } from '../../kql/types';

/** A scenario the learner can generate a dataset for (from the content collection). */
export interface ScenarioOption {
  readonly id: string;
  readonly title: string;
  readonly seed: number;
}

/** The dataset that queries run on. */
export interface DatasetSummary {
  readonly scenarioId: string;
  readonly seed: number;
  /** ISO 8601: the dataset's virtual "now", which `now()` and `ago()` read. */
  readonly virtualNow: string;
  readonly start: string;
  readonly end: string;
  readonly rowCounts: Readonly<Record<string, number>>;
}

export interface RunResult {
  readonly ok: true;
  readonly columns: readonly ResultColumn[];
  readonly rows: readonly (readonly WireValue[])[];
  readonly chart?: ChartSpec;
  readonly truncated?: { readonly limit: number; readonly reason: string };
  readonly elapsedMs: number;
}

export type RunOutcome = RunResult | QueryError;

export interface GenerateProgress {
  /** 0 to 1. */
  readonly fraction: number;
  readonly message: string;
}

/** What the lab needs from the data side; implemented over the store's query client. */
export interface LabBackend {
  run(text: string, signal: AbortSignal): Promise<RunOutcome>;
  datasetInfo(): Promise<DatasetSummary | undefined>;
  generate(
    scenarioId: string,
    seed: number,
    onProgress: (progress: GenerateProgress) => void,
    signal: AbortSignal,
  ): Promise<DatasetSummary>;
}
