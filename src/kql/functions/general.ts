/**
 * Null and emptiness tests, logical not, coalesce, max_of/min_of, gettype, new_guid.
 */
import { compareValues } from '../compare';
import { isNull, type ScalarFunction } from './helpers';

function dynamicType(value: unknown): string {
  if (isNull(value)) return 'null';
  if (Array.isArray(value)) return 'array';
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'number':
      return Number.isInteger(value) ? 'long' : 'real';
    case 'boolean':
      return 'bool';
    case 'object':
      return 'dictionary';
    default:
      return 'string';
  }
}

function minMaxOf(sign: 1 | -1): ScalarFunction {
  return (args) => {
    let best: unknown = null;
    for (const arg of args) {
      if (isNull(arg)) continue;
      if (best === null || compareValues(arg, best) * sign > 0) best = arg;
    }
    return best;
  };
}

export const GENERAL_FUNCTIONS: Record<string, ScalarFunction> = {
  // predicates as functions
  isnull: ([v]) => isNull(v),
  isnotnull: ([v]) => !isNull(v),
  isempty: ([v]) => isNull(v) || v === '',
  isnotempty: ([v]) => !(isNull(v) || v === ''),
  notnull: ([v]) => !isNull(v),
  notempty: ([v]) => !(isNull(v) || v === ''),
  isnan: ([v]) => typeof v === 'number' && Number.isNaN(v),
  isinf: ([v]) => typeof v === 'number' && !Number.isNaN(v) && !Number.isFinite(v),
  isfinite: ([v]) => typeof v === 'number' && Number.isFinite(v),
  not: ([v]) => (isNull(v) ? null : !v),
  // conditionals
  coalesce: (args) => args.find((a) => !isNull(a) && a !== '') ?? (args.some((a) => a === '') ? '' : null),
  max_of: minMaxOf(1),
  min_of: minMaxOf(-1),
  gettype: ([v], c) => {
    const type = c.argTypes[0];
    if (type && type !== 'dynamic')
      return type === 'real'
        ? 'real'
        : type === 'datetime'
          ? 'datetime'
          : type === 'timespan'
            ? 'timespan'
            : type;
    return dynamicType(v);
  },
  // ip: IPv4 in ipv4.ts, IPv6 in ip.ts
  // hash() is xxHash64, as Kusto documents it: see hash.ts.
  new_guid: () => crypto.randomUUID(),
};
