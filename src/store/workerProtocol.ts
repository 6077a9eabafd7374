/**
 * Messages between the query client (main thread) and the query worker. Only queryClient.ts and
 * queryWorker.ts use these; components use the client.
 */
import type { ChartSpec, Diagnostic, QueryError, ResultColumn, WireValue } from '../kql/types';
import type { AppendRowsResult } from './appendRows';
import type { DatasetRecord } from './datasetDb';
import type { GenerateProgress, GenerateRequest } from './generate';
import type { StoreErrorKind } from './storeError';

/** One result table as the worker sends it: its first page; later pages come from `page` with its `resultId`. */
export interface ResultTablePage {
  resultId: number;
  /** As Kusto names it: `PrimaryResult`, a fork branch's name, `GenericResult`... (the result tab's label). */
  name: string;
  columns: readonly ResultColumn[];
  rowCount: number;
  /**
   * Rows in wire format: the first page as the worker sends it; later pages come from `page` (the lab's client
   * fetches them all, so its outcomes hold every row).
   */
  rows: WireValue[][];
  chart?: ChartSpec;
  truncated?: { limit: number; reason: string };
}

export interface QueryPage extends ResultTablePage {
  /** The further result tables (fork, facet, funnel_sequence, several statements), in Kusto's order. */
  extraTables?: ResultTablePage[];
  /** Time the engine spent on the query. */
  elapsedMs: number;
  /** Time spent loading tables from IndexedDB into the engine before the query (0 when all were cached). */
  loadMs: number;
  /** The virtual now the query ran with (ISO). */
  now: string;
  /** Set when the dataset is not finished (still generating, or cut short): the rows are only part of it. */
  unfinished?: string;
}

/** What running a query gives, in the worker, the client and the lab alike: a result or the engine's error. */
export type RunOutcome = ({ ok: true } & QueryPage) | QueryError;

/** A query got ready ahead of its run: the tables it reads (from the analyzer) are loaded, its plan is kept. */
export interface PreparedQuery {
  tables: string[];
  /** Time spent loading those tables (0 when all were loaded). */
  loadMs: number;
}

export interface NdjsonFile {
  /** Table name, taken from the file name (`AKSAudit.ndjson`). */
  table: string;
  file: Blob;
}

export interface ImportRequest {
  scenario: string;
  seed: number;
  days?: number;
  files: NdjsonFile[];
  virtualStart?: number;
  virtualEnd?: number;
  virtualNow?: number;
}

export type WorkerRequest =
  | { id: number; type: 'query'; datasetId: string; text: string; pageSize: number; timeoutMs?: number }
  | { id: number; type: 'page'; resultId: number; offset: number; count: number }
  | { id: number; type: 'release'; resultId: number }
  | { id: number; type: 'cancel'; target: number }
  | { id: number; type: 'diagnose'; text: string }
  | { id: number; type: 'prepare'; datasetId: string; text: string }
  | { id: number; type: 'listDatasets' }
  | { id: number; type: 'datasetInfo'; datasetId: string }
  | { id: number; type: 'resetDataset'; datasetId: string }
  | { id: number; type: 'appendRows'; datasetId: string; table: string; rows: Record<string, unknown>[] }
  | { id: number; type: 'importNdjson'; request: ImportRequest }
  | { id: number; type: 'generate'; request: GenerateRequest }
  | { id: number; type: 'exportNdjson'; datasetId: string; table: string }
  | { id: number; type: 'loadTable'; datasetId: string; table: string }
  /** A write of this page settled: the query worker reads dataset records again (see DATASET_CHANGES). */
  | { id: number; type: 'datasetsChanged' };

export interface WorkerReplyValues {
  query: RunOutcome;
  page: WireValue[][];
  release: null;
  cancel: null;
  diagnose: Diagnostic[];
  prepare: PreparedQuery;
  listDatasets: DatasetRecord[];
  datasetInfo: DatasetRecord | null;
  resetDataset: null;
  appendRows: AppendRowsResult;
  importNdjson: DatasetRecord;
  generate: DatasetRecord;
  exportNdjson: Blob;
  loadTable: { rowCount: number; loadMs: number };
  datasetsChanged: null;
}

/** Requests that write datasets: when one settles, query workers must read dataset records again. */
export const DATASET_WRITES: ReadonlySet<WorkerRequest['type']> = new Set([
  'resetDataset',
  'appendRows',
  'importNdjson',
  'generate',
]);

/**
 * The BroadcastChannel on which a worker that wrote datasets tells every other page's query worker (a write in this
 * page reaches its own query worker as a `datasetsChanged` request, in order with the queries that follow it).
 */
export const DATASET_CHANGES = 'sc200-dataset-changes';

export interface WorkerFailure {
  kind: StoreErrorKind | 'cancelled';
  message: string;
}

/**
 * When the worker took a request up and when it posted the answer, in ms since the epoch
 * (`performance.timeOrigin + performance.now()`, comparable across the page and its workers): the lab's benchmark splits
 * a run into messaging, engine and page work with it.
 */
export interface WorkerTiming {
  received: number;
  replied: number;
}

export type WorkerResponse =
  | { id: number; ok: true; value: unknown; timing?: WorkerTiming }
  | { id: number; ok: false; error: WorkerFailure }
  | { id: number; progress: GenerateProgress | ImportProgress };

/** How far an import got: the table being read and the rows stored so far. */
export interface ImportProgress {
  table: string;
  rows: number;
}
