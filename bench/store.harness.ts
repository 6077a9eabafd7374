/**
 * Runs in Chromium (bundled by bench/store.bench.ts): ingest rows into IndexedDB through the dataset store,
 * then load them back into the KQL engine, as the query worker does.
 */
import Dexie from 'dexie';
import { createKqlEngine } from '../src/kql/index';
import { findTableDefinition, type TableDefinition } from '../src/tables/index';
import { createDatasetDb } from '../src/store/datasetDb';
import { createDatasetStore, CHUNK_ROWS } from '../src/store/datasets';

export interface StoreBenchFigures {
  table: string;
  rows: number;
  columns: number;
  ingestMs: number;
  ingestRowsPerSecond: number;
  /** Reading the chunk records alone, without merging them into engine columns. */
  rawReadMs: number;
  readMs: number;
  engineLoadMs: number;
  loadMs: number;
  checkCount: number;
  storedBytes?: number;
}

/** Deterministic wire rows that fill every column of the table with values of its type. */
function makeRows(definition: TableDefinition, count: number, start: number): Record<string, unknown>[] {
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
  const store = createDatasetStore(createDatasetDb('store-bench'));
  const dataset = await store.beginDataset({ scenario: 'bench', seed: 1 });

  // Each batch is made just before it is stored, and only the store's work is timed.
  let ingestMs = 0;
  for (let start = 0; start < rowCount; start += CHUNK_ROWS) {
    const batch = makeRows(definition, Math.min(CHUNK_ROWS, rowCount - start), start);
    const started = performance.now();
    await store.appendBatch(dataset.id, table, batch);
    ingestMs += performance.now() - started;
  }

  const rawStarted = performance.now();
  await store.db.chunks.where('datasetId').equals(dataset.id).toArray();
  const rawReadMs = performance.now() - rawStarted;

  const engine = createKqlEngine();
  const loadStarted = performance.now();
  const load = await store.loadTableForEngine(dataset.id, table);
  const readMs = performance.now() - loadStarted;
  engine.loadColumns(table, load.rowCount, load.columns);
  const loadMs = performance.now() - loadStarted;

  const check = engine.query(`${table} | count`, { now: new Date() });
  const checkCount = check.ok ? Number(check.rows()[0]![0]) : -1;
  const estimate = await navigator.storage?.estimate?.();
  const figures: StoreBenchFigures = {
    table,
    rows: rowCount,
    columns: definition.columns.length,
    ingestMs,
    ingestRowsPerSecond: rowCount / (ingestMs / 1000),
    rawReadMs,
    readMs,
    engineLoadMs: loadMs - readMs,
    loadMs,
    checkCount,
  };
  if (estimate?.usage !== undefined) figures.storedBytes = estimate.usage;
  store.db.close();
  await Dexie.delete('store-bench');
  return figures;
}

(globalThis as { runStoreBench?: typeof runStoreBench }).runStoreBench = runStoreBench;
