// Golden tests for the pattern statement, worked out from Kusto's pattern statement documentation.
import { describe, expect, it } from 'vitest';
import { createKqlEngine } from '../engine';
import { run, runError } from '../testing/testEngine';

const engine = createKqlEngine({ tables: [] });

const app = `declare pattern App = (applicationId:string)[scope:string]
{
    ('a1').['Data']    = { range x from 1 to 2 step 1 | project App = "App #1", Data = x };
    ('a2').['Data']    = { range x from 1 to 3 step 1 | project App = "App #2", Data = 10 - x };
    ('a1').['Metrics'] = { print App = "App #1", Metrics = 0.5 };
};
`;

describe('pattern statement', () => {
  it('maps the invocation strings to their query; every spelling of the path is the same', () => {
    expect(run(engine, `${app}App('a2').Data`).rows).toEqual([
      ['App #2', 9],
      ['App #2', 8],
      ['App #2', 7],
    ]);
    expect(run(engine, `${app}App("a1").['Data'] | count`).rows).toEqual([[2]]);
    expect(run(engine, `${app}App('a1').["Data"] | count`).rows).toEqual([[2]]);
  });

  it('invocations can be combined like tables', () => {
    const result = run(engine, `${app}union App('a2').Data, App('a1').Metrics | summarize count() by App`);
    expect(result.rows).toEqual([
      ['App #2', 3],
      ['App #1', 1],
    ]);
  });

  it('a pattern without a path is invoked as a function', () => {
    expect(
      run(
        engine,
        `declare pattern where_is = (ip:string) { ("10.0.0.1") = { print Site = "HQ" }; };
where_is("10.0.0.1")`,
      ).rows,
    ).toEqual([['HQ']]);
  });

  it('an invocation without a mapping (wildcards included) is an error at its position', () => {
    // Kusto.Language itself reports references to undeclared mappings and to empty patterns.
    const error = runError(engine, `${app}App('a1').['*'] | count`);
    expect(error.code).toMatch(/^(KS|KQL_PATTERN)/);
    expect(error.line).toBe(7);
    expect(runError(engine, `declare pattern empty;\nempty("x")`).line).toBe(2);
  });
});
