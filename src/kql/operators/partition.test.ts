// Golden tests for `partition`; expected results worked out by hand from the Kusto documentation.
import { describe, expect, it } from 'vitest';
import { run, testEngine } from '../testing/testEngine';

const engine = testEngine();

describe('partition', () => {
  it('runs the subquery over each partition as its implicit source and unions the results', () => {
    const result = run(
      engine,
      'Events | partition hint.strategy=native by User (summarize n = count(), b = sum(Bytes))',
    );
    expect(result.columns).toEqual(['n', 'b']);
    expect(result.rows).toEqual([
      [2, 4100],
      [1, 250],
      [1, null],
    ]);
    expect(run(engine, 'Events | partition by User (top 1 by Bytes asc | project User, Bytes)').rows).toEqual(
      [
        ['alice', 100],
        ['bob', 250],
        ['carol', null],
      ],
    );
  });

  it('keeps the per-partition state of serialized operators apart', () => {
    const result = run(
      engine,
      'Events | partition hint.strategy=shuffle by User (sort by TimeGenerated asc | extend nextBytes = next(Bytes)) | project User, Bytes, nextBytes',
    );
    expect(result.rows).toEqual([
      ['alice', 100, 4000],
      ['alice', 4000, null],
      ['bob', 250, null],
      ['carol', null, null],
    ]);
  });

  it('legacy { query } form: the query has its own source and toscalar(Column) is the partition key', () => {
    const result = run(
      engine,
      'Users | partition by Dept { Events | where User == "bob" | extend d = toscalar(Dept) | project d, Bytes }',
    );
    expect(result.rows).toEqual([
      ['IT', 250],
      ['Security', 250],
      ['HR', 250],
      ['Sales', 250],
    ]);
  });

  it('gives each partition its own `as` name and toscalar() value', () => {
    const result = run(
      engine,
      'range x from 1 to 6 step 1 | extend k = x % 2 | partition by k (as P | extend share = x * 1.0 / toscalar(P | summarize sum(x)))',
    );
    expect(result.rows).toEqual([
      [1, 1, 1 / 9],
      [3, 1, 3 / 9],
      [5, 1, 5 / 9],
      [2, 0, 2 / 12],
      [4, 0, 4 / 12],
      [6, 0, 6 / 12],
    ]);
  });

  it('legacy { query } form: toscalar(Column) reads the key where no rows are in scope', () => {
    const result = run(
      engine,
      'range x from 1 to 2 step 1 | partition hint.strategy=legacy by x { print k = toscalar(x) }',
    );
    expect(result.rows).toEqual([[1], [2]]);
  });

  it('an empty input gives no rows with the subquery columns', () => {
    const result = run(engine, 'Events | take 0 | partition by User (summarize n = count())');
    expect(result.columns).toEqual(['n']);
    expect(result.rows).toEqual([]);
  });
});
