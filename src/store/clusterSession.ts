/**
 * The learner's session on a live cluster, inside the cluster worker: the simulation's live cluster (built from the
 * dataset's seed) plus the steps that brought it to where the learner left it. Framework-free: the worker wires it
 * to messages, tests drive it with a small fake cluster.
 */
import type { ClusterStepRecord } from './learnerDb';

/** A row as the simulation writes it (wire format: keys are column names). */
export type ClusterRow = Record<string, unknown>;
export type RowsByTable = Record<string, ClusterRow[]>;

export interface KubectlOutcome {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
  /** What the API server and Defender log for the call, by table (the rows appear after the ingestion delay). */
  readonly rows: RowsByTable;
}

export interface TimelineEvent {
  /** Virtual epoch ms. */
  readonly time: number;
  readonly label: string;
}

export interface ManifestChoice {
  readonly name: string;
  readonly yaml: string;
}

/** What the session needs of the simulation's live cluster (simulations/live); the real one satisfies it. */
export interface LiveClusterLike {
  /** Who the learner is to the API server (the audit log's user). */
  readonly learner?: string;
  now(): number;
  /** Runs the virtual clock to `ms`; the rows the cluster wrote meanwhile, by table. */
  advanceTo(ms: number): RowsByTable;
  timeline(): readonly TimelineEvent[];
  kubectl(commandLine: string, options?: { stdin?: string }): KubectlOutcome;
  complete(partialLine: string): readonly string[];
  manifests(): readonly ManifestChoice[];
}

/** A step as the worker is told it: the stored record's fields that decide what the cluster does. */
export type ClusterStep = Pick<ClusterStepRecord, 'time' | 'line' | 'stdin' | 'appended'>;

export interface RestoredSession {
  readonly now: number;
  /** Rows of the steps whose rows are not yet in the dataset (all of them when `rewriteAll`), by table. */
  readonly pendingRows: RowsByTable;
  /** Indexes of the steps those rows belong to; the caller marks them appended once they are written. */
  readonly pendingSteps: readonly number[];
}

export function appendTo(target: RowsByTable, rows: RowsByTable): RowsByTable {
  for (const [table, tableRows] of Object.entries(rows)) {
    if (tableRows.length === 0) continue;
    const existing = target[table];
    if (existing) for (const row of tableRows) existing.push(row);
    else target[table] = [...tableRows];
  }
  return target;
}

export function rowCount(rows: RowsByTable): number {
  return Object.values(rows).reduce((sum, tableRows) => sum + tableRows.length, 0);
}

/**
 * Replays the learner's steps on a cluster fresh from the seed: the same steps give the same state, since the
 * cluster is deterministic. `rewriteAll` collects every step's rows (the dataset was regenerated and lost them).
 */
export function replaySteps(
  live: LiveClusterLike,
  steps: readonly ClusterStep[],
  rewriteAll = false,
): RestoredSession {
  const pendingRows: RowsByTable = {};
  const pendingSteps: number[] = [];
  steps.forEach((step, index) => {
    const rows: RowsByTable = {};
    if (step.time > live.now()) appendTo(rows, live.advanceTo(step.time));
    if (step.line !== undefined)
      appendTo(rows, live.kubectl(step.line, step.stdin !== undefined ? { stdin: step.stdin } : {}).rows);
    if (rewriteAll || !step.appended) {
      appendTo(pendingRows, rows);
      pendingSteps.push(index);
    }
  });
  return { now: live.now(), pendingRows, pendingSteps };
}
