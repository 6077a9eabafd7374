// consume, sample-distinct, top-hitters, assert-schema (operators translated into existing plans) and __executeAndCache, from their documentation pages.
import { describe, expect, it } from 'vitest';
import { run, runError, testEngine } from '../testing/testEngine';

const engine = testEngine();
const data = 'datatable(s: string, n: long) ["a", 1, "b", 2, "a", 3, "c", 10, "a", 1]';

describe('operators translated into existing plans', () => {
  it('consume returns no rows', () => {
    expect(run(engine, `${data} | consume`).rows).toEqual([]);
  });

  it('sample-distinct returns at most N distinct values of the column, each once', () => {
    const rows = run(engine, `${data} | sample-distinct 2 of s`).rows.map((r) => r[0]);
    expect(rows).toHaveLength(2);
    expect(new Set(rows).size).toBe(2);
    for (const value of rows) expect(['a', 'b', 'c']).toContain(value);
    expect(run(engine, `${data} | sample-distinct 10 of s`).rows).toHaveLength(3);
  });

  it('top-hitters gives the most frequent values, or those with the largest sum, largest first', () => {
    const counted = run(engine, `${data} | top-hitters 2 of s`);
    expect(counted.columns).toEqual(['s', 'approximate_count_s']);
    expect(counted.rows[0]).toEqual(['a', 3]);
    // b and c both appear once: either may come second.
    expect(counted.rows[1]![1]).toBe(1);
    expect(counted.rows).toHaveLength(2);
    const summed = run(engine, `${data} | top-hitters 1 of s by n`);
    expect(summed.columns).toEqual(['s', 'approximate_sum_n']);
    expect(summed.rows).toEqual([['c', 10]]);
  });

  it('assert-schema passes the input on when the columns match, and names the first that does not', () => {
    expect(run(engine, `${data} | assert-schema (s: string, n: long) | count`).rows).toEqual([[5]]);
    const wrongType = runError(engine, `${data} | assert-schema (s: string, n: int)`);
    expect(wrongType.code).toBe('KQL_RUNTIME');
    expect(wrongType.message).toContain("column 'n' is long, not int");
  });

  it('__executeAndCache passes its input on', () => {
    expect(run(engine, `${data} | __executeAndCache | count`).rows).toEqual([[5]]);
  });
});
