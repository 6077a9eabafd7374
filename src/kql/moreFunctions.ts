/** Less common scalar functions (ranges, bags, series maths, encodings), registered into FUNCTIONS. */
import { FUNCTIONS, arrayOf, hasTerm, regex, str, type ScalarFunction } from './functions';
import { JsonDepthError, parseJsonText } from './json';
import { compareValues, valueKey } from './compare';

const isNull = (v: unknown): v is null | undefined => v === null || v === undefined;

const MAX_RANGE_LENGTH = 1_048_576;

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

function numericSeries(value: unknown): number[] {
  return (arrayOf(value) ?? []).map((v) => (typeof v === 'number' ? v : Number.NaN));
}

/**
 * array_sort_asc/desc(array1[, array2...][, nulls_last]): sorts the first array and reorders the others the same way;
 * with several arrays the result is a tuple (one array per argument).
 */
function arraySort(descending: boolean): ScalarFunction {
  return (args) => {
    const last = args[args.length - 1];
    const nullsLast = typeof last === 'boolean' ? last : true;
    const arrays = (typeof last === 'boolean' ? args.slice(0, -1) : args).map((a) => arrayOf(a));
    const first = arrays[0];
    if (!first) return null;
    const order = first.map((_, i) => i);
    order.sort((a, b) => {
      const x = first[a];
      const y = first[b];
      if (isNull(x) || isNull(y)) {
        if (isNull(x) && isNull(y)) return a - b;
        return isNull(x) === nullsLast ? 1 : -1;
      }
      const c = compareValues(x, y);
      return (descending ? -c : c) || a - b;
    });
    const sorted = arrays.map((array) =>
      array && array.length === first.length ? order.map((i) => array[i]) : null,
    );
    return sorted.length === 1 ? sorted[0] : sorted;
  };
}

function digestPairs(digest: unknown): [number, number][] {
  return (arrayOf(digest) ?? [])
    .map(
      (pair) =>
        (Array.isArray(pair) ? [Number(pair[0]), Number(pair[1] ?? 1)] : [Number(pair), 1]) as [
          number,
          number,
        ],
    )
    .sort((a, b) => a[0] - b[0]);
}

/** Segments of a bag key: `$.a.b` / `$['a'].b` paths, or one plain key. */
function keyPath(key: string): string[] {
  if (!key.startsWith('$')) return [key];
  return key
    .replace(/^\$\.?/, '')
    .split(/\.|\[['"]?|['"]?\]/)
    .filter((part) => part !== '');
}

function isBag(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (!isBag(value)) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeysDeep(value[key])]),
  );
}

function parseCsvRecord(text: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else if (ch === '\n') break;
    else if (ch !== '\r') field += ch;
  }
  fields.push(field);
  return fields;
}

/**
 * Log tables repeat the same JSON payloads: parsed values are kept for recent texts. Dynamic values are never mutated
 * by the engine (functions that change a bag copy it), so sharing them between rows is safe.
 */
const parsedJson = new Map<string, unknown>();

function parseJsonCached(value: unknown): unknown {
  if (typeof value !== 'string') return value ?? null;
  const cached = parsedJson.get(value);
  if (cached !== undefined || parsedJson.has(value)) return cached;
  let parsed: unknown;
  try {
    parsed = parseJsonText(value);
  } catch (error) {
    if (error instanceof JsonDepthError) throw error;
    parsed = value;
  }
  if (value.length <= 4096) {
    if (parsedJson.size >= 20_000) parsedJson.clear();
    parsedJson.set(value, parsed);
  }
  return parsed;
}

const extra: Record<string, ScalarFunction> = {
  parse_json: ([value]) => parseJsonCached(value),
  parsejson: ([value]) => parseJsonCached(value),
  todynamic: ([value]) => parseJsonCached(value),
  toobject: ([value]) => parseJsonCached(value),
  bag_has_key: ([bag, key]) => {
    let value: unknown = bag;
    for (const part of keyPath(str(key))) {
      if (!isBag(value) || !(part in value)) return false;
      value = value[part];
    }
    return true;
  },
  bag_remove_keys: ([bag, keys]) => {
    if (!isBag(bag)) return null;
    const result = structuredClone(bag);
    for (const key of arrayOf(keys) ?? []) {
      const path = keyPath(str(key));
      let target: unknown = result;
      for (const part of path.slice(0, -1)) target = isBag(target) ? target[part] : undefined;
      if (isBag(target)) delete target[path[path.length - 1]!];
    }
    return result;
  },
  bag_set_key: ([bag, key, value]) => {
    if (!isBag(bag)) return null;
    const result = structuredClone(bag);
    const path = keyPath(str(key));
    let target: Record<string, unknown> = result;
    for (const part of path.slice(0, -1)) {
      if (!isBag(target[part])) target[part] = {};
      target = target[part] as Record<string, unknown>;
    }
    target[path[path.length - 1]!] = value;
    return result;
  },
  dynamic_to_json: ([value]) => JSON.stringify(sortKeysDeep(value ?? null)),
  parse_csv: ([text]) => parseCsvRecord(str(text)),
  percentile_tdigest: ([digest, percent]) => {
    const pairs = digestPairs(digest);
    const total = pairs.reduce((sum, [, weight]) => sum + weight, 0);
    if (total === 0) return null;
    const rank = Math.max(1, Math.ceil((Number(percent) / 100) * total));
    let seen = 0;
    for (const [value, weight] of pairs) {
      seen += weight;
      if (seen >= rank) return value;
    }
    return pairs[pairs.length - 1]![0];
  },
  percentiles_array_tdigest: (args, c) => {
    const [digest, ...percents] = args;
    const list = percents.flatMap((p) => (Array.isArray(p) ? p : [p]));
    return list.map((p) => extra['percentile_tdigest']!([digest, p], c));
  },
  rank_tdigest: ([digest, value]) => {
    const v = Number(value);
    return digestPairs(digest).reduce((sum, [x, weight]) => (x <= v ? sum + weight : sum), 0);
  },
  merge_tdigest: (args) => args.flatMap((digest) => arrayOf(digest) ?? []),
  array_sort_asc: arraySort(false),
  array_sort_desc: arraySort(true),
  url_encode: ([v]) =>
    encodeURIComponent(str(v))
      .replace(/%20/g, '+')
      .replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()),
  url_encode_component: ([v]) => encodeURIComponent(str(v)).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()),
  toguid: ([v]) => {
    if (isNull(v)) return null;
    const text = str(v).trim().toLowerCase().replace(/-/g, '');
    if (/^[0-9a-f]{32}$/.test(text)) {
      return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
    }
    return null;
  },
  unicode_codepoints_to_string: (args) => {
    const points = args.flatMap((a) => (Array.isArray(a) ? a : [a])).map(Number);
    if (points.some((p) => !Number.isInteger(p) || p < 0 || p > 0x10ffff)) return '';
    return String.fromCodePoint(...points);
  },
  // The docs: the resulting array holds at most 1,048,576 elements.
  range: ([start, stop, step], c) => {
    if (isNull(start) || isNull(stop)) return null;
    const result: unknown[] = [];
    if (typeof start === 'bigint') {
      const s = isNull(step) ? 864_000_000_000n : BigInt(step as bigint);
      for (let v = start; s > 0n ? v <= (stop as bigint) : v >= (stop as bigint); v += s) {
        result.push(v);
        if (result.length === MAX_RANGE_LENGTH) break;
      }
      void c;
      return result.map((v) =>
        FUNCTIONS['tostring']!([v], { ...c, argTypes: [c.argTypes[0] ?? 'datetime'] }),
      );
    }
    const s = isNull(step) ? 1 : Number(step);
    if (s === 0) return null;
    for (let v = Number(start); s > 0 ? v <= Number(stop) : v >= Number(stop); v += s) {
      result.push(v);
      if (result.length === MAX_RANGE_LENGTH) break;
    }
    return result;
  },
  replace_strings: ([text, lookups, rewrites]) => {
    // Every lookup claims its non-overlapping matches in list order; an earlier lookup wins an overlap.
    const from = (arrayOf(lookups) ?? []).map((v) => str(v));
    // A rewrite that is not a string leaves its matches as they are.
    const to = (arrayOf(rewrites) ?? []).map((v, k) => (typeof v === 'string' ? v : from[k]!));
    const source = str(text);
    const claimed: { start: number; end: number; replacement: string }[] = [];
    from.forEach((lookup, k) => {
      if (lookup === '') return;
      let index = source.indexOf(lookup);
      while (index >= 0) {
        const end = index + lookup.length;
        if (!claimed.some((c) => index < c.end && end > c.start)) {
          claimed.push({ start: index, end, replacement: to[k] ?? '' });
          index = source.indexOf(lookup, end);
        } else {
          index = source.indexOf(lookup, index + 1);
        }
      }
    });
    claimed.sort((x, y) => x.start - y.start);
    let result = '';
    let position = 0;
    for (const claim of claimed) {
      result += source.slice(position, claim.start) + claim.replacement;
      position = claim.end;
    }
    return result + source.slice(position);
  },
  erf: ([x]) => (isNull(x) ? null : erf(Number(x))),
  erfc: ([x]) => (isNull(x) ? null : Number(x) > 2.5 ? erfcLarge(Number(x)) : 1 - erf(Number(x))),
  bag_zip: ([keys, values]) => {
    const k = arrayOf(keys) ?? [];
    const v = arrayOf(values) ?? [];
    const bag: Record<string, unknown> = {};
    k.forEach((key, i) => {
      if (typeof key === 'string') bag[key] = i < v.length ? v[i] : null;
    });
    return bag;
  },
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
  ipv4_netmask_suffix: ([text]) => {
    const match = /^\s*\d{1,3}(\.\d{1,3}){3}(?:\/(\d{1,2}))?\s*$/.exec(str(text));
    if (!match) return null;
    return match[2] === undefined ? 32 : Number(match[2]);
  },
  extract_json: ([path, text]) => {
    let value: unknown;
    try {
      value = JSON.parse(str(text));
    } catch {
      return null;
    }
    const parts = str(path)
      .replace(/^\$\.?/, '')
      .split(/\.|\[['"]?|['"]?\]/)
      .filter((p) => p !== '');
    for (const part of parts) {
      if (value === null || typeof value !== 'object') return null;
      value = Array.isArray(value) ? value[Number(part)] : (value as Record<string, unknown>)[part];
    }
    if (value === undefined) return null;
    return typeof value === 'object' ? JSON.stringify(value) : value;
  },
  has_any_index: ([text, lookups]) => {
    const source = str(text);
    return (arrayOf(lookups) ?? []).findIndex((item) => hasTerm(source, str(item), false));
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
  regex_quote: ([text]) => str(text).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
  set_has_any: ([a, b]) => {
    const keys = new Set((arrayOf(a) ?? []).map(valueKey));
    return (arrayOf(b) ?? []).some((v) => keys.has(valueKey(v)));
  },
  matches_regex: ([text, pattern]) => regex(str(pattern)).test(str(text)),
};

Object.assign(FUNCTIONS, extra);
