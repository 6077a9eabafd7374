// KQL engine benchmark: 1M-row SecurityAlert- and AKSAudit-shaped tables, seven queries, each run by our engine,
// arquero, alasql, DuckDB-wasm (all in this Node process, same data) and a hand-written JS loop. Prints the median of 5
// runs after a warm-up, and each competitor's time divided by ours (ratio > 1: we are faster).
// Run: npm run bench -- kql   (ROWS=200000 npm run bench -- kql for a quicker run)
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as aq from 'arquero';
import alasql from 'alasql';
import { createKqlEngine } from '../src/kql/index';
import { hasTerm } from '../src/kql/functions';

const ROWS = Number(process.env['ROWS'] ?? 1_000_000);
const RUNS = 5;
const require = createRequire(import.meta.url);

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------- data ----------
const START = Date.UTC(2026, 0, 1);
const HOUR = 3_600_000;
const rand = random(42);
const pick = (n: number) => Math.floor(rand() * n);

const severities = ['High', 'Medium', 'Low', 'Informational'];
const providers = ['MDC', 'ASI', 'MDE', 'MCAS', 'AAD'];
const alertNames = Array.from({ length: 20 }, (_, i) => `Alert type ${i}`);
const entities = Array.from({ length: 5000 }, (_, i) => `aks-node-${i}`);
const kinds = Array.from({ length: 8 }, (_, i) => `kind${i}`);
const verbs = ['get', 'list', 'watch', 'create', 'delete', 'patch'];
const resources = ['pods', 'secrets', 'configmaps', 'deployments', 'services'];
const users = Array.from({ length: 200 }, (_, i) => `user${i}@contoso.com`);

const sa = {
  TimeGenerated: new Float64Array(ROWS),
  AlertName: new Int32Array(ROWS),
  AlertSeverity: new Int32Array(ROWS),
  ProviderName: new Int32Array(ROWS),
  CompromisedEntity: new Int32Array(ROWS),
  ExtendedProperties: new Array<string>(ROWS),
  SystemAlertId: new Array<string>(ROWS),
};
const aks = {
  TimeGenerated: new Float64Array(ROWS),
  Verb: new Int32Array(ROWS),
  RequestUri: new Array<string>(ROWS),
  User: new Int32Array(ROWS),
  AuditId: new Array<string>(ROWS),
};
for (let i = 0; i < ROWS; i++) {
  sa.TimeGenerated[i] = START + Math.floor(rand() * 30 * 24 * HOUR);
  sa.AlertName[i] = pick(alertNames.length);
  sa.AlertSeverity[i] = pick(severities.length);
  sa.ProviderName[i] = pick(providers.length);
  sa.CompromisedEntity[i] = pick(entities.length);
  sa.ExtendedProperties[i] = `{"Kind":"${kinds[pick(kinds.length)]}","Count":${pick(100)}}`;
  sa.SystemAlertId[i] = `id${i}`;
  aks.TimeGenerated[i] = START + Math.floor(rand() * 30 * 24 * HOUR);
  aks.Verb[i] = pick(verbs.length);
  const resource = resources[pick(resources.length)]!;
  aks.RequestUri[i] = `/api/v1/namespaces/ns${pick(50)}/${resource}/item-${pick(1000)}`;
  aks.User[i] = pick(users.length);
  aks.AuditId[i] = `id${(i * 7919) % ROWS}`;
}

// ---------- our engine ----------
const engine = createKqlEngine({
  tables: [
    {
      name: 'SecurityAlert',
      columns: [
        { name: 'TimeGenerated', type: 'datetime' },
        { name: 'AlertName', type: 'string' },
        { name: 'AlertSeverity', type: 'string' },
        { name: 'ProviderName', type: 'string' },
        { name: 'CompromisedEntity', type: 'string' },
        { name: 'ExtendedProperties', type: 'string' },
        { name: 'SystemAlertId', type: 'string' },
      ],
    },
    {
      name: 'AKSAudit',
      columns: [
        { name: 'TimeGenerated', type: 'datetime' },
        { name: 'Verb', type: 'string' },
        { name: 'RequestUri', type: 'string' },
        { name: 'User', type: 'string' },
        { name: 'AuditId', type: 'string' },
      ],
    },
  ],
});
const started = performance.now();
engine.loadColumns('SecurityAlert', ROWS, {
  TimeGenerated: { epochMs: sa.TimeGenerated },
  AlertName: { dictionary: alertNames, codes: sa.AlertName },
  AlertSeverity: { dictionary: severities, codes: sa.AlertSeverity },
  ProviderName: { dictionary: providers, codes: sa.ProviderName },
  CompromisedEntity: { dictionary: entities, codes: sa.CompromisedEntity },
  ExtendedProperties: { values: sa.ExtendedProperties },
  SystemAlertId: { values: sa.SystemAlertId },
});
engine.loadColumns('AKSAudit', ROWS, {
  TimeGenerated: { epochMs: aks.TimeGenerated },
  Verb: { dictionary: verbs, codes: aks.Verb },
  RequestUri: { values: aks.RequestUri },
  User: { dictionary: users, codes: aks.User },
  AuditId: { values: aks.AuditId },
});
const loadMs = performance.now() - started;
engine.warm();

// ---------- arquero ----------
const strings = (dictionary: string[], codes: Int32Array) => Array.from(codes, (code) => dictionary[code]!);
const saColumns = {
  TimeGenerated: sa.TimeGenerated,
  AlertName: strings(alertNames, sa.AlertName),
  AlertSeverity: strings(severities, sa.AlertSeverity),
  ProviderName: strings(providers, sa.ProviderName),
  CompromisedEntity: strings(entities, sa.CompromisedEntity),
  ExtendedProperties: sa.ExtendedProperties,
  SystemAlertId: sa.SystemAlertId,
};
const aksColumns = {
  TimeGenerated: aks.TimeGenerated,
  Verb: strings(verbs, aks.Verb),
  RequestUri: aks.RequestUri,
  User: strings(users, aks.User),
  AuditId: aks.AuditId,
};
const saTable = aq.table(saColumns);
const aksTable = aq.table(aksColumns);

// ---------- alasql (row objects) ----------
function rowsOf(columns: Record<string, ArrayLike<unknown>>): Record<string, unknown>[] {
  const names = Object.keys(columns);
  return Array.from({ length: ROWS }, (_, i) =>
    Object.fromEntries(names.map((name) => [name, columns[name]![i]])),
  );
}
const saRows = rowsOf(saColumns);
const aksRows = rowsOf(aksColumns);
const alasqlFns = alasql as unknown as { fn: Record<string, (...args: unknown[]) => unknown> };
alasqlFns.fn['HASTERM'] = (text, term) => hasTerm(String(text), String(term), false);
alasqlFns.fn['JSONKIND'] = (text) =>
  typeof text === 'string' ? (JSON.parse(text) as { Kind: string }).Kind : null;

// ---------- DuckDB-wasm ----------
interface DuckConnection {
  query(sql: string): { toArray(): { toJSON(): Record<string, unknown> }[] };
  insertArrowTable(table: unknown, options: { name: string }): void;
}
const duckdb = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs') as {
  createDuckDB(
    bundles: unknown,
    logger: unknown,
    runtime: unknown,
  ): Promise<{
    instantiate(progress: () => void): Promise<unknown>;
    open(config: object): void;
    connect(): DuckConnection;
  }>;
  VoidLogger: new () => unknown;
  NODE_RUNTIME: unknown;
};
const arrow = require('apache-arrow') as { tableFromArrays(columns: Record<string, unknown>): unknown };
const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm'));
const duck = await duckdb.createDuckDB(
  {
    mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs') },
    eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: join(dist, 'duckdb-node-eh.worker.cjs') },
  },
  new duckdb.VoidLogger(),
  duckdb.NODE_RUNTIME,
);
await duck.instantiate(() => {});
duck.open({});
const connection = duck.connect();
connection.insertArrowTable(arrow.tableFromArrays({ ...saColumns }), { name: 'sa_raw' });
connection.insertArrowTable(arrow.tableFromArrays({ ...aksColumns }), { name: 'aks_raw' });
connection.query(
  'create table sa as select * replace (epoch_ms(TimeGenerated::bigint) as TimeGenerated) from sa_raw',
);
connection.query(
  'create table aks as select * replace (epoch_ms(TimeGenerated::bigint) as TimeGenerated) from aks_raw',
);

// ---------- queries ----------
interface Case {
  readonly name: string;
  readonly kql: string;
  readonly arquero: () => unknown;
  readonly alasql: () => unknown;
  readonly duckdb: string;
  readonly loop: () => unknown;
}

const { op, desc, escape } = aq;
const secretsTerm = /(^|[^a-z0-9])secrets($|[^a-z0-9])/i;

const cases: Case[] = [
  {
    name: 'filter + count',
    kql: 'SecurityAlert | where AlertSeverity == "High" | count',
    arquero: () => saTable.filter((d: { AlertSeverity: string }) => d.AlertSeverity === 'High').numRows(),
    alasql: () => alasql('SELECT COUNT(*) AS n FROM ? WHERE AlertSeverity = "High"', [saRows]),
    duckdb: "select count(*) from sa where AlertSeverity = 'High'",
    loop: () => {
      let n = 0;
      for (let i = 0; i < ROWS; i++) if (severities[sa.AlertSeverity[i]!] === 'High') n++;
      return n;
    },
  },
  {
    name: 'has term search',
    kql: 'AKSAudit | where RequestUri has "secrets" | count',
    arquero: () =>
      aksTable.filter(escape((d: { RequestUri: string }) => secretsTerm.test(d.RequestUri))).numRows(),
    alasql: () => alasql("SELECT COUNT(*) AS n FROM ? WHERE HASTERM(RequestUri, 'secrets')", [aksRows]),
    duckdb:
      "select count(*) from aks where regexp_matches(RequestUri, '(^|[^a-zA-Z0-9])secrets($|[^a-zA-Z0-9])', 'i')",
    loop: () => {
      let n = 0;
      for (let i = 0; i < ROWS; i++) if (secretsTerm.test(aks.RequestUri[i]!)) n++;
      return n;
    },
  },
  {
    name: 'count + dcount by 2 keys',
    kql: 'SecurityAlert | summarize count(), dcount(CompromisedEntity) by AlertSeverity, ProviderName',
    arquero: () =>
      saTable
        .groupby('AlertSeverity', 'ProviderName')
        .rollup({ n: op.count(), d: op.distinct('CompromisedEntity') })
        .numRows(),
    alasql: () =>
      alasql(
        'SELECT AlertSeverity, ProviderName, COUNT(*) AS n, COUNT(DISTINCT CompromisedEntity) AS d FROM ? GROUP BY AlertSeverity, ProviderName',
        [saRows],
      ),
    duckdb:
      'select AlertSeverity, ProviderName, count(*), count(distinct CompromisedEntity) from sa group by AlertSeverity, ProviderName',
    loop: () => {
      const groups = new Map<number, { n: number; d: Set<number> }>();
      for (let i = 0; i < ROWS; i++) {
        const key = sa.AlertSeverity[i]! * 16 + sa.ProviderName[i]!;
        let group = groups.get(key);
        if (!group) groups.set(key, (group = { n: 0, d: new Set() }));
        group.n++;
        group.d.add(sa.CompromisedEntity[i]!);
      }
      return groups.size;
    },
  },
  {
    name: 'bin(TimeGenerated, 1h) series',
    kql: 'AKSAudit | summarize count() by bin(TimeGenerated, 1h)',
    arquero: () =>
      aksTable
        .derive({ hour: (d: { TimeGenerated: number }) => op.floor(d.TimeGenerated / 3_600_000) })
        .groupby('hour')
        .count()
        .numRows(),
    alasql: () =>
      alasql(
        'SELECT FLOOR(TimeGenerated / 3600000) AS h, COUNT(*) AS n FROM ? GROUP BY FLOOR(TimeGenerated / 3600000)',
        [aksRows],
      ),
    duckdb: "select time_bucket(interval '1 hour', TimeGenerated) h, count(*) from aks group by h",
    loop: () => {
      const groups = new Map<number, number>();
      for (let i = 0; i < ROWS; i++) {
        const hour = Math.floor(aks.TimeGenerated[i]! / HOUR);
        groups.set(hour, (groups.get(hour) ?? 0) + 1);
      }
      return groups.size;
    },
  },
  {
    name: 'top 10 with arg_max',
    kql: 'SecurityAlert | summarize arg_max(TimeGenerated, AlertName) by CompromisedEntity | top 10 by TimeGenerated',
    arquero: () =>
      saTable
        .groupby('CompromisedEntity')
        .orderby(desc('TimeGenerated'))
        .filter(() => op.row_number() === 1)
        .ungroup()
        .orderby(desc('TimeGenerated'))
        .slice(0, 10)
        .numRows(),
    alasql: () =>
      alasql(
        'SELECT TOP 10 CompromisedEntity, MAX(TimeGenerated) AS t FROM ? GROUP BY CompromisedEntity ORDER BY t DESC',
        [saRows],
      ),
    duckdb:
      'select CompromisedEntity, max(TimeGenerated) t, arg_max(AlertName, TimeGenerated) from sa group by CompromisedEntity order by t desc limit 10',
    loop: () => {
      const best = new Map<number, number>();
      for (let i = 0; i < ROWS; i++) {
        const entity = sa.CompromisedEntity[i]!;
        const current = best.get(entity);
        if (current === undefined || sa.TimeGenerated[i]! > sa.TimeGenerated[current]!) best.set(entity, i);
      }
      return [...best.values()].sort((a, b) => sa.TimeGenerated[b]! - sa.TimeGenerated[a]!).slice(0, 10);
    },
  },
  {
    name: 'parse_json property + summarize',
    kql: 'SecurityAlert | extend Kind = tostring(parse_json(ExtendedProperties).Kind) | summarize count() by Kind',
    arquero: () =>
      saTable
        .derive({
          Kind: escape(
            (d: { ExtendedProperties: string }) =>
              (JSON.parse(d.ExtendedProperties) as { Kind: string }).Kind,
          ),
        })
        .groupby('Kind')
        .count()
        .numRows(),
    alasql: () =>
      alasql(
        'SELECT JSONKIND(ExtendedProperties) AS k, COUNT(*) AS n FROM ? GROUP BY JSONKIND(ExtendedProperties)',
        [saRows],
      ),
    duckdb:
      'select regexp_extract(ExtendedProperties, \'"Kind":"([^"]*)"\', 1) k, count(*) from sa group by k',
    loop: () => {
      const groups = new Map<string, number>();
      for (let i = 0; i < ROWS; i++) {
        const kind = (JSON.parse(sa.ExtendedProperties[i]!) as { Kind: string }).Kind;
        groups.set(kind, (groups.get(kind) ?? 0) + 1);
      }
      return groups.size;
    },
  },
  {
    name: 'join on a key',
    kql: 'SecurityAlert | join kind=inner (AKSAudit) on $left.SystemAlertId == $right.AuditId | count',
    arquero: () => saTable.join(aksTable, ['SystemAlertId', 'AuditId']).numRows(),
    alasql: () =>
      alasql('SELECT COUNT(*) AS n FROM ? AS a JOIN ? AS b ON a.SystemAlertId = b.AuditId', [
        saRows,
        aksRows,
      ]),
    duckdb: 'select count(*) from sa join aks on sa.SystemAlertId = aks.AuditId',
    loop: () => {
      const index = new Map<string, number>();
      for (let i = 0; i < ROWS; i++) index.set(aks.AuditId[i]!, i);
      let n = 0;
      for (let i = 0; i < ROWS; i++) if (index.has(sa.SystemAlertId[i]!)) n++;
      return n;
    },
  },
];

function median(run: () => unknown): number {
  run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const begin = performance.now();
    run();
    times.push(performance.now() - begin);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(RUNS / 2)]!;
}

console.log(
  `KQL bench: ${ROWS.toLocaleString('en-US')} rows per table; median of ${RUNS} runs after a warm-up, in ms.`,
);
console.log(`Our engine: loadColumns of both tables took ${loadMs.toFixed(0)} ms.`);
const header = [
  'query',
  'ours',
  'arquero',
  'alasql',
  'duckdb-wasm',
  'JS loop',
  'arquero/ours',
  'alasql/ours',
  'duckdb/ours',
];
const table: string[][] = [];
const duckRatios: number[] = [];
for (const testCase of cases) {
  const ours = median(() => {
    const outcome = engine.query(testCase.kql, { timeoutMs: 600_000 });
    if (!outcome.ok) throw new Error(`${testCase.name}: ${outcome.code} ${outcome.message}`);
  });
  let alasqlMs = Number.NaN;
  try {
    alasqlMs = median(testCase.alasql);
  } catch (error) {
    console.log(`alasql failed on ${testCase.name}: ${(error as Error).message}`);
  }
  const arqueroMs = median(testCase.arquero);
  const duckMs = median(() => connection.query(testCase.duckdb).toArray());
  const loopMs = median(testCase.loop);
  console.log(`  done: ${testCase.name} (ours ${ours.toFixed(1)} ms)`);
  duckRatios.push(ours / duckMs);
  table.push([
    testCase.name,
    ours.toFixed(1),
    arqueroMs.toFixed(1),
    alasqlMs.toFixed(1),
    duckMs.toFixed(1),
    loopMs.toFixed(1),
    (arqueroMs / ours).toFixed(2),
    (alasqlMs / ours).toFixed(2),
    (duckMs / ours).toFixed(2),
  ]);
}
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
const format = (row: string[]) =>
  '| ' +
  row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(' | ') +
  ' |';
console.log(format(header));
console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
for (const row of table) console.log(format(row));
const sorted = duckRatios.slice().sort((a, b) => a - b);
console.log(
  `median time ratio ours/duckdb-wasm: ${sorted[Math.floor(sorted.length / 2)]!.toFixed(2)} (goal <= 1.5)`,
);
console.log(
  'Ratios competitor/ours above 1 mean our engine is faster. alasql "top 10" omits arg_max\'s AlertName.',
);
