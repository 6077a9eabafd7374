/**
 * Quality budgets, as a script that prints figures (never a timed test):
 *  - Lighthouse 12.2.3 on the home page, a lesson and the lab: performance ≥ 90, accessibility 100, best practices ≥ 95;
 *  - axe on the lab with a result grid and a chart on screen: no violations.
 *
 *   npm run build && npx tsx scripts/lighthouse.ts
 *   LIGHTHOUSE_PAGES=/lab/ measures only the pages named; LIGHTHOUSE_DIST=<dir> another build (a before/after);
 *   LIGHTHOUSE_RUNS=<n> runs per page (3 by default); LIGHTHOUSE_AXE=0 skips the axe check;
 *   LIGHTHOUSE_SAVE=<dir> keeps each run's full JSON report there (its audits name the long tasks and the DOM size).
 * Figures follow the machine's load (Lighthouse's simulated throttling scales the CPU time it observes, so a busy
 * machine inflates blocking time): each run prints the load average beside it, the budgets are judged on the median
 * of the runs, and a before/after is only meaningful in the same conditions.
 *
 * Lighthouse runs through `npx --yes lighthouse@12.2.3` (pinned: newer versions refuse this Node), so the project does
 * not carry its ~100 MB of dependencies; the first run downloads it once into npm's cache.
 */
import AxeBuilder from '@axe-core/playwright';
import { chromium } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, findChromium } from '../e2e/chromium';
import { importLabDataset } from '../e2e/labDataset';
import { loadLabEditor } from '../e2e/labEditor';

const ROOT = join(import.meta.dirname, '..');
/** LIGHTHOUSE_DIST names another build to measure (another branch's, for a before/after in the same conditions). */
const DIST = process.env.LIGHTHOUSE_DIST ?? join(ROOT, 'dist');
const PORT = Number(process.env.LIGHTHOUSE_PORT ?? 4417);
const ORIGIN = `http://127.0.0.1:${PORT}`;
/** LIGHTHOUSE_PAGES (comma-separated paths) measures only those pages. */
const PAGES = process.env.LIGHTHOUSE_PAGES?.split(',').filter((path) => path !== '') ?? [
  '/',
  '/modules/4-7-defender-for-containers/',
  '/lab/',
];
const RUNS = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 3));
const WITH_AXE = process.env.LIGHTHOUSE_AXE !== '0';
const SAVE_DIR = process.env.LIGHTHOUSE_SAVE;
const BUDGETS = { performance: 90, accessibility: 100, 'best-practices': 95 } as const;
type Category = keyof typeof BUDGETS;

function startServer(): Promise<ChildProcess> {
  const server = spawn(process.execPath, [join(ROOT, 'scripts', 'serveDist.mjs'), DIST, String(PORT)], {
    stdio: 'ignore',
  });
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 20_000;
    const poll = () => {
      fetch(ORIGIN)
        .then(() => resolve(server))
        .catch(() =>
          Date.now() > deadline
            ? reject(new Error('The static server did not start.'))
            : setTimeout(poll, 200),
        );
    };
    poll();
  });
}

interface LighthouseReport {
  categories: Record<Category, { score: number | null }>;
  audits: Record<
    string,
    {
      score: number | null;
      title: string;
      scoreDisplayMode: string;
      displayValue?: string;
      numericValue?: number;
      details?: { items?: { url?: string; total?: number; scripting?: number }[] };
    }
  >;
}

/** The metrics behind the performance score, and the scripts that kept the page's thread busy longest. */
const METRICS = [
  'first-contentful-paint',
  'largest-contentful-paint',
  'total-blocking-time',
  'cumulative-layout-shift',
  'speed-index',
];

function lighthouse(path: string, chromePath: string | undefined): LighthouseReport {
  const run = spawnSync(
    'npx',
    [
      '--yes',
      'lighthouse@12.2.3',
      ORIGIN + path,
      '--quiet',
      '--output=json',
      '--output-path=stdout',
      `--only-categories=${Object.keys(BUDGETS).join(',')}`,
      `--chrome-flags=--headless=new ${CHROMIUM_ARGS.join(' ')}`,
    ],
    {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      env: { ...process.env, ...(chromePath ? { CHROME_PATH: chromePath } : {}) },
    },
  );
  if (run.status !== 0) throw new Error(`Lighthouse failed on ${path}: ${run.stderr.slice(-2000)}`);
  return JSON.parse(run.stdout) as LighthouseReport;
}

/** Keeps a run's whole report, named by page and run, for reading its audits afterwards. */
function saveReport(path: string, run: number, report: LighthouseReport): void {
  if (!SAVE_DIR) return;
  mkdirSync(SAVE_DIR, { recursive: true });
  const name = path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home';
  writeFileSync(join(SAVE_DIR, `${name}.${run}.json`), JSON.stringify(report));
}

async function axeOnLab(chromePath: string | undefined): Promise<string[]> {
  const browser = await chromium.launch({
    args: CHROMIUM_ARGS,
    ...(chromePath ? { executablePath: chromePath } : {}),
  });
  try {
    const context = await browser.newContext({ baseURL: ORIGIN, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await importLabDataset(page);
    await page.goto('/lab/');
    await loadLabEditor(page);
    const editor = page.getByRole('textbox', { name: 'KQL query' }).first();
    const status = page.getByRole('toolbar', { name: 'Query actions' }).getByRole('status');
    const violations: string[] = [];
    for (const [query, wait] of [
      ['KubeEvents | take 50', '[role="grid"]'],
      [
        'KubeEvents | summarize count() by bin(TimeGenerated, 1h), Reason | render timechart',
        '[data-chart-ready="true"]',
      ],
    ] as const) {
      await editor.focus();
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.insertText(query);
      await page.keyboard.press('Escape');
      await page.keyboard.press('Shift+Enter');
      await page.waitForSelector(wait, { timeout: 60_000 });
      await status.filter({ hasText: /rows in/ }).waitFor({ timeout: 60_000 });
      const results = await new AxeBuilder({ page }).analyze();
      for (const violation of results.violations) {
        violations.push(
          `${query.split('|').at(-1)!.trim()}: ${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join('; ')})`,
        );
      }
    }
    return violations;
  } finally {
    await browser.close();
  }
}

function loadAverage(): string {
  return `load ${loadavg()[0]!.toFixed(1)}`;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const score = (report: LighthouseReport, category: Category) =>
  Math.round((report.categories[category].score ?? 0) * 100);

/** A metric as Lighthouse shows it (seconds, milliseconds or a unitless shift), from its value in milliseconds. */
function shown(id: string, value: number): string {
  if (id === 'cumulative-layout-shift') return value.toFixed(3);
  if (id === 'total-blocking-time') return `${Math.round(value)} ms`;
  return `${(value / 1000).toFixed(1)} s`;
}

/** One line per run, then the median of the runs, which the budgets judge. Returns the budgets missed. */
function measure(path: string, chromePath: string | undefined): number {
  const reports: LighthouseReport[] = [];
  for (let run = 1; run <= RUNS; run++) {
    const load = loadAverage();
    const report = lighthouse(path, chromePath);
    reports.push(report);
    saveReport(path, run, report);
    const scores = (Object.keys(BUDGETS) as Category[]).map((category) => `${score(report, category)}`);
    const metrics = METRICS.map((id) => report.audits[id]?.displayValue ?? '?');
    console.log(`  run ${run}/${RUNS} (${load}): ${scores.join('/')}; ${metrics.join(', ')}`);
  }
  let missed = 0;
  const scores = (Object.keys(BUDGETS) as Category[]).map((category) => {
    const value = median(reports.map((report) => score(report, category)));
    const meets = value >= BUDGETS[category];
    if (!meets) missed++;
    return `${category} ${value}${meets ? '' : ` (MISSES ≥ ${BUDGETS[category]})`}`;
  });
  console.log(`${path}: ${scores.join(', ')} (median of ${RUNS})`);
  const metrics = METRICS.map((id) => {
    const values = reports.map((report) => report.audits[id]?.numericValue ?? Number.NaN);
    return `${id.replace(/-/g, ' ')} ${shown(id, median(values))}`;
  });
  console.log(`  ${metrics.join(', ')}`);
  // The run with the median performance score names the scripts and the failing audits.
  const typical = [...reports].sort((a, b) => score(a, 'performance') - score(b, 'performance'))[
    Math.floor(reports.length / 2)
  ]!;
  const busiest = (typical.audits['bootup-time']?.details?.items ?? [])
    .slice(0, 3)
    .map((item) => `${(item.url ?? '').replace(ORIGIN, '')} ${Math.round(item.total ?? 0)} ms`);
  if (busiest.length > 0) console.log(`  main-thread time by script: ${busiest.join(', ')}`);
  const failing = Object.entries(typical.audits)
    .filter(([, audit]) => audit.scoreDisplayMode === 'binary' && audit.score === 0)
    .map(([id]) => id);
  if (failing.length > 0) console.log(`  failing audits: ${failing.join(', ')}`);
  return missed;
}

async function main(): Promise<void> {
  if (!existsSync(join(DIST, 'lab', 'index.html')))
    throw new Error('No build in dist/: run `npm run build` first.');
  const chromePath = findChromium();
  const server = await startServer();
  let missed = 0;
  try {
    for (const path of PAGES) missed += measure(path, chromePath);
    if (WITH_AXE) {
      const violations = await axeOnLab(chromePath);
      console.log(`axe on the lab with a result grid and a chart: ${violations.length} violations`);
      for (const violation of violations) console.log(`  ${violation}`);
      missed += violations.length;
    }
  } finally {
    server.kill();
  }
  console.log(missed === 0 ? 'All budgets met.' : `${missed} budget(s) missed.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
