/**
 * series_* functions over dynamic arrays that the core catalog (functions.ts) does not have yet: filters (IIR, FIR),
 * statistics, seasonality, magnitude/product and elementwise trigonometry. Elements that are not numbers count as
 * missing, as in Kusto.
 */
import { arrayOf, seriesStats, toNumber, type ScalarFunction, isNull } from './helpers';

/** The numeric view of a series: non-numbers (null, strings, objects) become null. */
function numericSeries(value: unknown): (number | null)[] | null {
  const array = arrayOf(value);
  return array ? array.map((x) => (typeof x === 'number' ? x : null)) : null;
}

function coefficients(value: unknown): number[] | null {
  const array = arrayOf(value);
  if (!array || array.length === 0) return null;
  const numbers = array.map((x) => (typeof x === 'number' ? x : Number.NaN));
  return numbers.some(Number.isNaN) ? null : numbers;
}

/**
 * Infinite impulse response filter: y[n] = (Σ b[i]·x[n−i] − Σ_{j≥1} a[j]·y[n−j]) / a[0], missing inputs as 0.
 */
export function iirFilter(x: (number | null)[], numerators: number[], denominators: number[]): number[] {
  const a0 = denominators[0]!;
  const y: number[] = [];
  for (let n = 0; n < x.length; n++) {
    let sum = 0;
    for (let i = 0; i < numerators.length && i <= n; i++) sum += numerators[i]! * (x[n - i] ?? 0);
    for (let j = 1; j < denominators.length && j <= n; j++) sum -= denominators[j]! * y[n - j]!;
    y.push(sum / a0);
  }
  return y;
}

/** Finite impulse response filter; `center` aligns the filter's middle on each sample instead of its end. */
export function firFilter(
  x: (number | null)[],
  filter: number[],
  normalize: boolean,
  center: boolean,
): number[] {
  const total = filter.reduce((a, b) => a + b, 0);
  const scale = normalize && total !== 0 ? total : 1;
  const shift = center ? Math.floor(filter.length / 2) : 0;
  return x.map((_, n) => {
    let sum = 0;
    for (let j = 0; j < filter.length; j++) {
      const index = n - j + shift;
      if (index >= 0 && index < x.length) sum += filter[j]! * (x[index] ?? 0);
    }
    return sum / scale;
  });
}

function median(values: number[]): number {
  const sorted = values.slice().sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The seasonal component for a known period: the median of every phase, repeated over the series. */
export function seasonalComponent(x: (number | null)[], period: number): number[] {
  if (period <= 1) return x.map(() => 0);
  const phases: number[] = [];
  for (let phase = 0; phase < period; phase++) {
    const members: number[] = [];
    for (let i = phase; i < x.length; i += period) if (x[i] !== null) members.push(x[i]!);
    phases.push(members.length > 0 ? median(members) : 0);
  }
  return x.map((_, i) => phases[i % period]!);
}

/** Pearson correlation of the series with itself shifted by `lag`, over the pairs where both values are present. */
export function lagCorrelation(x: (number | null)[], lag: number): number {
  const pairs: [number, number][] = [];
  for (let i = 0; i + lag < x.length; i++) {
    const a = x[i];
    const b = x[i + lag];
    if (a !== null && a !== undefined && b !== null && b !== undefined) pairs.push([a, b]);
  }
  if (pairs.length < 2) return 0;
  const meanA = pairs.reduce((sum, [a]) => sum + a, 0) / pairs.length;
  const meanB = pairs.reduce((sum, [, b]) => sum + b, 0) / pairs.length;
  let covariance = 0;
  let varianceA = 0;
  let varianceB = 0;
  for (const [a, b] of pairs) {
    covariance += (a - meanA) * (b - meanB);
    varianceA += (a - meanA) ** 2;
    varianceB += (b - meanB) ** 2;
  }
  return varianceA === 0 || varianceB === 0 ? 0 : covariance / Math.sqrt(varianceA * varianceB);
}

/** The score a detected period must reach: series_seasonal's documented threshold. */
const SEASONAL_DETECTION_THRESHOLD = 0.7;

/**
 * The period series_seasonal() uses when none is given, or null when the series shows none. Kusto documents the
 * bounds (at least 4 points, at most half the series: its own example calls period 6 in 12 points too short to detect,
 * so the series must hold the period more than twice) and the threshold (0.7), not the score. The score here is the
 * correlation of the series with itself one period later; the best-scoring period wins, the shorter on a tie.
 */
export function detectSeasonalPeriod(x: (number | null)[]): number | null {
  // A trend correlates with itself at every lag: take it out first.
  const trend = fitLine(x)?.line_fit;
  // Rounding noise left by an exact fit is no signal: treat residuals below 1e-9 of the scale as zero.
  const scale = x.reduce<number>((max, value) => Math.max(max, Math.abs(value ?? 0)), 0);
  const residuals = trend
    ? x.map((value, i) => {
        if (value === null) return null;
        const residual = value - trend[i]!;
        return Math.abs(residual) < 1e-9 * scale ? 0 : residual;
      })
    : x;
  let best: number | null = null;
  let bestScore = SEASONAL_DETECTION_THRESHOLD;
  for (let period = 4; 2 * period < x.length; period++) {
    const score = lagCorrelation(residuals, period);
    if (score > bestScore || (best === null && score === bestScore)) {
      best = period;
      bestScore = score;
    }
  }
  return best;
}

interface LineFit {
  rsquare: number;
  slope: number;
  variance: number;
  rvariance: number;
  interception: number;
  line_fit: number[];
}

/** Least-squares line over x = 1..n (Kusto's convention); missing values are left out of the fit. */
export function fitLine(y: (number | null)[]): LineFit | null {
  const points = y.flatMap((value, i) => (value === null ? [] : [[i + 1, value] as const]));
  const n = points.length;
  if (n < 2) return null;
  const meanX = points.reduce((sum, [x]) => sum + x, 0) / n;
  const meanY = points.reduce((sum, [, v]) => sum + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let sst = 0;
  for (const [x, v] of points) {
    sxy += (x - meanX) * (v - meanY);
    sxx += (x - meanX) ** 2;
    sst += (v - meanY) ** 2;
  }
  const slope = sxy / sxx;
  const interception = meanY - slope * meanX;
  const sse = points.reduce((sum, [x, v]) => sum + (v - (slope * x + interception)) ** 2, 0);
  return {
    rsquare: sst === 0 ? 1 : 1 - sse / sst,
    slope,
    variance: sst / (n - 1),
    rvariance: sse / (n - 1),
    interception,
    line_fit: y.map((_, i) => slope * (i + 1) + interception),
  };
}

/** Discrete Fourier transform; `inverse` uses the conjugate kernel and divides by n. */
export function fourier(re: number[], im: number[], inverse: boolean): [number[], number[]] {
  const n = re.length;
  const cos = Array.from({ length: n }, (_, k) => Math.cos((2 * Math.PI * k) / n));
  const sin = Array.from({ length: n }, (_, k) => Math.sin((2 * Math.PI * k) / n));
  const sign = inverse ? 1 : -1;
  const outRe: number[] = [];
  const outIm: number[] = [];
  for (let k = 0; k < n; k++) {
    let sumRe = 0;
    let sumIm = 0;
    for (let t = 0; t < n; t++) {
      const index = (k * t) % n;
      const c = cos[index]!;
      const s = sign * sin[index]!;
      sumRe += re[t]! * c - im[t]! * s;
      sumIm += re[t]! * s + im[t]! * c;
    }
    outRe.push(inverse ? sumRe / n : sumRe);
    outIm.push(inverse ? sumIm / n : sumIm);
  }
  return [outRe, outIm];
}

function fourierFunction(inverse: boolean): ScalarFunction {
  return ([real, imaginary]) => {
    const re = numericSeries(real);
    if (!re) return null;
    const im = isNull(imaginary) ? re.map(() => 0) : numericSeries(imaginary);
    if (!im || im.length !== re.length) return null;
    return fourier(
      re.map((v) => v ?? 0),
      im.map((v) => v ?? 0),
      inverse,
    );
  };
}

function unary(f: (x: number) => number): ScalarFunction {
  return ([v]) => numericSeries(v)?.map((x) => (x === null ? null : f(x))) ?? null;
}

export const SERIES_FUNCTIONS: Record<string, ScalarFunction> = {
  /** A tuple: `(min, min_idx, max, max_idx, avg, stdev, variance) = series_stats(x)`. */
  series_stats: ([v, ignoreNonFinite]) => {
    let values = arrayOf(v) ?? [];
    if (ignoreNonFinite === true) values = values.filter((x) => typeof x !== 'number' || Number.isFinite(x));
    const stats = seriesStats(values);
    return [stats.min, stats.min_idx, stats.max, stats.max_idx, stats.avg, stats.stdev, stats.variance];
  },
  /** series_stats' statistics as a bag, plus the sum of the values and the length of the series. */
  series_stats_dynamic: ([v, ignoreNonFinite]) => {
    let values = arrayOf(v) ?? [];
    if (ignoreNonFinite === true) values = values.filter((x) => typeof x !== 'number' || Number.isFinite(x));
    const numbers = values.filter((x): x is number => typeof x === 'number');
    const sum = numbers.length === 0 ? null : numbers.reduce((total, x) => total + x, 0);
    return { ...seriesStats(values), sum, len: values.length };
  },
  series_iir: ([v, numerators, denominators]) => {
    const x = numericSeries(v);
    const b = coefficients(numerators);
    const a = coefficients(denominators);
    if (!x || !b || !a || a[0] === 0) return null;
    return iirFilter(x, b, a);
  },
  series_fir: ([v, filter, normalize, center]) => {
    const x = numericSeries(v);
    const f = coefficients(filter);
    if (!x || !f) return null;
    const hasNegative = f.some((c) => c < 0);
    const doNormalize = isNull(normalize) ? !hasNegative : normalize === true;
    return firFilter(x, f, doNormalize, center === true);
  },
  series_seasonal: ([v, period]) => {
    const x = numericSeries(v);
    if (!x) return null;
    const p = isNull(period) ? -1 : Math.trunc(toNumber(period) ?? -1);
    if (p === -1) {
      const detected = detectSeasonalPeriod(x);
      return detected === null ? x.map(() => 0) : seasonalComponent(x, detected);
    }
    // The docs: a period other than -1 or a positive number ignores seasonality (zeros).
    return p > 0 ? seasonalComponent(x, p) : x.map(() => 0);
  },
  /** A tuple: `(rsquare, slope, variance, rvariance, interception, line_fit) = series_fit_line(y)`. */
  series_fit_line: ([v]) => {
    const y = numericSeries(v);
    const fit = y ? fitLine(y) : null;
    return fit ? [fit.rsquare, fit.slope, fit.variance, fit.rvariance, fit.interception, fit.line_fit] : null;
  },
  series_fit_line_dynamic: ([v]) => {
    const y = numericSeries(v);
    return y ? fitLine(y) : null;
  },
  /** A tuple of the real and imaginary parts. */
  series_fft: fourierFunction(false),
  series_ifft: fourierFunction(true),
  series_magnitude: ([v]) => {
    const x = numericSeries(v);
    if (!x) return null;
    return Math.sqrt(x.reduce<number>((sum, value) => sum + (value ?? 0) ** 2, 0));
  },
  series_product: ([v]) => {
    const x = numericSeries(v);
    if (!x) return null;
    return x.reduce<number>((product, value) => product * (value ?? 1), 1);
  },
  series_pow: ([a, b]) => {
    const bases = arrayOf(a);
    if (!bases) return null;
    const exponents = arrayOf(b);
    return bases.map((x, i) => {
      const y = exponents ? exponents[i] : b;
      return typeof x === 'number' && typeof y === 'number' ? x ** y : null;
    });
  },
  series_cos: unary(Math.cos),
  series_acos: unary(Math.acos),
  series_asin: unary(Math.asin),
};
