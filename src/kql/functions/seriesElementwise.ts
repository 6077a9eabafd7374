/**
 * Element-wise series arithmetic and comparisons, fills, and the dot product, cosine similarity and Pearson
 * correlation of two series.
 */
import { valuesEqual } from '../compare';
import { arrayOf, isNull, type ScalarFunction } from './helpers';

function seriesUnary(v: unknown, f: (x: number) => number): unknown[] | null {
  const array = arrayOf(v);
  return array ? array.map((x) => (typeof x === 'number' ? f(x) : null)) : null;
}

function seriesBinary(args: unknown[], f: (a: number, b: number) => number | boolean): unknown[] | null {
  const [a, b] = args;
  const left = arrayOf(a);
  const right = arrayOf(b);
  if (!left && !right) return null;
  const length = Math.max(left?.length ?? 0, right?.length ?? 0);
  return Array.from({ length }, (_, i) => {
    const x = left ? left[i] : a;
    const y = right ? right[i] : b;
    return typeof x === 'number' && typeof y === 'number' ? f(x, y) : null;
  });
}

function numericSeries(value: unknown): number[] {
  return (arrayOf(value) ?? []).map((v) => (typeof v === 'number' ? v : Number.NaN));
}

export const SERIES_ELEMENTWISE_FUNCTIONS: Record<string, ScalarFunction> = {
  // series
  series_add: (args) => seriesBinary(args, (a, b) => a + b),
  series_subtract: (args) => seriesBinary(args, (a, b) => a - b),
  series_multiply: (args) => seriesBinary(args, (a, b) => a * b),
  series_divide: (args) => seriesBinary(args, (a, b) => a / b),
  series_greater: (args) => seriesBinary(args, (a, b) => a > b),
  series_greater_equals: (args) => seriesBinary(args, (a, b) => a >= b),
  series_less: (args) => seriesBinary(args, (a, b) => a < b),
  series_less_equals: (args) => seriesBinary(args, (a, b) => a <= b),
  series_equals: (args) => seriesBinary(args, (a, b) => a === b),
  series_not_equals: (args) => seriesBinary(args, (a, b) => a !== b),
  series_abs: ([v]) => seriesUnary(v, Math.abs),
  series_ceiling: ([v]) => seriesUnary(v, Math.ceil),
  series_floor: ([v]) => seriesUnary(v, Math.floor),
  series_sign: ([v]) => seriesUnary(v, Math.sign),
  series_sin: ([v]) => seriesUnary(v, Math.sin),
  series_tan: ([v]) => seriesUnary(v, Math.tan),
  series_atan: ([v]) => seriesUnary(v, Math.atan),
  series_log: ([v]) => seriesUnary(v, Math.log),
  series_exp: ([v]) => seriesUnary(v, Math.exp),
  series_sum: ([v]) => (arrayOf(v) ?? []).reduce<number>((a, b) => a + (typeof b === 'number' ? b : 0), 0),
  series_fill_const: ([v, constant, missing]) =>
    (arrayOf(v) ?? []).map((x) =>
      isNull(x) || (missing !== undefined && valuesEqual(x, missing)) ? (constant ?? 0) : x,
    ),
  series_fill_forward: ([v]) => {
    let last: unknown = null;
    return (arrayOf(v) ?? []).map((x) => (isNull(x) ? last : (last = x)));
  },
  series_fill_backward: ([v]) => {
    let last: unknown = null;
    return (arrayOf(v) ?? [])
      .slice()
      .reverse()
      .map((x) => (isNull(x) ? last : (last = x)))
      .reverse();
  },
  series_fill_linear: ([series]) => {
    const values = (arrayOf(series) ?? []).map((v) => (typeof v === 'number' ? v : null));
    const result = values.slice();
    let last = -1;
    for (let i = 0; i < values.length; i++) {
      if (values[i] === null) continue;
      if (last >= 0 && i - last > 1) {
        for (let k = last + 1; k < i; k++)
          result[k] = values[last]! + ((values[i]! - values[last]!) * (k - last)) / (i - last);
      }
      last = i;
    }
    return result;
  },
  series_dot_product: ([a, b]) => {
    const x = numericSeries(a);
    const y = Array.isArray(b) ? numericSeries(b) : x.map(() => Number(b));
    const n = Math.min(x.length, y.length);
    let sum = 0;
    for (let i = 0; i < n; i++) sum += x[i]! * y[i]!;
    return sum;
  },
  series_cosine_similarity: ([a, b]) => {
    const x = numericSeries(a);
    const y = numericSeries(b);
    let dot = 0;
    let nx = 0;
    let ny = 0;
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
      dot += x[i]! * y[i]!;
      nx += x[i]! ** 2;
      ny += y[i]! ** 2;
    }
    return dot / Math.sqrt(nx * ny);
  },
  series_pearson_correlation: ([a, b]) => {
    const x = numericSeries(a);
    const y = numericSeries(b);
    const n = Math.min(x.length, y.length);
    const mx = x.slice(0, n).reduce((s, v) => s + v, 0) / n;
    const my = y.slice(0, n).reduce((s, v) => s + v, 0) / n;
    let sxy = 0;
    let sxx = 0;
    let syy = 0;
    for (let i = 0; i < n; i++) {
      sxy += (x[i]! - mx) * (y[i]! - my);
      sxx += (x[i]! - mx) ** 2;
      syy += (y[i]! - my) ** 2;
    }
    return sxy / Math.sqrt(sxx * syy);
  },
};
