// Golden tests for aggregation functions; expected values worked out from the Kusto documentation.
import { describe, expect, it } from 'vitest';
import { run, testEngine } from './testing/testEngine';

const engine = testEngine();

describe('buildschema()', () => {
  it('builds the minimal schema of the docs example: unions in order of first appearance, arrays as `indexer`', () => {
    const result = run(
      engine,
      `datatable(value: dynamic) [
        dynamic({"x":1, "y":3.5}),
        dynamic({"x":"somevalue", "z":[1, 2, 3]}),
        dynamic({"y":{"w":"zzz"}, "t":["aa", "bb"], "z":["foo"]})
      ] | summarize buildschema(value)`,
    );
    expect(result.columns).toEqual(['schema_value']);
    expect(result.rows).toEqual([
      [
        {
          x: ['long', 'string'],
          y: ['double', { w: 'string' }],
          z: { '`indexer`': ['long', 'string'] },
          t: { '`indexer`': 'string' },
        },
      ],
    ]);
  });

  it('merges bags with bags, ignores nulls, and groups by key', () => {
    const result = run(
      engine,
      `datatable(k: string, v: dynamic) ['a', dynamic({"p":{"q":true}}), 'a', dynamic({"p":{"r":1}}), 'a', dynamic(null), 'b', dynamic(7)]
      | summarize s = buildschema(v) by k | order by k asc`,
    );
    expect(result.rows).toEqual([
      ['a', { p: { q: 'bool', r: 'long' } }],
      ['b', 'long'],
    ]);
  });
});

describe('make_list()', () => {
  it('collects the elements of array values, as the geo_h3cell_rings docs example shows', () => {
    const result = run(
      engine,
      'datatable(v: dynamic) [dynamic(["a"]), dynamic(["b", "c"]), dynamic("d")] | summarize l = make_list(v)',
    );
    expect(result.rows).toEqual([[['a', 'b', 'c', 'd']]]);
  });

  it('stops at maxSize also inside an array', () => {
    const result = run(engine, 'datatable(v: dynamic) [dynamic([1, 2, 3])] | summarize l = make_list(v, 2)');
    expect(result.rows).toEqual([[[1, 2]]]);
  });
});
