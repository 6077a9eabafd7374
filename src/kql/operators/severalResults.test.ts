// fork and facet, from their documentation pages: one result table per subquery (fork) or per column plus the `with`
// pipe's (facet), named as Kusto names them; nothing may follow either operator.
import { describe, expect, it } from 'vitest';
import { run, runError, runTables, testEngine } from '../testing/testEngine';

const engine = testEngine();
const data = 'datatable(s: string, n: long) ["a", 1, "b", 2, "a", 3, "c", 10, "a", 1]';

describe('fork', () => {
  it('returns one table per subquery, each run over the same input, in the order written', () => {
    const tables = runTables(
      engine,
      `${data} | where n > 1 | fork (where s == "a") (count) (summarize sum(n) by s)`,
    );
    expect(tables.map((t) => t.rows)).toEqual([
      [['a', 3]],
      [[3]],
      [
        ['b', 2],
        ['a', 3],
        ['c', 10],
      ],
    ]);
    expect(tables[1]!.columns).toEqual(['Count']);
    expect(tables[2]!.columns).toEqual(['s', 'sum_n']);
  });

  it('names unnamed tables GenericResult, GenericResult_2, GenericResult_3', () => {
    const tables = runTables(engine, `${data} | fork (take 1) (take 2) (take 3)`);
    expect(tables.map((t) => t.name)).toEqual(['GenericResult', 'GenericResult_2', 'GenericResult_3']);
    expect(tables.map((t) => t.rows.length)).toEqual([1, 2, 3]);
  });

  it('names a table by name= or by the subquery ending in as; the others stay GenericResult in order', () => {
    const tables = runTables(
      engine,
      `${data} | fork Small = (where n < 2) (where n > 5 | as Large) (count) (take 1)`,
    );
    expect(tables.map((t) => t.name)).toEqual(['Small', 'Large', 'GenericResult', 'GenericResult_2']);
    expect(tables[0]!.rows).toEqual([
      ['a', 1],
      ['a', 1],
    ]);
    expect(tables[1]!.rows).toEqual([['c', 10]]);
  });

  it('accepts the documented subquery operators (extend, project, top, sort, mv-expand, reduce, top-nested)', () => {
    const tables = runTables(
      engine,
      `${data} | fork (extend m = n * 2 | project m | top 1 by m) (sort by n asc | take 1) (project d = dynamic([1, 2]) | mv-expand d | count)`,
    );
    expect(tables.map((t) => t.rows)).toEqual([[[20]], [['a', 1]], [[10]]]);
  });

  it('gives a subquery with no rows an empty table with its columns', () => {
    const [empty] = runTables(engine, `${data} | fork (where n > 100) (count)`);
    expect(empty!.columns).toEqual(['s', 'n']);
    expect(empty!.rows).toEqual([]);
  });

  it('refuses an operator after fork, at the fork', () => {
    const query = `${data} | fork (take 1) (take 2) | count`;
    const error = runError(engine, query);
    expect(error.code).toBe('KQL_UNSUPPORTED');
    expect(error.message).toContain('several result tables');
    expect(query.slice(error.start, error.start + 4)).toBe('fork');
  });

  it('comes after the earlier statements of a batch; each statement is a PrimaryResult', () => {
    const tables = runTables(
      engine,
      `${data} | count; ${data} | fork (take 1) A = (take 2); ${data} | take 1`,
    );
    expect(tables.map((t) => t.name)).toEqual(['PrimaryResult', 'GenericResult', 'A', 'PrimaryResult_2']);
  });

  it('keeps a single table query a PrimaryResult without further tables', () => {
    const outcome = engine.query(`${data} | count`);
    expect(outcome.ok && outcome.name).toBe('PrimaryResult');
    expect(outcome.ok && outcome.extraTables).toBeUndefined();
  });
});

describe('facet', () => {
  it('returns per column its values with their count, named count_Column', () => {
    const tables = runTables(engine, `${data} | facet by s, n`);
    expect(tables.map((t) => t.name)).toEqual(['s', 'n']);
    expect(tables[0]!.columns).toEqual(['s', 'count_s']);
    expect(tables[0]!.types).toEqual(['string', 'long']);
    expect(tables[0]!.rows).toEqual([
      ['a', 3],
      ['b', 1],
      ['c', 1],
    ]);
    expect(tables[1]!.columns).toEqual(['n', 'count_n']);
    expect(tables[1]!.rows).toEqual([
      [1, 2],
      [2, 1],
      [3, 1],
      [10, 1],
    ]);
  });

  it('puts the with pipe table first, then one table per column', () => {
    const tables = runTables(engine, `${data} | facet by s with (where n > 2 | project n)`);
    expect(tables.map((t) => t.name)).toEqual(['GenericResult', 's']);
    expect(tables[0]!.rows).toEqual([[3], [10]]);
  });

  it('takes a single operator after with, without parentheses', () => {
    const tables = runTables(engine, `${data} | facet by s with take 1`);
    expect(tables[0]!.rows).toEqual([['a', 1]]);
  });

  it('counts a null value as a value of its own', () => {
    const tables = runTables(engine, 'datatable(n: long) [1, long(null), 1] | facet by n');
    expect(tables[0]!.rows).toEqual([
      [1, 2],
      [null, 1],
    ]);
  });

  it('counts the facets of the input as the earlier operators left it', () => {
    expect(runTables(engine, `${data} | where s != "a" | facet by s`)[0]!.rows).toEqual([
      ['b', 1],
      ['c', 1],
    ]);
    expect(run(engine, `${data} | where s != "a" | count`).rows).toEqual([[2]]);
  });

  it('refuses an operator after facet', () => {
    expect(runError(engine, `${data} | facet by s | take 1`).code).toBe('KQL_UNSUPPORTED');
  });
});
