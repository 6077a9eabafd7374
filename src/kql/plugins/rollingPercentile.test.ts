// Golden tests for rolling_percentile, worked out from Kusto's rolling_percentile plugin documentation (nearest-rank
// percentile of the values in the window of bins that ends at each bin).
import { describe, expect, it } from 'vitest';
import { createKqlEngine } from '../engine';
import { run } from '../testing/testEngine';

const engine = createKqlEngine({ tables: [] });

describe('rolling_percentile', () => {
  it('takes the percentile over the last BinsPerWindow bins, per bin present in the input', () => {
    // Bins of 10: 1..9 -> 0, 10..19 -> 10, 20 -> 20, 31..35 -> 30 (no 21..30).
    const result = run(
      engine,
      `range v from 1 to 35 step 1 | where v <= 20 or v > 30
       | evaluate rolling_percentile(v, 50, v, 10, 2) | order by v asc`,
    );
    expect(result.columns).toEqual(['v', 'rolling_2_percentile_v_50']);
    // bin 0: 1..9, rank 5 -> 5; bin 10: 1..19, rank 10 -> 10; bin 20: 10..20, rank 6 -> 15;
    // bin 30: 20 and 31..35, rank 3 -> 32.
    expect(result.rows).toEqual([
      [0, 5],
      [10, 10],
      [20, 15],
      [30, 32],
    ]);
  });

  it('slices by dimensions, which come after the index column', () => {
    const result = run(
      engine,
      `range i from 0 to 47 step 1
       | extend t = datetime(2024-01-01) + 1h * i, v = i, parity = iff(i % 2 == 0, "even", "odd")
       | evaluate rolling_percentile(v, 100, t, 1d, 2, parity) | order by parity asc, t asc`,
    );
    expect(result.columns).toEqual(['t', 'parity', 'rolling_2_percentile_v_100']);
    expect(result.rows).toEqual([
      ['2024-01-01T00:00:00Z', 'even', 22],
      ['2024-01-02T00:00:00Z', 'even', 46],
      ['2024-01-01T00:00:00Z', 'odd', 23],
      ['2024-01-02T00:00:00Z', 'odd', 47],
    ]);
  });
});
