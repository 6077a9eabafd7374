/**
 * Aggregation functions. Each is a factory of accumulators: `add(values)` per input row, `result()` per group.
 * dcount is exact (the sample sizes of the lab fit in memory; Kusto's estimate is within its documented error of it).
 */
import type { KustoType } from './types';
import { compareValues, valueKey } from './compare';
import { isNull } from './functions/helpers';
import { AGGREGATE_ADDITIONS } from './aggregateAdditions';

export interface Accumulator {
  add(row: number, args: readonly unknown[]): void;
  result(): unknown;
}

export interface AggregateSpec {
  /** Which argument positions are evaluated per row (star and constant parameters are handled by the factory). */
  create(
    argTypes: readonly KustoType[],
    constants: readonly unknown[],
    resultType: KustoType,
  ): () => Accumulator;
}

function numeric(value: unknown): number | null {
  if (isNull(value)) return null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value as number;
}

function sumOf(resultType: KustoType, predicateIndex: number | null): () => Accumulator {
  return () => {
    let total: number | bigint | null = null;
    return {
      add(_row, args) {
        if (predicateIndex !== null && args[predicateIndex] !== true) return;
        const value = args[0];
        if (isNull(value)) return;
        if (typeof value === 'bigint') total = ((total as bigint | null) ?? 0n) + value;
        else total = ((total as number | null) ?? 0) + (value as number);
      },
      result: () =>
        total === null && resultType !== 'real' ? (predicateIndex !== null ? 0 : null) : (total ?? null),
    };
  };
}

function minMax(sign: 1 | -1, predicateIndex: number | null): () => Accumulator {
  return () => {
    let best: unknown = null;
    return {
      add(_row, args) {
        if (predicateIndex !== null && args[predicateIndex] !== true) return;
        const value = args[0];
        if (isNull(value) || (typeof value === 'string' && value === '')) return;
        if (best === null || compareValues(value, best) * sign > 0) best = value;
      },
      result: () => best,
    };
  };
}

function avgOf(predicateIndex: number | null, resultType: KustoType): () => Accumulator {
  return () => {
    let total = 0;
    let ticks = 0n;
    let count = 0;
    return {
      add(_row, args) {
        if (predicateIndex !== null && args[predicateIndex] !== true) return;
        const value = args[0];
        if (isNull(value)) return;
        if (typeof value === 'bigint') ticks += value;
        else total += numeric(value)!;
        count++;
      },
      result: () => {
        if (count === 0) return null;
        if (resultType === 'timespan' || resultType === 'datetime') return ticks / BigInt(count);
        return total / count;
      },
    };
  };
}

function variance(sample: boolean, root: boolean, predicateIndex: number | null): () => Accumulator {
  return () => {
    const values: number[] = [];
    return {
      add(_row, args) {
        if (predicateIndex !== null && args[predicateIndex] !== true) return;
        const value = numeric(args[0]);
        if (value !== null) values.push(value);
      },
      result: () => {
        const n = values.length;
        if (n === 0) return null;
        if (sample && n === 1) return 0;
        const mean = values.reduce((a, b) => a + b, 0) / n;
        const squares = values.reduce((a, b) => a + (b - mean) ** 2, 0);
        const result = squares / (sample ? n - 1 : n);
        return root ? Math.sqrt(result) : result;
      },
    };
  };
}

function collect(
  kind: 'list' | 'set' | 'list_with_nulls',
  predicateIndex: number | null,
  limitIndex: number | null,
) {
  return (constants: readonly unknown[]) => () => {
    const limit = limitIndex !== null ? Number(constants[limitIndex] ?? 1_048_576) : 1_048_576;
    const values: unknown[] = [];
    const seen = new Set<string>();
    return {
      add(_row: number, args: readonly unknown[]) {
        if (predicateIndex !== null && args[predicateIndex] !== true) return;
        if (values.length >= limit) return;
        let value = args[0];
        if (isNull(value)) {
          if (kind !== 'list_with_nulls') return;
          value = null;
        }
        if (kind === 'set') {
          // make_set of arrays collects their elements.
          for (const item of Array.isArray(value) ? value : [value]) {
            const key = valueKey(item);
            if (seen.has(key) || values.length >= limit) continue;
            seen.add(key);
            values.push(item);
          }
          return;
        }
        // make_list of arrays also collects their elements (the geo_h3cell_rings docs example relies on it).
        if (kind === 'list' && Array.isArray(value)) {
          for (const item of value) if (values.length < limit) values.push(item);
          return;
        }
        values.push(value);
      },
      result: () => values,
    };
  };
}

function percentileOf(values: number[], percent: number): number | null {
  if (values.length === 0) return null;
  // Kusto's percentile is nearest-rank on the sorted values.
  const rank = Math.max(1, Math.ceil((percent / 100) * values.length));
  return values[Math.min(values.length, rank) - 1]!;
}

const COUNT: AggregateSpec = {
  create: () => () => {
    let count = 0;
    return { add: () => void count++, result: () => count };
  },
};

export const AGGREGATES: Record<string, AggregateSpec> = {
  ...AGGREGATE_ADDITIONS,
  count: COUNT,
  countif: {
    create: () => () => {
      let count = 0;
      return {
        add(_row, args) {
          if (args[0] === true) count++;
        },
        result: () => count,
      };
    },
  },
  sum: { create: (_t, _c, resultType) => sumOf(resultType, null) },
  sumif: { create: (_t, _c, resultType) => sumOf(resultType, 1) },
  min: { create: () => minMax(-1, null) },
  max: { create: () => minMax(1, null) },
  minif: { create: () => minMax(-1, 1) },
  maxif: { create: () => minMax(1, 1) },
  avg: { create: (_t, _c, resultType) => avgOf(null, resultType) },
  avgif: { create: (_t, _c, resultType) => avgOf(1, resultType) },
  stdev: { create: () => variance(true, true, null) },
  stdevif: { create: () => variance(true, true, 1) },
  stdevp: { create: () => variance(false, true, null) },
  variance: { create: () => variance(true, false, null) },
  varianceif: { create: () => variance(true, false, 1) },
  variancep: { create: () => variance(false, false, null) },
  dcount: {
    create: () => () => {
      const seen = new Set<unknown>();
      return {
        add(_row, args) {
          const value = args[0];
          if (isNull(value)) return;
          seen.add(typeof value === 'object' ? valueKey(value) : value);
        },
        result: () => seen.size,
      };
    },
  },
  dcountif: {
    create: () => () => {
      const seen = new Set<unknown>();
      return {
        add(_row, args) {
          const value = args[0];
          if (args[1] !== true || isNull(value)) return;
          seen.add(typeof value === 'object' ? valueKey(value) : value);
        },
        result: () => seen.size,
      };
    },
  },
  make_list: { create: (_t, constants) => collect('list', null, 1)(constants) },
  makelist: { create: (_t, constants) => collect('list', null, 1)(constants) },
  make_list_if: { create: (_t, constants) => collect('list', 1, 2)(constants) },
  make_list_with_nulls: { create: (_t, constants) => collect('list_with_nulls', null, 1)(constants) },
  make_set: { create: (_t, constants) => collect('set', null, 1)(constants) },
  makeset: { create: (_t, constants) => collect('set', null, 1)(constants) },
  make_set_if: { create: (_t, constants) => collect('set', 1, 2)(constants) },
  make_bag: {
    create: () => () => {
      const bag: Record<string, unknown> = {};
      return {
        add(_row, args) {
          const value = args[0];
          if (value && typeof value === 'object' && !Array.isArray(value)) Object.assign(bag, value);
        },
        result: () => bag,
      };
    },
  },
  make_bag_if: {
    create: () => () => {
      const bag: Record<string, unknown> = {};
      return {
        add(_row, args) {
          const value = args[0];
          if (args[1] === true && value && typeof value === 'object' && !Array.isArray(value))
            Object.assign(bag, value);
        },
        result: () => bag,
      };
    },
  },
  take_any: {
    create: () => () => {
      let value: unknown = null;
      let taken = false;
      return {
        add(_row, args) {
          if (!taken && !isNull(args[0])) {
            value = args[0];
            taken = true;
          }
        },
        result: () => value,
      };
    },
  },
  any: {
    create: () => () => {
      let value: unknown = null;
      let taken = false;
      return {
        add(_row, args) {
          if (!taken) {
            value = args[0];
            taken = true;
          }
        },
        result: () => value,
      };
    },
  },
  percentile: {
    create: (_t, constants) => () => {
      const values: number[] = [];
      return {
        add(_row, args) {
          const value = numeric(args[0]);
          if (value !== null) values.push(value);
        },
        result: () =>
          percentileOf(
            values.sort((a, b) => a - b),
            Number(constants[1]),
          ),
      };
    },
  },
  hll: {
    create: () => () => {
      const seen = new Set<unknown>();
      return {
        add(_row, args) {
          if (!isNull(args[0])) seen.add(valueKey(args[0]));
        },
        result: () => [...seen],
      };
    },
  },
};
AGGREGATES['count_distinct'] = AGGREGATES['dcount']!;
function bitwise(combine: (a: bigint, b: bigint) => bigint): AggregateSpec {
  return {
    create: () => () => {
      let result: bigint | null = null;
      return {
        add(_row, args) {
          const value = args[0];
          if (isNull(value)) return;
          const bits = BigInt.asIntN(64, BigInt(Math.trunc(Number(value))));
          result = result === null ? bits : combine(result, bits);
        },
        result: () => (result === null ? null : Number(result)),
      };
    },
  };
}
/**
 * tdigest keeps every (value, weight) pair: exact, and within the 5% Kusto allows for its estimate. The digest is a
 * dynamic array of [value, weight] pairs that percentile_tdigest, rank_tdigest and merge_tdigest read.
 */
const TDIGEST: AggregateSpec = {
  create: () => () => {
    const pairs: [unknown, number][] = [];
    return {
      add(_row, args) {
        const value = args[0];
        if (isNull(value)) return;
        pairs.push([
          typeof value === 'bigint' ? value.toString() : value,
          args.length > 1 ? Number(args[1] ?? 1) : 1,
        ]);
      },
      result: () => pairs,
    };
  },
};
const MERGE_TDIGEST: AggregateSpec = {
  create: () => () => {
    const pairs: unknown[] = [];
    return {
      add(_row, args) {
        if (Array.isArray(args[0])) pairs.push(...(args[0] as unknown[]));
      },
      result: () => pairs,
    };
  },
};
AGGREGATES['tdigest'] = TDIGEST;
AGGREGATES['tdigest_merge'] = MERGE_TDIGEST;
AGGREGATES['merge_tdigest'] = MERGE_TDIGEST;
AGGREGATES['binary_all_and'] = bitwise((a, b) => a & b);
AGGREGATES['binary_all_or'] = bitwise((a, b) => a | b);
AGGREGATES['binary_all_xor'] = bitwise((a, b) => a ^ b);
AGGREGATES['take_anyif'] = {
  create: () => () => {
    let value: unknown = null;
    let taken = false;
    return {
      add(_row, args) {
        if (!taken && args[1] === true) {
          value = args[0];
          taken = true;
        }
      },
      result: () => value,
    };
  },
};

/**
 * buildschema(): the minimal schema admitting every value. A schema is a primitive type name, a container (a bag of
 * property schemas; an array is a container whose only property is "`indexer`"), or a union (an array of the
 * alternatives in order of first appearance). Bags merge with bags and arrays with arrays, so a union holds at most
 * one of each besides the primitive names. Every property is implicitly optional; nulls add nothing.
 */
type Schema = string | { [key: string]: Schema } | Schema[];
const INDEXER = '`indexer`';

interface SchemaNode {
  primitives: string[];
  bag: Map<string, SchemaNode> | null;
  array: SchemaNode | null;
  /** Order of first appearance of the alternatives: a primitive name, or the bag/array markers. */
  order: string[];
}

const emptySchemaNode = (): SchemaNode => ({ primitives: [], bag: null, array: null, order: [] });

function primitiveName(value: unknown): string {
  if (typeof value === 'number') return Number.isInteger(value) ? 'long' : 'double';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'bigint') return 'long';
  return 'string';
}

function admit(node: SchemaNode, value: unknown): void {
  if (isNull(value)) return;
  if (Array.isArray(value)) {
    if (!node.array) {
      node.array = emptySchemaNode();
      node.order.push('\u0000array');
    }
    for (const item of value) admit(node.array, item);
    return;
  }
  if (typeof value === 'object') {
    if (!node.bag) {
      node.bag = new Map();
      node.order.push('\u0000bag');
    }
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      let child = node.bag.get(key);
      if (!child) node.bag.set(key, (child = emptySchemaNode()));
      admit(child, item);
    }
    return;
  }
  const name = primitiveName(value);
  if (!node.primitives.includes(name)) {
    node.primitives.push(name);
    node.order.push(name);
  }
}

function schemaOf(node: SchemaNode): Schema | null {
  const alternatives = node.order.map((entry): Schema => {
    if (entry === '\u0000array') return { [INDEXER]: schemaOf(node.array!) ?? [] };
    if (entry === '\u0000bag') {
      const bag: Record<string, Schema> = {};
      for (const [key, child] of node.bag!) bag[key] = schemaOf(child) ?? [];
      return bag;
    }
    return entry;
  });
  if (alternatives.length === 0) return null;
  return alternatives.length === 1 ? alternatives[0]! : alternatives;
}

AGGREGATES['buildschema'] = {
  create: () => () => {
    const root = emptySchemaNode();
    return {
      add(_row, args) {
        admit(root, args[0]);
      },
      result: () => schemaOf(root),
    };
  },
};

/** Aggregates with several outputs or special arguments, executed by summarize itself. */
export const SPECIAL_AGGREGATES = new Set([
  'arg_max',
  'arg_min',
  'percentiles',
  'percentilesw',
  'percentilew',
  'percentiles_array',
  'percentilesw_array',
]);

export function isAggregateName(name: string): boolean {
  return (
    name in AGGREGATES ||
    SPECIAL_AGGREGATES.has(name) ||
    name === 'count' ||
    name === 'dcount_hll' ||
    name === 'tdigest'
  );
}

export { percentileOf, numeric };
