import { describe, expect, it } from 'vitest';
import { run, testEngine } from '../testing/testEngine';

const engine = testEngine();

describe('sliding_window_counts', () => {
  it('on the documentation example data: counts and distinct ids of the 3-day lookback ending each day', () => {
    const result = run(
      engine,
      `let start = datetime(2017-08-01); let end = datetime(2017-08-07); let lookbackWindow = 3d; let bin = 1d;
       let T = datatable(UserId: string, Timestamp: datetime) [
         'Bob', datetime(2017-08-01), 'David', datetime(2017-08-01), 'David', datetime(2017-08-01),
         'John', datetime(2017-08-01), 'Bob', datetime(2017-08-01), 'Ananda', datetime(2017-08-02),
         'Atul', datetime(2017-08-02), 'John', datetime(2017-08-02), 'Ananda', datetime(2017-08-03),
         'Atul', datetime(2017-08-03), 'Atul', datetime(2017-08-03), 'John', datetime(2017-08-03),
         'Bob', datetime(2017-08-03), 'Betsy', datetime(2017-08-04), 'Bob', datetime(2017-08-05)];
       T | evaluate sliding_window_counts(UserId, Timestamp, start, end, lookbackWindow, bin)`,
    );
    expect(result.columns).toEqual(['Timestamp', 'Count', 'Dcount']);
    expect(result.rows.map((r) => r.slice(1))).toEqual([
      [5, 3],
      [8, 5],
      [13, 5],
      [9, 5],
      [7, 5],
      [2, 2],
      [1, 1],
    ]);
    expect(result.rows[0]![0]).toBe('2017-08-01T00:00:00Z');
  });

  it('counts per combination of dimensions over numeric timelines', () => {
    const result = run(
      engine,
      `datatable(Id: long, T: long, Dim: string) [1, 1, "a", 2, 1, "a", 1, 2, "b", 1, 3, "a"]
       | evaluate sliding_window_counts(Id, T, 1, 3, 2, 1, Dim)`,
    );
    expect(result.rows).toEqual([
      [1, 'a', 2, 2],
      [2, 'a', 2, 2],
      [3, 'a', 1, 1],
      [1, 'b', 0, 0],
      [2, 'b', 1, 1],
      [3, 'b', 1, 1],
    ]);
  });
});
