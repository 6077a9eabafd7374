/**
 * What scalar functions, aggregates and operators share: the function signature, Kusto's null test and the
 * conversions between engine values (values.ts). A leaf: it imports no function family.
 */
import { JsonDepthError, parseJsonText } from '../json';
import { compileRegex } from '../regex';
import type { KustoType } from '../types';
import {
  floorDiv,
  formatDatetime,
  formatDatetimeFull,
  formatTimespan,
  MIN_DATETIME_TICKS,
  parseDatetime,
  parseTimespan,
} from '../values';

export interface CallContext {
  readonly argTypes: readonly KustoType[];
  readonly resultType: KustoType;
  readonly nowTicks: bigint;
}

export type ScalarFunction = (args: unknown[], context: CallContext) => unknown;

export const isNull = (v: unknown): v is null | undefined => v === null || v === undefined;

/** Engine value of a typed scalar as it is stored inside a dynamic value (datetime and timespan become strings). */
export function toDynamic(value: unknown, type: KustoType): unknown {
  if (isNull(value)) return null;
  if (type === 'datetime' && typeof value === 'bigint') return formatDatetime(value);
  if (type === 'timespan' && typeof value === 'bigint') return formatTimespan(value);
  return value;
}

/** `tostring()` of any value. */
export function toStringValue(value: unknown, type?: KustoType): string {
  if (isNull(value)) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'bigint')
    return type === 'timespan' ? formatTimespan(value) : formatDatetimeFull(value);
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return JSON.stringify(value);
}

export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  return String(value);
}

export function toNumber(value: unknown): number | null {
  if (isNull(value)) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string') {
    const text = value.trim();
    if (text === '') return null;
    if (/^[-+]?0x[0-9a-f]+$/i.test(text)) return Number.parseInt(text, 16);
    const number = Number(text);
    if (!Number.isNaN(number)) return number;
    if (/^nan$/i.test(text)) return NaN;
    if (/^[-+]?inf(inity)?$/i.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
    return null;
  }
  return null;
}

export function toLong(value: unknown): number | null {
  const number = toNumber(value);
  if (number === null || !Number.isFinite(number)) return null;
  return Math.trunc(number);
}

export function toBool(value: unknown): boolean | null {
  if (isNull(value)) return null;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'string') {
    const text = value.trim().toLowerCase();
    if (text === 'true' || text === '1') return true;
    if (text === 'false' || text === '0') return false;
    return null;
  }
  return null;
}

export function toDatetime(value: unknown, type: KustoType | undefined): bigint | null {
  if (isNull(value)) return null;
  if (typeof value === 'bigint') return type === 'timespan' ? null : value;
  if (typeof value === 'string') return parseDatetime(value);
  if (typeof value === 'number') return BigInt(Math.trunc(value));
  return null;
}

export function toTimespan(value: unknown): bigint | null {
  if (isNull(value)) return null;
  if (typeof value === 'bigint') return value;
  if (typeof value === 'string') return parseTimespan(value);
  if (typeof value === 'number') return BigInt(Math.trunc(value));
  return null;
}

export function parseJsonValue(value: unknown): unknown {
  if (isNull(value)) return null;
  if (typeof value !== 'string') return value;
  try {
    return parseJsonText(value);
  } catch (error) {
    if (error instanceof JsonDepthError) throw error;
    return value;
  }
}

export const lower = (value: unknown, type?: KustoType) => toStringValue(value, type).toLowerCase();

export const str = (value: unknown, type?: KustoType) => toStringValue(value, type);

// ---------- regex ----------
/** Kusto's regexes are RE2: every pattern goes through ./regex (linear time, RE2 syntax and errors). */
export const regex = compileRegex;

// ---------- binning ----------
export function binValue(value: unknown, size: unknown, type: KustoType, start?: unknown): unknown {
  if (isNull(value) || isNull(size)) return null;
  if (typeof value === 'bigint') {
    const span = typeof size === 'bigint' ? size : BigInt(Math.trunc(size as number));
    if (span <= 0n) return null;
    const origin = typeof start === 'bigint' ? start : type === 'datetime' ? MIN_DATETIME_TICKS : 0n;
    return floorDiv(value - origin, span) * span + origin;
  }
  const v = value as number;
  const s = typeof size === 'bigint' ? Number(size) : (size as number);
  if (s <= 0) return null;
  const origin = typeof start === 'number' ? start : 0;
  const result = Math.floor((v - origin) / s) * s + origin;
  return type === 'long' || type === 'int' ? Math.trunc(result) : result;
}

// ---------- dynamic helpers ----------
export function indexDynamic(target: unknown, key: unknown): unknown {
  if (isNull(target)) return null;
  if (typeof target === 'string') {
    const parsed = parseJsonValue(target);
    if (parsed === target) return null;
    target = parsed;
  }
  if (Array.isArray(target)) {
    if (typeof key !== 'number') return null;
    const index = key < 0 ? target.length + key : key;
    return target[index] ?? null;
  }
  if (typeof target === 'object') {
    const value = (target as Record<string, unknown>)[String(key)];
    return value === undefined ? null : value;
  }
  return null;
}

export function arrayOf(value: unknown): unknown[] | null {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') {
    const parsed = parseJsonValue(value);
    if (Array.isArray(parsed)) return parsed;
  }
  return null;
}

export function convertTo(value: unknown, type: KustoType, fromType?: KustoType): unknown {
  switch (type) {
    case 'string':
      return toStringValue(value, fromType);
    case 'long':
    case 'int':
      return toLong(value);
    case 'real':
    case 'decimal':
      return toNumber(value);
    case 'bool':
      return toBool(value);
    case 'datetime':
      return toDatetime(value, fromType);
    case 'timespan':
      return toTimespan(value);
    case 'guid':
      return isNull(value) ? null : String(value);
    case 'dynamic':
      return toDynamic(value, fromType ?? 'dynamic');
  }
}

export function numbers(args: unknown[]): number[] | null {
  const result: number[] = [];
  for (const arg of args) {
    const n = toNumber(arg);
    if (n === null) return null;
    result.push(n);
  }
  return result;
}

export function seriesStats(values: unknown[]): Record<string, number | null> {
  const numbersOnly = values.map((v) => (typeof v === 'number' ? v : null));
  const present = numbersOnly.filter((v): v is number => v !== null);
  if (present.length === 0)
    return { min: null, min_idx: null, max: null, max_idx: null, avg: null, stdev: null, variance: null };
  const min = Math.min(...present);
  const max = Math.max(...present);
  const avg = present.reduce((a, b) => a + b, 0) / present.length;
  const variance =
    present.length > 1 ? present.reduce((a, b) => a + (b - avg) ** 2, 0) / (present.length - 1) : 0;
  return {
    min,
    min_idx: numbersOnly.indexOf(min),
    max,
    max_idx: numbersOnly.indexOf(max),
    avg,
    stdev: Math.sqrt(variance),
    variance,
  };
}
