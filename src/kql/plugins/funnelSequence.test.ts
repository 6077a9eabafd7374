// funnel_sequence, from its documentation page: three result tables (prev-sequence-next, prev-sequence,
// sequence-next) of distinct ids per analysis window, with up to 128 sample ids, largest count first.
import { describe, expect, it } from 'vitest';
import { runError, runTables, testEngine } from '../testing/testEngine';

const engine = testEngine();
const data = `datatable(Id: long, T: datetime, S: string) [
  1, datetime(2024-01-01 01:00), "a", 1, datetime(2024-01-01 02:00), "b", 1, datetime(2024-01-01 03:00), "c",
  2, datetime(2024-01-01 01:00), "b", 2, datetime(2024-01-01 02:00), "c",
  3, datetime(2024-01-02 01:00), "x", 3, datetime(2024-01-02 02:00), "b", 3, datetime(2024-01-02 05:00), "a",
  4, datetime(2024-01-01 04:00), "a", 4, datetime(2024-01-01 05:00), "b", 4, datetime(2024-01-01 06:00), "c"]`;
const funnel = (sequence: string, window = '2h', step = '1d') =>
  `${data} | evaluate funnel_sequence(Id, T, datetime(2024-01-01), datetime(2024-01-03), ${window}, ${step}, S, dynamic(${sequence}))`;

describe('funnel_sequence', () => {
  it('returns three tables named as the documentation names them, with its columns', () => {
    const tables = runTables(engine, funnel('["b"]'));
    expect(tables.map((t) => t.name)).toEqual(['prev-sequence-next', 'prev-sequence', 'sequence-next']);
    expect(tables[0]!.columns).toEqual(['T', 'prev', 'next', 'dcount', 'samples']);
    expect(tables[0]!.types).toEqual(['datetime', 'string', 'string', 'long', 'dynamic']);
    expect(tables[1]!.columns).toEqual(['T', 'prev', 'dcount', 'samples']);
    expect(tables[2]!.columns).toEqual(['T', 'next', 'dcount', 'samples']);
  });

  it('counts distinct ids per prev and next state and per Step window, largest count first', () => {
    const [both, prev, next] = runTables(engine, funnel('["b"]'));
    expect(both!.rows).toEqual([
      ['2024-01-01T00:00:00Z', 'a', 'c', 2, [1, 4]],
      ['2024-01-01T00:00:00Z', '', 'c', 1, [2]],
      ['2024-01-02T00:00:00Z', 'x', '', 1, [3]],
    ]);
    expect(prev!.rows).toEqual([
      ['2024-01-01T00:00:00Z', 'a', 2, [1, 4]],
      ['2024-01-01T00:00:00Z', '', 1, [2]],
      ['2024-01-02T00:00:00Z', 'x', 1, [3]],
    ]);
    expect(next!.rows).toEqual([
      ['2024-01-01T00:00:00Z', 'c', 3, [1, 2, 4]],
      ['2024-01-02T00:00:00Z', '', 1, [3]],
    ]);
  });

  it('matches a sequence of several states, each step within MaxSequenceStepWindow of the one before', () => {
    const [both] = runTables(engine, funnel('["a", "b"]'));
    expect(both!.rows).toEqual([['2024-01-01T00:00:00Z', '', 'c', 2, [1, 4]]]);
    // Id 3's b follows x, and its a comes 3h after b: too late for a 2h window.
    expect(runTables(engine, funnel('["b", "a"]'))[0]!.rows).toEqual([]);
    expect(runTables(engine, funnel('["b", "a"]', '3h'))[0]!.rows).toEqual([
      ['2024-01-02T00:00:00Z', 'x', '', 1, [3]],
    ]);
  });

  it('leaves prev and next empty when the neighbouring event is farther than the window', () => {
    const [both] = runTables(engine, funnel('["b"]', '30m'));
    expect(both!.rows.map((row) => [row[0], row[1], row[2], row[3]])).toEqual([
      ['2024-01-01T00:00:00Z', '', '', 3],
      ['2024-01-02T00:00:00Z', '', '', 1],
    ]);
  });

  it('aligns the analysis windows to Start and ignores events outside Start..End', () => {
    const tables = runTables(
      engine,
      `${data} | evaluate funnel_sequence(Id, T, datetime(2024-01-01 03:00), datetime(2024-01-01 12:00), 2h, 4h, S, dynamic(["b"]))`,
    );
    // Only id 4 (b at 05:00) takes the sequence after 03:00; its window starts at 03:00 + 0 * 4h.
    expect(tables[0]!.rows).toEqual([['2024-01-01T03:00:00Z', 'a', 'c', 1, [4]]]);
  });

  it('returns empty tables when no id takes the sequence', () => {
    for (const table of runTables(engine, funnel('["zzz"]'))) expect(table.rows).toEqual([]);
  });

  it('keeps at most 128 sample ids', () => {
    const many = `range i from 1 to 200 step 1 | extend T = datetime(2024-01-01) + i * 1s, S = "b" | evaluate funnel_sequence(i, T, datetime(2024-01-01), datetime(2024-01-02), 1h, 1d, S, dynamic(["b"]))`;
    const [both] = runTables(engine, many);
    expect(both!.rows[0]![3]).toBe(200);
    expect((both!.rows[0]![4] as unknown[]).length).toBe(128);
  });

  it('refuses an empty sequence and an operator after it', () => {
    expect(runError(engine, funnel('[]')).code).toBe('KQL_PLUGIN_ARGS');
    expect(runError(engine, `${funnel('["b"]')} | count`).code).toBe('KQL_UNSUPPORTED');
  });
});
