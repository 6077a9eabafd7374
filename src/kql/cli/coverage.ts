/**
 * npm run -s kql:coverage [-- --verbose]
 * How much of what Kusto.Language 12.4.1 knows the engine runs. Every function, aggregate and plug-in in
 * ../shared/reference/kusto_language_catalog.json (and in Kusto.Language's GlobalState, where it lists more) is
 * decided by RUNNING queries built from its signatures, and every query operator kind by running a query that uses
 * it. Prints implemented/known per kind, the percentage, the missing list, and apart from it what the offline lab
 * cannot have (another cluster, outside storage, an IP geolocation database...) with the reason the engine gives.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createKqlEngine } from '../engine';
import { isOfflineFeature } from '../offline';
import { OPERATOR_TRANSLATORS } from '../operators/index';
import { kustoCatalog, type SymbolInfo } from '../syntax/catalogSymbols';
import {
  ANALYZER_LIMITS,
  argumentLists,
  FUNCTION_QUERIES,
  OPERATOR_QUERIES,
  PLUGIN_QUERIES,
  PROBE_ROWS,
  PROBE_TABLE,
} from './coverageProbes';

interface ReferenceCatalog {
  functions: string[];
  aggregates: string[];
  plugins: string[];
  queryOperatorKinds: string[];
}

type Verdict =
  | { status: 'implemented' }
  | { status: 'offline'; reason: string }
  | { status: 'unanalyzable'; reason: string }
  | { status: 'missing'; reason: string; query: string };

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const catalogPath = resolve(repoRoot, '../shared/reference/kusto_language_catalog.json');
const verbose = process.argv.includes('--verbose');

if (!existsSync(catalogPath)) {
  console.log(
    `kql:coverage: ${catalogPath} is absent (the shared reference is not checked out); nothing to measure.`,
  );
  process.exit(0);
}

const reference = JSON.parse(readFileSync(catalogPath, 'utf8')) as ReferenceCatalog;
const engine = createKqlEngine({ tables: [PROBE_TABLE] });
engine.loadTable('T', PROBE_ROWS);
const NOW = new Date('2024-01-05T00:00:00Z');

function probe(name: string, query: string): Verdict {
  const outcome = engine.query(query, { now: NOW, timeoutMs: 20_000 });
  if (outcome.ok) return { status: 'implemented' };
  const message = `${outcome.code}: ${outcome.message}`;
  // Kusto.Language itself refuses some (a materialized view the lab's database does not define): that is the answer.
  if (isOfflineFeature(name)) return { status: 'offline', reason: message };
  return { status: 'missing', reason: message, query };
}

/** The first probe that fails decides; a symbol is implemented when every probe runs. */
function judge(name: string, queries: readonly string[]): Verdict {
  for (const query of queries) {
    const verdict = probe(name, query);
    if (verdict.status !== 'implemented') return verdict;
  }
  return { status: 'implemented' };
}

function symbolQueries(
  symbol: SymbolInfo | undefined,
  name: string,
  build: (args: string[]) => string,
  special: Readonly<Record<string, string>>,
): string[] {
  const fixed = special[name];
  if (fixed) return [fixed];
  if (!symbol) return [build([])];
  return symbol.signatures.flatMap((signature) => argumentLists(name, signature).map(build));
}

interface KindReport {
  readonly kind: string;
  readonly verdicts: ReadonlyMap<string, Verdict>;
}

function report({ kind, verdicts }: KindReport): { implemented: number; counted: number } {
  const entries = [...verdicts];
  const implemented = entries.filter(([, v]) => v.status === 'implemented').length;
  const offline = entries.filter(([, v]) => v.status === 'offline');
  const unanalyzable = entries.filter(([, v]) => v.status === 'unanalyzable');
  const missing = entries.filter(([, v]) => v.status === 'missing');
  const counted = entries.length - offline.length - unanalyzable.length;
  const percent = counted === 0 ? 100 : (100 * implemented) / counted;
  console.log(
    `${kind.padEnd(16)} ${implemented}/${counted} implemented (${percent.toFixed(1)}%)` +
      `; ${entries.length} known, ${offline.length} not supported offline` +
      (unanalyzable.length ? `, ${unanalyzable.length} that Kusto.Language itself cannot analyze` : ''),
  );
  for (const [name, verdict] of unanalyzable)
    if (verdict.status === 'unanalyzable') console.log(`  not analyzable ${name}: ${verdict.reason}`);
  for (const [name, verdict] of missing)
    if (verdict.status === 'missing')
      console.log(`  missing ${name}: ${verdict.reason}${verbose ? `\n    ${verdict.query}` : ''}`);
  return { implemented, counted };
}

function reportOffline(reports: readonly KindReport[]): void {
  console.log('Not supported offline (answered with KQL_UNSUPPORTED or KQL_NO_NETWORK and the reason):');
  for (const { kind, verdicts } of reports)
    for (const [name, verdict] of verdicts)
      if (verdict.status === 'offline') console.log(`  ${kind} ${name}: ${verdict.reason}`);
}

function union(listed: readonly string[], declared: readonly SymbolInfo[]): string[] {
  return [...new Set([...listed, ...declared.map((s) => s.name)])].sort();
}

const declared = kustoCatalog();
const byName = (symbols: readonly SymbolInfo[]) => new Map(symbols.map((s) => [s.name, s]));
const functions = byName(declared.functions);
const aggregates = byName(declared.aggregates);
const plugins = byName(declared.plugins);

const reports: KindReport[] = [
  {
    kind: 'functions',
    verdicts: new Map(
      union(reference.functions, declared.functions).map((name) => [
        name,
        judge(
          name,
          symbolQueries(
            functions.get(name),
            name,
            (args) => `T | order by n asc | extend ${name}(${args.join(', ')})`,
            FUNCTION_QUERIES,
          ),
        ),
      ]),
    ),
  },
  {
    kind: 'aggregates',
    verdicts: new Map(
      union(reference.aggregates, declared.aggregates).map((name) => [
        name,
        judge(
          name,
          symbolQueries(
            aggregates.get(name),
            name,
            (args) => `T | summarize ${name}(${args.join(', ')})`,
            {},
          ),
        ),
      ]),
    ),
  },
  {
    kind: 'plug-ins',
    verdicts: new Map(
      union(reference.plugins, declared.plugins).map((name) => [
        name,
        judge(
          name,
          symbolQueries(
            plugins.get(name),
            name,
            (args) => `T | evaluate ${name}(${args.join(', ')})`,
            PLUGIN_QUERIES,
          ),
        ),
      ]),
    ),
  },
  {
    kind: 'operators',
    verdicts: new Map(
      reference.queryOperatorKinds
        .filter((kind) => kind !== 'BadQueryOperator')
        .map((kind) => {
          const query = OPERATOR_QUERIES[kind];
          // The probe decides; the translator table (operators/index.ts) says whether a missing kind has a module.
          let verdict: Verdict = query
            ? judge(kind, [query])
            : { status: 'missing', reason: 'no probe query for this operator kind', query: '' };
          if (verdict.status === 'missing' && !(kind in OPERATOR_TRANSLATORS))
            verdict = { ...verdict, reason: `${verdict.reason} (no module in operators/index.ts)` };
          const limit = ANALYZER_LIMITS[kind];
          if (limit && verdict.status === 'missing' && verdict.reason.startsWith('KS'))
            verdict = { status: 'unanalyzable', reason: limit };
          return [kind, verdict];
        }),
    ),
  },
];

const totals = reports.map(report);
reportOffline(reports);
const scalar = totals[0]!;
const aggregate = totals[1]!;
const together = scalar.implemented + aggregate.implemented;
const counted = scalar.counted + aggregate.counted;
console.log(
  `scalar functions and aggregates: ${together}/${counted} (${((100 * together) / counted).toFixed(1)}%)`,
);
