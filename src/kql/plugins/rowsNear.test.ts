// Golden tests for rows_near, worked out from Kusto's rows_near plugin documentation.
import { describe, expect, it } from 'vitest';
import { createKqlEngine } from '../engine';
import { run, runError } from '../testing/testEngine';

const engine = createKqlEngine({ tables: [] });
const rows = (query: string) => run(engine, query).rows;
const input = 'range i from 1 to 10 step 1 | extend e = i in (4, 9)';

describe('rows_near', () => {
  it('keeps NumRows before and after each matching row, each row once, in input order', () => {
    expect(rows(`${input} | evaluate rows_near(e, 1) | project i`)).toEqual([[3], [4], [5], [8], [9], [10]]);
    // Windows 2..6 and 7..10 touch: rows 2 to 10 once each.
    expect(rows(`${input} | evaluate rows_near(e, 2) | project i`)).toEqual(
      [2, 3, 4, 5, 6, 7, 8, 9, 10].map((i) => [i]),
    );
  });

  it('RowsAfter overrides the count after the match', () => {
    expect(rows(`${input} | evaluate rows_near(e, 0, 2) | project i`)).toEqual([[4], [5], [6], [9], [10]]);
  });

  it('keeps the input columns and gives no rows when nothing matches', () => {
    const result = run(engine, `${input} | evaluate rows_near(i > 100, 3)`);
    expect(result.columns).toEqual(['i', 'e']);
    expect(result.rows).toEqual([]);
  });

  it('a negative row count is an error, not a guess', () => {
    expect(runError(engine, `${input} | evaluate rows_near(e, -1)`).code).toBe('KQL_PLUGIN_ARGS');
  });
});
