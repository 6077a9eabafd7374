/**
 * npm run -s kql:realworld -- <queries.jsonl> --tables <dir> [--now <iso>]
 * Fills each query's template placeholders (see src/kql/cli/realworldQueries.ts), parses, binds and runs it against the tables
 * in <dir>. A query passes when it runs, or when Kusto.Language itself reports it broken and it is listed with its
 * diagnostic in src/kql/cli/realworld-broken.json. Last line: `N passed, M failed`.
 */
import { readFileSync } from 'node:fs';
import { createKqlEngine } from '../engine';
import { loadTablesDir } from './ndjson';
import { fillPlaceholders, type RealworldQuery } from './realworldQueries';
import knownBroken from './realworld-broken.json' with { type: 'json' };

const args = process.argv.slice(2);
const option = (name: string) => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
};
const tablesDir = option('--tables');
const queriesPath = args.find((arg, index) => !arg.startsWith('--') && !args[index - 1]?.startsWith('--'));
if (!queriesPath || !tablesDir) {
  console.error('usage: npm run -s kql:realworld -- <queries.jsonl> --tables <dir> [--now <iso>]');
  process.exit(2);
}
const now = option('--now') ? new Date(option('--now')!) : new Date();
const broken = knownBroken as Record<string, string>;

const engine = createKqlEngine();
loadTablesDir(engine, tablesDir);
const queries = readFileSync(queriesPath, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as RealworldQuery);
let passed = 0;
let failed = 0;
for (const query of queries) {
  const outcome = engine.query(fillPlaceholders(query.query, now), { now, timeoutMs: 20_000 });
  if (outcome.ok) {
    passed++;
    continue;
  }
  const isDiagnostic = /^KS\d+$/.test(outcome.code);
  if (isDiagnostic && broken[query.id]) {
    passed++;
    console.log(
      `BROKEN UPSTREAM ${query.id}: ${outcome.code} at ${outcome.line}:${outcome.column} ${outcome.message}`,
    );
    continue;
  }
  failed++;
  console.log(
    `FAIL ${query.id} (${query.name ?? ''}): ${outcome.code} at ${outcome.line}:${outcome.column} ${outcome.message}`,
  );
}
console.log(`${passed} passed, ${failed} failed`);
