/**
 * The one way the UI reaches a live cluster. Each session owns a cluster worker for one dataset; the learner's
 * steps (kubectl calls at virtual times, runs of the clock) are kept in the learner database so that a reload
 * replays them, and the rows each step produces are appended to the dataset so that KQL sees them.
 */
import type { ClusterStepRecord, ClusterSessionRecord } from './learnerDb';
import type {
  ClusterReplyValues,
  ClusterRequest,
  ClusterRequestBody,
  ClusterResponse,
  LiveClusterRequest,
} from './clusterProtocol';
import { rowCount, type ManifestChoice, type RowsByTable, type TimelineEvent } from './clusterSession';

export type { LiveClusterRequest } from './clusterProtocol';
export type { ManifestChoice, TimelineEvent } from './clusterSession';

/** Far above a learner's session; the learner database's export takes no more. */
export const MAX_CLUSTER_STEPS = 5_000;

export interface RowsWritten {
  /** Rows the call wrote to the dataset (audit rows, alerts). */
  readonly rowsWritten: number;
  /** Why the rows could not be written now (they are written on the next visit). */
  readonly writeProblem?: string;
}

export interface ClusterCommandResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
  /** Virtual time of the call (epoch ms). */
  readonly time: number;
  /**
   * The answer comes as soon as the call is kept in the learner database; its rows reach the dataset just after
   * (the next call waits for them), so the terminal never waits for IndexedDB.
   */
  readonly written: Promise<RowsWritten>;
}

export interface ClockResult {
  readonly now: number;
  readonly rowsWritten: number;
  readonly writeProblem?: string;
}

export interface ClusterSessionStore {
  getClusterSession(datasetId: string): Promise<ClusterSessionRecord | undefined>;
  putClusterSession(record: ClusterSessionRecord): Promise<void>;
}

export type AppendRows = (
  datasetId: string,
  table: string,
  rows: Record<string, unknown>[],
) => Promise<unknown>;

export interface OpenClusterOptions {
  readonly datasetId: string;
  /** `createdAt` of the dataset: when it differs from the session's, the dataset was regenerated. */
  readonly datasetCreatedAt: number;
  readonly cluster: LiveClusterRequest;
  /** Tests pass their own; the page's defaults are the cluster worker, the learner store and the query client. */
  readonly createWorker?: () => Pick<Worker, 'postMessage' | 'addEventListener' | 'terminate'>;
  readonly sessions?: ClusterSessionStore;
  readonly appendRows?: AppendRows;
}

export interface ClusterSession {
  readonly datasetId: string;
  /** The learner's identity on the cluster (the audit log's user), when the cluster says. */
  readonly learner?: string;
  /** The cluster's virtual now (epoch ms). */
  now(): number;
  timeline(): readonly TimelineEvent[];
  manifests(): readonly ManifestChoice[];
  /** kubectl command lines the learner ran, oldest first (the terminal's history). */
  history(): readonly string[];
  /** Steps replayed when the session opened. */
  readonly restoredSteps: number;
  /** Why the rows of earlier steps could not be written when the session opened. */
  readonly restoreProblem?: string;
  kubectl(line: string, stdin?: string): Promise<ClusterCommandResult>;
  complete(line: string): Promise<readonly string[]>;
  advanceTo(time: number): Promise<ClockResult>;
  close(): void;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function defaultWorker(): Worker {
  return new Worker(new URL('./clusterWorker.ts', import.meta.url), { type: 'module' });
}

async function defaultSessions(): Promise<ClusterSessionStore> {
  return import('./learner');
}

async function defaultAppendRows(): Promise<AppendRows> {
  const { queryClient } = await import('./queryClient');
  return (datasetId, table, rows) => queryClient().appendRows(datasetId, table, rows);
}

/**
 * Runs of the clock one after another, all written, are one run to the latest time: playing the clock must not fill
 * the database. A run whose rows are not written yet stays apart, so that a reload writes exactly its rows.
 */
export function withoutRepeatedClockRuns(steps: readonly ClusterStepRecord[]): ClusterStepRecord[] {
  return steps.filter((step, index) => {
    const next = steps[index + 1];
    return !(step.line === undefined && step.appended && next?.line === undefined && next?.appended);
  });
}

type WorkerLike = ReturnType<NonNullable<OpenClusterOptions['createWorker']>>;

function connect(worker: WorkerLike) {
  let nextId = 1;
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  worker.addEventListener('message', (event: Event) => {
    const response = (event as MessageEvent<ClusterResponse>).data;
    const entry = pending.get(response.id);
    if (!entry) return;
    pending.delete(response.id);
    if (response.ok) entry.resolve(response.value);
    else entry.reject(new Error(response.message));
  });
  worker.addEventListener('error', (event: Event) => {
    event.preventDefault();
    const reason = (event as ErrorEvent).message || 'it could not start';
    for (const entry of pending.values()) entry.reject(new Error(`The cluster worker stopped: ${reason}.`));
    pending.clear();
  });
  return function send<K extends ClusterRequestBody['type']>(
    body: Extract<ClusterRequestBody, { type: K }>,
  ): Promise<ClusterReplyValues[K]> {
    const id = nextId++;
    return new Promise<ClusterReplyValues[K]>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ ...body, id } as ClusterRequest);
    });
  };
}

/**
 * Opens the live cluster of a dataset: builds it in a worker from the dataset's seed, replays the learner's earlier
 * steps, and writes the rows of any step that had not reached the dataset (or of all, after a regeneration).
 */
export async function openClusterSession(options: OpenClusterOptions): Promise<ClusterSession> {
  const sessions = options.sessions ?? (await defaultSessions());
  const appendRows = options.appendRows ?? (await defaultAppendRows());
  const worker = (options.createWorker ?? defaultWorker)();
  const send = connect(worker);
  const { datasetId, datasetCreatedAt } = options;

  const stored = await sessions.getClusterSession(datasetId);
  const rewriteAll = stored !== undefined && stored.datasetCreatedAt !== datasetCreatedAt;
  let record: ClusterSessionRecord = {
    datasetId,
    datasetCreatedAt,
    steps: stored?.steps ?? [],
    updatedAt: stored?.updatedAt ?? Date.now(),
  };

  let opened;
  try {
    opened = await send({
      type: 'open',
      cluster: options.cluster,
      steps: record.steps.map(({ time, line, stdin, appended }) => ({
        time,
        appended,
        ...(line !== undefined ? { line } : {}),
        ...(stdin !== undefined ? { stdin } : {}),
      })),
      rewriteAll,
    });
  } catch (error) {
    worker.terminate();
    throw new Error(`The live cluster could not be built for ${datasetId}: ${message(error)}`, {
      cause: error,
    });
  }
  let now = opened.now;
  let timeline = opened.timeline;

  // Saves and appends one after another, so that a step is never marked before the rows it owns are written.
  let writes: Promise<unknown> = Promise.resolve();
  function serially<T>(work: () => Promise<T>): Promise<T> {
    const next = writes.then(work, work);
    writes = next.catch(() => undefined);
    return next;
  }

  async function save(next: ClusterSessionRecord): Promise<void> {
    record = next;
    await sessions.putClusterSession(record);
  }

  /** Appends rows by table, then marks the steps they came from; says what failed instead of throwing. */
  async function writeRows(
    rows: RowsByTable,
    written: readonly ClusterStepRecord[],
  ): Promise<string | undefined> {
    try {
      for (const [table, tableRows] of Object.entries(rows)) {
        if (tableRows.length > 0) await appendRows(datasetId, table, tableRows);
      }
    } catch (error) {
      return `The cluster's new rows could not be written to the dataset (${message(error)}); they are written on your next visit.`;
    }
    // Steps are marked by identity: a compaction in between may have moved them.
    const marked = new Set(written);
    const steps = record.steps.map((step) => (marked.has(step) ? { ...step, appended: true } : step));
    await save({ ...record, updatedAt: Date.now(), steps: withoutRepeatedClockRuns(steps) });
    return undefined;
  }

  async function addStep(step: ClusterStepRecord): Promise<ClusterStepRecord> {
    await save({ ...record, steps: [...record.steps, step], updatedAt: step.ranAt });
    return step;
  }

  const restoreProblem =
    opened.pendingSteps.length > 0
      ? await serially(() =>
          writeRows(
            opened.pendingRows,
            opened.pendingSteps.flatMap((index) => record.steps[index] ?? []),
          ),
        )
      : undefined;

  function checkRoom(): void {
    if (record.steps.length >= MAX_CLUSTER_STEPS)
      throw new Error(
        `This cluster session holds ${MAX_CLUSTER_STEPS} steps, the most it keeps. Regenerate the dataset from the Datasets page to start a fresh cluster.`,
      );
  }

  return {
    datasetId,
    ...(opened.learner !== undefined ? { learner: opened.learner } : {}),
    restoredSteps: record.steps.length,
    ...(restoreProblem !== undefined ? { restoreProblem } : {}),
    now: () => now,
    timeline: () => timeline,
    manifests: () => opened.manifests,
    history: () => record.steps.flatMap((step) => (step.line !== undefined ? [step.line] : [])),

    kubectl(line, stdin) {
      return new Promise<ClusterCommandResult>((resolve, reject) => {
        let answered = false;
        let finishWriting: (written: RowsWritten) => void = () => {};
        const written = new Promise<RowsWritten>((done) => (finishWriting = done));
        serially(async () => {
          checkRoom();
          const reply = await send(
            stdin === undefined ? { type: 'kubectl', line } : { type: 'kubectl', line, stdin },
          );
          const step = await addStep({
            time: reply.time,
            line,
            ...(stdin !== undefined ? { stdin } : {}),
            ranAt: Date.now(),
            appended: false,
          });
          answered = true;
          resolve({
            stdout: reply.stdout,
            stderr: reply.stderr,
            exitCode: reply.exitCode,
            time: reply.time,
            written,
          });
          const writeProblem = await writeRows(reply.rows, [step]);
          timeline = await send({ type: 'timeline' });
          finishWriting(
            writeProblem === undefined
              ? { rowsWritten: rowCount(reply.rows) }
              : { rowsWritten: 0, writeProblem },
          );
        }).catch((error: unknown) => {
          if (!answered) reject(error instanceof Error ? error : new Error(message(error)));
          else finishWriting({ rowsWritten: 0, writeProblem: message(error) });
        });
      });
    },

    complete(line) {
      return send({ type: 'complete', line });
    },

    advanceTo(time) {
      return serially(async () => {
        if (time <= now) return { now, rowsWritten: 0 };
        checkRoom();
        const reply = await send({ type: 'advance', to: time });
        now = reply.now;
        const step = await addStep({ time: reply.now, ranAt: Date.now(), appended: false });
        const writeProblem = await writeRows(reply.rows, [step]);
        timeline = await send({ type: 'timeline' });
        return {
          now,
          rowsWritten: writeProblem === undefined ? rowCount(reply.rows) : 0,
          ...(writeProblem !== undefined ? { writeProblem } : {}),
        };
      });
    },

    close() {
      worker.terminate();
    },
  };
}

export interface ClusterProbe {
  /** Runs a kubectl line; resolves with its output, or why it failed. Nothing is kept or written to the dataset. */
  run(line: string): Promise<{ ok: true; value: string } | { ok: false; reason: string }>;
  close(): void;
}

/**
 * A cluster as the dataset left it, apart from the learner's: a grader reads the live pod's evidence here, whatever
 * the learner did to their own cluster since (deleted the pod, ran the clock past its replacement). Its calls are not
 * the learner's: no step is kept and no row reaches the dataset.
 */
export function openClusterProbe(
  cluster: LiveClusterRequest,
  createWorker: NonNullable<OpenClusterOptions['createWorker']> = defaultWorker,
): ClusterProbe {
  const worker = createWorker();
  const send = connect(worker);
  const opened = send({ type: 'open', cluster, steps: [], rewriteAll: false });
  const answers = new Map<string, ReturnType<ClusterProbe['run']>>();
  return {
    run(line) {
      const known = answers.get(line);
      if (known) return known;
      const answer = opened
        .then(() => send({ type: 'kubectl', line }))
        .then((reply) =>
          reply.exitCode === 0
            ? ({ ok: true, value: reply.stdout } as const)
            : ({ ok: false, reason: reply.stderr.trim() || `exit code ${reply.exitCode}` } as const),
        )
        .catch((error: unknown) => ({ ok: false, reason: message(error) }) as const);
      answers.set(line, answer);
      return answer;
    },
    close() {
      worker.terminate();
    },
  };
}
