import { describe, expect, it } from 'vitest';
// Load the catalog first: the library modules are registered by functions.ts, which they import helpers from.
import { FUNCTIONS } from './index';
import { type CallContext } from './helpers';
import { detectSeasonalPeriod } from './series';

const context: CallContext = { argTypes: [], resultType: 'dynamic', nowTicks: 0n };
const call = (name: string, ...args: unknown[]) => FUNCTIONS[name]!(args, context);

describe('series functions', () => {
  it('series_iir with a=[1,-1], b=[1] is a cumulative sum (docs example)', () => {
    expect(call('series_iir', [1, 2, 3, 4], [1], [1, -1])).toEqual([1, 3, 6, 10]);
    expect(call('series_iir', [0, 1, 2, 3, 4], [1], [1, -1])).toEqual([0, 1, 3, 6, 10]);
  });

  it('series_iir normalises by a[0] and rejects a zero a[0]', () => {
    expect(call('series_iir', [2, 2], [1], [2])).toEqual([1, 1]);
    expect(call('series_iir', [2, 2], [1], [0])).toBeNull();
  });

  it('series_fir: moving sum, normalised moving average and centred window', () => {
    expect(call('series_fir', [1, 2, 3, 4], [1, 1], false)).toEqual([1, 3, 5, 7]);
    expect(call('series_fir', [2, 4, 6], [1, 1])).toEqual([1, 3, 5]);
    expect(call('series_fir', [3, 6, 9], [1, 1, 1], true, true)).toEqual([3, 6, 5]);
  });

  it('series_stats_dynamic adds the sum and the length (docs example)', () => {
    const x = [23, 46, 23, 87, 4, 8, 3, 75, 2, 56, 13, 75, 32, 16, 29];
    const stats = call('series_stats_dynamic', x) as Record<string, number>;
    expect(stats).toMatchObject({ min: 2, min_idx: 8, max: 87, max_idx: 3, sum: 492, len: 15 });
    expect(stats['avg']).toBeCloseTo(32.8, 12);
    expect(stats['stdev']).toBeCloseTo(28.503633853548269, 12);
    expect(stats['variance']).toBeCloseTo(812.45714285714291, 10);
  });

  it('series_stats returns the tuple of the docs example', () => {
    const x = [23, 46, 23, 87, 4, 8, 3, 75, 2, 56, 13, 75, 32, 16, 29];
    const [min, minIdx, max, maxIdx, avg, stdev, variance] = call('series_stats', x) as number[];
    expect([min, minIdx, max, maxIdx]).toEqual([2, 8, 87, 3]);
    expect(avg).toBeCloseTo(32.8, 12);
    expect(stdev).toBeCloseTo(28.5036338535483, 12);
    expect(variance).toBeCloseTo(812.457142857143, 10);
  });

  it('series_seasonal takes the median of each phase (docs example, period 6 and 5)', () => {
    const s = [2, 5, 3, 4, 3, 2, 1, 2, 3, 4, 3, 2, 1, 2, 3, 4, 3, 2, 1, 2, 3, 4, 3, 2, 1];
    expect(call('series_seasonal', s, 6)).toEqual(s.map((_, i) => [1, 2, 3, 4, 3, 2][i % 6]));
    const t = [8, 12, 14, 12, 10, 10, 12, 14, 12, 10, 10, 12, 14, 12, 10, 10, 12, 14, 12, 10];
    expect(call('series_seasonal', t, 5)).toEqual(t.map((_, i) => [10, 12, 14, 12, 10][i % 5]));
    expect(call('series_seasonal', [1, 2, 3], 0)).toEqual([0, 0, 0]);
  });

  it('magnitude, product, pow and trigonometry', () => {
    expect(call('series_magnitude', [3, 4])).toBe(5);
    expect(call('series_product', [2, 3, null, 4])).toBe(24);
    expect(call('series_pow', [2, 3, 'x'], 2)).toEqual([4, 9, null]);
    expect(call('series_pow', [2, 3], [3, 2])).toEqual([8, 9]);
    expect(call('series_cos', [0, null])).toEqual([1, null]);
    expect(call('series_asin', [1])).toEqual([Math.PI / 2]);
    expect(call('series_acos', [1])).toEqual([0]);
  });

  it('series_fit_line over x = 1..n (docs example)', () => {
    const y = [2, 5, 6, 8, 11, 15, 17, 18, 25, 26, 30, 30];
    const [rsquare, slope, variance, rvariance, interception, lineFit] = call('series_fit_line', y) as [
      number,
      number,
      number,
      number,
      number,
      number[],
    ];
    // The docs print the figures truncated to three decimals.
    expect(rsquare).toBeCloseTo(0.9829, 4);
    expect(slope).toBeCloseTo(2.7308, 4);
    expect(variance).toBeCloseTo(98.6288, 4);
    expect(rvariance).toBeCloseTo(1.6865, 4);
    expect(interception).toBeCloseTo(-1.6667, 4);
    expect(lineFit[0]).toBeCloseTo(1.0641, 4);
    expect(lineFit[11]).toBeCloseTo(31.1026, 4);
    expect((call('series_fit_line_dynamic', y) as { slope: number }).slope).toBeCloseTo(2.7308, 4);
    expect(call('series_fit_line', [1])).toBeNull();
  });

  it('series_fft and series_ifft are inverse transforms', () => {
    const [re, im] = call('series_fft', [1, 0, 0, 0]) as number[][];
    expect(re).toEqual([1, 1, 1, 1]);
    im!.forEach((v) => expect(v).toBeCloseTo(0, 15));
    const [fr, fi] = call('series_fft', [1, 2, 3, 4]) as number[][];
    expect(fr![0]).toBeCloseTo(10, 12);
    expect(fr![2]).toBeCloseTo(-2, 12);
    expect(fi![1]).toBeCloseTo(2, 12);
    const [back] = call('series_ifft', fr, fi) as number[][];
    back!.forEach((v, i) => expect(v).toBeCloseTo(i + 1, 12));
  });
});

describe('series_seasonal period detection (docs examples)', () => {
  it('detects 6 and 5 bins, and no period in a series too short for one', () => {
    const six = [2, 5, 3, 4, 3, 2, 1, 2, 3, 4, 3, 2, 1, 2, 3, 4, 3, 2, 1, 2, 3, 4, 3, 2, 1];
    const five = [8, 12, 14, 12, 10, 10, 12, 14, 12, 10, 10, 12, 14, 12, 10, 10, 12, 14, 12, 10];
    const short = [1, 3, 5, 2, 4, 6, 1, 3, 5, 2, 4, 6];
    expect(detectSeasonalPeriod(six)).toBe(6);
    expect(detectSeasonalPeriod(five)).toBe(5);
    expect(detectSeasonalPeriod(short)).toBeNull();
    expect(call('series_seasonal', six)).toEqual(
      Array.from({ length: 25 }, (_, i) => [1, 2, 3, 4, 3, 2][i % 6]),
    );
    expect(call('series_seasonal', short)).toEqual(short.map(() => 0));
    expect(call('series_seasonal', short, 6)).toEqual(short);
  });

  it('finds nothing in a trend or in noise-like data', () => {
    expect(detectSeasonalPeriod(Array.from({ length: 30 }, (_, i) => 3 * i + 1))).toBeNull();
    expect(detectSeasonalPeriod([5, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3, 2, 3, 8, 4])).toBeNull();
  });
});
