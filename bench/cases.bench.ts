/**
 * How long each case's dataset takes to generate: in Chromium on the case page (production build, a fresh browser
 * profile per case, from navigation to "Dataset ready"), and in Node (the simulation into a counting sink).
 * The investigation e2e plays the case that is fastest in Chromium.
 *
 *   npm run build && npm run bench -- cases
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CountingSink, runScenario } from '../simulations/index';
import { loadScenarioFiles } from '../simulations/node/loadScenarios';
import { CHROMIUM_ARGS, findChromium } from '../e2e/chromium';

const ROOT = join(import.meta.dirname, '..');
const PORT = Number(process.env.BENCH_PORT ?? 4493);

async function nodeSeconds(
  id: string,
  storyline: string,
  seed: number,
  days: number,
): Promise<[number, number]> {
  const sink = new CountingSink();
  const started = performance.now();
  const manifest = await runScenario({ scenario: { id, storyline }, seed, days, sink });
  const rows = Object.values(manifest.rowCounts).reduce((sum, count) => sum + count, 0);
  return [(performance.now() - started) / 1000, rows];
}

async function main() {
  const cases = loadScenarioFiles(join(ROOT, 'content', 'scenarios')).map((loaded) => loaded.scenario);
  const server = spawn(
    process.execPath,
    [join(ROOT, 'scripts', 'serveDist.mjs'), join(ROOT, 'dist'), String(PORT)],
    {
      stdio: 'ignore',
    },
  );
  await new Promise((resolve) => setTimeout(resolve, 800));
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  const figures: { id: string; days: number; rows: number; chromium: number; node: number }[] = [];
  try {
    for (const scenario of cases) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(`http://127.0.0.1:${PORT}/scenarios/${scenario.id}/`);
      await page.getByText(/^Dataset ready:/).waitFor({ timeout: 600_000 });
      const chromiumSeconds = (performance.now() - started) / 1000;
      await context.close();
      const [node, rows] = await nodeSeconds(scenario.id, scenario.storyline, scenario.seed, scenario.days);
      figures.push({ id: scenario.id, days: scenario.days, rows, chromium: chromiumSeconds, node });
      console.log(
        `${scenario.id} (seed ${scenario.seed}, ${scenario.days} d, ${rows.toLocaleString('en')} rows): Chromium ${chromiumSeconds.toFixed(1)} s (page open to dataset ready), Node ${node.toFixed(1)} s`,
      );
    }
  } finally {
    await browser.close();
    server.kill();
  }
  const fastest = [...figures].sort((a, b) => a.chromium - b.chromium)[0];
  if (fastest) console.log(`fastest in Chromium: ${fastest.id} (${fastest.chromium.toFixed(1)} s)`);
}

await main();
