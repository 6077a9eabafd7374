/**
 * Numbers: arithmetic and trigonometric functions, rounding, bins, bitwise operations, erf, format_bytes.
 */
import { binValue, isNull, numbers, type ScalarFunction, str, toLong, toNumber } from './helpers';

function roundTo(value: number, digits: number): number {
  const factor = 10 ** digits;
  const scaled = value * factor;
  // Round half away from zero, like .NET's MidpointRounding.AwayFromZero used by Kusto.
  const rounded = Math.sign(scaled) * Math.round(Math.abs(scaled) + 1e-9 * 0);
  return rounded / factor;
}

function math1(f: (x: number) => number): ScalarFunction {
  return ([x]) => {
    const n = toNumber(x);
    return n === null ? null : f(n);
  };
}

function gammaFunction(x: number): number {
  if (x < 0.5) return Math.PI / (Math.sin(Math.PI * x) * gammaFunction(1 - x));
  const g = 7;
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  x -= 1;
  let a = c[0]!;
  const t = x + g + 0.5;
  for (let i = 1; i < g + 2; i++) a += c[i]! / (x + i);
  return Math.sqrt(2 * Math.PI) * t ** (x + 0.5) * Math.exp(-t) * a;
}

function erf(x: number): number {
  // Abramowitz-Stegun 7.1.26 is too coarse for the docs' digits; use a series / continued fraction.
  const t = Math.abs(x);
  if (t < 2.5) {
    let sum = t;
    let term = t;
    for (let n = 1; n < 100; n++) {
      term *= (-t * t) / n;
      const add = term / (2 * n + 1);
      sum += add;
      if (Math.abs(add) < 1e-17) break;
    }
    return Math.sign(x) * (2 / Math.sqrt(Math.PI)) * sum;
  }
  return Math.sign(x) * (1 - erfcLarge(t));
}

function erfcLarge(x: number): number {
  // Continued fraction for large x.
  let f = 0;
  for (let n = 60; n >= 1; n--) f = n / 2 / (x + f);
  return Math.exp(-x * x) / Math.sqrt(Math.PI) / (x + f);
}

export const NUMBER_FUNCTIONS: Record<string, ScalarFunction> = {
  // math
  abs: ([v]) => (typeof v === 'bigint' ? (v < 0n ? -v : v) : isNull(v) ? null : Math.abs(v as number)),
  sqrt: math1(Math.sqrt),
  exp: math1(Math.exp),
  exp2: math1((x) => 2 ** x),
  exp10: math1((x) => 10 ** x),
  log: math1(Math.log),
  log2: math1(Math.log2),
  log10: math1(Math.log10),
  sin: math1(Math.sin),
  cos: math1(Math.cos),
  tan: math1(Math.tan),
  asin: math1(Math.asin),
  acos: math1(Math.acos),
  atan: math1(Math.atan),
  cot: math1((x) => 1 / Math.tan(x)),
  degrees: math1((x) => (x * 180) / Math.PI),
  radians: math1((x) => (x * Math.PI) / 180),
  sign: math1(Math.sign),
  floor: ([v, size], c) => binValue(v, size ?? 1, c.argTypes[0] ?? 'real'),
  ceiling: math1(Math.ceil),
  isprime: ([v]) => {
    const n = toLong(v);
    if (n === null || n < 2) return false;
    for (let i = 2; i * i <= n; i++) if (n % i === 0) return false;
    return true;
  },
  atan2: ([y, x]) => {
    const values = numbers([y, x]);
    return values ? Math.atan2(values[0]!, values[1]!) : null;
  },
  pow: ([x, y], c) => {
    const values = numbers([x, y]);
    if (!values) return null;
    const result = values[0]! ** values[1]!;
    return c.resultType === 'real' ? result : Math.trunc(result);
  },
  round: ([v, digits]) => {
    const n = toNumber(v);
    return n === null ? null : roundTo(n, Number(digits ?? 0));
  },
  pi: () => Math.PI,
  rand: ([n]) => (isNull(n) ? Math.random() : Math.floor(Math.random() * Number(n))),
  gamma: math1((x) => gammaFunction(x)),
  loggamma: math1((x) => Math.log(Math.abs(gammaFunction(x)))),
  bin: ([v, size], c) => binValue(v, size, c.argTypes[0] ?? 'real'),
  bin_at: ([v, size, start], c) => binValue(v, size, c.argTypes[0] ?? 'real', start),
  binary_and: ([a, b]) => Number(BigInt(toLong(a) ?? 0) & BigInt(toLong(b) ?? 0)),
  binary_or: ([a, b]) => Number(BigInt(toLong(a) ?? 0) | BigInt(toLong(b) ?? 0)),
  binary_xor: ([a, b]) => Number(BigInt(toLong(a) ?? 0) ^ BigInt(toLong(b) ?? 0)),
  binary_not: ([a]) => Number(~BigInt(toLong(a) ?? 0)),
  binary_shift_left: ([a, b]) => Number(BigInt.asIntN(64, BigInt(toLong(a) ?? 0) << BigInt(toLong(b) ?? 0))),
  binary_shift_right: ([a, b]) => Number(BigInt(toLong(a) ?? 0) >> BigInt(toLong(b) ?? 0)),
  bitset_count_ones: ([a]) =>
    BigInt.asUintN(64, BigInt(toLong(a) ?? 0))
      .toString(2)
      .replace(/0/g, '').length,
  erf: ([x]) => (isNull(x) ? null : erf(Number(x))),
  erfc: ([x]) => (isNull(x) ? null : Number(x) > 2.5 ? erfcLarge(Number(x)) : 1 - erf(Number(x))),
  around: ([value, center, delta]) => {
    if (isNull(value) || isNull(center) || isNull(delta)) return null;
    if (typeof value === 'bigint') {
      const c = center as bigint;
      const d = delta as bigint;
      return value >= c - d && value <= c + d;
    }
    const v = Number(value);
    return v >= Number(center) - Number(delta) && v <= Number(center) + Number(delta);
  },
  format_bytes: ([value, precision, unit, base]) => {
    if (isNull(value)) return '';
    const b = isNull(base) ? 1024 : Number(base);
    const units =
      b === 1000
        ? ['Bytes', 'KB', 'MB', 'GB', 'TB', 'PB', 'EB']
        : ['Bytes', 'KB', 'MB', 'GB', 'TB', 'PB', 'EB'];
    let v = Number(value);
    let index = 0;
    if (!isNull(unit) && str(unit) !== '') {
      index = Math.max(
        0,
        units.findIndex((u) => u.toLowerCase() === str(unit).toLowerCase()),
      );
      v = v / b ** index;
    } else {
      while (Math.abs(v) >= b && index < units.length - 1) {
        v /= b;
        index++;
      }
    }
    const digits = isNull(precision) ? 0 : Number(precision);
    return `${index === 0 ? Math.round(v) : v.toFixed(digits)} ${units[index]}`;
  },
};
