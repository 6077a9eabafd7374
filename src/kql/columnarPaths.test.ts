// The engine's fast paths (dictionary-encoded strings, epoch-millisecond datetimes, typed grouping, hash join, top-N)
// must give exactly what the general row-by-row paths give: the same data is loaded once as wire rows and once as
// columnar chunks, and every query must return the same rows from both.
import { describe, expect, it } from 'vitest';
import { createKqlEngine, type KqlEngine } from './engine';
import type { TableSchema } from './types';
import { seededRandom } from '../shared/random';

const TABLES: readonly TableSchema[] = [
  {
    name: 'Alerts',
    columns: [
      { name: 'TimeGenerated', type: 'datetime' },
      { name: 'Severity', type: 'string' },
      { name: 'Entity', type: 'string' },
      { name: 'Uri', type: 'string' },
      { name: 'Id', type: 'string' },
      { name: 'Score', type: 'long' },
    ],
  },
  {
    name: 'Audit',
    columns: [
      { name: 'TimeGenerated', type: 'datetime' },
      { name: 'Verb', type: 'string' },
      { name: 'AuditId', type: 'string' },
    ],
  },
];

const ROWS = 3000;
const rand = seededRandom(7);
const pick = (n: number) => Math.floor(rand() * n);
// Dictionaries with a repeated text, an empty text and mixed case; codes include negative and out-of-range ones
// (both read as "").
const severities = ['High', 'Medium', 'low', 'High', '', 'LOW', '42'];
const entities = Array.from({ length: 40 }, (_, i) => `Host-${i % 37}`);
const verbs = ['get', 'list', 'GET', 'delete'];
const start = Date.UTC(2026, 0, 1);

const alerts = {
  ms: new Float64Array(ROWS),
  severity: new Int32Array(ROWS),
  entity: new Int32Array(ROWS),
  uri: new Array<string>(ROWS),
  id: new Array<string>(ROWS),
  score: new Float64Array(ROWS),
};
const audit = { ms: new Float64Array(ROWS), verb: new Int32Array(ROWS), id: new Array<string>(ROWS) };
for (let i = 0; i < ROWS; i++) {
  // Whole milliseconds, with ties.
  alerts.ms[i] = start + (pick(5) === 0 ? -1 : 1) * pick(40) * 1_800_000 + pick(3);
  alerts.severity[i] = pick(severities.length + 2) - 1;
  alerts.entity[i] = pick(entities.length);
  alerts.uri[i] = `/api/v1/ns${pick(4)}/${['secrets', 'pods', 'Secrets', 'secretsx'][pick(4)]}/x-${pick(9)}`;
  alerts.id[i] = `id${pick(ROWS)}`;
  alerts.score[i] = pick(100);
  audit.ms[i] = start + pick(100) * 60_000;
  audit.verb[i] = pick(verbs.length);
  audit.id[i] = `id${pick(ROWS * 2)}`;
}
const text = (dictionary: readonly string[], code: number) => (code < 0 ? '' : (dictionary[code] ?? ''));

function columnarEngine(): KqlEngine {
  const engine = createKqlEngine({ tables: TABLES });
  engine.loadColumns('Alerts', ROWS, {
    TimeGenerated: { epochMs: alerts.ms },
    Severity: { dictionary: severities, codes: alerts.severity },
    Entity: { dictionary: entities, codes: alerts.entity },
    Uri: { values: alerts.uri },
    Id: { values: alerts.id },
    Score: { values: alerts.score },
  });
  engine.loadColumns('Audit', ROWS, {
    TimeGenerated: { epochMs: audit.ms },
    Verb: { dictionary: verbs, codes: audit.verb },
    AuditId: { values: audit.id },
  });
  return engine;
}

function rowEngine(): KqlEngine {
  const engine = createKqlEngine({ tables: TABLES });
  engine.loadTable(
    'Alerts',
    Array.from({ length: ROWS }, (_, i) => ({
      TimeGenerated: new Date(alerts.ms[i]!).toISOString(),
      Severity: text(severities, alerts.severity[i]!),
      Entity: text(entities, alerts.entity[i]!),
      Uri: alerts.uri[i],
      Id: alerts.id[i],
      Score: alerts.score[i],
    })),
  );
  engine.loadTable(
    'Audit',
    Array.from({ length: ROWS }, (_, i) => ({
      TimeGenerated: new Date(audit.ms[i]!).toISOString(),
      Verb: text(verbs, audit.verb[i]!),
      AuditId: audit.id[i],
    })),
  );
  return engine;
}

const QUERIES = [
  'Alerts | where Severity == "High" | count',
  'Alerts | where Severity =~ "low" | summarize count() by Severity',
  'Alerts | where Severity != "High" and Score > 50 | count',
  'Alerts | where Severity in ("High", "", "42") | summarize count(), dcount(Entity) by Severity',
  'Alerts | where isempty(Severity) | count',
  'Alerts | where toint(Severity) > 10 | count',
  'Alerts | where Uri has "secrets" | count',
  'Alerts | where Uri !has "Secrets" | count',
  'Alerts | where Uri has_cs "Secrets" | count',
  'Alerts | where Entity startswith "Host-1" | summarize count() by Entity',
  'Alerts | summarize count(), dcount(Entity) by Severity, Entity',
  'Alerts | summarize count() by tolower(Severity)',
  'Alerts | summarize dcount(toint(Severity)), dcount(Severity), count_distinct(Entity) by bin(TimeGenerated, 1h)',
  'Alerts | summarize n = count() by bin(TimeGenerated, 1d), Severity | order by TimeGenerated asc, Severity asc',
  'Alerts | summarize count() by bin(TimeGenerated, 7d)',
  'Alerts | summarize count(), sum(Score), avg(Score), max(TimeGenerated) by Entity',
  'Alerts | summarize arg_max(TimeGenerated, Severity, Uri) by Entity | top 5 by TimeGenerated',
  'Alerts | summarize arg_min(TimeGenerated, *) by Severity',
  'Alerts | summarize count() * 2, countif(Severity == "High") by Entity',
  'Alerts | where Severity == "Medium" | summarize arg_max(TimeGenerated, Entity) by Severity',
  'Alerts | where Score < 30 | summarize count() by Entity, Severity, bin(TimeGenerated, 1h)',
  'Alerts | extend s = tolower(Severity) | where s == "high" | project Entity, s | take 20',
  'Alerts | top 10 by TimeGenerated desc',
  'Alerts | top 7 by Severity asc',
  'Alerts | where Severity == "High" | top 5 by TimeGenerated asc',
  'Alerts | top 9 by tolower(Severity) desc nulls first',
  'Alerts | top 3000 by Score',
  'Alerts | sort by TimeGenerated asc, Id asc | take 12',
  'Alerts | sort by Severity desc, TimeGenerated asc | take 30',
  'Alerts | sort by Severity asc nulls first, Entity desc | take 30',
  'Alerts | join kind=inner (Audit) on $left.Id == $right.AuditId | count',
  'Alerts | join (Audit) on $left.Id == $right.AuditId | summarize count() by Verb',
  'Alerts | join kind=leftouter (Audit | where Verb == "get") on $left.Id == $right.AuditId | summarize count() by Verb',
  'Alerts | join kind=rightanti (Audit) on $left.Id == $right.AuditId | count',
  'Alerts | join kind=leftsemi (Audit) on $left.Id == $right.AuditId | summarize count() by Severity',
  'Alerts | join kind=fullouter (Audit | take 100) on $left.Id == $right.AuditId | count',
  'Audit | join kind=inner (Alerts | take 50) on $left.AuditId == $right.Id | project AuditId, Verb, Severity | order by AuditId asc, Verb asc, Severity asc',
  'Alerts | summarize count()',
  'Alerts | where Severity == "nothing" | summarize count(), dcount(Entity)',
  'Alerts | where Severity == "nothing" | summarize count() by Entity',
  'Alerts | distinct Severity',
  // Row tests: epoch milliseconds against constant datetimes (bounds between two milliseconds, flipped operands,
  // null bounds), and a count after a filter that builds no rows.
  'Alerts | where TimeGenerated between (datetime(2026-01-01) .. datetime(2026-01-02)) and Severity == "High" | count',
  'Alerts | where TimeGenerated !between (datetime(2026-01-01) .. 12h) | count',
  'Alerts | where TimeGenerated between (datetime(2026-01-02) .. datetime(2026-01-01)) | count',
  'Alerts | where TimeGenerated > datetime(2026-01-01 00:30:00.0005) | count',
  'Alerts | where TimeGenerated >= datetime(2025-12-31 23:00:00.0001) or Severity == "" | count',
  'Alerts | where TimeGenerated < datetime(2026-01-01 00:00:00.0015) | count',
  'Alerts | where TimeGenerated <= datetime(2025-12-31 23:30:00.0015) | summarize count() by Severity',
  'Alerts | where datetime(2026-01-01) < TimeGenerated | count',
  'Alerts | where datetime(2026-01-01 00:30:00.001) == TimeGenerated | count',
  'Alerts | where TimeGenerated == datetime(2026-01-01 00:30:00.0015) | count',
  'Alerts | where TimeGenerated != datetime(2026-01-01 00:30:00.001) | count',
  'Alerts | where TimeGenerated != datetime(null) | count',
  'Alerts | where TimeGenerated == datetime(null) or TimeGenerated > datetime(null) | count',
  'Alerts | where TimeGenerated > datetime(2026-01-01) - 1h and not(Severity == "High") | count',
  'Alerts | where Id == "id5" or Id != "id7" and Score > 3 | count',
  'Alerts | where TimeGenerated > datetime(2026-01-01) | summarize count(), dcount(Entity)',
  'Alerts | where TimeGenerated > datetime(2026-01-01) | count | extend Twice = Count * 2',
];

describe('columnar fast paths give what the row paths give', () => {
  const columnar = columnarEngine();
  const byRows = rowEngine();
  it.each(QUERIES)('%s', (query) => {
    const expected = byRows.query(query);
    const actual = columnar.query(query);
    if (!expected.ok) throw new Error(`row engine: ${expected.code} ${expected.message}`);
    if (!actual.ok) throw new Error(`columnar engine: ${actual.code} ${actual.message}`);
    expect(actual.columns).toEqual(expected.columns);
    expect(actual.rows()).toEqual(expected.rows());
  });
});

describe('top N (a bounded heap) gives what sort and take give', () => {
  const engine = columnarEngine();
  it.each([
    ['Alerts | top 10 by TimeGenerated desc', 'Alerts | sort by TimeGenerated desc | take 10'],
    ['Alerts | top 25 by Severity asc', 'Alerts | sort by Severity asc | take 25'],
    ['Alerts | top 40 by Score desc nulls first', 'Alerts | sort by Score desc nulls first | take 40'],
    ['Alerts | top 13 by strlen(Uri) asc', 'Alerts | sort by strlen(Uri) asc | take 13'],
    ['Alerts | top 0 by Score', 'Alerts | sort by Score | take 0'],
  ])('%s', (top, sortTake) => {
    const expected = engine.query(sortTake);
    const actual = engine.query(top);
    if (!expected.ok || !actual.ok) throw new Error('query failed');
    expect(actual.rows()).toEqual(expected.rows());
  });
});

describe('reading the columns a query names ahead of its run', () => {
  const SCHEMA: TableSchema = {
    name: 'Logs',
    columns: [
      { name: 'Message', type: 'dynamic' },
      { name: 'Pod', type: 'string' },
      { name: 'Namespace', type: 'string' },
      { name: 'Other', type: 'dynamic' },
    ],
  };
  const messages = ['error: disk full', { level: 'info', text: 'ok' }, 'started', null];
  /** A column decoded on first use, as the store gives them: records when its values are built. */
  const decodedOnFirstUse = (name: string, values: readonly unknown[], built: string[]) => ({
    get values() {
      built.push(name);
      return values;
    },
    cell: (row: number) => values[row],
  });

  function engineWith(built: string[]): KqlEngine {
    const engine = createKqlEngine({ tables: [SCHEMA] });
    engine.loadColumns('Logs', messages.length, {
      Message: decodedOnFirstUse('Message', messages, built),
      Pod: decodedOnFirstUse('Pod', ['a', 'b', 'c', 'd'], built),
      Namespace: { dictionary: ['default', 'kube-system'], codes: [0, 1, 0, 1] },
      Other: decodedOnFirstUse('Other', [1, 2, 3, 4], built),
    });
    return engine;
  }

  it('builds the text and dynamic columns its expressions read, and no other', () => {
    const built: string[] = [];
    const engine = engineWith(built);
    engine.readNamedColumns(
      "Logs | where tostring(Message) has 'error' | summarize count() by Namespace, Pod",
    );
    expect(built.sort()).toEqual(['Message', 'Pod']);
    const result = engine.query(
      "Logs | where tostring(Message) has 'error' | summarize count() by Namespace, Pod",
    );
    expect(result.ok && result.rows()).toEqual([['default', 'a', 1]]);
    // Built once: the run reads what the preparation built.
    expect(built.sort()).toEqual(['Message', 'Pod']);
  });

  it('builds nothing for a query that names no column, or has an error', () => {
    const built: string[] = [];
    const engine = engineWith(built);
    engine.readNamedColumns('Logs | take 2');
    engine.readNamedColumns('Logs | where NoSuchColumn == 1');
    expect(built).toEqual([]);
  });
});
