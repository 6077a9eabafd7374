/**
 * Browser benchmark of the cluster terminal against the production build (Chromium via Playwright): a learner opens
 * a case, opens its Cluster tab, and types a mix of kubectl commands. It prints how long the live cluster takes to
 * open (the simulation re-runs in the cluster worker) and the terminal's answer time, from Enter to the output on
 * screen (the page's `cluster:command` measures): p50, p95 and max.
 *
 *   npm run build && npm run bench -- terminal        (or: npx tsx bench/terminal.bench.ts)
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../e2e/chromium';

const DIST = join(import.meta.dirname, '..', 'dist');
const PORT = Number(process.env.BENCH_PORT ?? 4496);
const CASE_URL = '/scenarios/web-shell-reverse-shell/';
const ROUNDS = 4;

/** What a learner types while investigating: lists, a describe, logs, exec, RBAC, metrics. */
const COMMANDS = [
  'kubectl get pods -A',
  'kubectl get pods -n shop -o wide',
  'kubectl get nodes',
  'kubectl get deployments -A',
  'kubectl describe pod -n shop -l app=storefront',
  'kubectl get events -n shop',
  'kubectl logs -n shop deploy/storefront -c php-fpm --tail=20',
  'kubectl auth can-i --list',
  'kubectl top pod -n shop',
  'kubectl get rolebindings,clusterrolebindings -A',
  'kubectl get pods -n shop -o yaml',
];

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

async function answered(page: Page): Promise<number> {
  return page.evaluate(() => performance.getEntriesByName('cluster:command').length);
}

async function main() {
  if (!existsSync(join(DIST, 'index.html')))
    throw new Error('No production build in dist/: run npm run build first.');
  const server = spawn(process.execPath, ['scripts/serveDist.mjs', DIST, String(PORT)], { stdio: 'ignore' });
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  try {
    const origin = `http://127.0.0.1:${PORT}`;
    for (let attempt = 0; ; attempt++) {
      try {
        await fetch(origin);
        break;
      } catch (error) {
        if (attempt > 50) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
    const page = await browser.newPage();
    await page.goto(`${origin}${CASE_URL}`);
    await page.getByText(/^Dataset ready:/).waitFor({ timeout: 300_000 });

    const opening = performance.now();
    await page.getByRole('tab', { name: 'Cluster' }).click();
    const terminal = page.getByRole('region', { name: 'Cluster terminal' });
    await terminal.getByRole('list').getByText('learner@Azure:~$').first().waitFor({ timeout: 180_000 });
    const openMs = performance.now() - opening;

    for (let round = 0; round < ROUNDS; round++)
      for (const command of COMMANDS) {
        const before = await answered(page);
        await terminal.click();
        await page.keyboard.type(command);
        await page.keyboard.press('Enter');
        await page.waitForFunction(
          (count) => performance.getEntriesByName('cluster:command').length > count,
          before,
          { timeout: 60_000 },
        );
      }
    const durations = await page.evaluate(() =>
      performance.getEntriesByName('cluster:command').map((entry) => entry.duration),
    );
    const sorted = [...durations].sort((a, b) => a - b);
    console.log(
      `live cluster opened (tab click to prompt, the simulation re-run in the worker): ${openMs.toFixed(0)} ms`,
    );
    console.log(
      `terminal answer time, Enter to output on screen, ${sorted.length} commands (${COMMANDS.length} kinds × ${ROUNDS}): ` +
        `p50 ${percentile(sorted, 0.5).toFixed(1)} ms, p95 ${percentile(sorted, 0.95).toFixed(1)} ms, max ${sorted[sorted.length - 1]!.toFixed(1)} ms`,
    );
  } finally {
    await browser.close();
    server.kill();
  }
}

await main();
