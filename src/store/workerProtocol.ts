/**
 * Messages between the query client (main thread) and the query worker. Only queryClient.ts and
 * queryWorker.ts use these; components use the client.
 */
import type { ChartSpec, Diagnostic, QueryError, ResultColumn, WireValue } from '../kql/types';
import type { TableDefinition } from '../tables/index';
import type { AppendRowsResult } from './appendRows';
import type { DatasetRecord } from './datasetDb';
import type { GenerateRequest } from './generate';
import type { StoreErrorKind } from './storeError';

export interface QueryPage {
  resultId: number;
  columns: readonly ResultColumn[];
  rowCount: number;
  /** The first page of rows (wire format); later pages come from `page`. */
  rows: WireValue[][];
  chart?: ChartSpec;
  truncated?: { limit: number; reason: string };
  /** Time the engine spent on the query. */
  elapsedMs: number;
  /** Time spent loading tables from IndexedDB into the engine before the query (0 when all were cached). */
  loadMs: number;
  /** The virtual now the query ran with (ISO). */
  now: string;
  /** Set when the dataset is not finished (still generating, or cut short): the rows are only part of it. */
  unfinished?: string;
}

export type QueryReply = ({ ok: true } & QueryPage) | QueryError;

export interface TableSchemaInfo {
  definition: TableDefinition;
  rowCount: number;
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
  | { id: number; type: 'schema'; datasetId?: string }
  | { id: number; type: 'listDatasets' }
  | { id: number; type: 'datasetInfo'; datasetId: string }
  | { id: number; type: 'resetDataset'; datasetId: string }
  | { id: number; type: 'beginDataset'; scenario: string; seed: number; days?: number; virtualNow?: number }
  | { id: number; type: 'ingest'; datasetId: string; table: string; rows: Record<string, unknown>[] }
  | { id: number; type: 'appendRows'; datasetId: string; table: string; rows: Record<string, unknown>[] }
  | {
      id: number;
      type: 'finishDataset';
      datasetId: string;
      virtualStart?: number;
      virtualEnd?: number;
      virtualNow?: number;
    }
  | { id: number; type: 'importNdjson'; request: ImportRequest }
  | { id: number; type: 'generate'; request: GenerateRequest }
  | { id: number; type: 'exportNdjson'; datasetId: string; table: string }
  | { id: number; type: 'loadTable'; datasetId: string; table: string };

export interface WorkerReplyValues {
  query: QueryReply;
  page: WireValue[][];
  release: null;
  cancel: null;
  diagnose: Diagnostic[];
  schema: TableSchemaInfo[];
  listDatasets: DatasetRecord[];
  datasetInfo: DatasetRecord | null;
  resetDataset: null;
  beginDataset: DatasetRecord;
  ingest: DatasetRecord;
  appendRows: AppendRowsResult;
  finishDataset: DatasetRecord;
  importNdjson: DatasetRecord;
  generate: DatasetRecord;
  exportNdjson: Blob;
  loadTable: { rowCount: number; loadMs: number };
}

export interface WorkerFailure {
  kind: StoreErrorKind | 'cancelled';
  message: string;
}

export type WorkerResponse =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: WorkerFailure }
  | { id: number; progress: Progress };

/** How far a long write got: rows so far, and the table (import) or the virtual clock (generation). */
export interface Progress {
  rows: number;
  table?: string;
  /** 0 to 1, when known. */
  fraction?: number;
  virtualNow?: string;
}
