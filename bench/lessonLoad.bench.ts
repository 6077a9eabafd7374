/**
 * The main-thread work of opening a lesson, from a Chromium trace under 4× CPU throttling (Lighthouse's mobile
 * setting), in a fresh profile and again with a learner's answers stored. Lighthouse's own figure swings with the
 * machine's load; this one names what the time is spent on, so a change can be judged by its parts:
 *  - per run: the main thread's busy time until 5 s after `load`, its tasks over 50 ms and their blocking time
 *    (the part over 50 ms, summed after the first contentful paint, as Lighthouse's total blocking time counts it);
 *  - the median of the runs per kind of work (parse, style & layout, rendering, script by file, GC);
 *  - the page's element count.
 *
 *   npm run build && npm run bench -- lessonLoad     (or: npx tsx bench/lessonLoad.bench.ts)
 *   LESSON_BENCH_DIST=<dir> another build (a before/after in the same conditions); LESSON_BENCH_RUNS=<n> (5);
 *   LESSON_BENCH_PAGES=<path,…> (the four lessons of module 4.7 by default); LESSON_BENCH_TRACE=<dir> keeps each
 *   run's trace there (it opens in Chromium's Performance panel); LESSON_BENCH_NAMES=1 names the events in "other".
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../e2e/chromium';

const ROOT = join(import.meta.dirname, '..');
const DIST = process.env.LESSON_BENCH_DIST ?? join(ROOT, 'dist');
const PORT = Number(process.env.LESSON_BENCH_PORT ?? 4418);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const RUNS = Math.max(1, Number(process.env.LESSON_BENCH_RUNS ?? 5));
const PAGES = process.env.LESSON_BENCH_PAGES?.split(',').filter(Boolean) ?? [
  '/modules/4-7-defender-for-containers/',
  '/modules/4-7-container-escape/',
  '/modules/4-7-runtime-and-audit-logs/',
  '/modules/4-7-investigation-and-forensics/',
];
const CPU_SLOWDOWN = 4;
const SETTLE_MS = 5_000;
const LONG_TASK_MS = 50;

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; frame?: string }; frame?: string };
}

/** The kind of work an event is, as Lighthouse groups it; script work is named by its file. */
function kindOf(event: TraceEvent, scriptUrl: string | undefined): string {
  switch (event.name) {
    case 'ParseHTML':
    case 'ParseAuthorStyleSheet':
      return 'parse HTML & CSS';
    case 'UpdateLayoutTree':
    case 'RecalculateStyles':
    case 'Layout':
    case 'InvalidateLayout':
    case 'ScheduleStyleRecalculation':
      return 'style & layout';
    case 'Paint':
    case 'PrePaint':
    case 'Layerize':
    case 'UpdateLayer':
    case 'CompositeLayers':
    case 'Commit':
    case 'PaintImage':
    case 'Decode Image':
      return 'rendering';
    case 'MajorGC':
    case 'MinorGC':
    case 'V8.GCScavenger':
    case 'V8.GCFinalizeMC':
    case 'BlinkGC.AtomicPhase':
      return 'garbage collection';
    default:
      if (
        event.cat.includes('v8') ||
        /^(v8|V8)\.|EvaluateScript|FunctionCall|TimerFire|EventDispatch|RunMicrotasks|FireIdleCallback|FireAnimationFrame/.test(
          event.name,
        )
      )
        return `script ${shortUrl(scriptUrl)}`;
      return process.env.LESSON_BENCH_NAMES ? `other ${event.name}` : 'other';
  }
}

function shortUrl(url: string | undefined): string {
  if (!url) return '(page)';
  return url.replace(ORIGIN, '').replace(/\.[A-Za-z0-9_-]{8}\.js$/, '.js');
}

interface RunFigures {
  busyMs: number;
  longTasks: number[];
  blockingMs: number;
  byKind: Map<string, number>;
}

/** Exclusive time of each event on the page's main thread, grouped by kind; top-level tasks for the long ones. */
function analyse(events: TraceEvent[], fcp: number | undefined): RunFigures {
  const threadNames = new Map<string, string>();
  for (const event of events)
    if (event.ph === 'M' && event.name === 'thread_name')
      threadNames.set(`${event.pid}:${event.tid}`, event.args?.name ?? '');
  const parseCounts = new Map<string, number>();
  for (const event of events)
    if (event.name === 'ParseHTML')
      parseCounts.set(`${event.pid}:${event.tid}`, (parseCounts.get(`${event.pid}:${event.tid}`) ?? 0) + 1);
  const mainThread = [...parseCounts.entries()]
    .filter(([thread]) => threadNames.get(thread) === 'CrRendererMain')
    .sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!mainThread) throw new Error('The trace has no renderer main thread that parsed HTML.');
  const complete = events
    .filter(
      (event) => event.ph === 'X' && `${event.pid}:${event.tid}` === mainThread && event.dur !== undefined,
    )
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);

  const byKind = new Map<string, number>();
  const longTasks: number[] = [];
  let busy = 0;
  let blocking = 0;
  // A stack of open events: each one's exclusive time is its duration less its children's.
  const stack: { event: TraceEvent; end: number; childTime: number; url: string | undefined }[] = [];
  const close = (until: number) => {
    while (stack.length > 0 && stack.at(-1)!.end <= until) {
      const open = stack.pop()!;
      const exclusive = open.event.dur! - open.childTime;
      const kind = kindOf(open.event, open.url);
      byKind.set(kind, (byKind.get(kind) ?? 0) + exclusive / 1000);
      if (stack.length > 0) stack.at(-1)!.childTime += open.event.dur!;
    }
  };
  for (const event of complete) {
    close(event.ts);
    const isTask = event.name === 'RunTask' || event.name === 'ThreadControllerImpl::RunTask';
    if (stack.length === 0 && !isTask) continue; // outside any task: tracing's own bookkeeping
    if (stack.length === 0) {
      const ms = event.dur! / 1000;
      busy += ms;
      if (ms > LONG_TASK_MS) {
        longTasks.push(Math.round(ms));
        if (fcp === undefined || event.ts >= fcp) blocking += ms - LONG_TASK_MS;
      }
    }
    const url = event.args?.data?.url || stack.at(-1)?.url;
    stack.push({ event, end: event.ts + event.dur!, childTime: 0, url });
  }
  close(Number.POSITIVE_INFINITY);
  return { busyMs: busy, longTasks: longTasks.sort((a, b) => b - a), blockingMs: blocking, byKind };
}

async function traceLoad(
  browser: Browser,
  path: string,
  withAnswers: boolean,
): Promise<RunFigures & { elements: number }> {
  const context = await browser.newContext({
    viewport: { width: 412, height: 823 },
    serviceWorkers: 'block',
  });
  try {
    const page = await context.newPage();
    if (withAnswers) await answerEveryCheck(page, path);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await browser.startTracing(page, {
      categories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'toplevel',
        'v8',
        'loading',
        'blink.user_timing',
      ],
    });
    await page.goto(path, { waitUntil: 'load' });
    await page.waitForTimeout(SETTLE_MS);
    const buffer = await browser.stopTracing();
    if (process.env.LESSON_BENCH_TRACE) {
      mkdirSync(process.env.LESSON_BENCH_TRACE, { recursive: true });
      const name = `${new URL(path).pathname.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '')}${withAnswers ? '.answers' : ''}.${Date.now()}.json`;
      writeFileSync(join(process.env.LESSON_BENCH_TRACE, name), buffer);
    }
    const trace = JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] };
    const fcp = trace.traceEvents.find((event) => event.name === 'firstContentfulPaint');
    const figures = analyse(trace.traceEvents, fcp?.ts);
    const elements = await page.evaluate(() => document.querySelectorAll('*').length);
    return { ...figures, elements };
  } finally {
    await context.close();
  }
}

/** A returning learner: every choice check answered (the first option), so that the page restores them. */
async function answerEveryCheck(page: Page, path: string): Promise<void> {
  await page.goto(path);
  const checks = page.locator('knowledge-check[data-mode="lesson"]:not([data-type="query"])');
  for (let index = 0; index < (await checks.count()); index++) {
    const check = checks.nth(index);
    const type = await check.getAttribute('data-type');
    if (type === 'matching') await check.locator('select').first().selectOption({ index: 1 });
    else if (type !== 'ordering') await check.locator('input').first().check();
    await check.getByRole('button', { name: /Check answer/ }).click();
    await check.locator('[data-verdict]').first().waitFor();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function startServer(): Promise<ChildProcess> {
  const server = spawn(process.execPath, [join(ROOT, 'scripts', 'serveDist.mjs'), DIST, String(PORT)], {
    stdio: 'ignore',
  });
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 20_000;
    const poll = () =>
      void fetch(ORIGIN)
        .then(() => resolve(server))
        .catch(() =>
          Date.now() > deadline
            ? reject(new Error('The static server did not start.'))
            : setTimeout(poll, 200),
        );
    poll();
  });
}

async function main(): Promise<void> {
  if (!existsSync(join(DIST, 'index.html')))
    throw new Error(`No build in ${DIST}: run \`npm run build\` first.`);
  const chromePath = findChromium();
  const server = await startServer();
  const browser = await chromium.launch({
    args: CHROMIUM_ARGS,
    ...(chromePath ? { executablePath: chromePath } : {}),
  });
  try {
    console.log(`${DIST}, CPU ×${CPU_SLOWDOWN}, ${RUNS} runs per page, median`);
    for (const path of PAGES) {
      for (const withAnswers of [false, true]) {
        const runs: (RunFigures & { elements: number })[] = [];
        const loads: string[] = [];
        for (let run = 0; run < RUNS; run++) {
          loads.push(loadavg()[0]!.toFixed(1));
          runs.push(await traceLoad(browser, new URL(path, ORIGIN).href, withAnswers));
        }
        const kinds = new Set(runs.flatMap((run) => [...run.byKind.keys()]));
        const parts = [...kinds]
          .map((kind) => [kind, median(runs.map((run) => run.byKind.get(kind) ?? 0))] as const)
          .filter(([, ms]) => ms >= 5)
          .sort((a, b) => b[1] - a[1])
          .map(([kind, ms]) => `${kind} ${Math.round(ms)}`);
        console.log(
          `${path} ${withAnswers ? 'answers stored' : 'fresh profile'} (load ${loads.join(' ')}): ` +
            `busy ${Math.round(median(runs.map((run) => run.busyMs)))} ms, ` +
            `blocking ${Math.round(median(runs.map((run) => run.blockingMs)))} ms ` +
            `[${runs.map((run) => Math.round(run.blockingMs)).join(' ')}], ` +
            `long tasks ${median(runs.map((run) => run.longTasks.length))} (longest ${median(runs.map((run) => run.longTasks[0] ?? 0))} ms), ` +
            `${runs[0]!.elements} elements`,
        );
        console.log(`  ${parts.join(', ')}`);
      }
    }
  } finally {
    await browser.close();
    server.kill();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
