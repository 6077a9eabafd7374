/**
 * Frequent patterns of discrete attributes, shared by basket, autocluster and diffpatterns. A pattern fixes the value
 * of some dimensions (columns) and leaves the others as wildcards; it matches the rows holding those values. Mining is
 * depth-first over row lists (Eclat), keeping patterns whose weight passes a caller's test, and returns only closed
 * patterns: a pattern matched by exactly the rows of a more specific one is left out, as Kusto's output shows.
 * Null and empty values are not items (they are what a wildcard prints).
 */
import { valueKey } from '../compare';
import { EngineError } from '../errors';
import type { ExecuteApi, RowFunction } from '../executeApi';
import type { Expr, Span } from '../plan';
import type { Column, Table } from '../table';
import type { KustoType } from '../types';

export interface Item {
  readonly dimension: number;
  readonly value: unknown;
  readonly rows: Int32Array;
}

export interface Pattern {
  /** The item of each dimension it fixes, in dimension order. */
  readonly items: readonly Item[];
  readonly rows: Int32Array;
}

/** Patterns past this many stop the mining with a clear error rather than exhaust memory. */
const MAX_PATTERNS = 200_000;

function intersect(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(Math.min(a.length, b.length));
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      out[n++] = a[i]!;
      i++;
      j++;
    }
  }
  return out.subarray(0, n);
}

/** The items (dimension = value) of the given rows, each with the rows holding it. */
export function itemsOf(dimensions: readonly Column[], rowCount: number): Item[] {
  const items: Item[] = [];
  dimensions.forEach((column, dimension) => {
    const byValue = new Map<string, { value: unknown; rows: number[] }>();
    const values = column.values;
    for (let row = 0; row < rowCount; row++) {
      const value = values[row];
      if (value === null || value === undefined || value === '') continue;
      const key = valueKey(value);
      let entry = byValue.get(key);
      if (!entry) byValue.set(key, (entry = { value, rows: [] }));
      entry.rows.push(row);
    }
    for (const { value, rows } of byValue.values())
      items.push({ dimension, value, rows: Int32Array.from(rows) });
  });
  return items;
}

export interface MiningOptions {
  /** Whether a pattern matched by these rows is frequent enough to keep and extend. */
  readonly frequent: (rows: Int32Array) => boolean;
  /** At most this many fixed dimensions per pattern. */
  readonly maxDimensions: number;
  readonly api: ExecuteApi;
  readonly span: Span;
}

/** Whether every row of the pattern holds one same value in a dimension the pattern leaves open. */
function isClosed(pattern: Pattern, dimensions: readonly Column[]): boolean {
  const fixed = new Set(pattern.items.map((item) => item.dimension));
  for (let d = 0; d < dimensions.length; d++) {
    if (fixed.has(d)) continue;
    const values = dimensions[d]!.values;
    const first = values[pattern.rows[0]!];
    if (first === null || first === undefined || first === '') continue;
    const key = valueKey(first);
    let same = true;
    for (let i = 1; i < pattern.rows.length && same; i++) same = valueKey(values[pattern.rows[i]!]) === key;
    if (same) return false;
  }
  return true;
}

/** Every closed frequent pattern of the dimensions, most specific patterns included. */
export function minePatterns(
  dimensions: readonly Column[],
  rowCount: number,
  options: MiningOptions,
): Pattern[] {
  const items = itemsOf(dimensions, rowCount).filter((item) => options.frequent(item.rows));
  items.sort((a, b) => a.dimension - b.dimension || b.rows.length - a.rows.length);
  const patterns: Pattern[] = [];
  const extend = (prefix: readonly Item[], rows: Int32Array, from: number) => {
    const pattern = { items: prefix, rows };
    // At the dimension limit no more specific pattern can be reported, so this one stands for its rows.
    if (prefix.length >= options.maxDimensions || isClosed(pattern, dimensions)) patterns.push(pattern);
    if (patterns.length > MAX_PATTERNS)
      throw new EngineError(
        'KQL_LIMIT',
        `more than ${MAX_PATTERNS} frequent patterns: raise the threshold or project fewer columns`,
        options.span,
      );
    if (prefix.length >= options.maxDimensions) return;
    const lastDimension = prefix[prefix.length - 1]!.dimension;
    for (let i = from; i < items.length; i++) {
      const item = items[i]!;
      if (item.dimension <= lastDimension) continue;
      const next = intersect(rows, item.rows);
      if (next.length > 0 && options.frequent(next)) extend([...prefix, item], next, i + 1);
    }
    options.api.check(options.span);
  };
  items.forEach((item, i) => extend([item], item.rows, i + 1));
  return patterns;
}

/** The wildcard printed for an open dimension: `""` for strings, null otherwise, unless the query sets one per type. */
export function wildcards(customArgs: readonly Expr[], api: ExecuteApi): (type: KustoType) => unknown {
  const custom = new Map<KustoType, unknown>();
  for (const arg of customArgs) custom.set(api.typeOf(arg), api.constant(arg));
  return (type) => (custom.has(type) ? custom.get(type) : type === 'string' ? '' : null);
}

/** The weight of each row: 1 each, or the weight column's values (null counts 0). */
export function rowWeights(weight: RowFunction | null, rowCount: number): Float64Array {
  const weights = new Float64Array(rowCount);
  for (let row = 0; row < rowCount; row++) {
    const value = weight ? weight(row) : 1;
    weights[row] = typeof value === 'number' ? value : typeof value === 'bigint' ? Number(value) : 0;
  }
  return weights;
}

export function weightOf(rows: Int32Array, weights: Float64Array): number {
  let total = 0;
  for (let i = 0; i < rows.length; i++) total += weights[rows[i]!]!;
  return total;
}

/** What the pattern plug-ins mine: the rows' weights, their total, and the columns that are dimensions. */
export interface WeightedInput {
  readonly weights: Float64Array;
  readonly total: number;
  /** The table's columns but the weight column and the plug-in's own (diffpatterns' split column). */
  readonly dimensions: Column[];
  readonly weightName: string | null;
  /** Whether rows hold at least `share` (0–1) of the total weight: basket's Threshold, autocluster's coverage. */
  holdsShare(rows: Int32Array, share: number): boolean;
}

/**
 * The weighted input of basket, autocluster and diffpatterns: `weightArg` (optional) names the WeightColumn, whose
 * values weigh the rows (1 each without it); that column and `excluded` are not dimensions.
 */
export function weightedInput(
  table: Table,
  weightArg: Expr | undefined,
  plugin: string,
  span: Span,
  excluded: readonly string[] = [],
): WeightedInput {
  const weightName = weightArg ? columnArgument(weightArg, plugin, 'WeightColumn', span) : null;
  const weightColumn = weightName ? table.columns.find((c) => c.name === weightName) : undefined;
  const weights = rowWeights(weightColumn ? (row) => weightColumn.values[row] : null, table.length);
  const total = weights.reduce((a, b) => a + b, 0);
  const dimensions = table.columns.filter((c) => c.name !== weightName && !excluded.includes(c.name));
  const holdsShare = (rows: Int32Array, share: number) =>
    total > 0 && weightOf(rows, weights) >= share * total;
  return { weights, total, dimensions, weightName, holdsShare };
}

/** The value of a constant argument, or the default when the argument is absent or null. */
export function constantOr(arg: Expr | undefined, api: ExecuteApi, fallback: number): number {
  if (!arg) return fallback;
  const value = api.constant(arg);
  return value === null || value === undefined ? fallback : Number(value);
}

/** Checks a plugin argument that must name a column of the input; returns that column's name. */
export function columnArgument(arg: Expr, plugin: string, what: string, span: Span): string {
  if (arg.kind !== 'column')
    throw new EngineError('KQL_PLUGIN_ARGS', `${plugin}: ${what} must be a column.`, span);
  return arg.name;
}

export interface StatisticColumn {
  readonly name: string;
  readonly type: KustoType;
  readonly values: unknown[];
}

/**
 * The output of a pattern plug-in: `SegmentId`, the statistics, then every dimension with the pattern's value or the
 * wildcard. Column names and types follow Kusto.Language's schema of the call when it gives one.
 */
export function patternsTable(
  statistics: readonly StatisticColumn[],
  dimensions: readonly Column[],
  patterns: readonly Pattern[],
  wildcard: (type: KustoType) => unknown,
  schema: readonly { readonly name: string; readonly type: string }[] | undefined,
): Table {
  const segment: StatisticColumn = { name: 'SegmentId', type: 'long', values: patterns.map((_, i) => i) };
  const dimensionColumn = (column: Column, d: number): StatisticColumn => ({
    name: column.name,
    type: column.type,
    values: patterns.map((p) => {
      const item = p.items.find((it) => it.dimension === d);
      return item ? item.value : wildcard(column.type);
    }),
  });
  const own = [segment, ...statistics, ...dimensions.map(dimensionColumn)];
  if (!schema) return { columns: own, length: patterns.length };
  // Kusto.Language's schema lists every input column (the split and weight columns too): those are open everywhere.
  const columns = schema.map((target) => {
    const type = target.type as KustoType;
    const found = own.find((c) => c.name === target.name);
    return found
      ? { ...found, type }
      : { name: target.name, type, values: patterns.map(() => wildcard(type)) };
  });
  return { columns, length: patterns.length };
}
