// session_count, from its documentation page: sessions per Bin window from Start to End and per existing combination
// of dimensions; an id's appearance within LookBackWindow of its previous one continues a session, else starts one.
import { describe, expect, it } from 'vitest';
import { run, runError, testEngine } from '../testing/testEngine';

const engine = testEngine();

describe('session_count', () => {
  it('counts an id seen with short gaps once per window, as a continuing session', () => {
    const data = 'datatable(Id: long, T: long) [1, 1, 1, 3, 1, 5, 1, 12, 2, 2]';
    const result = run(engine, `${data} | evaluate session_count(Id, T, 1, 20, 10, 4)`);
    expect(result.columns).toEqual(['T', 'count_sessions']);
    expect(result.types).toEqual(['long', 'long']);
    // Window 1..10: id 1's session (1, 3, 5) and id 2's; window 11..20: id 1 at 12, 7 after 5: a new session.
    expect(result.rows).toEqual([
      [1, 2],
      [11, 1],
    ]);
  });

  it('counts one id twice in a window where its appearances are farther apart than LookBackWindow', () => {
    const data = 'datatable(Id: long, T: long) [1, 1, 1, 9]';
    expect(run(engine, `${data} | evaluate session_count(Id, T, 1, 10, 10, 4)`).rows).toEqual([[1, 2]]);
    expect(run(engine, `${data} | evaluate session_count(Id, T, 1, 10, 10, 8)`).rows).toEqual([[1, 1]]);
  });

  it('gives every window from Start to End a row, 0 where no session is active', () => {
    const data = 'datatable(Id: long, T: long) [1, 25]';
    expect(run(engine, `${data} | evaluate session_count(Id, T, 1, 40, 10, 5)`).rows).toEqual([
      [1, 0],
      [11, 0],
      [21, 1],
      [31, 0],
    ]);
  });

  it('continues a session from an appearance before Start, without counting the earlier window', () => {
    const data = 'datatable(Id: long, T: long) [1, 0, 1, 2, 2, 8]';
    // Both ids are active in the one window; appearances before Start give no row of their own.
    expect(run(engine, `${data} | evaluate session_count(Id, T, 1, 10, 10, 5)`).rows).toEqual([[1, 2]]);
  });

  it('slices by dimensions: a row per window for each combination that exists in the period', () => {
    const data = 'datatable(Id: long, T: long, Team: string) [1, 1, "red", 2, 2, "blue", 3, 12, "red"]';
    const result = run(engine, `${data} | evaluate session_count(Id, T, 1, 20, 10, 5, Team)`);
    expect(result.columns).toEqual(['T', 'Team', 'count_sessions']);
    expect(result.rows).toEqual([
      [1, 'red', 1],
      [11, 'red', 1],
      [1, 'blue', 1],
      [11, 'blue', 0],
    ]);
  });

  it('works on a datetime timeline with timespan windows', () => {
    const data = `datatable(Id: string, T: datetime) ["a", datetime(2024-01-01 00:10), "a", datetime(2024-01-01 00:40),
      "b", datetime(2024-01-01 01:30)]`;
    const result = run(
      engine,
      `${data} | evaluate session_count(Id, T, datetime(2024-01-01), datetime(2024-01-01 01:59), 1h, 20m)`,
    );
    expect(result.rows).toEqual([
      ['2024-01-01T00:00:00Z', 2],
      ['2024-01-01T01:00:00Z', 1],
    ]);
  });

  it('refuses a Bin of zero', () => {
    expect(
      runError(engine, 'datatable(Id: long, T: long) [1, 1] | evaluate session_count(Id, T, 1, 10, 0, 5)')
        .code,
    ).toBe('KQL_PLUGIN_ARGS');
  });
});
