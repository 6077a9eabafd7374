/**
 * The lab's typical queries as the query worker runs them, in Node: the starter dataset (3 simulated days, ~180,000
 * rows) is generated into IndexedDB (fake-indexeddb) exactly as the lab does, then each query goes through the query
 * service (dataset record, table loads, engine, first page of rows in wire format). Prints, per query, the service's
 * p50 and p95 and the engine's own p50; with the machine's load, since on a shared machine the figures follow it.
 * What the browser adds (messages, rendering, painting) is `npm run bench -- lab`.
 *
 * Then the same queries in turn, each after a full collection of the heap, as a browser's worker runs them: it
 * collects its heap in the pauses between a learner's queries, and a collection drops the optimised code of loops
 * made per query (see src/kql/grouping.ts). The bench runs itself again with gc() exposed to make those collections.
 *
 *   npm run bench -- workerQueries          (or: npx tsx bench/workerQueries.bench.ts)
 *   node --import tsx --cpu-prof --cpu-prof-dir=<dir> bench/workerQueries.bench.ts   for a CPU profile
 */
import 'fake-indexeddb/auto';
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createDatasetDb } from '../src/store/datasetDb';
import { createDatasetStore } from '../src/store/datasets';
import { generateDataset } from '../src/store/generate';
import { createQueryService } from '../src/store/queryService';
import { TYPICAL_QUERIES } from './labQueries';

/** The lab's starter scenario (src/pages/lab.astro) with its default seed and days, as bench/lab.bench.ts uses. */
const STARTER = { scenario: 'privileged-pod-escape', seed: 7, days: 3 };
/** Rows the lab asks for in its first page (src/components/lab/storeBackend.ts). */
const PAGE_ROWS = 50_000;
const RUNS = Number(process.env.WORKER_QUERIES_RUNS ?? 20);
/** Passes over the queries, each run after a full collection (one collection costs 30–100 ms: fewer runs). */
const COLLECTED_PASSES = 10;

const collectGarbage = (globalThis as { gc?: () => void }).gc;
if (!collectGarbage) {
  const rerun = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url)],
    {
      stdio: 'inherit',
    },
  );
  process.exit(rerun.status ?? 1);
}

function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
}

const load = () => `load ${loadavg()[0]!.toFixed(1)}`;
const ms = (value: number) => `${value.toFixed(1)} ms`;

async function main(): Promise<void> {
  const store = createDatasetStore(createDatasetDb('worker-queries-bench'));
  const generationStarted = performance.now();
  const dataset = await generateDataset(store, STARTER);
  const rows = Object.values(dataset.tables).reduce((sum, table) => sum + table.rowCount, 0);
  console.log(
    `starter dataset: ${rows.toLocaleString('en')} rows generated in ${ms(performance.now() - generationStarted)} (${load()})`,
  );
  const service = createQueryService({ store });
  // The first run of each query loads its tables and analyses it, as the lab's preparation does ahead of time.
  for (const query of TYPICAL_QUERIES) {
    const outcome = await service.query(dataset.id, query, PAGE_ROWS);
    if (!outcome.ok)
      throw new Error(`The benchmark query failed: ${query}\n${outcome.code} ${outcome.message}`);
  }
  const all: number[] = [];
  console.log(`each query ${RUNS} times, p50 and p95 through the query service (engine p50):`);
  for (const query of TYPICAL_QUERIES) {
    const totals: number[] = [];
    const engine: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      const outcome = await service.query(dataset.id, query, PAGE_ROWS);
      totals.push(performance.now() - started);
      if (outcome.ok) engine.push(outcome.elapsedMs);
    }
    all.push(...totals);
    console.log(
      `  ${ms(percentile(totals, 0.5))} p95 ${ms(percentile(totals, 0.95))} (engine ${ms(percentile(engine, 0.5))})  ${query.slice(0, 90)}`,
    );
  }
  console.log(
    `all ${all.length} runs: p50 ${ms(percentile(all, 0.5))}, p95 ${ms(percentile(all, 0.95))} (${load()})`,
  );

  console.log(
    `the queries in turn, ${COLLECTED_PASSES} passes, each run after a full collection of the heap: p50 and p95 (engine p50):`,
  );
  const afterCollection = TYPICAL_QUERIES.map(() => ({ totals: [] as number[], engine: [] as number[] }));
  for (let pass = 0; pass < COLLECTED_PASSES; pass++) {
    for (const [index, query] of TYPICAL_QUERIES.entries()) {
      collectGarbage!();
      const started = performance.now();
      const outcome = await service.query(dataset.id, query, PAGE_ROWS);
      afterCollection[index]!.totals.push(performance.now() - started);
      if (outcome.ok) afterCollection[index]!.engine.push(outcome.elapsedMs);
    }
  }
  for (const [index, query] of TYPICAL_QUERIES.entries()) {
    const { totals, engine } = afterCollection[index]!;
    console.log(
      `  ${ms(percentile(totals, 0.5))} p95 ${ms(percentile(totals, 0.95))} (engine ${ms(percentile(engine, 0.5))})  ${query.slice(0, 90)}`,
    );
  }
  const collectedAll = afterCollection.flatMap((figures) => figures.totals);
  console.log(
    `all ${collectedAll.length} runs after a collection: p50 ${ms(percentile(collectedAll, 0.5))}, p95 ${ms(percentile(collectedAll, 0.95))} (${load()})`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
