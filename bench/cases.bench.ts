/**
 * How long each case's dataset takes to generate: in Chromium on the case page (production build, a fresh on-disk
 * browser profile per case, from navigation to "Dataset ready", with the browser's CPU time by process), and in
 * Node (the simulation into a counting sink, with its CPU time). The load average is printed beside each figure:
 * on a shared machine the wall time follows it, the CPU time much less. Goal: a 3-day case within 15 s in Chromium.
 * The investigation e2e plays the case that is fastest in Chromium.
 *
 *   npm run build && npm run bench -- cases          (or: npx tsx bench/cases.bench.ts [case id…])
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CountingSink, runScenario } from '../simulations/index';
import { loadScenarioFiles } from '../simulations/node/loadScenarios';
import { CHROMIUM_ARGS, findChromium } from '../e2e/chromium';
import { descendantsCpu, type DescendantsCpu } from './processCpu';

const ROOT = join(import.meta.dirname, '..');
const PORT = Number(process.env.BENCH_PORT ?? 4493);
const GOAL_SECONDS = 15;

const load = () =>
  loadavg()
    .map((value) => value.toFixed(1))
    .join(', ');

function cpuSince(before: DescendantsCpu | undefined, after: DescendantsCpu | undefined): string {
  if (!before || !after) return 'browser CPU unknown';
  const parts = Object.entries(after.byTypeMs)
    .map(([type, ms]) => [type, ms - (before.byTypeMs[type] ?? 0)] as const)
    .filter(([, ms]) => ms >= 50)
    .sort((a, b) => b[1] - a[1])
    .map(([type, ms]) => `${type} ${(ms / 1000).toFixed(1)}`);
  return `browser CPU ${((after.totalMs - before.totalMs) / 1000).toFixed(1)} s (${parts.join(', ')})`;
}

async function nodeFigures(id: string, storyline: string, seed: number, days: number, collection?: object) {
  const sink = new CountingSink();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const manifest = await runScenario({
    scenario: { id, storyline, ...(collection ? { collection } : {}) },
    seed,
    days,
    sink,
  });
  const cpu = process.cpuUsage(cpuBefore);
  const rows = Object.values(manifest.rowCounts).reduce((sum, count) => sum + count, 0);
  return { seconds: (performance.now() - started) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6, rows };
}

async function main() {
  const wanted = process.argv.slice(2);
  const cases = loadScenarioFiles(join(ROOT, 'content', 'scenarios'))
    .map((loaded) => loaded.scenario)
    .filter((scenario) => wanted.length === 0 || wanted.includes(scenario.id));
  const server = spawn(
    process.execPath,
    [join(ROOT, 'scripts', 'serveDist.mjs'), join(ROOT, 'dist'), String(PORT)],
    {
      stdio: 'ignore',
    },
  );
  await new Promise((resolve) => setTimeout(resolve, 800));
  const executablePath = findChromium();
  const figures: { id: string; chromium: number }[] = [];
  try {
    for (const scenario of cases) {
      // An on-disk profile, as a learner's browser has: an incognito context would keep IndexedDB in memory.
      const profile = mkdtempSync(join(tmpdir(), 'cases-bench-'));
      const context = await chromium.launchPersistentContext(profile, {
        args: CHROMIUM_ARGS,
        ...(executablePath ? { executablePath } : {}),
      });
      const loadBefore = load();
      let chromiumSeconds: number;
      let cpu: string;
      try {
        const page = await context.newPage();
        const cpuBefore = descendantsCpu(process.pid);
        const started = performance.now();
        await page.goto(`http://127.0.0.1:${PORT}/scenarios/${scenario.id}/`);
        await page.getByText(/^Dataset ready:/).waitFor({ timeout: 600_000 });
        chromiumSeconds = (performance.now() - started) / 1000;
        cpu = cpuSince(cpuBefore, descendantsCpu(process.pid));
      } finally {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      }
      const node = await nodeFigures(
        scenario.id,
        scenario.storyline,
        scenario.seed,
        scenario.days,
        scenario.collection,
      );
      figures.push({ id: scenario.id, chromium: chromiumSeconds });
      const goal =
        scenario.days === 3
          ? ` (goal ≤ ${GOAL_SECONDS} s: ${chromiumSeconds <= GOAL_SECONDS ? 'met' : 'MISSED'})`
          : '';
      console.log(
        `${scenario.id} (seed ${scenario.seed}, ${scenario.days} d, ${node.rows.toLocaleString('en')} rows): Chromium ${chromiumSeconds.toFixed(1)} s${goal} page open to dataset ready, ${cpu}, load average ${loadBefore}; Node ${node.seconds.toFixed(1)} s (${node.cpuSeconds.toFixed(1)} s CPU), load average ${load()}`,
      );
    }
  } finally {
    server.kill();
  }
  const fastest = [...figures].sort((a, b) => a.chromium - b.chromium)[0];
  if (fastest) console.log(`fastest in Chromium: ${fastest.id} (${fastest.chromium.toFixed(1)} s)`);
}

await main();
