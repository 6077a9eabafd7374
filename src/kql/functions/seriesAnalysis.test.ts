import { describe, expect, it } from 'vitest';
import '../functions';
import {
  decompose,
  detectPeriods,
  fitPolynomial,
  fitTwoLines,
  interpolatedPercentile,
  outlierScores,
  periodScore,
} from './seriesAnalysis';

describe('interpolatedPercentile', () => {
  it('interpolates between the closest ranks', () => {
    expect(interpolatedPercentile([1, 2, 3, 4], 50)).toBe(2.5);
    expect(interpolatedPercentile([1, 2, 3, 4], 0)).toBe(1);
    expect(interpolatedPercentile([1, 2, 3, 4], 100)).toBe(4);
    expect(interpolatedPercentile([], 50)).toBeNull();
  });
});

describe('outlierScores', () => {
  it('is 0 between the fences and counts spreads beyond them; missing points score 0', () => {
    expect(outlierScores([0, 5, 10, 15, 20, null], 'tukey', null)).toEqual([-0.5, 0, 0, 0, 0.5, 0]);
  });
});

describe('decompose', () => {
  it('a pure seasonal series has no residual with its period given', () => {
    const x = [1, 3, 1, 3, 1, 3, 1, 3];
    const parts = decompose(x, 2, 'none');
    expect(parts.seasonal).toEqual(x);
    expect(parts.residual).toEqual(x.map(() => 0));
  });

  it('test points are left out of the learning and the line extends over them', () => {
    const parts = decompose([1, 2, 3, 4, 100, 100], 0, 'linefit', 2);
    expect(parts.baseline[4]).toBeCloseTo(5, 9);
    expect(parts.baseline[5]).toBeCloseTo(6, 9);
  });
});

describe('fits', () => {
  it('two lines: each side fitted on its own, the split where the residual is least', () => {
    const fit = fitTwoLines([0, 1, 2, 3, 3, 3, 3, 3])!;
    expect(fit.split_idx).toBe(3);
    expect(fit.left_slope).toBeCloseTo(1, 9);
    expect(fit.right_slope).toBeCloseTo(0, 9);
    expect(fitTwoLines([1, 2, 3])).toBeNull();
  });

  it('polynomial: x defaults to 1..n', () => {
    const fit = fitPolynomial([3, 5, 7], null, 1)!;
    expect(fit.coefficients[0]).toBeCloseTo(2, 9);
    expect(fit.coefficients[1]).toBeCloseTo(1, 9);
    expect(fit.poly_fit.map((v) => Math.round(v))).toEqual([3, 5, 7]);
  });
});

describe('periods', () => {
  const wave = Array.from({ length: 30 }, (_, i) => [0, 4, 8, 4, 0][i % 5]!);
  it('scores a period by the correlation one period apart, 0 for a period held less than twice', () => {
    expect(periodScore(wave, 5)).toBeCloseTo(1, 9);
    expect(periodScore(wave, 20)).toBe(0);
  });

  it('detects the period and not its multiples, padding with zeros', () => {
    expect(detectPeriods(wave, 2, 15, 3).periods).toEqual([5, 0, 0]);
  });
});
