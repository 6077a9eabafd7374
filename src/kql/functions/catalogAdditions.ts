/**
 * Scalar functions completing the catalog Kusto.Language knows, each by its documentation page (arguments, defaults,
 * null and type rules). Larger pieces are their own modules here (xml, userAgent, sha1, seriesAnalysis). Functions the offline
 * lab cannot have answer KQL_UNSUPPORTED with the reason (offline.ts), never a made-up value.
 */
import betaCdf from '@stdlib/stats-base-dists-beta-cdf';
import { strToU8, zlibSync } from 'fflate';
import { compileRegex } from '../regex';
import {
  arrayOf,
  isNull,
  str,
  toDynamic,
  toLong,
  toNumber,
  toStringValue,
  type ScalarFunction,
} from './helpers';
import { valueKey } from '../compare';
import { encodeBase64 } from './base64';
import { sha1Hex } from './sha1';
import {
  decompose,
  decomposeAnomalies,
  decomposeForecast,
  detectPeriods,
  fitPolynomial,
  fitTwoLines,
  outlierScores,
  periodScore,
  type Series,
  type TrendKind,
} from './seriesAnalysis';
import { parseUserAgent } from './userAgent';
import { parseXml } from './xml';
import { OFFLINE_FUNCTIONS, offlineMessage } from '../offline';
import type { KustoType } from '../types';

/** The name of the lab's one database (kusto.ts's LOCAL_DATABASE, which loads Kusto.Language: not imported here). */
const LAB_DATABASE = 'Sentinel';

function numericSeries(value: unknown): Series | null {
  const array = arrayOf(value);
  return array ? array.map((x) => (typeof x === 'number' ? x : null)) : null;
}

const optionalNumber = (value: unknown, fallback: number) =>
  isNull(value) ? fallback : (toNumber(value) ?? fallback);

function trendKind(value: unknown, fallback: TrendKind): TrendKind {
  if (isNull(value) || value === '') return fallback;
  const kind = str(value).toLowerCase();
  if (kind === 'avg' || kind === 'linefit' || kind === 'none') return kind;
  throw new Error(`trend must be 'avg', 'linefit' or 'none', not '${kind}'`);
}

/** Estimated bytes of one value: 8 for 64-bit numbers and times, 4 for int, 1 for bool, UTF-8 length of text. */
function estimatedBytes(value: unknown, type: KustoType | undefined): number {
  if (isNull(value)) return 0;
  switch (type) {
    case 'int':
      return 4;
    case 'bool':
      return 1;
    case 'guid':
    case 'decimal':
      return 16;
    case 'long':
    case 'real':
    case 'datetime':
    case 'timespan':
      return 8;
    case 'string':
      return new TextEncoder().encode(str(value)).length;
    default:
      return new TextEncoder().encode(JSON.stringify(value)).length;
  }
}

/** treepath(): every path of a bag, array elements collapsed to `[0]`, each once, in the order met. */
function treePaths(value: unknown): string[] {
  const paths = new Set<string>();
  const walk = (node: unknown, prefix: string) => {
    if (Array.isArray(node)) {
      if (node.length === 0) return;
      const element = `${prefix}[0]`;
      paths.add(element);
      for (const item of node) walk(item, element);
    } else if (node !== null && typeof node === 'object') {
      for (const [key, item] of Object.entries(node as Record<string, unknown>)) {
        const property = `${prefix}['${key}']`;
        paths.add(property);
        walk(item, property);
      }
    }
  };
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) walk(value, '');
  return [...paths];
}

/** The two-sided p-value of Welch's unequal-variances t-test. */
export function welchPValue(
  mean1: number,
  variance1: number,
  count1: number,
  mean2: number,
  variance2: number,
  count2: number,
): number | null {
  const a = variance1 / count1;
  const b = variance2 / count2;
  if (!(count1 > 1 && count2 > 1) || a + b <= 0) return null;
  const t = (mean1 - mean2) / Math.sqrt(a + b);
  const freedom = (a + b) ** 2 / (a ** 2 / (count1 - 1) + b ** 2 / (count2 - 1));
  return betaCdf(freedom / (freedom + t * t), freedom / 2, 0.5);
}

function indexOfRegex([text, pattern, start, length, occurrence]: unknown[]): number | null {
  if (isNull(text)) return null;
  const from = isNull(start) ? 0 : toLong(start);
  const count = isNull(length) ? -1 : toLong(length);
  const wanted = isNull(occurrence) ? 1 : toLong(occurrence);
  if (from === null || from < 0 || count === null || count < -1 || wanted === null || wanted < 0) return null;
  const source = str(text);
  if (from > source.length) return -1;
  const end = count === -1 ? source.length : Math.min(source.length, from + count);
  // Matches do not overlap, as the docs say: the nth match of a left-to-right scan of the examined range.
  let seen = 0;
  for (const match of compileRegex(str(pattern)).matchAll(source.slice(from, end))) {
    if (++seen >= Math.max(1, wanted)) return from + match.index;
  }
  return -1;
}

function translateCharacters([searchList, replacementList, source]: unknown[]): string {
  const search = [...str(searchList)];
  const replacement = [...str(replacementList)];
  const map = new Map<string, string>();
  search.forEach((ch, i) => {
    if (!map.has(ch))
      map.set(ch, replacement.length === 0 ? '' : replacement[Math.min(i, replacement.length - 1)]!);
  });
  return [...str(source)].map((ch) => map.get(ch) ?? ch).join('');
}

function isWellFormedUtf16(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      i++;
    } else if (code >= 0xdc00 && code <= 0xdfff) return false;
  }
  return true;
}

function tdigestPairs(value: unknown): [number, number][] {
  return (arrayOf(value) ?? []).flatMap((pair) =>
    Array.isArray(pair) && typeof pair[0] === 'number'
      ? [[pair[0], Number(pair[1] ?? 1)] as [number, number]]
      : [],
  );
}

function offline(name: string, reason: string): ScalarFunction {
  return () => {
    throw new Error(`not supported yet: ${offlineMessage(`${name}()`, reason)}`);
  };
}

/** Offline functions that name a table or a graph are the translator's business (it answers them itself). */
const TABULAR_FUNCTIONS = new Set([
  'cluster',
  'external_table',
  'materialized_view',
  'stored_query_result',
  'graph',
]);

const OFFLINE_SCALARS: Record<string, ScalarFunction> = Object.fromEntries(
  Object.entries(OFFLINE_FUNCTIONS)
    .filter(([name]) => !TABULAR_FUNCTIONS.has(name))
    .map(([name, reason]) => [name, offline(name, reason)]),
);

function undocumented(name: string): ScalarFunction {
  return () => {
    throw new Error(
      `not supported yet: ${name}() (Kusto does not document how it combines hash values, so its results cannot be reproduced)`,
    );
  };
}

export const CATALOG_ADDITIONS: Record<string, ScalarFunction> = {
  ...OFFLINE_SCALARS,
  assert: ([predicate, message]) => {
    if (predicate !== true) throw new Error(`assertion failed: ${str(message)}`);
    return true;
  },
  current_database: () => LAB_DATABASE,
  datetime_list_timezones: () => Intl.supportedValuesOf('timeZone'),
  hash_sha1: ([v], c) => sha1Hex(toStringValue(v, c.argTypes[0])),
  hash_combine: undocumented('hash_combine'),
  hash_many: undocumented('hash_many'),
  indexof_regex: indexOfRegex,
  /** The lab's tables have no IngestionTime policy; Kusto documents null for such a table. */
  ingestion_time: () => null,
  isutf8: ([v]) => (isNull(v) ? false : isWellFormedUtf16(str(v))),
  parse_xml: ([v]) => (isNull(v) ? null : parseXml(typeof v === 'string' ? v : toStringValue(v))),
  parse_user_agent: ([agent, lookFor]) => {
    const wanted = isNull(lookFor)
      ? null
      : Array.isArray(lookFor)
        ? lookFor.map((x) => str(x))
        : [str(lookFor)];
    return parseUserAgent(str(agent), wanted);
  },
  repeat: ([value, count], c) => {
    const n = toLong(count);
    if (n === null) return null;
    if (n > 1_048_576) throw new Error('count must be at most 1,048,576');
    return Array.from({ length: Math.max(0, n) }, () => toDynamic(value, c.argTypes[0] ?? 'dynamic'));
  },
  strrep: ([value, multiplier, delimiter], c) => {
    const n = toLong(multiplier);
    if (n === null || n < 1) return '';
    const text = toStringValue(value, c.argTypes[0]);
    return new Array<string>(Math.min(n, 1024))
      .fill(text)
      .join(isNull(delimiter) ? '' : toStringValue(delimiter));
  },
  translate: translateCharacters,
  set_equals: ([a, b]) => {
    const left = arrayOf(a);
    const right = arrayOf(b);
    if (!left || !right) return null;
    const keys = (array: unknown[]) => new Set(array.map(valueKey));
    const l = keys(left);
    const r = keys(right);
    return l.size === r.size && [...l].every((k) => r.has(k));
  },
  treepath: ([v]) => treePaths(v),
  welch_test: (args) => {
    const numbers = args.map((a) => toNumber(a));
    if (numbers.some((n) => n === null || !Number.isFinite(n))) return null;
    const [m1, v1, c1, m2, v2, c2] = numbers as number[];
    return welchPValue(m1!, v1!, c1!, m2!, v2!, c2!);
  },
  zlib_compress_to_base64_string: ([v]) =>
    isNull(v) ? '' : encodeBase64(zlibSync(strToU8(str(v)), { level: 0 })),
  /** hll digests are arrays of distinct value keys (aggregates.ts): merging is their union, the count their size. */
  hll_merge: (args) => {
    const merged = new Set<unknown>();
    for (const digest of args) for (const key of arrayOf(digest) ?? []) merged.add(key);
    return [...merged];
  },
  dcount_hll: ([digest]) => (arrayOf(digest) ? new Set(arrayOf(digest)).size : null),
  percentrank_tdigest: ([digest, value]) => {
    const pairs = tdigestPairs(digest);
    const total = pairs.reduce((sum, [, weight]) => sum + weight, 0);
    const v = toNumber(value);
    if (total === 0 || v === null) return null;
    return (100 * pairs.reduce((sum, [x, weight]) => (x <= v ? sum + weight : sum), 0)) / total;
  },
  estimate_data_size: (args, c) =>
    args.reduce<number>((sum, v, i) => sum + estimatedBytes(v, c.argTypes[i]), 0),
  /** A tuple: `(baseline, seasonal, trend, residual) = series_decompose(...)`. */
  series_decompose: ([v, seasonality, trend, testPoints, threshold]) => {
    const x = numericSeries(v);
    if (!x) return null;
    const parts = decompose(
      x,
      optionalNumber(seasonality, -1),
      trendKind(trend, 'avg'),
      optionalNumber(testPoints, 0),
      optionalNumber(threshold, 0.6),
    );
    return [parts.baseline, parts.seasonal, parts.trend, parts.residual];
  },
  /** A tuple: `(ad_flag, ad_score, baseline) = series_decompose_anomalies(...)`. */
  series_decompose_anomalies: ([
    v,
    threshold,
    seasonality,
    trend,
    testPoints,
    method,
    seasonalityThreshold,
  ]) => {
    const x = numericSeries(v);
    if (!x) return null;
    const result = decomposeAnomalies(
      x,
      optionalNumber(threshold, 1.5),
      optionalNumber(seasonality, -1),
      trendKind(trend, 'linefit'),
      optionalNumber(testPoints, 0),
      isNull(method) || method === '' ? 'ctukey' : str(method).toLowerCase(),
      optionalNumber(seasonalityThreshold, 0.6),
    );
    return [result.flags, result.scores, result.baseline];
  },
  series_decompose_forecast: ([v, points, seasonality, trend, threshold]) => {
    const x = numericSeries(v);
    if (!x) return null;
    return decomposeForecast(
      x,
      optionalNumber(points, 0),
      optionalNumber(seasonality, -1),
      trendKind(trend, 'linefit'),
      optionalNumber(threshold, 0.6),
    );
  },
  series_outliers: ([v, kind, ignoreValue, minPercentile, maxPercentile]) => {
    const x = numericSeries(v);
    if (!x) return null;
    const k = isNull(kind) || kind === '' ? 'ctukey' : str(kind).toLowerCase();
    if (k !== 'tukey' && k !== 'ctukey') throw new Error(`kind must be 'tukey' or 'ctukey', not '${k}'`);
    return outlierScores(
      x,
      k,
      isNull(ignoreValue) ? null : toNumber(ignoreValue),
      optionalNumber(minPercentile, 10),
      optionalNumber(maxPercentile, 90),
    );
  },
  /** A tuple of the fifteen documented outputs, in their documented order. */
  series_fit_2lines: ([v]) => {
    const y = numericSeries(v);
    const fit = y ? fitTwoLines(y) : null;
    return fit ? Object.values(fit) : null;
  },
  series_fit_2lines_dynamic: ([v]) => {
    const y = numericSeries(v);
    return y ? fitTwoLines(y) : null;
  },
  /** A tuple: `(rsquare, coefficients, variance, rvariance, poly_fit) = series_fit_poly(y [, x, degree])`. */
  series_fit_poly: ([yValue, xValue, degreeValue]) => {
    const y = numericSeries(yValue);
    if (!y) return null;
    const degree = optionalNumber(degreeValue, 1);
    if (!Number.isInteger(degree) || degree < 1 || degree > 5)
      throw new Error('degree must be a whole number 1–5');
    const fit = fitPolynomial(y, isNull(xValue) ? null : numericSeries(xValue), degree);
    return fit ? [fit.rsquare, fit.coefficients, fit.variance, fit.rvariance, fit.poly_fit] : null;
  },
  /** A tuple: `(periods, scores) = series_periods_detect(y, min, max, count)`. */
  series_periods_detect: ([v, minPeriod, maxPeriod, count]) => {
    const x = numericSeries(v);
    if (!x) return null;
    const found = detectPeriods(
      x,
      optionalNumber(minPeriod, 0),
      optionalNumber(maxPeriod, x.length),
      optionalNumber(count, 1),
    );
    return [found.periods, found.scores];
  },
  /** A tuple: `(periods, scores) = series_periods_validate(y, period1, ...)`. */
  series_periods_validate: ([v, ...periods]) => {
    const x = numericSeries(v);
    if (!x) return null;
    const list = periods.map((p) => toNumber(p) ?? 0);
    return [list, list.map((p) => periodScore(x, p))];
  },
};
