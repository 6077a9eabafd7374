/**
 * Browser benchmark of the KQL lab against the production build (Chromium via Playwright):
 *  - data on arrival: a fresh profile opens the lab and the starter dataset (3 simulated days, ~180,000 rows) is
 *    generated in the background; against it, what shipping the same dataset prebuilt would cost (its gzip size, and
 *    fetching, decompressing and parsing it in the page, before any IndexedDB write);
 *  - the first query after a page load, from Shift+Enter to rows on screen (goal ≤ 1 s), and later queries' p95
 *    (goal ≤ 50 ms), for a cold load (the first visit), a reload and an offline reload;
 *  - the JS the lab page loads, gzip.
 *
 *   npm run build && npm run bench -- lab        (or: npx tsx bench/lab.bench.ts)
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { MemorySink, runScenario } from '../simulations/index';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../e2e/chromium';
import { measurePage } from '../scripts/pageWeight';

const DIST = join(import.meta.dirname, '..', 'dist');
const REPEATS = 5;
/** The lab's starter scenario (src/pages/lab.astro) with its default seed and days. */
const STARTER = { scenario: 'privileged-pod-escape', seed: 7, days: 3 };
const STARTER_QUERY =
  'SecurityAlert\n| summarize Alerts = count() by AlertName, AlertSeverity\n| sort by Alerts desc';
const PREBUILT_PATH = '/__bench/prebuilt.ndjson.gz';

/** What a learner runs in the lab: filters, aggregations, time bins, parse_json, a join, a render. */
const TYPICAL_QUERIES = [
  'SecurityAlert | project TimeGenerated, AlertName, AlertSeverity, CompromisedEntity | take 100',
  'SecurityAlert | summarize Alerts = count() by AlertName, AlertSeverity | sort by Alerts desc',
  'AKSAudit | summarize Calls = count() by Verb | sort by Calls desc',
  'AKSAudit | where TimeGenerated > ago(1d) | summarize count() by bin(TimeGenerated, 1h) | render timechart',
  "KubePodInventory | where PodStatus != 'Running' | summarize Pods = dcount(Name) by Namespace, PodStatus",
  'KubeEvents | project TimeGenerated, Namespace, Name, Reason, Message | take 100',
  "ContainerLogV2 | where tostring(LogMessage) has 'error' | summarize count() by PodNamespace",
  'SecurityAlert | extend Props = parse_json(ExtendedProperties) | project TimeGenerated, AlertName, Props | take 50',
  'SecurityAlert | summarize Alerts = count() by CompromisedEntity | join kind=leftouter (KubePodInventory | summarize Pods = dcount(Name) by Computer) on $left.CompromisedEntity == $right.Computer',
];

/** Files that only a page with a lab loads (the same pattern as e2e/lab.spec.ts). */
const LAB_ONLY_FILES = /monaco|kusto|edcore|editor\.api|editor\.worker|echarts|codicon/i;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain',
  '.wasm': 'application/wasm',
};

/** A plain static server over dist/, like any static host (no compression: sizes are computed, not measured). */
function serveDist(prebuilt: Buffer): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    if (path === PREBUILT_PATH) {
      response.setHeader('content-type', 'application/gzip');
      response.end(prebuilt);
      return;
    }
    let file = normalize(join(DIST, path));
    if (!file.startsWith(DIST)) {
      response.statusCode = 403;
      response.end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      response.statusCode = 404;
      response.end(existsSync(join(DIST, '404.html')) ? readFileSync(join(DIST, '404.html')) : 'not found');
      return;
    }
    response.setHeader('content-type', MIME[extname(file)] ?? 'application/octet-stream');
    response.end(readFileSync(file));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ server, origin: `http://127.0.0.1:${port}` });
    }),
  );
}

function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
}

const ms = (value: number) => `${Math.round(value)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

async function runQuery(
  page: Page,
  text: string,
): Promise<{ totalMs: number; engineMs: number; loadMs: number }> {
  const before = await page.evaluate(() => performance.getEntriesByName('lab:run').length);
  const editor = page.getByRole('textbox', { name: 'KQL query' }).first();
  await editor.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(text);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Shift+Enter');
  await page.waitForFunction((count) => performance.getEntriesByName('lab:run').length > count, before, {
    timeout: 60_000,
  });
  const measure = await page.evaluate(() => {
    const entries = performance.getEntriesByName('lab:run') as PerformanceMeasure[];
    const last = entries[entries.length - 1]!;
    return {
      duration: last.duration,
      detail: last.detail as { engineMs?: number; loadMs?: number; ok: boolean },
    };
  });
  if (!measure.detail.ok) {
    const message = await page.getByRole('alert').first().textContent();
    throw new Error(`The benchmark query failed: ${text}\n${message}`);
  }
  return {
    totalMs: measure.duration,
    engineMs: measure.detail.engineMs ?? Number.NaN,
    loadMs: measure.detail.loadMs ?? 0,
  };
}

function gzipOfDistFile(url: string): number {
  const file = join(DIST, decodeURIComponent(new URL(url).pathname));
  return existsSync(file) ? gzipSync(readFileSync(file), { level: 9 }).length : 0;
}

/** The starter dataset as it would ship prebuilt: its NDJSON, gzip-compressed. */
async function prebuiltDataset(): Promise<{
  gzip: Buffer;
  rows: number;
  rawBytes: number;
  simulateMs: number;
}> {
  const sink = new MemorySink();
  const started = performance.now();
  await runScenario({ ...STARTER, sink });
  const simulateMs = performance.now() - started;
  const tables = (sink as unknown as { tables: Map<string, unknown[]> }).tables;
  const parts: Buffer[] = [];
  let rows = 0;
  for (const list of tables.values()) {
    rows += list.length;
    parts.push(Buffer.from(list.map((row) => JSON.stringify(row)).join('\n') + '\n'));
  }
  const raw = Buffer.concat(parts);
  return { gzip: gzipSync(raw, { level: 9 }), rows, rawBytes: raw.length, simulateMs };
}

/** Shift+Enter as soon as the editor is ready after a load, then the typical queries: what a learner feels. */
async function firstAndLater(
  page: Page,
): Promise<{
  first: { totalMs: number; engineMs: number; loadMs: number };
  later: number[];
  laterEngine: number[];
}> {
  await page.waitForSelector('html[data-lab-editor="ready"]', { state: 'attached', timeout: 60_000 });
  const first = await runQuery(page, STARTER_QUERY);
  const later: number[] = [];
  const laterEngine: number[] = [];
  for (let repeat = 0; repeat < REPEATS; repeat++) {
    for (const query of TYPICAL_QUERIES) {
      const { totalMs, engineMs } = await runQuery(page, query);
      later.push(totalMs);
      laterEngine.push(engineMs);
    }
  }
  return { first, later, laterEngine };
}

async function main(): Promise<void> {
  if (!existsSync(join(DIST, 'lab', 'index.html'))) {
    throw new Error('No production build with a lab page in dist/: run `npm run build` first.');
  }
  const prebuilt = await prebuiltDataset();
  const { server, origin } = await serveDist(prebuilt.gzip);
  const executablePath = findChromium();
  const browser = await chromium.launch({
    args: CHROMIUM_ARGS,
    ...(executablePath ? { executablePath } : {}),
  });
  try {
    const context = await browser.newContext({ baseURL: origin });
    const page = await context.newPage();
    const labScripts = new Set<string>();
    page.on('response', (response) => {
      const url = response.url();
      if (url.startsWith(origin) && /\.m?js$/.test(new URL(url).pathname)) labScripts.add(url);
    });

    // Data on arrival: a fresh profile, nothing stored; the lab generates the starter dataset by itself.
    const opened = Date.now();
    await page.goto('/lab/');
    await page.getByLabel('Stored dataset').locator('option:checked').filter({ hasText: / d$/ }).waitFor({
      state: 'attached',
      timeout: 300_000,
    });
    await page
      .getByRole('status')
      .filter({ hasText: /^(?!Preparing)/ })
      .first()
      .waitFor({ timeout: 300_000 });
    const arrivalMs = Date.now() - opened;
    const datasetName = (
      await page.getByLabel('Stored dataset').locator('option:checked').textContent()
    )?.trim();
    const parseMs = await page.evaluate(async (path) => {
      const started = performance.now();
      const response = await fetch(path, { cache: 'no-store' });
      const text = await new Response(response.body!.pipeThrough(new DecompressionStream('gzip'))).text();
      let rows = 0;
      let from = 0;
      for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', from)) {
        if (end > from) {
          JSON.parse(text.slice(from, end));
          rows++;
        }
        from = end + 1;
      }
      return { ms: performance.now() - started, rows };
    }, PREBUILT_PATH);

    const cold = await firstAndLater(page);
    await page.evaluate(() => navigator.serviceWorker?.ready.then(() => undefined));
    await page.reload();
    const reload = await firstAndLater(page);
    await context.setOffline(true);
    await page.reload();
    const offline = await firstAndLater(page);
    await context.setOffline(false);
    await context.close();

    const median = (values: number[]) => percentile(values, 0.5);
    console.log(
      `data on arrival, starter dataset ${datasetName} (${prebuilt.rows.toLocaleString('en')} rows):`,
    );
    console.log(
      `  generated in the background: ready ${ms(arrivalMs)} after opening the lab (editor usable meanwhile), 0 bytes to download`,
    );
    console.log(
      `  prebuilt alternative: ${(prebuilt.gzip.length / 1e6).toFixed(1)} MB gzip (${(prebuilt.rawBytes / 1e6).toFixed(0)} MB NDJSON) to precache and download; fetch + gunzip + JSON.parse of ${parseMs.rows.toLocaleString('en')} rows alone ${ms(parseMs.ms)} in the page, before writing it to IndexedDB`,
    );
    console.log(`  (the same simulation in Node: ${ms(prebuilt.simulateMs)})`);
    for (const [name, figures] of [
      ['cold load (first visit)', cold],
      ['reload', reload],
      ['offline reload', offline],
    ] as const) {
      const p95 = percentile(figures.later, 0.95);
      console.log(
        `${name}: first query ${ms(figures.first.totalMs)} Shift+Enter → rows (engine ${ms(figures.first.engineMs)}, tables loaded in that run ${ms(figures.first.loadMs)}; goal ≤ 1,000 ms: ${figures.first.totalMs <= 1000 ? 'meets' : 'MISSES'}), later queries p50 ${ms(median(figures.later))} p95 ${ms(p95)} (engine p95 ${ms(percentile(figures.laterEngine, 0.95))}; goal ≤ 50 ms: ${p95 <= 50 ? 'meets' : 'MISSES'}), ${figures.later.length} runs`,
      );
    }

    const labHtml = join(DIST, 'lab', 'index.html');
    const named = measurePage(DIST, labHtml);
    const sizes = [...labScripts].map((url) => ({ file: new URL(url).pathname, gzip: gzipOfDistFile(url) }));
    const loaded = sizes.reduce((sum, { gzip }) => sum + gzip, 0);
    const editorAndCharts = sizes.filter(({ file }) => LAB_ONLY_FILES.test(file));
    const heavy = editorAndCharts.reduce((sum, { gzip }) => sum + gzip, 0);
    console.log(`JS named in the lab page's HTML (static imports): ${kb(named.gzipBytes)} gzip`);
    console.log(
      `JS the lab loads once in use (${sizes.length} files, workers included): ${kb(loaded)} gzip, of which Monaco, the Kusto language worker and ECharts ${kb(heavy)}; the island, React, the store client and the query worker ${kb(loaded - heavy)}`,
    );
    for (const { file, gzip } of [...sizes].sort((a, b) => b.gzip - a.gzip).slice(0, 6)) {
      console.log(`  ${kb(gzip)} ${file}`);
    }
    for (const other of ['index.html', 'modules/4-7-defender-for-containers/index.html']) {
      if (existsSync(join(DIST, other))) {
        console.log(
          `JS of /${other.replace(/index\.html$/, '')} (static imports): ${kb(measurePage(DIST, join(DIST, other)).gzipBytes)} gzip`,
        );
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
