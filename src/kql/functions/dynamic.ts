/**
 * Dynamic values: JSON parsing, arrays, property bags, sets, range().
 */
import { compareValues, valueKey, valuesEqual } from '../compare';
import { JsonDepthError, parseJsonText } from '../json';
import {
  arrayOf,
  type CallContext,
  isNull,
  type ScalarFunction,
  str,
  toDynamic,
  toStringValue,
} from './helpers';

function setOps(kind: 'union' | 'intersect' | 'difference'): ScalarFunction {
  return (args) => {
    const arrays = args.map((a) => arrayOf(a) ?? []);
    const [first = [], ...rest] = arrays;
    const keyed = (values: unknown[]) => new Map(values.map((v) => [valueKey(v), v]));
    if (kind === 'union') {
      const all = new Map<string, unknown>();
      for (const array of arrays) for (const v of array) if (!all.has(valueKey(v))) all.set(valueKey(v), v);
      return [...all.values()];
    }
    const result = keyed(first);
    for (const array of rest) {
      const keys = new Set(array.map(valueKey));
      for (const key of [...result.keys()]) {
        if (kind === 'intersect' ? !keys.has(key) : keys.has(key)) result.delete(key);
      }
    }
    return [...result.values()];
  };
}

const MAX_RANGE_LENGTH = 1_048_576;

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

/**
 * parse_json(): a text becomes its JSON value, or stays the text when it is not JSON; any other value is already
 * dynamic. Nothing is kept between rows: real columns (ExtendedProperties, RequestObject) hold a distinct text per
 * row, where a cache keyed by text only adds hashing; a dictionary-encoded column is parsed once per distinct text by
 * the kernel (dictionaryForm.ts).
 */
export function parseDynamic(value: unknown): unknown {
  if (typeof value !== 'string') return value ?? null;
  try {
    return parseJsonText(value);
  } catch (error) {
    if (error instanceof JsonDepthError) throw error;
    return value;
  }
}

export const DYNAMIC_FUNCTIONS: Record<string, ScalarFunction> = {
  // dynamic
  array_length: ([v]) => arrayOf(v)?.length ?? null,
  pack_array: (args, c) => args.map((a, i) => toDynamic(a, c.argTypes[i] ?? 'dynamic')),
  bag_pack: (args, c) => {
    const bag: Record<string, unknown> = {};
    for (let i = 0; i + 1 < args.length; i += 2)
      bag[toStringValue(args[i])] = toDynamic(args[i + 1], c.argTypes[i + 1] ?? 'dynamic');
    return bag;
  },
  pack: (args, c) => DYNAMIC_FUNCTIONS['bag_pack']!(args, c),
  pack_dictionary: (args, c) => DYNAMIC_FUNCTIONS['bag_pack']!(args, c),
  pack_all: ([names, ...values], c) => {
    const bag: Record<string, unknown> = {};
    (names as string[]).forEach(
      (name, i) => (bag[name] = toDynamic(values[i], c.argTypes[i + 1] ?? 'dynamic')),
    );
    return bag;
  },
  bag_keys: ([v]) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.keys(v) : null),
  bag_merge: (args) => {
    const bag: Record<string, unknown> = {};
    for (const arg of args)
      if (arg && typeof arg === 'object' && !Array.isArray(arg))
        for (const [k, v] of Object.entries(arg)) if (!(k in bag)) bag[k] = v;
    return bag;
  },
  array_concat: (args) => {
    const arrays = args.map(arrayOf);
    return arrays.some((a) => a === null) ? null : arrays.flat(1);
  },
  array_slice: ([v, start, end]) => {
    const array = arrayOf(v);
    if (!array) return null;
    const n = array.length;
    let from = Number(start);
    let to = Number(end);
    if (from < 0) from += n;
    if (to < 0) to += n;
    return array.slice(Math.max(0, from), Math.min(n, to + 1));
  },
  array_reverse: ([v]) => arrayOf(v)?.slice().reverse() ?? null,
  array_sum: ([v]) => {
    const array = arrayOf(v);
    if (!array) return null;
    return array.reduce<number>((a, b) => a + (typeof b === 'number' ? b : 0), 0);
  },
  array_index_of: ([v, lookup]) => {
    const array = arrayOf(v);
    if (!array) return null;
    return array.findIndex((item) => valuesEqual(item, lookup));
  },
  array_shift_left: ([v, shift, fill]) => {
    const array = arrayOf(v);
    if (!array) return null;
    const n = Number(shift);
    const filler = fill === undefined ? null : fill;
    if (n >= 0) return [...array.slice(n), ...Array(Math.min(n, array.length)).fill(filler)];
    return [...Array(Math.min(-n, array.length)).fill(filler), ...array.slice(0, array.length + n)];
  },
  array_shift_right: ([v, shift, fill]) =>
    DYNAMIC_FUNCTIONS['array_shift_left']!([v, -Number(shift), fill], {} as CallContext),
  array_rotate_left: ([v, shift]) => {
    const array = arrayOf(v);
    if (!array) return null;
    const n = array.length === 0 ? 0 : ((Number(shift) % array.length) + array.length) % array.length;
    return [...array.slice(n), ...array.slice(0, n)];
  },
  array_rotate_right: ([v, shift]) =>
    DYNAMIC_FUNCTIONS['array_rotate_left']!([v, -Number(shift)], {} as CallContext),
  array_split: ([v, indices]) => {
    const array = arrayOf(v);
    if (!array) return null;
    const cuts = (Array.isArray(indices) ? indices : [indices]).map(Number);
    const result: unknown[][] = [];
    let previous = 0;
    for (const cut of cuts) {
      result.push(array.slice(previous, cut));
      previous = cut;
    }
    result.push(array.slice(previous));
    return result;
  },
  array_iff: ([conditions, ifTrue, ifFalse]) => {
    const c = arrayOf(conditions) ?? [];
    const t = arrayOf(ifTrue);
    const f = arrayOf(ifFalse);
    return c.map((cond, i) =>
      cond === true ? (t ? (t[i] ?? null) : ifTrue) : cond === false ? (f ? (f[i] ?? null) : ifFalse) : null,
    );
  },
  array_iif: ([conditions, ifTrue, ifFalse], c) =>
    DYNAMIC_FUNCTIONS['array_iff']!([conditions, ifTrue, ifFalse], c),
  set_has_element: ([v, value]) => (arrayOf(v) ?? []).some((item) => valuesEqual(item, value)),
  set_union: setOps('union'),
  set_intersect: setOps('intersect'),
  set_difference: setOps('difference'),
  jaccard_index: ([a, b]) => {
    const x = new Set((arrayOf(a) ?? []).map(valueKey));
    const y = new Set((arrayOf(b) ?? []).map(valueKey));
    const union = new Set([...x, ...y]);
    if (union.size === 0) return 0;
    let both = 0;
    for (const key of x) if (y.has(key)) both++;
    return both / union.size;
  },
  zip: (args) => {
    const arrays = args.map((a) => arrayOf(a) ?? []);
    const length = Math.max(0, ...arrays.map((a) => a.length));
    return Array.from({ length }, (_, i) => arrays.map((a) => (i < a.length ? a[i] : null)));
  },
  parse_json: ([value]) => parseDynamic(value),
  parsejson: ([value]) => parseDynamic(value),
  todynamic: ([value]) => parseDynamic(value),
  toobject: ([value]) => parseDynamic(value),
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
  array_sort_asc: arraySort(false),
  array_sort_desc: arraySort(true),
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
      return result.map((v) => toStringValue(v, c.argTypes[0] ?? 'datetime'));
    }
    const s = isNull(step) ? 1 : Number(step);
    if (s === 0) return null;
    for (let v = Number(start); s > 0 ? v <= Number(stop) : v >= Number(stop); v += s) {
      result.push(v);
      if (result.length === MAX_RANGE_LENGTH) break;
    }
    return result;
  },
  bag_zip: ([keys, values]) => {
    const k = arrayOf(keys) ?? [];
    const v = arrayOf(values) ?? [];
    const bag: Record<string, unknown> = {};
    k.forEach((key, i) => {
      if (typeof key === 'string') bag[key] = i < v.length ? v[i] : null;
    });
    return bag;
  },
  set_has_any: ([a, b]) => {
    const keys = new Set((arrayOf(a) ?? []).map(valueKey));
    return (arrayOf(b) ?? []).some((v) => keys.has(valueKey(v)));
  },
};
