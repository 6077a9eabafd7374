// macro-expand, from its documentation page: the union of the subquery run once per entity of the group, the
// identifier standing for the entity; kind=outer (default) or inner; an entity group in place or from a let.
import { describe, expect, it } from 'vitest';
import { run, runError, testEngine } from '../testing/testEngine';

const engine = testEngine();

describe('macro-expand', () => {
  it('runs the subquery once per entity and unions the results (X.Table reads the database entity)', () => {
    const query =
      'macro-expand entity_group [database("Sentinel"), database("Sentinel")] as X (X.Events | where User == "alice" | count)';
    expect(run(engine, query).rows).toEqual([[2], [2]]);
  });

  it('applies the operators after it to the combined results, not to each expansion', () => {
    const query =
      'macro-expand entity_group [database("Sentinel"), database("Sentinel")] as X (X.Events | summarize n = count() by User) | summarize total = sum(n)';
    expect(run(engine, query).rows).toEqual([[8]]);
  });

  it('takes an entity group from a let statement', () => {
    const query =
      'let Group = entity_group [database("Sentinel")]; macro-expand Group as X (X.Events | take 1 | project User)';
    expect(run(engine, query).rows).toEqual([['alice']]);
  });

  it('runs let statements inside the subquery before its tabular expression', () => {
    const query =
      'macro-expand entity_group [database("Sentinel")] as X (let n = 2; X.Events | take n | project User)';
    expect(run(engine, query).rows).toEqual([['alice'], ['bob']]);
  });

  it('expands table entities: X is the table', () => {
    const query = 'macro-expand entity_group [Events, Users] as X (X | summarize rows = count())';
    expect(run(engine, query).rows).toEqual([[4], [4]]);
  });

  it('keeps every column with kind=outer (the default) and only the common ones with kind=inner', () => {
    const outer = run(engine, 'macro-expand entity_group [Events, Users] as X (X | take 1)');
    expect(outer.columns).toEqual(expect.arrayContaining(['User', 'Dept', 'Action']));
    expect(outer.rows).toHaveLength(2);
    const inner = run(engine, 'macro-expand kind=inner entity_group [Events, Users] as X (X | take 1)');
    expect(inner.columns).toEqual(['User']);
    expect(inner.rows).toEqual([['alice'], ['alice']]);
  });

  it('answers KQL_NO_NETWORK for a database of another cluster, at the reference', () => {
    const query = 'macro-expand entity_group [cluster("help").database("Samples")] as X (X.Events | count)';
    const error = runError(engine, query);
    expect(error.code).toBe('KQL_NO_NETWORK');
    expect(query.slice(error.start, error.start + error.length)).toBe('X.Events');
  });
});
