// basket, autocluster and diffpatterns, from their documentation pages: frequent patterns of column values, a
// wildcard ("" for strings, null otherwise, or the query's CustomWildcard per type) where a pattern is open.
import { describe, expect, it } from 'vitest';
import { run, runError, testEngine } from '../testing/testEngine';

const engine = testEngine();
const storms = `datatable(State: string, EventType: string, Damage: string, Crops: long) [
  "TX", "Hail", "NO", 0, "TX", "Hail", "NO", 0, "TX", "Flood", "YES", 5, "KS", "Hail", "NO", 0,
  "KS", "Tornado", "YES", 10, "TX", "Hail", "NO", 0, "OK", "Hail", "NO", 0, "TX", "Flood", "YES", 0]`;

describe('basket', () => {
  it('returns the closed patterns held by at least Threshold of the rows, largest first', () => {
    const result = run(engine, `${storms} | evaluate basket(0.3)`);
    expect(result.columns).toEqual([
      'SegmentId',
      'Count',
      'Percent',
      'State',
      'EventType',
      'Damage',
      'Crops',
    ]);
    expect(result.rows).toEqual([
      [0, 6, 75, '', '', '', 0],
      [1, 5, 62.5, 'TX', '', '', null],
      [2, 5, 62.5, '', 'Hail', 'NO', 0],
      [3, 4, 50, 'TX', '', '', 0],
      [4, 3, 37.5, '', '', 'YES', null],
      [5, 3, 37.5, 'TX', 'Hail', 'NO', 0],
    ]);
  });

  it('leaves out a pattern whose rows are exactly those of a more specific one (Hail alone is Hail, NO, 0)', () => {
    const rows = run(engine, `${storms} | evaluate basket(0.3)`).rows;
    expect(rows.some((r) => r[4] === 'Hail' && r[5] === '')).toBe(false);
  });

  it('weights rows by the weight column, limits the fixed columns, and prints the custom wildcards', () => {
    const result = run(engine, `${storms} | evaluate basket(0.3, Crops, 1, "~")`);
    // Kusto.Language's schema keeps the weight column, open in every pattern.
    expect(result.columns).toEqual([
      'SegmentId',
      'Count',
      'Percent',
      'State',
      'EventType',
      'Damage',
      'Crops',
    ]);
    expect(result.rows).toEqual([
      [0, 15, 100, '~', '~', 'YES', null],
      [1, 10, (100 * 10) / 15, 'KS', '~', '~', null],
      [2, 10, (100 * 10) / 15, '~', 'Tornado', '~', null],
      [3, 5, (100 * 5) / 15, 'TX', '~', '~', null],
      [4, 5, (100 * 5) / 15, '~', 'Flood', '~', null],
    ]);
  });

  it('refuses a threshold outside 0.015–1', () => {
    expect(runError(engine, `${storms} | evaluate basket(2.0)`).code).toBe('KQL_PLUGIN_ARGS');
  });
});

describe('autocluster', () => {
  it('describes most rows with a few informative patterns', () => {
    const result = run(engine, `${storms} | evaluate autocluster()`);
    expect(result.columns).toEqual([
      'SegmentId',
      'Count',
      'Percent',
      'State',
      'EventType',
      'Damage',
      'Crops',
    ]);
    expect(result.rows[0]).toEqual([0, 5, 62.5, '', 'Hail', 'NO', 0]);
    const covered = result.rows.reduce((sum, row) => sum + (row[1] as number), 0);
    expect(covered).toBeGreaterThanOrEqual(7);
  });

  it('with SizeWeight 1 prefers the largest pattern whatever its columns', () => {
    expect(run(engine, `${storms} | evaluate autocluster(1.0)`).rows[0]).toEqual([0, 6, 75, '', '', '', 0]);
  });
});

describe('diffpatterns', () => {
  it('reports the patterns whose shares of A and B differ by at least the threshold, largest difference first', () => {
    const result = run(engine, `${storms} | evaluate diffpatterns(Damage, "YES", "NO", Crops, 0.5)`);
    expect(result.columns).toEqual([
      'SegmentId',
      'CountA',
      'CountB',
      'PercentA',
      'PercentB',
      'PercentDiffAB',
      'State',
      'EventType',
      'Damage',
      'Crops',
    ]);
    // Weighted by Crops, set B (NO) weighs 0: every pattern of A differs from it by its whole share.
    const [segment, countA, countB, percentA, percentB, diff, state, eventType, split, weight] =
      result.rows[0]!;
    expect([segment, countA, countB, percentB, state, eventType, split, weight]).toEqual([
      0,
      10,
      0,
      0,
      'KS',
      '',
      '',
      null,
    ]);
    expect(percentA).toBeCloseTo((100 * 10) / 15, 9);
    expect(diff).toBeCloseTo((100 * 10) / 15, 9);
  });

  it('unweighted: Hail holds every NO row and no YES row', () => {
    const rows = run(
      engine,
      `${storms} | project-away Crops | evaluate diffpatterns(Damage, "YES", "NO")`,
    ).rows;
    expect(rows[0]).toEqual([0, 0, 5, 0, 100, 100, '', 'Hail', '']);
    for (const row of rows) expect(row[5] as number).toBeGreaterThanOrEqual(5);
  });

  it('needs the split column and both values', () => {
    expect(runError(engine, `${storms} | evaluate diffpatterns(Damage, "YES")`).code).toMatch(
      /^KS|KQL_PLUGIN_ARGS/,
    );
  });
});
