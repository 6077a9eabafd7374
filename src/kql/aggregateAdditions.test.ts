// The catalog's added aggregates, from their documentation pages: covariance is Σ(x−x̄)(y−ȳ)/(n−1) (sample) or /n
// (population); the `if` forms take only rows where the predicate holds; nulls take no part.
import { describe, expect, it } from 'vitest';
import { run, testEngine } from './testing/testEngine';

const engine = testEngine();
const pairs = `datatable(x: real, y: real, keep: bool) [1, 2, true, 2, 4, true, 3, 7, false, 4, 9, true, real(null), 5, true]`;

describe('covariance aggregates', () => {
  it('sample and population covariance of the pairs where both values are present', () => {
    // Pairs (1,2) (2,4) (3,7) (4,9): x̄ 2.5, ȳ 5.5, Σ(x−x̄)(y−ȳ) = 5.25 + 0.75 + 0.75 + 5.25 = 12.
    const result = run(engine, `${pairs} | summarize covariance(x, y), covariancep(x, y)`);
    expect(result.columns).toEqual(['covariance_x', 'covariancep_x']);
    expect(result.rows[0]![0]).toBeCloseTo(12 / 3, 12);
    expect(result.rows[0]![1]).toBeCloseTo(12 / 4, 12);
  });

  it('the if forms count only rows where the predicate holds', () => {
    // Pairs (1,2) (2,4) (4,9): x̄ 7/3, ȳ 5, Σ = (−4/3)(−3) + (−1/3)(−1) + (5/3)(4) = 11.
    const [sample, population] = run(
      engine,
      `${pairs} | summarize covarianceif(x, y, keep), covariancepif(x, y, keep)`,
    ).rows[0] as number[];
    expect(sample).toBeCloseTo(11 / 2, 12);
    expect(population).toBeCloseTo(11 / 3, 12);
  });

  it('no pair gives null; one pair a sample covariance of 0', () => {
    expect(run(engine, `${pairs} | where x > 100 | summarize c = covariance(x, y)`).rows).toEqual([[null]]);
    expect(run(engine, `${pairs} | where x == 1 | summarize c = covariance(x, y)`).rows).toEqual([[0]]);
  });
});

describe('variancepif, count_distinctif, hll_if, hll_merge', () => {
  it('variancepif is the population variance of the selected values', () => {
    // x where keep: 1, 2, 4 (the null is skipped): mean 7/3, Σ(x−x̄)² = 42/9.
    expect(run(engine, `${pairs} | summarize v = variancepif(x, keep)`).rows[0]![0]).toBeCloseTo(
      42 / 9 / 3,
      12,
    );
  });

  it('count_distinctif counts the distinct non-null values of the selected rows', () => {
    expect(run(engine, 'Events | summarize c = count_distinctif(User, Bytes > 150)').rows).toEqual([[2]]);
    expect(run(engine, 'Events | summarize c = count_distinctif(User, Bytes > 1000000)').rows).toEqual([[0]]);
  });

  it('hll_if digests the selected values; hll_merge unites digests across rows', () => {
    const result = run(
      engine,
      `Events | summarize h = hll_if(User, isnotnull(Bytes)) by Action
       | summarize merged = hll_merge(h) | project n = dcount_hll(merged)`,
    );
    expect(result.rows).toEqual([[2]]);
  });
});
