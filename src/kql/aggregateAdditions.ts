/**
 * Aggregates completing the catalog Kusto.Language knows, by their documentation pages: covariance (sample and
 * population, with `if` forms), variancepif, count_distinctif, hll_if and hll_merge. Rows where a value is null take
 * no part, as in the other statistical aggregates.
 */
import type { Accumulator, AggregateSpec } from './aggregates';
import { valueKey } from './compare';
import { isNull } from './functions/helpers';

function numeric(value: unknown): number | null {
  if (isNull(value)) return null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  return typeof value === 'number' ? value : null;
}

/** Sample (n − 1) or population (n) covariance of the pairs where both values are present. */
function covariance(sample: boolean, predicateIndex: number | null): AggregateSpec {
  return {
    create: () => (): Accumulator => {
      let n = 0;
      let sumX = 0;
      let sumY = 0;
      let sumXY = 0;
      return {
        add(_row, args) {
          if (predicateIndex !== null && args[predicateIndex] !== true) return;
          const x = numeric(args[0]);
          const y = numeric(args[1]);
          if (x === null || y === null) return;
          n++;
          sumX += x;
          sumY += y;
          sumXY += x * y;
        },
        result: () => {
          if (n === 0) return null;
          if (sample && n === 1) return 0;
          return (sumXY - (sumX * sumY) / n) / (sample ? n - 1 : n);
        },
      };
    },
  };
}

/** variancepif(): the population variance of the values where the predicate holds. */
const VARIANCEP_IF: AggregateSpec = {
  create: () => () => {
    const values: number[] = [];
    return {
      add(_row, args) {
        if (args[1] !== true) return;
        const value = numeric(args[0]);
        if (value !== null) values.push(value);
      },
      result: () => {
        if (values.length === 0) return null;
        const mean = values.reduce((a, b) => a + b, 0) / values.length;
        return values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
      },
    };
  },
};

/** count_distinctif(): the exact number of distinct values where the predicate holds. */
const COUNT_DISTINCT_IF: AggregateSpec = {
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
};

/** An hll digest is the array of the distinct value keys (as aggregates.ts's hll makes it). */
const HLL_IF: AggregateSpec = {
  create: () => () => {
    const seen = new Set<unknown>();
    return {
      add(_row, args) {
        if (args[1] === true && !isNull(args[0])) seen.add(valueKey(args[0]));
      },
      result: () => [...seen],
    };
  },
};

const HLL_MERGE: AggregateSpec = {
  create: () => () => {
    const merged = new Set<unknown>();
    return {
      add(_row, args) {
        if (Array.isArray(args[0])) for (const key of args[0] as unknown[]) merged.add(key);
      },
      result: () => [...merged],
    };
  },
};

export const AGGREGATE_ADDITIONS: Record<string, AggregateSpec> = {
  covariance: covariance(true, null),
  covarianceif: covariance(true, 2),
  covariancep: covariance(false, null),
  covariancepif: covariance(false, 2),
  variancepif: VARIANCEP_IF,
  count_distinctif: COUNT_DISTINCT_IF,
  hll_if: HLL_IF,
  hll_merge: HLL_MERGE,
};
