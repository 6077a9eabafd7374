/**
 * npx tsx src/kql/cli/fixture.ts <dir> [--rows N] [--now <iso>]
 * Writes a generated <Table>.ndjson for every table definition (see src/kql/testing/fixture.ts), for the CLIs and the bench
 * until the simulation's output is available.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TABLE_DEFINITIONS } from '../../tables/index';
import { fixtureRows } from '../testing/fixture';

const args = process.argv.slice(2);
const dir = args[0];
if (!dir || dir.startsWith('--')) {
  console.error('usage: npx tsx src/kql/cli/fixture.ts <dir> [--rows N] [--now <iso>]');
  process.exit(2);
}
const rowsIndex = args.indexOf('--rows');
const nowIndex = args.indexOf('--now');
const rows = rowsIndex >= 0 ? Number(args[rowsIndex + 1]) : 200;
const now = nowIndex >= 0 ? new Date(args[nowIndex + 1]!) : new Date();
mkdirSync(dir, { recursive: true });
for (const table of TABLE_DEFINITIONS) {
  const lines = fixtureRows(table, rows, now).map((row) => JSON.stringify(row));
  writeFileSync(join(dir, `${table.name}.ndjson`), lines.join('\n') + '\n');
}
console.log(`wrote ${TABLE_DEFINITIONS.length} tables x ${rows} rows to ${dir}`);
