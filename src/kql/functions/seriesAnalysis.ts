/**
 * Time-series analysis by Kusto's documented definitions: decomposition into seasonal, trend and residual parts,
 * forecasting, Tukey-fence outlier scores, two-line and polynomial fits, and period detection and validation. Series
 * are number arrays where a missing value is null.
 */
import { fitLine, lagCorrelation, seasonalComponent } from './series';

export type Series = (number | null)[];

const present = (x: Series): number[] => x.filter((v): v is number => v !== null && Number.isFinite(v));

/** Percentile by linear interpolation between the closest ranks (0–100). */
export function interpolatedPercentile(sortedValues: readonly number[], percent: number): number | null {
  const n = sortedValues.length;
  if (n === 0) return null;
  const position = (Math.min(100, Math.max(0, percent)) / 100) * (n - 1);
  const lower = Math.floor(position);
  const upper = Math.min(n - 1, lower + 1);
  return sortedValues[lower]! + (sortedValues[upper]! - sortedValues[lower]!) * (position - lower);
}

/**
 * series_outliers(): per point, how far outside Tukey's fences it lies, in units of the spread between the low and high
 * percentiles (25/75 for `tukey`, min/max percentiles — default 10/90 — for `ctukey`): (x − high) / (high − low)
 * above the high percentile, (x − low) / (high − low) below the low one (negative), 0 between. Points equal to
 * `ignoreValue` (and missing points) take no part and score 0.
 */
export function outlierScores(
  x: Series,
  kind: 'tukey' | 'ctukey',
  ignoreValue: number | null,
  minPercentile = 10,
  maxPercentile = 90,
): number[] {
  const [lowPercent, highPercent] = kind === 'tukey' ? [25, 75] : [minPercentile, maxPercentile];
  const considered = (v: number | null): v is number => v !== null && Number.isFinite(v) && v !== ignoreValue;
  const sorted = x.filter(considered).sort((a, b) => a - b);
  const low = interpolatedPercentile(sorted, lowPercent);
  const high = interpolatedPercentile(sorted, highPercent);
  if (low === null || high === null) return x.map(() => 0);
  const spread = high - low;
  return x.map((v) => {
    if (!considered(v) || spread === 0) return 0;
    if (v > high) return (v - high) / spread;
    if (v < low) return (v - low) / spread;
    return 0;
  });
}

export type TrendKind = 'avg' | 'linefit' | 'none';

export interface Decomposition {
  readonly baseline: number[];
  readonly seasonal: number[];
  readonly trend: number[];
  readonly residual: (number | null)[];
}

/** The period a decomposition uses: -1 detects it (none found: 0), 0 means no seasonality. */
function periodFor(training: Series, seasonality: number, threshold: number): number {
  if (seasonality === -1) return detectPeriodAbove(training, threshold) ?? 0;
  return seasonality > 1 ? Math.trunc(seasonality) : 0;
}

/**
 * series_decompose(): the seasonal component is the median of each phase of the period over the learning points (all
 * but the last `testPoints`); the trend is fitted on the series without its seasonal part (`avg`: its mean; `linefit`:
 * a least-squares line, extended over the test points; `none`: 0); baseline = seasonal + trend; residual = series −
 * baseline.
 */
export function decompose(
  x: Series,
  seasonality = -1,
  trend: TrendKind = 'avg',
  testPoints = 0,
  threshold = 0.6,
): Decomposition {
  const learning = Math.max(0, x.length - Math.max(0, testPoints));
  const training = x.slice(0, learning);
  const period = periodFor(training, seasonality, threshold);
  const phases = period > 1 ? seasonalComponent(training, period) : [];
  const seasonal = x.map((_, i) => (period > 1 ? (phases[i % period] ?? 0) : 0));
  const deseasoned = training.map((v, i) => (v === null ? null : v - seasonal[i]!));
  let trendValues: number[];
  if (trend === 'none') trendValues = x.map(() => 0);
  else if (trend === 'avg') {
    const values = present(deseasoned);
    const mean = values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
    trendValues = x.map(() => mean);
  } else {
    const fit = fitLine(deseasoned);
    trendValues = x.map((_, i) => (fit ? fit.slope * (i + 1) + fit.interception : 0));
  }
  const baseline = x.map((_, i) => seasonal[i]! + trendValues[i]!);
  return {
    baseline,
    seasonal,
    trend: trendValues,
    residual: x.map((v, i) => (v === null ? null : v - baseline[i]!)),
  };
}

/**
 * series_decompose_anomalies(): decomposes (trend `linefit` by default), scores the residuals with series_outliers
 * (`ctukey`, 10th–90th percentiles), and flags +1/−1 where the score passes ±threshold.
 */
export function decomposeAnomalies(
  x: Series,
  threshold = 1.5,
  seasonality = -1,
  trend: TrendKind = 'linefit',
  testPoints = 0,
  method = 'ctukey',
  seasonalityThreshold = 0.6,
): { flags: number[]; scores: number[]; baseline: number[] } {
  if (method !== 'ctukey' && method !== 'tukey')
    throw new Error(`method must be 'ctukey' or 'tukey', not '${method}'`);
  const parts = decompose(x, seasonality, trend, testPoints, seasonalityThreshold);
  const scores = outlierScores(parts.residual, method, null);
  return {
    flags: scores.map((s) => (s > threshold ? 1 : s < -threshold ? -1 : 0)),
    scores,
    baseline: parts.baseline,
  };
}

/**
 * series_decompose_forecast(): the baseline of a decomposition learnt on all but the last `points` points, which it
 * forecasts (the series must already hold placeholders for them). Trend `linefit` by default.
 */
export function decomposeForecast(
  x: Series,
  points: number,
  seasonality = -1,
  trend: TrendKind = 'linefit',
  threshold = 0.6,
): number[] {
  return decompose(x, seasonality, trend, points, threshold).baseline;
}

interface LineStats {
  rsquare: number;
  slope: number;
  interception: number;
  variance: number;
  rvariance: number;
}

function lineOver(points: readonly (readonly [number, number])[]): LineStats {
  const n = points.length;
  const meanX = points.reduce((s, [x]) => s + x, 0) / n;
  const meanY = points.reduce((s, [, y]) => s + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let sst = 0;
  for (const [x, y] of points) {
    sxy += (x - meanX) * (y - meanY);
    sxx += (x - meanX) ** 2;
    sst += (y - meanY) ** 2;
  }
  const slope = sxx === 0 ? 0 : sxy / sxx;
  const interception = meanY - slope * meanX;
  const sse = points.reduce((s, [x, y]) => s + (y - (slope * x + interception)) ** 2, 0);
  const denominator = Math.max(1, n - 1);
  return {
    rsquare: sst === 0 ? 1 : 1 - sse / sst,
    slope,
    interception,
    variance: sst / denominator,
    rvariance: sse / denominator,
  };
}

export interface TwoLines {
  rsquare: number;
  split_idx: number;
  variance: number;
  rvariance: number;
  line_fit: number[];
  right_rsquare: number;
  right_slope: number;
  right_interception: number;
  right_variance: number;
  right_rvariance: number;
  left_rsquare: number;
  left_slope: number;
  left_interception: number;
  left_variance: number;
  left_rvariance: number;
}

/**
 * series_fit_2lines(): the split of the series (x = 1..n) into a left and a right part, each fitted by its own
 * least-squares line, that leaves the least squared residual; each part holds at least two points. split_idx is the
 * 0-based index where the right part starts; rsquare and rvariance are of the combined fit.
 */
export function fitTwoLines(y: Series): TwoLines | null {
  const points = y.flatMap((v, i) => (v === null ? [] : [[i + 1, v] as const]));
  const n = points.length;
  if (n < 4) return null;
  let best: { split: number; left: LineStats; right: LineStats; sse: number } | null = null;
  for (let split = 2; split <= n - 2; split++) {
    const left = lineOver(points.slice(0, split));
    const right = lineOver(points.slice(split));
    const sse = left.rvariance * Math.max(1, split - 1) + right.rvariance * Math.max(1, n - split - 1);
    if (!best || sse < best.sse) best = { split, left, right, sse };
  }
  const { split, left, right, sse } = best!;
  const splitX = points[split]![0];
  const mean = points.reduce((s, [, v]) => s + v, 0) / n;
  const sst = points.reduce((s, [, v]) => s + (v - mean) ** 2, 0);
  return {
    rsquare: sst === 0 ? 1 : 1 - sse / sst,
    split_idx: splitX - 1,
    variance: sst / (n - 1),
    rvariance: sse / (n - 1),
    line_fit: y.map((_, i) =>
      i + 1 < splitX ? left.slope * (i + 1) + left.interception : right.slope * (i + 1) + right.interception,
    ),
    right_rsquare: right.rsquare,
    right_slope: right.slope,
    right_interception: right.interception,
    right_variance: right.variance,
    right_rvariance: right.rvariance,
    left_rsquare: left.rsquare,
    left_slope: left.slope,
    left_interception: left.interception,
    left_variance: left.variance,
    left_rvariance: left.rvariance,
  };
}

/** Solves the square system a·x = b by Gaussian elimination with partial pivoting; null when singular. */
function solve(a: number[][], b: number[]): number[] | null {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let column = 0; column < n; column++) {
    let pivot = column;
    for (let row = column + 1; row < n; row++)
      if (Math.abs(m[row]![column]!) > Math.abs(m[pivot]![column]!)) pivot = row;
    if (Math.abs(m[pivot]![column]!) < 1e-12) return null;
    [m[column], m[pivot]] = [m[pivot]!, m[column]!];
    for (let row = 0; row < n; row++) {
      if (row === column) continue;
      const factor = m[row]![column]! / m[column]![column]!;
      for (let k = column; k <= n; k++) m[row]![k]! -= factor * m[column]![k]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}

export interface PolyFit {
  rsquare: number;
  coefficients: number[];
  variance: number;
  rvariance: number;
  poly_fit: number[];
}

/**
 * series_fit_poly(): least-squares polynomial of the given degree (1–5) of y over x (default x = 1..n). Coefficients
 * from the highest power to the constant, as Kusto returns them.
 */
export function fitPolynomial(y: Series, x: Series | null, degree: number): PolyFit | null {
  const xs = x ?? y.map((_, i) => i + 1);
  const points = y.flatMap((v, i) =>
    v === null || xs[i] === null || xs[i] === undefined ? [] : [[xs[i]!, v] as const],
  );
  const n = points.length;
  if (n === 0) return null;
  const terms = degree + 1;
  const normal = Array.from({ length: terms }, () => new Array<number>(terms).fill(0));
  const right = new Array<number>(terms).fill(0);
  for (const [px, py] of points) {
    for (let i = 0; i < terms; i++) {
      right[i]! += py * px ** i;
      for (let j = 0; j < terms; j++) normal[i]![j]! += px ** (i + j);
    }
  }
  const ascending = solve(normal, right);
  if (!ascending) return null;
  const evaluate = (px: number) => ascending.reduce((s, c, i) => s + c * px ** i, 0);
  const mean = points.reduce((s, [, v]) => s + v, 0) / n;
  const sst = points.reduce((s, [, v]) => s + (v - mean) ** 2, 0);
  const sse = points.reduce((s, [px, v]) => s + (v - evaluate(px)) ** 2, 0);
  const denominator = Math.max(1, n - 1);
  return {
    rsquare: sst === 0 ? 1 : 1 - sse / sst,
    coefficients: ascending.slice().reverse(),
    variance: sst / denominator,
    rvariance: sse / denominator,
    poly_fit: xs.map((px) => (px === null ? 0 : evaluate(px))),
  };
}

/**
 * How strongly the series repeats with a period: the correlation of the series (its linear trend removed) with itself
 * one period later, 0 when negative or when the series holds the period less than twice. A fractional period is
 * rounded to the nearest whole lag.
 */
export function periodScore(x: Series, period: number): number {
  const lag = Math.round(period);
  if (lag < 1 || 2 * lag > x.length) return 0;
  const fit = fitLine(x);
  const residual = fit ? x.map((v, i) => (v === null ? null : v - fit.line_fit[i]!)) : x;
  return Math.max(0, lagCorrelation(residual, lag));
}

/**
 * series_periods_detect(): the whole periods between min and max (at least 2, at most half the series) whose score is a
 * local maximum, best first, without multiples of a better period; `count` of them, the rest padded with period 0
 * and score 0.
 */
export function detectPeriods(
  x: Series,
  minPeriod: number,
  maxPeriod: number,
  count: number,
): { periods: number[]; scores: number[] } {
  const low = Math.max(2, Math.ceil(minPeriod));
  const high = Math.min(Math.floor(maxPeriod), Math.floor(x.length / 2));
  const scores = new Map<number, number>();
  for (let p = low - 1; p <= high + 1; p++) scores.set(p, p >= 2 ? periodScore(x, p) : 0);
  const candidates: [number, number][] = [];
  for (let p = low; p <= high; p++) {
    const score = scores.get(p)!;
    if (score > 0 && score >= (scores.get(p - 1) ?? 0) && score >= (scores.get(p + 1) ?? 0))
      candidates.push([p, score]);
  }
  candidates.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const chosen: [number, number][] = [];
  for (const candidate of candidates) {
    if (chosen.length >= count) break;
    if (chosen.some(([p]) => candidate[0] % p === 0)) continue;
    chosen.push(candidate);
  }
  while (chosen.length < count) chosen.push([0, 0]);
  return { periods: chosen.map(([p]) => p), scores: chosen.map(([, s]) => s) };
}

/** series_decompose's detection: the best period whose score passes the threshold. */
function detectPeriodAbove(x: Series, threshold: number): number | null {
  const { periods, scores } = detectPeriods(x, 4, x.length / 2, 1);
  return periods[0]! > 0 && scores[0]! >= threshold ? periods[0]! : null;
}
