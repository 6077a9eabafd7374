/**
 * NDJSON export and import per table, in the CLI's format: one JSON object per line, keys = column names,
 * datetime ISO 8601 with Z, timespan as Kusto prints it, dynamic as JSON.
 */
import { datasetIdOf, type DatasetRecord, type DatasetStore } from './datasets';
import { StoreError } from './storeError';
import type { ImportRequest } from './workerProtocol';
import { CellTypeTally } from './cellTypes';
import { JsonDepthError, parseJsonText } from '../kql/json';

/** Caps on one imported file: a line far longer than any row, and more rows than a 30-day dataset has. */
export const IMPORT_LIMITS = { lineChars: 1_000_000, rowsPerFile: 5_000_000 } as const;

export async function exportTableNdjson(
  store: DatasetStore,
  datasetId: string,
  table: string,
): Promise<Blob> {
  const parts: string[] = [];
  for await (const rows of store.readWireRows(datasetId, table)) {
    let text = '';
    for (const row of rows) text += JSON.stringify(row) + '\n';
    parts.push(text);
  }
  return new Blob(parts, { type: 'application/x-ndjson' });
}

/** `AKSAudit.ndjson` → `AKSAudit` (also accepts .jsonl and .json). */
export function tableNameFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return base.replace(/\.(ndjson|jsonl|json)$/i, '');
}

async function* lines(blob: Blob): AsyncGenerator<string> {
  const reader = blob.stream().getReader();
  const decoder = new TextDecoder();
  let pending = '';
  for (;;) {
    const { done, value } = await reader.read();
    pending += done ? decoder.decode() : decoder.decode(value, { stream: true });
    let newline = pending.indexOf('\n');
    while (newline >= 0) {
      yield pending.slice(0, newline);
      pending = pending.slice(newline + 1);
      newline = pending.indexOf('\n');
    }
    if (done) break;
  }
  if (pending.length > 0) yield pending;
}

/**
 * Imports NDJSON files (one per table) as a new dataset. Refuses to overwrite a dataset that exists, so that
 * no data already here is ever lost; when a file is malformed or the disk is full, the half-imported dataset
 * is removed and the error says which file and line.
 */
export async function importNdjson(
  store: DatasetStore,
  request: ImportRequest,
  onProgress: (table: string, rows: number) => void = () => {},
): Promise<DatasetRecord> {
  const id = datasetIdOf(request.scenario, request.seed, request.days);
  if (await store.getDataset(id)) {
    throw new StoreError(
      'invalid-input',
      `A dataset "${id}" is already in this browser. Reset it first, or import under another scenario name or seed.`,
    );
  }
  const begin: Parameters<DatasetStore['beginDataset']>[0] = {
    scenario: request.scenario,
    seed: request.seed,
  };
  if (request.days !== undefined) begin.days = request.days;
  if (request.virtualNow !== undefined) begin.virtualNow = request.virtualNow;
  await store.beginDataset(begin);
  try {
    for (const { table, file } of request.files) {
      const label = `${table}.ndjson`;
      let batch: Record<string, unknown>[] = [];
      let batchLines: number[] = [];
      let lineNumber = 0;
      let total = 0;
      const definition = store.tableDefinition(table);
      const tally = new CellTypeTally(new Map(definition?.columns.map((c) => [c.name, c.type]) ?? []));
      for await (const line of lines(file)) {
        lineNumber++;
        if (line.trim() === '') continue;
        if (line.length > IMPORT_LIMITS.lineChars) {
          throw new StoreError(
            'invalid-input',
            `${label}, line ${lineNumber}, is longer than ${IMPORT_LIMITS.lineChars.toLocaleString('en-US')} characters: no row is that long. Nothing was imported.`,
          );
        }
        if (total + batch.length >= IMPORT_LIMITS.rowsPerFile) {
          throw new StoreError(
            'invalid-input',
            `${label} has more than ${IMPORT_LIMITS.rowsPerFile.toLocaleString('en-US')} rows, more than this lab holds in one table. Nothing was imported.`,
          );
        }
        let row: unknown;
        try {
          row = parseJsonText(line);
        } catch (error) {
          const reason =
            error instanceof JsonDepthError
              ? error.message
              : `is not valid JSON (${(error as Error).message})`;
          throw new StoreError(
            'invalid-input',
            `${label}, line ${lineNumber}, ${error instanceof JsonDepthError ? `holds JSON that ${reason.replace(/^the JSON /, '')}` : reason}. Nothing was imported.`,
          );
        }
        if (row === null || typeof row !== 'object' || Array.isArray(row)) {
          throw new StoreError(
            'invalid-input',
            `${label}, line ${lineNumber}, is not a JSON object (one row per line is expected). Nothing was imported.`,
          );
        }
        tally.check(row as Record<string, unknown>, lineNumber);
        batch.push(row as Record<string, unknown>);
        batchLines.push(lineNumber);
        if (batch.length >= store.chunkRows) {
          await appendOrExplain(store, id, table, batch, label, batchLines);
          total += batch.length;
          onProgress(table, total);
          batch = [];
          batchLines = [];
        }
      }
      await appendOrExplain(store, id, table, batch, label, batchLines);
      total += batch.length;
      onProgress(table, total);
      const wrongTyped = tally.report();
      if (wrongTyped) {
        throw new StoreError(
          'invalid-input',
          `${label}: ${wrongTyped}. Nothing was imported; correct the file, or leave such cells out (a missing cell is null).`,
        );
      }
    }
    const time: Parameters<DatasetStore['finishDataset']>[1] = {};
    if (request.virtualStart !== undefined) time.virtualStart = request.virtualStart;
    if (request.virtualEnd !== undefined) time.virtualEnd = request.virtualEnd;
    if (request.virtualNow !== undefined) time.virtualNow = request.virtualNow;
    return await store.finishDataset(id, time);
  } catch (error) {
    await store.resetDataset(id).catch(() => undefined);
    throw error;
  }
}

async function appendOrExplain(
  store: DatasetStore,
  id: string,
  table: string,
  batch: Record<string, unknown>[],
  label: string,
  batchLines: readonly number[],
): Promise<void> {
  try {
    await store.appendBatch(id, table, batch);
  } catch (error) {
    if (error instanceof StoreError && error.kind === 'invalid-input') {
      const message = error.message.replace(
        /^Row (\d+) of the \w+ batch/,
        (_, row: string) => `${label}, line ${batchLines[Number(row) - 1]},`,
      );
      throw new StoreError(
        'invalid-input',
        `${message.replace(/; nothing of this batch was saved\./, '.')} Nothing was imported.`,
      );
    }
    if (error instanceof StoreError && error.kind === 'quota') {
      throw new StoreError('quota', `${error.message} The import was undone.`, { cause: error });
    }
    throw error;
  }
}
