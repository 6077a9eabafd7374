// Golden tests for dcount_intersect, worked out from Kusto's dcount_intersect plugin documentation.
import { describe, expect, it } from 'vitest';
import { createKqlEngine } from '../engine';
import { run, runError } from '../testing/testEngine';

const engine = createKqlEngine({ tables: [] });

describe('dcount_intersect', () => {
  it('s_i counts the values common to the first i+1 sketches, per row, after the input columns', () => {
    const result = run(
      engine,
      `range x from 1 to 12 step 1
       | summarize a = hll(iff(x % 2 == 0, x, int(null))), b = hll(iff(x % 3 == 0, x, int(null))),
                   c = hll(iff(x % 4 == 0, x, int(null))) by g = x > 6
       | evaluate dcount_intersect(a, b, c) | project g, s0, s1, s2 | order by g asc`,
    );
    // g=false: evens 2,4,6; with multiples of 3: 6; and of 4: none. g=true: 8,10,12; 12; 12.
    expect(result.rows).toEqual([
      [false, 3, 1, 0],
      [true, 3, 1, 1],
    ]);
  });

  it('needs at least two sketches', () => {
    expect(runError(engine, 'print h = hll(1) | evaluate dcount_intersect(h)').code).toMatch(
      /^(KS|KQL_PLUGIN_ARGS)/,
    );
  });
});
