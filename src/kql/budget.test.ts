// Time and memory are bounded inside operators (issue 16, item 2): an operator that would pass the row limit or the
// memory budget stops with a positioned KQL_LIMIT before it allocates its output.
import { describe, expect, it } from 'vitest';
import { DEFAULT_MEMORY_BUDGET_BYTES, dynamicBytes, MAX_OPERATOR_ROWS, QueryBudget } from './budget';
import { run, runError, testEngine } from './testing/testEngine';
import type { QueryError } from './types';

const engine = testEngine();

function limitError(query: string, options: Parameters<typeof engine.query>[1] = {}): QueryError {
  const outcome = engine.query(query, options);
  if (outcome.ok) throw new Error(`expected KQL_LIMIT from ${query}, got ${outcome.rowCount} rows`);
  return outcome;
}

describe('query budget', () => {
  it('refuses a cartesian join before making one pair, at the join', () => {
    const query =
      'range x from 1 to 100000 step 1 | extend k=1 | join kind=inner (range y from 1 to 100000 step 1 | extend k=1) on k | count';
    const error = limitError(query);
    expect(error.code).toBe('KQL_LIMIT');
    expect(error.message).toContain('join would produce 10,000,000,000 rows');
    expect(error.start).toBe(query.indexOf('join'));
  });

  it('a join within the limit still answers, whichever side is smaller', () => {
    const small = 'range x from 1 to 3 step 1 | extend k=1';
    const big = 'range y from 1 to 5 step 1 | extend k=1';
    expect(run(engine, `${small} | join kind=inner (${big}) on k | count`).rows).toEqual([[15]]);
    expect(run(engine, `${big} | join kind=inner (${small}) on k | count`).rows).toEqual([[15]]);
    expect(
      runError(engine, `${big} | join kind=inner (${small}) on k | count`, { maxOperatorRows: 14 }).code,
    ).toBe('KQL_LIMIT');
  });

  it('stops mv-expand at the row limit, before the row that would pass it', () => {
    const query = 'range x from 1 to 20000 step 1 | mv-expand y = range(1, 20000) | count';
    const error = limitError(query, { maxOperatorRows: 100_000 });
    expect(error.message).toContain('mv-expand would produce');
    expect(error.start).toBe(query.indexOf('mv-expand'));
  });

  it('charges large dynamic values to the memory budget', () => {
    const query = 'range x from 1 to 20000 step 1 | extend a = range(1, 20000) | mv-expand a | count';
    const error = limitError(query, { memoryBudgetBytes: 32 * 1024 * 1024 });
    expect(error.code).toBe('KQL_LIMIT');
    expect(error.message).toContain('memory budget of 32 MB');
  });

  it('counts range rows and make-series bins before making them', () => {
    expect(limitError('range x from 1 to 1000000000000 step 1 | count').message).toContain(
      'range would produce 1,000,000,000,000 rows',
    );
    const series = limitError(
      'range x from 1 to 10 step 1 | make-series count() on x from 0 to 1000000000000 step 1',
    );
    expect(series.message).toContain('bins per series');
    expect(
      runError(engine, 'range x from 1 to 10 step 1 | make-series count() on x from 0 to 10 step 0').code,
    ).toBe('KQL_RANGE');
  });

  it('a union past the limit stops at the union', () => {
    const query = 'union (range x from 1 to 600 step 1), (range x from 1 to 600 step 1) | count';
    expect(limitError(query, { maxOperatorRows: 1000 }).message).toContain('union would produce 1,200 rows');
  });

  it('the defaults stay well under a 4 GB heap', () => {
    expect(DEFAULT_MEMORY_BUDGET_BYTES).toBeLessThanOrEqual(1024 * 1024 * 1024);
    expect(MAX_OPERATOR_ROWS).toBe(10_000_000);
    const budget = new QueryBudget(10, 1000);
    budget.charge('x', 600, { start: 0, length: 1 });
    expect(() => budget.charge('x', 600, { start: 0, length: 1 })).toThrow(/memory budget/);
    expect(dynamicBytes([1, 2, 3])).toBeGreaterThan(dynamicBytes([1]));
  });
});
