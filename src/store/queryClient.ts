/**
 * The one way the UI reaches data: queries, datasets, generation, import and export all go through
 * this client to the query worker (which owns the engine and IndexedDB). Components never see Dexie or
 * the worker's messages.
 */
import type { Diagnostic, WireValue } from '../kql/types';
import type { AppendRowsResult } from './appendRows';
import type { DatasetRecord } from './datasetDb';
import type { GenerateProgress, GenerateRequest } from './generate';
import type { StoreErrorKind } from './storeError';
import type {
  ImportProgress,
  ImportRequest,
  PreparedQuery,
  RunOutcome,
  WorkerReplyValues,
  WorkerRequest,
  WorkerResponse,
  WorkerTiming,
} from './workerProtocol';
import { DATASET_WRITES } from './workerProtocol';

export type { DatasetRecord, DatasetTableInfo } from './datasetDb';
export type {
  ImportProgress,
  ImportRequest,
  NdjsonFile,
  PreparedQuery,
  QueryPage,
  ResultTablePage,
  RunOutcome,
} from './workerProtocol';
export type { GenerateProgress, GenerateRequest } from './generate';
export type { AppendRowsResult } from './appendRows';
export { datasetIdOf } from './datasetId';

/** A failure of the store or the worker, in plain words (`kind` says what the UI may offer). */
export class ClientError extends Error {
  constructor(
    readonly kind: StoreErrorKind | 'cancelled',
    message: string,
  ) {
    super(message);
    this.name = 'ClientError';
  }
}

export interface RunHandle {
  /** Resolves with the first page or the query's error; rejects with ClientError (cancelled, store failure). */
  readonly outcome: Promise<RunOutcome>;
  cancel(): void;
}

/** The progress a long request reports. */
type ProgressOf<K> = K extends 'generate'
  ? GenerateProgress
  : K extends 'importNdjson'
    ? ImportProgress
    : never;

type RequestBody = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, 'id'> : never) : never;

/**
 * Two workers of the same script: `query` runs the engine (queries, pages, diagnostics), `store` does everything
 * else (writes, imports, generation, dataset lists, exports). A query busy in a synchronous loop therefore never
 * holds up an import, and replacing the query worker to cancel it never interrupts a write.
 */
type Role = 'query' | 'store';

const QUERY_REQUESTS: ReadonlySet<string> = new Set([
  'query',
  'page',
  'release',
  'cancel',
  'diagnose',
  'prepare',
  'loadTable',
  'datasetsChanged',
]);

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  onProgress?: (progress: GenerateProgress | ImportProgress) => void;
  role: Role;
  /** A write: when it settles, the query worker is told before anyone waiting for it runs a query. */
  writes: boolean;
  type: WorkerRequest['type'];
  /** performance.now() when the request was posted. */
  posted: number;
}

/** Requests whose round trip is recorded (WORKER_REQUEST_MEASURE): for the lab's benchmark and its e2e tests. */
const TIMED_REQUESTS: ReadonlySet<string> = new Set(['query', 'page', 'prepare']);

/**
 * A PerformanceMeasure per query, page or prepare request, from its post to its answer on the page, with the worker's
 * own start and end in the page's time base: what `npm run bench -- lab` splits a run's time with.
 */
export const WORKER_REQUEST_MEASURE = 'lab:worker-request';

function recordRoundTrip(entry: Pending, timing: WorkerTiming | undefined): void {
  if (!timing || !TIMED_REQUESTS.has(entry.type) || typeof performance.measure !== 'function') return;
  performance.measure(WORKER_REQUEST_MEASURE, {
    start: entry.posted,
    end: performance.now(),
    detail: {
      type: entry.type,
      workerReceived: timing.received - performance.timeOrigin,
      workerReplied: timing.replied - performance.timeOrigin,
    },
  });
}

/** How long a cancelled query may take to stop before the worker is replaced (a running query cannot hear messages). */
const CANCEL_GRACE_MS = 300;

export interface QueryClientOptions {
  /** Makes the worker; tests and benchmarks may pass their own. */
  createWorker?: () => Worker;
}

export function createQueryClient(options: QueryClientOptions = {}) {
  const createWorker =
    options.createWorker ??
    (() => new Worker(new URL('./queryWorker.ts', import.meta.url), { type: 'module' }));
  const workers: Record<Role, Worker | undefined> = { query: undefined, store: undefined };
  let nextId = 1;
  const pending = new Map<number, Pending>();

  function failAll(role: Role, error: ClientError): void {
    let wrote = false;
    for (const [id, entry] of pending) {
      if (entry.role !== role) continue;
      pending.delete(id);
      wrote ||= entry.writes;
      entry.reject(error);
    }
    // A write cut short may have stored part of its rows.
    if (wrote) announceDatasetsChanged();
  }

  function currentWorker(role: Role): Worker {
    const existing = workers[role];
    if (existing) return existing;
    const created = createWorker();
    created.addEventListener('message', (event: MessageEvent<WorkerResponse>) => {
      const message = event.data;
      const entry = pending.get(message.id);
      if (!entry) return;
      if ('progress' in message) {
        entry.onProgress?.(message.progress);
        return;
      }
      pending.delete(message.id);
      if (entry.writes) announceDatasetsChanged();
      if (message.ok) recordRoundTrip(entry, message.timing);
      if (message.ok) entry.resolve(message.value);
      else entry.reject(new ClientError(message.error.kind, message.error.message));
    });
    created.addEventListener('error', (event) => {
      event.preventDefault();
      created.terminate();
      if (workers[role] !== created) return;
      workers[role] = undefined;
      failAll(
        role,
        new ClientError('unavailable', `The query worker stopped: ${event.message || 'it could not start'}.`),
      );
    });
    workers[role] = created;
    return created;
  }

  function send<K extends keyof WorkerReplyValues>(
    body: Extract<RequestBody, { type: K }>,
    onProgress?: (progress: ProgressOf<K>) => void,
  ): { id: number; promise: Promise<WorkerReplyValues[K]> } {
    const id = nextId++;
    const role: Role = QUERY_REQUESTS.has(body.type) ? 'query' : 'store';
    const promise = new Promise<WorkerReplyValues[K]>((resolve, reject) => {
      const entry: Pending = {
        resolve: resolve as (value: unknown) => void,
        reject,
        role,
        writes: DATASET_WRITES.has(body.type),
        type: body.type,
        posted: performance.now(),
      };
      // The worker reports, for each request, the progress of that request's kind.
      if (onProgress) entry.onProgress = onProgress as Pending['onProgress'];
      pending.set(id, entry);
    });
    currentWorker(role).postMessage({ ...body, id } as WorkerRequest);
    return { id, promise };
  }

  /**
   * The query worker keeps dataset records between queries; a write of this page reaches it as a message, so the
   * queries sent after the write (in the same order) see it. No query worker yet: it has nothing kept.
   */
  function announceDatasetsChanged(): void {
    if (!workers.query) return;
    send({ type: 'datasetsChanged' }).promise.catch(() => undefined);
  }

  function restartWorker(role: Role, reason: ClientError): void {
    workers[role]?.terminate();
    workers[role] = undefined;
    failAll(role, reason);
  }

  return {
    /** Runs a query against a dataset with the dataset's virtual now. */
    run(text: string, runOptions: { datasetId: string; pageSize?: number; timeoutMs?: number }): RunHandle {
      const body: Extract<RequestBody, { type: 'query' }> = {
        type: 'query',
        datasetId: runOptions.datasetId,
        text,
        pageSize: runOptions.pageSize ?? 200,
      };
      if (runOptions.timeoutMs !== undefined) body.timeoutMs = runOptions.timeoutMs;
      const { id, promise } = send(body);
      let settled = false;
      const outcome = promise.finally(() => {
        settled = true;
      });
      return {
        outcome,
        cancel() {
          if (settled) return;
          // The cancel message's own reply is of no interest, and it is rejected when the worker is replaced.
          send({ type: 'cancel', target: id }).promise.catch(() => undefined);
          setTimeout(() => {
            if (settled) return;
            // Still running: the engine is busy in a synchronous loop. Writes live in the store worker, so the
            // query worker can always be replaced.
            restartWorker('query', new ClientError('cancelled', 'The query was cancelled.'));
          }, CANCEL_GRACE_MS);
        },
      };
    },

    /** Rows `[offset, offset + count)` of a result that `run` returned. */
    page(resultId: number, offset: number, count: number): Promise<WireValue[][]> {
      return send({ type: 'page', resultId, offset, count }).promise;
    },

    release(resultId: number): void {
      void send({ type: 'release', resultId }).promise.catch(() => undefined);
    },

    diagnose(text: string): Promise<Diagnostic[]> {
      return send({ type: 'diagnose', text }).promise;
    },

    /**
     * Gets a query ready before it is run: the worker analyses it (keeping its plan) and loads the tables it reads.
     * The lab calls this for the query in the editor, so that pressing Run costs only the execution.
     */
    prepare(datasetId: string, text: string): Promise<PreparedQuery> {
      return send({ type: 'prepare', datasetId, text }).promise;
    },

    listDatasets(): Promise<DatasetRecord[]> {
      return send({ type: 'listDatasets' }).promise;
    },

    datasetInfo(datasetId: string): Promise<DatasetRecord | null> {
      return send({ type: 'datasetInfo', datasetId }).promise;
    },

    resetDataset(datasetId: string): Promise<null> {
      return send({ type: 'resetDataset', datasetId }).promise;
    },

    /**
     * Adds rows to a table of an existing dataset (what the learner's actions write: an incident's new state, an
     * audit row). Every cell is checked against the table's columns first; a bad one rejects the whole call with a
     * ClientError naming the table, row and column. The next query sees the rows.
     */
    appendRows(datasetId: string, table: string, rows: Record<string, unknown>[]): Promise<AppendRowsResult> {
      return send({ type: 'appendRows', datasetId, table, rows }).promise;
    },

    importNdjson(
      request: ImportRequest,
      onProgress?: (progress: ImportProgress) => void,
    ): Promise<DatasetRecord> {
      return send({ type: 'importNdjson', request }, onProgress).promise;
    },

    /**
     * Runs a scenario's simulation in the worker and stores its rows (replacing an earlier dataset of the same
     * scenario, seed and days). Progress reports the virtual clock and the rows written.
     */
    generate(
      request: GenerateRequest,
      onProgress?: (progress: GenerateProgress) => void,
    ): Promise<DatasetRecord> {
      return send({ type: 'generate', request }, onProgress).promise;
    },

    exportNdjson(datasetId: string, table: string): Promise<Blob> {
      return send({ type: 'exportNdjson', datasetId, table }).promise;
    },

    /** Loads a table into the engine ahead of the first query; returns the rows and the time it took. */
    loadTable(datasetId: string, table: string): Promise<{ rowCount: number; loadMs: number }> {
      return send({ type: 'loadTable', datasetId, table }).promise;
    },

    /** Stops the worker (page unload, tests). */
    close(): void {
      const closed = new ClientError('cancelled', 'The query client was closed.');
      restartWorker('query', closed);
      restartWorker('store', closed);
    },
  };
}

export type QueryClient = ReturnType<typeof createQueryClient>;

let shared: QueryClient | undefined;

/** The page's client; the worker starts on first use. */
export function queryClient(): QueryClient {
  shared ??= createQueryClient();
  return shared;
}
