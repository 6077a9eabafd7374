/**
 * Runs in Chromium (bundled by bench/store.bench.ts): ingest rows into IndexedDB through the dataset store,
 * then load them back into the KQL engine, as the query worker does.
 */
import Dexie from 'dexie';
import { createKqlEngine } from '../src/kql/index';
import { findTableDefinition, type TableDefinition } from '../src/tables/index';
import { createDatasetDb } from '../src/store/datasetDb';
import { createDatasetStore, CHUNK_ROWS } from '../src/store/datasets';
import { IndexedDbSink } from '../src/store/indexedDbSink';
import { MemorySink, runScenario } from '../simulations/index';

export interface StoreBenchFigures {
  table: string;
  rows: number;
  columns: number;
  ingestMs: number;
  ingestRowsPerSecond: number;
  /** CPU time all the browser's processes spent on the ingest (NaN when unknown). */
  ingestCpuMs: number;
  /** Of ingestMs: checking and encoding rows into columns, and the IndexedDB transactions. */
  encodeMs: number;
  writeMs: number;
  /** Reading the chunk records alone, without merging them into engine columns. */
  rawReadMs: number;
  readMs: number;
  engineLoadMs: number;
  loadMs: number;
  /** CPU time all the browser's processes spent on the load (NaN when unknown). */
  loadCpuMs: number;
  checkCount: number;
  /** Text and dynamic columns are decoded on first use: a first `take 10`, and a first query over every cell of all of them. */
  firstTakeMs: number;
  firstFullReadMs: number;
  storedBytes?: number;
}

/** CPU ms used by the browser's processes so far (exposed by bench/store.bench.ts), or NaN when unknown. */
async function browserCpuMs(): Promise<number> {
  const read = (globalThis as { benchCpuMs?: () => Promise<number | undefined> }).benchCpuMs;
  return (read ? await read() : undefined) ?? NaN;
}

/** Deterministic wire rows that fill every column of the table with values of its type. */
export function makeRows(
  definition: TableDefinition,
  count: number,
  start: number,
): Record<string, unknown>[] {
  const verbs = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'];
  const users = [
    'system:serviceaccount:kube-system:coredns',
    'aks-support',
    'alice@contoso.com',
    'system:node:aks-0',
  ];
  const rows: Record<string, unknown>[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const n = start + i;
    const row: Record<string, unknown> = {};
    for (const column of definition.columns) {
      switch (column.type) {
        case 'datetime':
          row[column.name] = new Date(Date.UTC(2026, 10, 20) + n * 250).toISOString();
          break;
        case 'string':
          row[column.name] =
            column.name === 'Verb'
              ? verbs[n % verbs.length]
              : column.name === 'RequestUri'
                ? `/api/v1/namespaces/ns-${n % 40}/pods/pod-${n % 5000}`
                : column.name === 'AuditId'
                  ? `a${n.toString(16).padStart(8, '0')}-4d7a-9a3e-2b1f0c9d8e7f`
                  : `${column.name}-${n % 25}`;
          break;
        case 'dynamic':
          row[column.name] = { user: users[n % users.length], groups: ['system:authenticated'], n: n % 100 };
          break;
        case 'bool':
          row[column.name] = n % 3 === 0;
          break;
        case 'int':
        case 'long':
          row[column.name] = n % 1000;
          break;
        case 'real':
          row[column.name] = (n % 1000) / 7;
          break;
        default:
          row[column.name] = null;
      }
    }
    // A spread copy has the fast object layout of a literal, as the simulation's rows and JSON.parse's have;
    // the keyed stores above leave a slow dictionary-mode object that no real producer hands over.
    rows[i] = { ...row };
  }
  return rows;
}

export async function runStoreBench(table: string, rowCount: number): Promise<StoreBenchFigures> {
  const definition = findTableDefinition(table);
  if (!definition) throw new Error(`unknown table ${table}`);
  await Dexie.delete('store-bench');
  let encodeMs = 0;
  let writeMs = 0;
  const store = createDatasetStore(createDatasetDb('store-bench'), {
    onBatchStored: (timing) => {
      encodeMs += timing.encodeMs;
      writeMs += timing.writeMs;
    },
  });
  const dataset = await store.beginDataset({ scenario: 'bench', seed: 1 });

  // Each batch is made just before it is stored, and only the store's work is timed.
  let ingestMs = 0;
  let ingestCpuMs = 0;
  for (let start = 0; start < rowCount; start += CHUNK_ROWS) {
    const batch = makeRows(definition, Math.min(CHUNK_ROWS, rowCount - start), start);
    const cpuStarted = await browserCpuMs();
    const started = performance.now();
    await store.appendBatch(dataset.id, table, batch);
    ingestMs += performance.now() - started;
    ingestCpuMs += (await browserCpuMs()) - cpuStarted;
  }

  const rawStarted = performance.now();
  await store.db.chunks.where('datasetId').equals(dataset.id).toArray();
  const rawReadMs = performance.now() - rawStarted;

  const engine = createKqlEngine();
  const loadCpuStarted = await browserCpuMs();
  const loadStarted = performance.now();
  const load = await store.loadTableForEngine(dataset.id, table);
  const readMs = performance.now() - loadStarted;
  engine.loadColumns(table, load.rowCount, load.columns);
  const loadMs = performance.now() - loadStarted;
  const loadCpuMs = (await browserCpuMs()) - loadCpuStarted;

  const check = engine.query(`${table} | count`, { now: new Date() });
  const checkCount = check.ok ? Number(check.rows()[0]![0]) : -1;
  const takeStarted = performance.now();
  const take = engine.query(`${table} | take 10`, { now: new Date() });
  if (take.ok) take.rows();
  const firstTakeMs = performance.now() - takeStarted;
  const textColumns = definition.columns.filter((c) => ['string', 'guid', 'dynamic'].includes(c.type));
  const fullRead = `${table} | summarize ${textColumns.map((c, i) => `c${i} = dcount(tostring(['${c.name}']))`).join(', ')}`;
  const fullStarted = performance.now();
  const full = engine.query(fullRead, { now: new Date() });
  if (!full.ok) throw new Error(`the full-read query failed: ${full.message}`);
  const firstFullReadMs = performance.now() - fullStarted;
  const estimate = await navigator.storage?.estimate?.();
  const figures: StoreBenchFigures = {
    table,
    rows: rowCount,
    columns: definition.columns.length,
    ingestMs,
    ingestRowsPerSecond: rowCount / (ingestMs / 1000),
    ingestCpuMs,
    encodeMs,
    writeMs,
    rawReadMs,
    readMs,
    engineLoadMs: loadMs - readMs,
    loadMs,
    loadCpuMs,
    checkCount,
    firstTakeMs,
    firstFullReadMs,
  };
  if (estimate?.usage !== undefined) figures.storedBytes = estimate.usage;
  store.db.close();
  await Dexie.delete('store-bench');
  return figures;
}

export interface GeneratedBenchFigures {
  scenario: string;
  days: number;
  rows: number;
  tables: number;
  /** Time to simulate the dataset into memory in the page (no IndexedDB). */
  generationMs: number;
  ingestMs: number;
  ingestRowsPerSecond: number;
  ingestCpuMs: number;
  encodeMs: number;
  writeMs: number;
}

/**
 * The simulation's own rows (its mix of tables, shared objects and JSON strings), made in memory first and
 * then written through the IndexedDB sink exactly as generating a dataset does; only the sink's work is timed.
 */
export async function runGeneratedBench(scenario: string, days: number): Promise<GeneratedBenchFigures> {
  const memory = new MemorySink();
  const generationStarted = performance.now();
  await runScenario({ scenario, seed: 1, days, sink: memory });
  const generationMs = performance.now() - generationStarted;
  await Dexie.delete('store-bench-generated');
  let encodeMs = 0;
  let writeMs = 0;
  const store = createDatasetStore(createDatasetDb('store-bench-generated'), {
    onBatchStored: (timing) => {
      encodeMs += timing.encodeMs;
      writeMs += timing.writeMs;
    },
  });
  const dataset = await store.beginDataset({ scenario, seed: 1, days });
  const sink = new IndexedDbSink(dataset.id, store);
  // The simulation appends a few hundred rows at a time; the sink gathers them into whole chunks.
  const appendRows = 512;
  let rows = 0;
  const cpuStarted = await browserCpuMs();
  const started = performance.now();
  for (const [table, tableRows] of memory.tables) {
    for (let start = 0; start < tableRows.length; start += appendRows) {
      await sink.append(table, tableRows.slice(start, start + appendRows));
    }
    rows += tableRows.length;
  }
  await sink.flush();
  const ingestMs = performance.now() - started;
  const ingestCpuMs = (await browserCpuMs()) - cpuStarted;
  const stored = await store.getDataset(dataset.id);
  const storedRows = Object.values(stored?.tables ?? {}).reduce((sum, info) => sum + info.rowCount, 0);
  if (storedRows !== rows) throw new Error(`stored ${storedRows} rows, expected ${rows}`);
  store.db.close();
  await Dexie.delete('store-bench-generated');
  return {
    scenario,
    days,
    rows,
    tables: memory.tables.size,
    generationMs,
    ingestMs,
    ingestRowsPerSecond: rows / (ingestMs / 1000),
    ingestCpuMs,
    encodeMs,
    writeMs,
  };
}

Object.assign(globalThis, { runStoreBench, runGeneratedBench });
