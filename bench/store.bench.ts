/**
 * Browser benchmark of the table store (Chromium via Playwright): ingest rate into IndexedDB (goal ≥ 200k rows/s)
 * and the time to load 1M rows from IndexedDB into the KQL engine (goal < 1 s).
 *
 * Two ingest figures, both timed from wire rows in memory to committed IndexedDB transactions: 1M synthetic rows
 * of one table (every value a fresh string or object, the dearest case for the encoder), and the rows of a
 * simulated dataset written through the IndexedDB sink as dataset generation does. Figures on a shared machine
 * swing with its load; the load average is printed with them.
 *
 *   npm run bench -- store          (or: npx tsx bench/store.bench.ts [rows])
 */
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../e2e/chromium';
import { descendantsCpuMs } from './processCpu';
import { serveHarness } from './harnessServer';
import type { GeneratedBenchFigures, StoreBenchFigures } from './store.harness';

const ROWS = Number(process.argv[2] ?? 1_000_000);
const TABLE = process.argv[3] ?? 'AKSAudit';
const SCENARIO = 'privileged-pod-escape';
const SCENARIO_DAYS = Number(process.env.STORE_BENCH_DAYS ?? 7);

async function main(): Promise<void> {
  const loadBefore = loadavg()
    .map((value) => value.toFixed(2))
    .join(', ');
  const harness = await serveHarness(join(import.meta.dirname, 'store.harness.ts'), 'store-bench-');
  const executablePath = findChromium();
  const browser = await chromium.launch({
    args: CHROMIUM_ARGS,
    ...(executablePath ? { executablePath } : {}),
  });
  try {
    const page = await browser.newPage();
    await page.exposeFunction('benchCpuMs', () => descendantsCpuMs(process.pid));
    page.on('console', (m) => console.log('page:', m.text()));
    await page.goto(harness.url);
    await page.waitForFunction(() => 'runStoreBench' in globalThis);
    const cdp = await page.context().newCDPSession(page);
    if (process.env.STORE_PROFILE) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.start');
    }
    const figures = await page.evaluate(
      ([table, rows]) =>
        (
          globalThis as unknown as { runStoreBench: (t: string, r: number) => Promise<StoreBenchFigures> }
        ).runStoreBench(table, rows),
      [TABLE, ROWS] as const,
    );
    if (process.env.STORE_PROFILE) {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(process.env.STORE_PROFILE, JSON.stringify(profile));
    }
    console.log(`load average before the run: ${loadBefore}`);
    const cpuRate = (rows: number, cpuMs: number) =>
      Number.isFinite(cpuMs)
        ? `browser CPU ${Math.round(cpuMs)} ms = ${Math.round(rows / (cpuMs / 1000)).toLocaleString('en-US')} rows per CPU second`
        : 'browser CPU time unknown';
    const ok = (pass: boolean) => (pass ? 'meets the goal' : 'MISSES the goal');
    console.log(
      `table ${figures.table}: ${figures.rows.toLocaleString('en-US')} rows × ${figures.columns} columns`,
    );
    console.log(
      `ingest into IndexedDB: ${Math.round(figures.ingestMs)} ms, ${Math.round(figures.ingestRowsPerSecond).toLocaleString('en-US')} rows/s (goal ≥ 200,000: ${ok(figures.ingestRowsPerSecond >= 200_000)}); ${cpuRate(figures.rows, figures.ingestCpuMs)}; rows to columns ${Math.round(figures.encodeMs)} ms, IndexedDB transactions ${Math.round(figures.writeMs)} ms`,
    );
    console.log(
      `load into the engine: ${Math.round(figures.loadMs)} ms (IndexedDB read + merge ${Math.round(figures.readMs)} ms, of which reading the records ≈ ${Math.round(figures.rawReadMs)} ms; engine.loadColumns ${Math.round(figures.engineLoadMs)} ms; browser CPU ${Number.isFinite(figures.loadCpuMs) ? `${Math.round(figures.loadCpuMs)} ms` : 'unknown'}) (goal < 1,000 ms for 1M rows: ${ok(figures.loadMs < 1000 * (figures.rows / 1_000_000))})`,
    );
    console.log(
      `columns decoded on first use: first \`take 10\` ${Math.round(figures.firstTakeMs)} ms; first query reading every cell of the text, guid and dynamic columns (dcount of each) ${Math.round(figures.firstFullReadMs)} ms`,
    );
    if (figures.storedBytes !== undefined) {
      console.log(`origin storage in use after ingest: ${(figures.storedBytes / 1024 / 1024).toFixed(1)} MB`);
    }
    const generated = await page.evaluate(
      ([scenario, days]) =>
        (
          globalThis as unknown as {
            runGeneratedBench: (s: string, d: number) => Promise<GeneratedBenchFigures>;
          }
        ).runGeneratedBench(scenario, days),
      [SCENARIO, SCENARIO_DAYS] as const,
    );
    console.log(
      `simulated dataset ${generated.scenario}, ${generated.days} days: generated in the page in ${Math.round(generated.generationMs)} ms; ${generated.rows.toLocaleString('en-US')} rows of ${generated.tables} tables through the IndexedDB sink: ${Math.round(generated.ingestMs)} ms, ${Math.round(generated.ingestRowsPerSecond).toLocaleString('en-US')} rows/s (goal ≥ 200,000: ${ok(generated.ingestRowsPerSecond >= 200_000)}); ${cpuRate(generated.rows, generated.ingestCpuMs)}; rows to columns ${Math.round(generated.encodeMs)} ms, IndexedDB transactions ${Math.round(generated.writeMs)} ms`,
    );
    if (figures.checkCount !== figures.rows) {
      throw new Error(`the engine counted ${figures.checkCount} rows, expected ${figures.rows}`);
    }
  } finally {
    await browser.close();
    harness.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
