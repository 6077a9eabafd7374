import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { NdjsonSink } from '../node/ndjsonSink';
import { loadScenarioFiles } from '../node/loadScenarios';
import { runScenario } from '../scenario/runner';
import { SIMULATED_TABLE_NAMES } from '../tables';

const USAGE = `Usage:
  npm run -s simulate -- --scenario <id> --seed <n> --days <d> --out <dir>
  npm run -s simulate -- --list`;

function fail(message: string): never {
  console.error(`simulate: ${message}\n${USAGE}`);
  process.exit(2);
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        scenario: { type: 'string' },
        seed: { type: 'string' },
        days: { type: 'string' },
        out: { type: 'string' },
        list: { type: 'boolean' },
        help: { type: 'boolean' },
      },
      strict: true,
    }));
  } catch (error) {
    fail((error as Error).message);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const directory = resolve(import.meta.dirname, '../../content/scenarios');
  const scenarios = loadScenarioFiles(directory);
  if (values.list) {
    for (const { scenario } of scenarios)
      console.log(`${scenario.id}\t${scenario.storyline}\t${scenario.difficulty}\t${scenario.title}`);
    return;
  }
  if (!values.scenario) fail('--scenario is required');
  if (!values.out) fail('--out is required');
  const entry = scenarios.find((s) => s.scenario.id === values.scenario);
  if (!entry)
    fail(
      `no scenario "${values.scenario}" in ${directory} (known: ${scenarios.map((s) => s.scenario.id).join(', ')})`,
    );
  const seed = values.seed === undefined ? entry.scenario.seed : Number(values.seed);
  const days = values.days === undefined ? entry.scenario.days : Number(values.days);
  if (!Number.isInteger(seed) || seed < 0)
    fail(`--seed must be a non-negative integer, got "${values.seed}"`);
  if (!Number.isInteger(days) || days < 1 || days > 30)
    fail(`--days must be an integer from 1 to 30, got "${values.days}"`);
  const out = resolve(values.out);
  const sink = new NdjsonSink(out, SIMULATED_TABLE_NAMES);
  const manifest = await runScenario({ scenario: entry.scenario, seed, days, sink });
  const fileManifest = {
    scenario: manifest.scenario,
    storyline: manifest.storyline,
    seed: manifest.seed,
    days: manifest.days,
    datasetId: manifest.datasetId,
    virtualStart: manifest.virtualStart,
    virtualEnd: manifest.virtualEnd,
    virtualNow: manifest.virtualNow,
    attackStart: manifest.attackStart,
    timeline: manifest.timeline,
    rowCounts: manifest.rowCounts,
    tables: Object.fromEntries(manifest.tables.map((table) => [table.name, table.schema])),
  };
  writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(fileManifest, null, 2)}\n`);
  const total = Object.values(manifest.rowCounts).reduce((a, b) => a + b, 0);
  console.error(`simulate: ${manifest.scenario} seed ${seed}, ${days} day(s), ${total} rows → ${out}`);
}

main().catch((error: unknown) => {
  console.error(`simulate: ${(error as Error).message}`);
  process.exit(1);
});
