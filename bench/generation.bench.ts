/**
 * A case's dataset generated in Chromium as the site does it (generateDataset: the simulation written through the
 * IndexedDB sink), in a fresh on-disk browser profile: wall time, the browser's CPU time by process, where the
 * time went (simulation, rows to columns, IndexedDB transactions), and the IndexedDB bytes per simulated day
 * (navigator.storage.estimate and the profile's IndexedDB folder on disk). Then the simulation alone in a fresh
 * page, for its own CPU time. Goal: a 3-day case in at most 15 s.
 *
 *   npm run bench -- generation                    (privileged-pod-escape)
 *   npx tsx bench/generation.bench.ts <case id…>   (or `all`)
 *   GENERATION_PROFILE=out.cpuprofile …            (also writes the page's CPU profile of the first generation)
 */
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../e2e/chromium';
import { loadScenarioFiles } from '../simulations/node/loadScenarios';
import type { ScenarioRef } from '../simulations/index';
import { descendantsCpu } from './processCpu';
import { serveHarness } from './harnessServer';
import type { BrowserCpu, GenerationFigures, SimulationFigures } from './generation.harness';

const ROOT = join(import.meta.dirname, '..');
const GOAL_SECONDS = 15;

interface Case {
  scenario: ScenarioRef;
  seed: number;
  days: number;
}

const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(', ');

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function folderBytes(folder: string): number {
  let bytes = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    bytes += entry.isDirectory() ? folderBytes(path) : statSync(path).size;
  }
  return bytes;
}

function cpuText(cpu: BrowserCpu): string {
  if (!Number.isFinite(cpu.totalMs)) return 'browser CPU unknown';
  const parts = Object.entries(cpu.byTypeMs)
    .filter(([, ms]) => ms >= 50)
    .sort((a, b) => b[1] - a[1])
    .map(([type, ms]) => `${type} ${(ms / 1000).toFixed(2)} s`);
  return `browser CPU ${(cpu.totalMs / 1000).toFixed(2)} s (${parts.join(', ')})`;
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const cases: Case[] = loadScenarioFiles(join(ROOT, 'content', 'scenarios'))
    .map(({ scenario }) => ({
      scenario: {
        id: scenario.id,
        storyline: scenario.storyline,
        ...(scenario.collection ? { collection: scenario.collection } : {}),
      },
      seed: scenario.seed,
      days: scenario.days,
    }))
    .filter(({ scenario }) =>
      wanted.includes('all')
        ? true
        : (wanted.length ? wanted : ['privileged-pod-escape']).includes(scenario.id),
    );
  if (cases.length === 0) throw new Error(`no case named ${wanted.join(', ')} in content/scenarios`);

  const harness = await serveHarness(join(import.meta.dirname, 'generation.harness.ts'), 'generation-bench-');
  const url = harness.url;
  const executablePath = findChromium();

  /** A fresh on-disk profile (an incognito context would keep IndexedDB in memory). */
  async function inFreshProfile<T>(
    run: (context: BrowserContext) => Promise<T>,
  ): Promise<{ value: T; indexedDbBytes: number }> {
    const profile = mkdtempSync(join(tmpdir(), 'generation-bench-profile-'));
    const context = await chromium.launchPersistentContext(profile, {
      args: CHROMIUM_ARGS,
      ...(executablePath ? { executablePath } : {}),
    });
    try {
      const value = await run(context);
      await context.close();
      const indexedDb = join(profile, 'Default', 'IndexedDB');
      let indexedDbBytes = NaN;
      try {
        indexedDbBytes = folderBytes(indexedDb);
      } catch {
        // No IndexedDB folder: the run stored nothing.
      }
      return { value, indexedDbBytes };
    } finally {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    }
  }

  async function openHarness(context: BrowserContext) {
    const page = await context.newPage();
    await page.exposeFunction('benchCpu', () => descendantsCpu(process.pid));
    page.on('pageerror', (error) => console.log('page error:', error.message));
    await page.goto(url);
    await page.waitForFunction(() => 'runGeneration' in globalThis);
    return page;
  }

  try {
    for (const { scenario, seed, days } of cases) {
      const label = `${scenario.id} (seed ${seed}, ${days} d)`;
      const loadBefore = load();
      const generated = await inFreshProfile(async (context) => {
        const page = await openHarness(context);
        const profilePath = process.env.GENERATION_PROFILE;
        const cdp = profilePath ? await context.newCDPSession(page) : undefined;
        if (cdp) {
          await cdp.send('Profiler.enable');
          await cdp.send('Profiler.start');
        }
        const figures = await page.evaluate(
          ([s, n, d]) =>
            (
              globalThis as unknown as {
                runGeneration: (s: ScenarioRef, n: number, d: number) => Promise<GenerationFigures>;
              }
            ).runGeneration(s, n, d),
          [scenario, seed, days] as const,
        );
        if (cdp && profilePath) {
          const { profile } = await cdp.send('Profiler.stop');
          writeFileSync(profilePath, JSON.stringify(profile));
        }
        return figures;
      });
      const g = generated.value;
      const simulationMs = g.generateMs - g.encodeMs - g.writeMs;
      console.log(`${label}, load average ${loadBefore}:`);
      console.log(
        `  generated into IndexedDB in ${(g.generateMs / 1000).toFixed(1)} s (goal ≤ ${GOAL_SECONDS} s: ${g.generateMs <= GOAL_SECONDS * 1000 ? 'met' : 'MISSED'}); ${g.rows.toLocaleString('en-US')} rows; ${cpuText(g.cpu)}`,
      );
      console.log(
        `  of which simulation ${(simulationMs / 1000).toFixed(1)} s, rows to columns ${(g.encodeMs / 1000).toFixed(1)} s, IndexedDB transactions ${(g.writeMs / 1000).toFixed(1)} s`,
      );
      const encoded = Object.values(g.encodedBytes).reduce((sum, bytes) => sum + bytes, 0);
      const top = Object.entries(g.encodedBytes)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 4)
        .map(([table, bytes]) => `${table} ${mb(bytes / days)}`)
        .join(', ');
      console.log(
        `  IndexedDB per simulated day: ${mb((g.usageAfter - g.usageBefore) / days)} by navigator.storage.estimate(), ${mb(generated.indexedDbBytes / days)} in the profile's IndexedDB folder; columns as encoded ${mb(encoded / days)} (${top})`,
      );
      const simulated = await inFreshProfile(async (context) => {
        const page = await openHarness(context);
        return page.evaluate(
          ([s, n, d]) =>
            (
              globalThis as unknown as {
                runSimulationOnly: (s: ScenarioRef, n: number, d: number) => Promise<SimulationFigures>;
              }
            ).runSimulationOnly(s, n, d),
          [scenario, seed, days] as const,
        );
      });
      const s = simulated.value;
      console.log(
        `  the simulation alone in a fresh page (rows counted, not kept): ${(s.simulationMs / 1000).toFixed(1)} s, ${s.rows.toLocaleString('en-US')} rows; ${cpuText(s.cpu)}; load average now ${load()}`,
      );
    }
  } finally {
    harness.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
