// Comparisons and bins over a datetime column's epoch milliseconds must give what the bigint ticks give: the same
// times are loaded once as whole epoch milliseconds (the fast form) and once as ticks (the general path).
import { describe, expect, it } from 'vitest';
import { createKqlEngine, type KqlEngine } from '../engine';
import type { TableSchema } from '../types';

const SCHEMA: TableSchema = {
  name: 'Events',
  columns: [
    { name: 'TimeGenerated', type: 'datetime' },
    { name: 'Kind', type: 'string' },
  ],
};
const BOUNDARY = Date.UTC(2026, 0, 1);
// Whole milliseconds on and around the boundaries the queries use, before 1970 too.
const TIMES = [
  ...[-2, -1, 0, 1, 2].map((offset) => BOUNDARY + offset),
  ...[-1, 0, 1].map((offset) => BOUNDARY - 86_400_000 + offset),
  Date.UTC(1969, 11, 31, 23, 59, 59, 999),
  Date.UTC(1960, 5, 1),
  -1,
  0,
];
const KINDS = TIMES.map((_, index) => (index % 3 === 0 ? 'a' : 'b'));
const NOW = new Date(BOUNDARY + 86_400_000);

function engineWith(timeGenerated: Parameters<KqlEngine['loadColumns']>[2][string]): KqlEngine {
  const engine = createKqlEngine({ tables: [SCHEMA] });
  engine.loadColumns('Events', TIMES.length, {
    TimeGenerated: timeGenerated,
    Kind: { values: KINDS },
  });
  return engine;
}

const QUERIES = [
  'Events | where TimeGenerated > datetime(2026-01-01) | count',
  'Events | where TimeGenerated >= datetime(2026-01-01) | count',
  'Events | where TimeGenerated < datetime(2026-01-01) | count',
  'Events | where TimeGenerated <= datetime(2026-01-01) | count',
  // 0.5 ms after the boundary: between two whole milliseconds.
  'Events | where TimeGenerated > datetime(2026-01-01T00:00:00.0005) | count',
  'Events | where TimeGenerated >= datetime(2026-01-01T00:00:00.0005) | count',
  'Events | where TimeGenerated < datetime(2026-01-01T00:00:00.0005) | count',
  'Events | where TimeGenerated <= datetime(2026-01-01T00:00:00.0005) | count',
  'Events | where TimeGenerated < datetime(1969-12-31T23:59:59.9995) | count',
  'Events | where TimeGenerated >= datetime(1969-12-31T23:59:59.9995) | count',
  'Events | where datetime(2026-01-01) < TimeGenerated | count',
  'Events | where datetime(2026-01-01T00:00:00.0005) >= TimeGenerated | count',
  'Events | where TimeGenerated > ago(1d) | count',
  'Events | where TimeGenerated >= ago(1d) and TimeGenerated < now() | project TimeGenerated',
  'Events | where TimeGenerated > ago(1d + 0.5ms) | count',
  'Events | where TimeGenerated > todatetime("not a time") | count',
  'Events | where TimeGenerated > toscalar(Events | summarize min(TimeGenerated)) | count',
  'Events | extend Recent = TimeGenerated > ago(1d) | project Recent',
  'Events | where Kind == "b" | where TimeGenerated <= datetime(2026-01-01T00:00:00.001) | project TimeGenerated',
  'Events | where Kind == "a" | summarize count() by bin(TimeGenerated, 1ms) | order by TimeGenerated asc',
  'Events | where TimeGenerated > ago(400d) | summarize count() by bin(TimeGenerated, 1h)',
  'Events | summarize count() by bin(TimeGenerated, 1d) | order by TimeGenerated asc',
];

describe('datetime comparisons and bins over epoch milliseconds', () => {
  const fast = engineWith({ epochMs: Float64Array.from(TIMES) });
  const general = engineWith({ ticks: BigInt64Array.from(TIMES, (ms) => BigInt(ms) * 10_000n) });

  it.each(QUERIES)('%s', (query) => {
    const expected = general.query(query, { now: NOW });
    const actual = fast.query(query, { now: NOW });
    if (!expected.ok) throw new Error(`ticks: ${expected.code} ${expected.message}`);
    if (!actual.ok) throw new Error(`epoch ms: ${actual.code} ${actual.message}`);
    expect(actual.rows()).toEqual(expected.rows());
  });

  it('counts what a learner expects at the boundary', () => {
    const outcome = fast.query('Events | where TimeGenerated >= datetime(2026-01-01) | count', { now: NOW });
    if (!outcome.ok) throw new Error(outcome.message);
    // The boundary and the two milliseconds after it.
    expect(outcome.rows()).toEqual([[3]]);
  });
});
