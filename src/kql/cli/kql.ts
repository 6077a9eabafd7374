/**
 * npm run -s kql -- --tables <dir> [--now <iso>] [--format table|json] --query '<kql>'   (or --query-file <f>)
 * A tables dir holds one <Table>.ndjson per table; the schema comes from src/tables. `--format json` prints
 * {columns, types, rows} in the corpus's value format, or {error: {code, message, line, column}} with exit code 1.
 */
import { readFileSync } from 'node:fs';
import { createKqlEngine } from '../engine';
import { loadTablesDir } from './ndjson';
import type { WireValue } from '../types';

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const tablesDir = option('--tables');
const format = option('--format') ?? 'table';
const nowText = option('--now');
const queryFile = option('--query-file');
const query = option('--query') ?? (queryFile ? readFileSync(queryFile, 'utf8') : undefined);
if (!query)
  fail(
    "usage: npm run -s kql -- --tables <dir> [--now <iso>] [--format table|json] --query '<kql>' | --query-file <f>",
  );
if (format !== 'table' && format !== 'json') fail(`--format must be table or json, not '${format}'`);
const now = nowText ? new Date(nowText) : undefined;
if (now && Number.isNaN(now.getTime())) fail(`--now is not an ISO datetime: '${nowText}'`);

const engine = createKqlEngine();
if (tablesDir) {
  try {
    const report = loadTablesDir(engine, tablesDir);
    for (const file of report.skipped) console.error(`note: ${file} skipped (no such table in src/tables)`);
  } catch (error) {
    fail((error as Error).message);
  }
}

const outcome = engine.query(query, now ? { now } : {});
if (!outcome.ok) {
  const error = { code: outcome.code, message: outcome.message, line: outcome.line, column: outcome.column };
  if (format === 'json') console.log(JSON.stringify({ error }));
  else console.error(`${error.code} at line ${error.line}, column ${error.column}: ${error.message}`);
  process.exit(1);
}

const rows = outcome.rows();
if (format === 'json') {
  console.log(
    JSON.stringify({
      columns: outcome.columns.map((c) => c.name),
      types: outcome.columns.map((c) => c.type),
      rows,
    }),
  );
} else {
  const cell = (value: WireValue) =>
    value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  const header = outcome.columns.map((c) => c.name);
  const body = rows.map((row) => row.map(cell));
  const widths = header.map((h, i) => Math.min(60, Math.max(h.length, ...body.map((r) => r[i]!.length))));
  const line = (cells: string[]) => cells.map((c, i) => c.slice(0, 60).padEnd(widths[i]!)).join(' | ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-+-'));
  for (const row of body) console.log(line(row));
  if (outcome.truncated) console.log(`(truncated: ${outcome.truncated.reason})`);
  if (outcome.chart)
    console.log(`(render ${outcome.chart.kind} ${JSON.stringify(outcome.chart.properties)})`);
  console.log(`(${outcome.rowCount} rows, ${outcome.elapsedMs.toFixed(1)} ms)`);
}
