import type { ColumnChunk } from '../kql/table';
import type { WireValue } from '../kql/types';
import { findTableDefinition, type TableDefinition } from '../tables/index';
import {
  isKnownColumnKind,
  mergeForEngine,
  storedWireValueAt,
  timeRange,
  UnknownColumnFormatError,
} from './columnar';
import { ChunkBuilder, encodeColumns } from './columnEncoder';
import {
  createDatasetDb,
  type ChunkRecord,
  type DatasetDb,
  type DatasetRecord,
  type DatasetTableInfo,
  type DatasetTimelineStep,
} from './datasetDb';
import { datasetIdOf } from './datasetId';
import { StoreError, toStoreError } from './storeError';

export type { DatasetRecord, DatasetStatus, DatasetTableInfo, DatasetTimelineStep } from './datasetDb';

/**
 * Rows per stored chunk: large enough that IndexedDB reads few records (a 1M-row table loaded in about half the
 * time with 65,536 than with 16,384 in bench/store.bench.ts), small enough for time-range loads.
 */
export const CHUNK_ROWS = 65_536;

export { datasetIdOf };

export interface NewDataset {
  scenario: string;
  seed: number;
  days?: number;
  virtualStart?: number;
  virtualEnd?: number;
  virtualNow?: number;
}

export interface VirtualTime {
  virtualStart?: number;
  virtualEnd?: number;
  virtualNow?: number;
}

/** What a generated dataset also records about its storyline, for a case's evidence and debrief. */
export interface StorylineFacts {
  attackStart?: number;
  timeline?: DatasetTimelineStep[];
}

/** A table as the engine's fast loader takes it (KqlEngine.loadColumns). */
export interface EngineTableLoad {
  rowCount: number;
  columns: Record<string, ColumnChunk>;
  /** The dataset revision the load reflects. */
  revision: number;
}

type TableResolver = (name: string) => TableDefinition | undefined;

function tableDefinitionOrThrow(table: string, resolve: TableResolver): TableDefinition {
  const definition = resolve(table);
  if (!definition) {
    throw new StoreError(
      'invalid-input',
      `"${table}" is not one of the simulated tables, so its rows were not saved.`,
    );
  }
  return definition;
}

/** The column that time-range loads use: TimeGenerated, or the first datetime column. */
export function timeColumnOf(definition: TableDefinition): string | undefined {
  return (
    definition.columns.find((column) => column.name === 'TimeGenerated')?.name ??
    definition.columns.find((column) => column.type === 'datetime')?.name
  );
}

/** A chunk the site cannot read becomes advice the learner can act on; learner data is never involved. */
function unreadableDataset(error: unknown, datasetId: string, table: string): unknown {
  if (!(error instanceof UnknownColumnFormatError)) return error;
  return new StoreError(
    'corrupt',
    `The ${table} rows of the dataset ${datasetId} were saved in a format this version of the site cannot read (${error.message}). ` +
      'Reset the dataset on the Datasets page and generate it again; your progress, answers and saved queries are kept separately and are not affected.',
    { cause: error },
  );
}

function checkColumns(definition: TableDefinition, rows: readonly Record<string, unknown>[]): void {
  const known = new Set(definition.columns.map((column) => column.name));
  // Rows of one producer mostly have the same keys in the same order: a key equal to the one at the same place
  // in the last row checked needs no lookup (most rows cost a string comparison per key, not a hash).
  let checked: string[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (row === null || typeof row !== 'object') {
      throw new StoreError('invalid-input', `Row ${i + 1} of the ${definition.name} batch is not an object.`);
    }
    let position = 0;
    let same = true;
    for (const key in row) {
      if (same && key === checked[position]) {
        position++;
        continue;
      }
      if (same) {
        same = false;
        checked = checked.slice(0, position);
      }
      if (!known.has(key)) {
        throw new StoreError(
          'invalid-input',
          `Row ${i + 1} of the ${definition.name} batch has a column "${key}" that the table does not have; nothing of this batch was saved.`,
        );
      }
      checked.push(key);
      position++;
    }
  }
}

type UnnumberedChunk = Omit<ChunkRecord, 'seq'>;

/** A chunk record (not yet numbered) of encoded columns, with the range of its time column. */
function chunkRecord(
  datasetId: string,
  definition: TableDefinition,
  rowCount: number,
  columns: ChunkRecord['columns'],
): UnnumberedChunk {
  const timeColumn = timeColumnOf(definition);
  const timeIndex = timeColumn ? definition.columns.findIndex((column) => column.name === timeColumn) : -1;
  const range = timeIndex >= 0 ? timeRange(columns[timeIndex]!) : undefined;
  return {
    datasetId,
    table: definition.name,
    rowCount,
    minTime: range?.min ?? 0,
    maxTime: range?.max ?? 0,
    columnNames: definition.columns.map((column) => column.name),
    columns,
  };
}

/** Encodes rows into chunk records (not yet numbered). */
export function encodeChunks(
  datasetId: string,
  definition: TableDefinition,
  rows: readonly Record<string, unknown>[],
  chunkRows = CHUNK_ROWS,
): UnnumberedChunk[] {
  const chunks: UnnumberedChunk[] = [];
  for (let start = 0; start < rows.length; start += chunkRows) {
    const slice = rows.length <= chunkRows ? rows : rows.slice(start, start + chunkRows);
    chunks.push(chunkRecord(datasetId, definition, slice.length, encodeColumns(slice, definition.columns)));
  }
  return chunks;
}

/**
 * Rows of one table streamed into a dataset: each append is checked and encoded as it arrives (its row objects
 * are not kept), and the chunks it fills are saved in one transaction, as appendBatch saves a batch.
 */
export interface TableWriter {
  append(rows: readonly Record<string, unknown>[]): Promise<void>;
  /** Saves the last, partial chunk. */
  flush(): Promise<void>;
}

function mergeTableInfo(
  info: DatasetTableInfo | undefined,
  chunks: readonly UnnumberedChunk[],
  timed: boolean,
) {
  const next: DatasetTableInfo = { ...(info ?? { rowCount: 0, chunkCount: 0 }) };
  for (const chunk of chunks) {
    next.rowCount += chunk.rowCount;
    next.chunkCount += 1;
    if (timed && !(chunk.minTime === 0 && chunk.maxTime === 0)) {
      next.minTime = next.minTime === undefined ? chunk.minTime : Math.min(next.minTime, chunk.minTime);
      next.maxTime = next.maxTime === undefined ? chunk.maxTime : Math.max(next.maxTime, chunk.maxTime);
    }
  }
  return next;
}

export interface DatasetStoreOptions {
  /** Lets tests use tables of their own; the site uses the project's definitions. */
  resolveTable?: TableResolver;
  chunkRows?: number;
  /** Called after each stored batch with where its time went (bench/store.bench.ts reports it). */
  onBatchStored?: (timing: { rows: number; encodeMs: number; writeMs: number }) => void;
}

export function createDatasetStore(db: DatasetDb = createDatasetDb(), options: DatasetStoreOptions = {}) {
  const resolveTable = options.resolveTable ?? findTableDefinition;
  const chunkRows = options.chunkRows ?? CHUNK_ROWS;

  async function requireDataset(id: string): Promise<DatasetRecord> {
    const record = await db.datasets.get(id);
    if (!record) throw new StoreError('not-found', `There is no dataset "${id}" in this browser.`);
    return record;
  }

  /**
   * Saves encoded chunks of one table in a single transaction, together with the dataset's row counts: when it
   * fails (full disk) nothing of them is stored and the dataset stays as it was.
   */
  async function saveChunks(
    datasetId: string,
    definition: TableDefinition,
    chunks: readonly UnnumberedChunk[],
    encodeMs: number,
  ): Promise<void> {
    const table = definition.name;
    const rows = chunks.reduce((sum, chunk) => sum + chunk.rowCount, 0);
    const timed = timeColumnOf(definition) !== undefined;
    const writeStarted = performance.now();
    try {
      await db.transaction('rw', db.datasets, db.chunks, async () => {
        const dataset = await requireDataset(datasetId);
        const info = dataset.tables[table];
        const firstSeq = info?.chunkCount ?? 0;
        await db.chunks.bulkAdd(chunks.map((chunk, index) => ({ ...chunk, seq: firstSeq + index })));
        dataset.revision += 1;
        dataset.tables = {
          ...dataset.tables,
          [table]: { ...mergeTableInfo(info, chunks, timed), revision: dataset.revision },
        };
        dataset.updatedAt = Date.now();
        await db.datasets.put(dataset);
      });
    } catch (error) {
      throw toStoreError(error, `saving ${rows.toLocaleString('en-US')} rows of ${table} to ${datasetId}`);
    }
    options.onBatchStored?.({ rows, encodeMs, writeMs: performance.now() - writeStarted });
  }

  return {
    db,
    chunkRows,
    /** The definition of a table this store writes (undefined for a table it does not know). */
    tableDefinition: (name: string) => resolveTable(name),

    /** Starts a dataset, replacing any earlier one of the same scenario and seed. */
    async beginDataset(dataset: NewDataset, now = Date.now()): Promise<DatasetRecord> {
      const id = datasetIdOf(dataset.scenario, dataset.seed, dataset.days);
      const record: DatasetRecord = {
        id,
        scenario: dataset.scenario,
        seed: dataset.seed,
        status: 'generating',
        createdAt: now,
        updatedAt: now,
        tables: {},
        revision: 0,
      };
      if (dataset.days !== undefined) record.days = dataset.days;
      if (dataset.virtualStart !== undefined) record.virtualStart = dataset.virtualStart;
      if (dataset.virtualEnd !== undefined) record.virtualEnd = dataset.virtualEnd;
      if (dataset.virtualNow !== undefined) record.virtualNow = dataset.virtualNow;
      try {
        await db.transaction('rw', db.datasets, db.chunks, async () => {
          const previous = await db.datasets.get(id);
          if (previous) record.revision = previous.revision + 1;
          await db.chunks.where('datasetId').equals(id).delete();
          await db.datasets.put(record);
        });
      } catch (error) {
        throw toStoreError(error, `starting the dataset ${id}`);
      }
      return record;
    },

    /**
     * Saves one batch of rows of one table in a single transaction, together with the dataset's row counts:
     * when it fails (full disk, bad row) nothing of the batch is stored and the dataset stays as it was.
     */
    async appendBatch(
      datasetId: string,
      table: string,
      rows: readonly Record<string, unknown>[],
    ): Promise<void> {
      if (rows.length === 0) return;
      const definition = tableDefinitionOrThrow(table, resolveTable);
      const encodeStarted = performance.now();
      checkColumns(definition, rows);
      const chunks = encodeChunks(datasetId, definition, rows, chunkRows);
      await saveChunks(datasetId, definition, chunks, performance.now() - encodeStarted);
    },

    /** Streams rows of one table into a dataset (generation): see TableWriter. */
    tableWriter(datasetId: string, table: string): TableWriter {
      const definition = tableDefinitionOrThrow(table, resolveTable);
      let builder = new ChunkBuilder(definition.columns, chunkRows);
      // Encoding happens append by append; a chunk's save reports all of it.
      let encodeMs = 0;
      const finishChunk = () => {
        const chunk = chunkRecord(datasetId, definition, builder.rowCount, builder.finish());
        // A table that filled a chunk will likely fill the next: it gets all its room at once.
        builder = new ChunkBuilder(definition.columns, chunkRows, chunkRows);
        return chunk;
      };
      const save = async (chunks: UnnumberedChunk[], started: number) => {
        const spent = encodeMs + performance.now() - started;
        encodeMs = 0;
        await saveChunks(datasetId, definition, chunks, spent);
      };
      return {
        async append(rows) {
          const started = performance.now();
          checkColumns(definition, rows);
          // The chunks this append fills are saved together: an append is stored whole or not at all.
          const full: UnnumberedChunk[] = [];
          for (let from = 0; from < rows.length;) {
            const to = Math.min(rows.length, from + builder.capacity - builder.rowCount);
            builder.add(rows, from, to);
            from = to;
            if (builder.isFull) full.push(finishChunk());
          }
          if (full.length > 0) await save(full, started);
          else encodeMs += performance.now() - started;
        },
        async flush() {
          if (builder.rowCount > 0) await save([finishChunk()], performance.now());
        },
      };
    },

    /** Marks a dataset complete; virtual times not given default to the range of its data. */
    async finishDataset(
      datasetId: string,
      time: VirtualTime = {},
      storyline: StorylineFacts = {},
    ): Promise<DatasetRecord> {
      try {
        return await db.transaction('rw', db.datasets, async () => {
          const dataset = await requireDataset(datasetId);
          const infos = Object.values(dataset.tables);
          const mins = infos.flatMap((info) => (info.minTime === undefined ? [] : [info.minTime]));
          const maxes = infos.flatMap((info) => (info.maxTime === undefined ? [] : [info.maxTime]));
          dataset.virtualStart =
            time.virtualStart ?? dataset.virtualStart ?? (mins.length ? Math.min(...mins) : undefined);
          dataset.virtualEnd =
            time.virtualEnd ?? dataset.virtualEnd ?? (maxes.length ? Math.max(...maxes) : undefined);
          dataset.virtualNow = time.virtualNow ?? dataset.virtualNow ?? dataset.virtualEnd;
          for (const key of ['virtualStart', 'virtualEnd', 'virtualNow'] as const) {
            if (dataset[key] === undefined) delete dataset[key];
          }
          if (storyline.attackStart !== undefined) dataset.attackStart = storyline.attackStart;
          if (storyline.timeline !== undefined) dataset.timeline = storyline.timeline;
          dataset.status = 'ready';
          delete dataset.problem;
          dataset.updatedAt = Date.now();
          await db.datasets.put(dataset);
          return dataset;
        });
      } catch (error) {
        throw toStoreError(error, `finishing the dataset ${datasetId}`);
      }
    },

    /** Records why generation or import stopped; the rows saved so far stay queryable. */
    async markIncomplete(datasetId: string, problem: string): Promise<void> {
      try {
        await db.datasets.update(datasetId, { status: 'incomplete', problem, updatedAt: Date.now() });
      } catch {
        // Marking is best effort: on a full disk even this small write can fail, and the rows are safe anyway.
      }
    },

    async listDatasets(): Promise<DatasetRecord[]> {
      try {
        return await db.datasets.orderBy('updatedAt').reverse().toArray();
      } catch (error) {
        throw toStoreError(error, 'listing the datasets');
      }
    },

    async getDataset(id: string): Promise<DatasetRecord | undefined> {
      try {
        return await db.datasets.get(id);
      } catch (error) {
        throw toStoreError(error, `reading the dataset ${id}`);
      }
    },

    /** Deletes a dataset and all its rows. Learner data lives elsewhere and is not touched. */
    async resetDataset(id: string): Promise<void> {
      try {
        await db.transaction('rw', db.datasets, db.chunks, async () => {
          await db.chunks.where('datasetId').equals(id).delete();
          await db.datasets.delete(id);
        });
      } catch (error) {
        throw toStoreError(error, `resetting the dataset ${id}`);
      }
    },

    /**
     * A table in the engine's columnar form. With a time range, only chunks that overlap it are read (chunk
     * granularity: rows just outside the range may come along; the query's own filter still applies).
     */
    async loadTableForEngine(
      datasetId: string,
      table: string,
      range?: { from: number; to: number },
    ): Promise<EngineTableLoad> {
      const definition = tableDefinitionOrThrow(table, resolveTable);
      let chunks: ChunkRecord[];
      let revision: number;
      try {
        [chunks, revision] = await db.transaction('r', db.datasets, db.chunks, async () => {
          const dataset = await requireDataset(datasetId);
          const list = range
            ? (
                await db.chunks
                  .where('[datasetId+table+maxTime]')
                  .between([datasetId, table, range.from], [datasetId, table, Infinity], true, true)
                  .toArray()
              )
                .filter((chunk) => chunk.minTime <= range.to)
                .sort((a, b) => a.seq - b.seq)
            : await db.chunks
                .where('[datasetId+table+seq]')
                .between([datasetId, table, -Infinity], [datasetId, table, Infinity], true, true)
                .toArray();
          return [list, dataset.revision] as const;
        });
      } catch (error) {
        throw toStoreError(error, `reading ${table} from ${datasetId}`);
      }
      const lengths = chunks.map((chunk) => chunk.rowCount);
      const columns: Record<string, ColumnChunk> = {};
      try {
        for (const column of definition.columns) {
          const parts = chunks.map((chunk) => {
            const index = chunk.columnNames.indexOf(column.name);
            return index < 0 ? undefined : chunk.columns[index];
          });
          columns[column.name] = mergeForEngine(parts, lengths, column.type);
        }
      } catch (error) {
        throw unreadableDataset(error, datasetId, table);
      }
      return { rowCount: lengths.reduce((sum, length) => sum + length, 0), columns, revision };
    },

    /** The rows of a table in wire format, chunk by chunk, in the order they were written. */
    async *readWireRows(datasetId: string, table: string): AsyncGenerator<Record<string, WireValue>[]> {
      const definition = tableDefinitionOrThrow(table, resolveTable);
      let keys: number[];
      try {
        keys = (await db.chunks
          .where('[datasetId+table+seq]')
          .between([datasetId, table, -Infinity], [datasetId, table, Infinity], true, true)
          .primaryKeys()) as number[];
      } catch (error) {
        throw toStoreError(error, `reading ${table} from ${datasetId}`);
      }
      for (const key of keys) {
        const chunk = await db.chunks.get(key);
        if (!chunk) continue;
        const sources = definition.columns.map((column) => {
          const index = chunk.columnNames.indexOf(column.name);
          return index < 0 ? undefined : chunk.columns[index];
        });
        const rows: Record<string, WireValue>[] = new Array(chunk.rowCount);
        for (const source of sources) {
          if (source && !isKnownColumnKind(source.kind)) {
            throw unreadableDataset(new UnknownColumnFormatError(source.kind), datasetId, table);
          }
        }
        for (let i = 0; i < chunk.rowCount; i++) {
          const row: Record<string, WireValue> = {};
          definition.columns.forEach((column, c) => {
            const source = sources[c];
            row[column.name] = source
              ? storedWireValueAt(source, column.type, i)
              : column.type === 'string'
                ? ''
                : null;
          });
          rows[i] = row;
        }
        yield rows;
      }
    },
  };
}

export type DatasetStore = ReturnType<typeof createDatasetStore>;

let defaultStore: DatasetStore | undefined;

/** The site's dataset store, opened on first use. */
export function datasetStore(): DatasetStore {
  defaultStore ??= createDatasetStore();
  return defaultStore;
}
