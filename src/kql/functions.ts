/**
 * Scalar functions, each written once over engine values (values.ts). The executor applies them row by row over
 * columns. A function receives its evaluated arguments and a context with the argument and result types.
 */
import { compareValues, valueKey, valuesEqual } from './compare';
import { compileRegex } from './regex';
import { JsonDepthError, parseJsonText } from './json';
import { CATALOG_ADDITIONS } from './catalogAdditions';
import { GEO_FUNCTIONS } from './library/geo';
import { GEO_CELL_FUNCTIONS } from './library/geoCells';
import { GEO_BUFFER_FUNCTIONS } from './library/geoBuffer';
import { GEO_LINE_FUNCTIONS } from './library/geoLines';
import { GEO_WKT_FUNCTIONS } from './library/geoWkt';
import { HASH_FUNCTIONS } from './library/hash';
import { IP_FUNCTIONS } from './library/ip';
import { IPV4_FUNCTIONS } from './library/ipv4';
import { BASE64_FUNCTIONS } from './library/base64';
import { MATH_FUNCTIONS } from './library/math';
import { SERIES_FUNCTIONS } from './library/series';
import { TEXT_FUNCTIONS } from './library/text';
import { TIMEZONE_FUNCTIONS } from './library/timezone';
import { UNIT_FUNCTIONS } from './library/units';
import type { KustoType } from './types';
import {
  floorDiv,
  formatDatetime,
  formatDatetimeFull,
  formatTimespan,
  MIN_DATETIME_TICKS,
  parseDatetime,
  parseTimespan,
  TICKS_PER_DAY,
  TICKS_PER_HOUR,
  TICKS_PER_MINUTE,
  TICKS_PER_MS,
  TICKS_PER_SECOND,
} from './values';

export interface CallContext {
  readonly argTypes: readonly KustoType[];
  readonly resultType: KustoType;
  readonly nowTicks: bigint;
}

export type ScalarFunction = (args: unknown[], context: CallContext) => unknown;

const isNull = (v: unknown): v is null | undefined => v === null || v === undefined;

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

function formatNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  return String(value);
}

function toNumber(value: unknown): number | null {
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

function toLong(value: unknown): number | null {
  const number = toNumber(value);
  if (number === null || !Number.isFinite(number)) return null;
  return Math.trunc(number);
}

function toBool(value: unknown): boolean | null {
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

function toDatetime(value: unknown, type: KustoType | undefined): bigint | null {
  if (isNull(value)) return null;
  if (typeof value === 'bigint') return type === 'timespan' ? null : value;
  if (typeof value === 'string') return parseDatetime(value);
  if (typeof value === 'number') return BigInt(Math.trunc(value));
  return null;
}

function toTimespan(value: unknown): bigint | null {
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

// ---------- string predicates ----------

const isTermChar = (code: number) =>
  (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code > 127;

function termAt(
  haystack: string,
  needle: string,
  from: number,
  needStart: boolean,
  needEnd: boolean,
): boolean {
  let index = haystack.indexOf(needle, from);
  const checkStart = needStart && needle.length > 0 && isTermChar(needle.charCodeAt(0));
  const checkEnd = needEnd && needle.length > 0 && isTermChar(needle.charCodeAt(needle.length - 1));
  while (index >= 0) {
    const startOk = !checkStart || index === 0 || !isTermChar(haystack.charCodeAt(index - 1));
    const end = index + needle.length;
    const endOk = !checkEnd || end === haystack.length || !isTermChar(haystack.charCodeAt(end));
    if (startOk && endOk) return true;
    index = haystack.indexOf(needle, index + 1);
  }
  return false;
}

/** `has`: whole-term match (the needle's first and last characters must sit on term boundaries). */
export function hasTerm(haystack: string, needle: string, caseSensitive: boolean): boolean {
  if (needle.length === 0) return true;
  return caseSensitive
    ? termAt(haystack, needle, 0, true, true)
    : termAt(haystack.toLowerCase(), needle.toLowerCase(), 0, true, true);
}

function hasPrefix(haystack: string, needle: string, caseSensitive: boolean): boolean {
  return caseSensitive
    ? termAt(haystack, needle, 0, true, false)
    : termAt(haystack.toLowerCase(), needle.toLowerCase(), 0, true, false);
}

function hasSuffix(haystack: string, needle: string, caseSensitive: boolean): boolean {
  return caseSensitive
    ? termAt(haystack, needle, 0, false, true)
    : termAt(haystack.toLowerCase(), needle.toLowerCase(), 0, false, true);
}

const lower = (value: unknown, type?: KustoType) => toStringValue(value, type).toLowerCase();
const str = (value: unknown, type?: KustoType) => toStringValue(value, type);

type StringPredicate = (a: string, b: string) => boolean;
const STRING_PREDICATES: Record<string, StringPredicate> = {
  has: (a, b) => hasTerm(a, b, false),
  has_cs: (a, b) => hasTerm(a, b, true),
  hasprefix: (a, b) => hasPrefix(a, b, false),
  hasprefix_cs: (a, b) => hasPrefix(a, b, true),
  hassuffix: (a, b) => hasSuffix(a, b, false),
  hassuffix_cs: (a, b) => hasSuffix(a, b, true),
  contains: (a, b) => a.toLowerCase().includes(b.toLowerCase()),
  contains_cs: (a, b) => a.includes(b),
  startswith: (a, b) => a.toLowerCase().startsWith(b.toLowerCase()),
  startswith_cs: (a, b) => a.startsWith(b),
  endswith: (a, b) => a.toLowerCase().endsWith(b.toLowerCase()),
  endswith_cs: (a, b) => a.endsWith(b),
  '=~': (a, b) => a.toLowerCase() === b.toLowerCase(),
  like: (a, b) => a.includes(b),
};

export function stringPredicate(name: string): StringPredicate | undefined {
  const direct = STRING_PREDICATES[name];
  if (direct) return direct;
  if (name.startsWith('!')) {
    const positive =
      STRING_PREDICATES[name.slice(1)] ?? (name === '!~' ? STRING_PREDICATES['=~'] : undefined);
    if (positive) return (a, b) => !positive(a, b);
  }
  if (name === '!~') return (a, b) => a.toLowerCase() !== b.toLowerCase();
  return undefined;
}

// ---------- regex ----------

/** Kusto's regexes are RE2: every pattern goes through ./regex (linear time, RE2 syntax and errors). */
export const regex = compileRegex;

// ---------- datetime helpers ----------

function dateOf(ticks: bigint): Date {
  return new Date(Number(floorDiv(ticks, TICKS_PER_MS)));
}

function ticksOfDate(date: Date): bigint {
  return BigInt(date.getTime()) * TICKS_PER_MS;
}

function startOfDay(ticks: bigint): bigint {
  return floorDiv(ticks, TICKS_PER_DAY) * TICKS_PER_DAY;
}

function startOfWeek(ticks: bigint): bigint {
  const day = startOfDay(ticks);
  const weekday = dateOf(day).getUTCDay();
  return day - BigInt(weekday) * TICKS_PER_DAY;
}

function startOfMonth(ticks: bigint): bigint {
  const date = dateOf(ticks);
  return ticksOfDate(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1)));
}

function startOfYear(ticks: bigint): bigint {
  const date = dateOf(ticks);
  return ticksOfDate(new Date(Date.UTC(date.getUTCFullYear(), 0, 1)));
}

function addMonths(ticks: bigint, months: number): bigint {
  const date = dateOf(ticks);
  const sub = ticks - BigInt(date.getTime()) * TICKS_PER_MS;
  const target = new Date(date.getTime());
  const day = date.getUTCDate();
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return BigInt(target.getTime()) * TICKS_PER_MS + sub;
}

const PART_TICKS: Record<string, bigint> = {
  week: 7n * TICKS_PER_DAY,
  day: TICKS_PER_DAY,
  hour: TICKS_PER_HOUR,
  minute: TICKS_PER_MINUTE,
  second: TICKS_PER_SECOND,
  millisecond: TICKS_PER_MS,
  microsecond: 10n,
  nanosecond: 1n,
};

function normalizePart(part: string): string {
  const p = part.toLowerCase().trim();
  const aliases: Record<string, string> = {
    years: 'year',
    quarters: 'quarter',
    months: 'month',
    weeks: 'week',
    days: 'day',
    hours: 'hour',
    minutes: 'minute',
    seconds: 'second',
    milliseconds: 'millisecond',
    microseconds: 'microsecond',
    nanoseconds: 'nanosecond',
    dayofyear: 'dayofyear',
    weekofyear: 'week_of_year',
  };
  return aliases[p] ?? p;
}

function datetimeAdd(part: string, amount: number, ticks: bigint): bigint {
  const p = normalizePart(part);
  if (p === 'year') return addMonths(ticks, amount * 12);
  if (p === 'quarter') return addMonths(ticks, amount * 3);
  if (p === 'month') return addMonths(ticks, amount);
  const unit = PART_TICKS[p];
  if (unit === undefined) throw new Error(`datetime_add: unknown part '${part}'`);
  return ticks + (BigInt(amount) * (p === 'nanosecond' ? 1n : unit)) / (p === 'nanosecond' ? 100n : 1n);
}

function datetimeDiff(part: string, a: bigint, b: bigint): number {
  const p = normalizePart(part);
  const da = dateOf(a);
  const db = dateOf(b);
  if (p === 'year') return da.getUTCFullYear() - db.getUTCFullYear();
  if (p === 'quarter')
    return (
      (da.getUTCFullYear() - db.getUTCFullYear()) * 4 +
      (Math.floor(da.getUTCMonth() / 3) - Math.floor(db.getUTCMonth() / 3))
    );
  if (p === 'month')
    return (da.getUTCFullYear() - db.getUTCFullYear()) * 12 + (da.getUTCMonth() - db.getUTCMonth());
  if (p === 'week') return Number((startOfWeek(a) - startOfWeek(b)) / (7n * TICKS_PER_DAY));
  const unit = PART_TICKS[p];
  if (unit === undefined) throw new Error(`datetime_diff: unknown part '${part}'`);
  if (p === 'nanosecond') return Number(a - b) * 100;
  return Number(floorDiv(a, unit) - floorDiv(b, unit));
}

function datetimePart(part: string, ticks: bigint): number {
  const p = normalizePart(part);
  const date = dateOf(ticks);
  switch (p) {
    case 'year':
      return date.getUTCFullYear();
    case 'quarter':
      return Math.floor(date.getUTCMonth() / 3) + 1;
    case 'month':
      return date.getUTCMonth() + 1;
    case 'week_of_year':
    case 'week':
      return isoWeek(date);
    case 'day':
      return date.getUTCDate();
    case 'dayofyear':
      return dayOfYear(date);
    case 'hour':
      return date.getUTCHours();
    case 'minute':
      return date.getUTCMinutes();
    case 'second':
      return date.getUTCSeconds();
    case 'millisecond':
      return date.getUTCMilliseconds();
    case 'microsecond':
      return Number((ticks % TICKS_PER_SECOND) / 10n);
    case 'nanosecond':
      return Number(ticks % TICKS_PER_SECOND) * 100;
    default:
      throw new Error(`datetime_part: unknown part '${part}'`);
  }
}

function dayOfYear(date: Date): number {
  return Math.floor((date.getTime() - Date.UTC(date.getUTCFullYear(), 0, 1)) / 86_400_000) + 1;
}

function isoWeek(date: Date): number {
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const day = target.getUTCDay() || 7;
  target.setUTCDate(target.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(target.getUTCFullYear(), 0, 1);
  return Math.ceil(((target.getTime() - yearStart) / 86_400_000 + 1) / 7);
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function formatDatetimeWith(ticks: bigint, format: string): string {
  const date = dateOf(ticks);
  const fractionDigits = String(((ticks % TICKS_PER_SECOND) + TICKS_PER_SECOND) % TICKS_PER_SECOND).padStart(
    7,
    '0',
  );
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return format.replace(/(d{1,4}|f{1,7}|F{1,7}|h{1,2}|H{1,2}|m{1,2}|M{1,4}|s{1,2}|y{1,4}|tt|t)/g, (token) => {
    const c = token[0]!;
    const n = token.length;
    switch (c) {
      case 'd':
        return n === 1
          ? String(date.getUTCDate())
          : n === 2
            ? pad(date.getUTCDate())
            : n === 3
              ? DAY_NAMES[date.getUTCDay()]!.slice(0, 3)
              : DAY_NAMES[date.getUTCDay()]!;
      case 'f':
        return fractionDigits.slice(0, n);
      case 'F':
        return fractionDigits.slice(0, n).replace(/0+$/, '');
      case 'h': {
        const h = date.getUTCHours() % 12 || 12;
        return n === 1 ? String(h) : pad(h);
      }
      case 'H':
        return n === 1 ? String(date.getUTCHours()) : pad(date.getUTCHours());
      case 'm':
        return n === 1 ? String(date.getUTCMinutes()) : pad(date.getUTCMinutes());
      case 'M':
        return n === 1
          ? String(date.getUTCMonth() + 1)
          : n === 2
            ? pad(date.getUTCMonth() + 1)
            : n === 3
              ? MONTH_NAMES[date.getUTCMonth()]!.slice(0, 3)
              : MONTH_NAMES[date.getUTCMonth()]!;
      case 's':
        return n === 1 ? String(date.getUTCSeconds()) : pad(date.getUTCSeconds());
      case 'y': {
        const y = date.getUTCFullYear();
        return n === 1 ? String(y % 100) : n === 2 ? pad(y % 100) : pad(y, n);
      }
      case 't':
        return (date.getUTCHours() < 12 ? 'AM' : 'PM').slice(0, n);
      default:
        return token;
    }
  });
}

function formatTimespanWith(ticks: bigint, format: string): string {
  const negative = ticks < 0n;
  const t = negative ? -ticks : ticks;
  const days = Number(t / TICKS_PER_DAY);
  const hours = Number((t % TICKS_PER_DAY) / TICKS_PER_HOUR);
  const minutes = Number((t % TICKS_PER_HOUR) / TICKS_PER_MINUTE);
  const seconds = Number((t % TICKS_PER_MINUTE) / TICKS_PER_SECOND);
  const fraction = String(t % TICKS_PER_SECOND).padStart(7, '0');
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return (
    (negative ? '-' : '') +
    format.replace(/(d{1,8}|f{1,7}|F{1,7}|h{1,2}|H{1,2}|m{1,2}|s{1,2})/g, (token) => {
      const c = token[0]!;
      const n = token.length;
      switch (c) {
        case 'd':
          return pad(days, n);
        case 'f':
          return fraction.slice(0, n);
        case 'F':
          return fraction.slice(0, n).replace(/0+$/, '');
        case 'h':
        case 'H':
          return pad(hours, n);
        case 'm':
          return pad(minutes, n);
        case 's':
          return pad(seconds, n);
        default:
          return token;
      }
    })
  );
}

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

function arrayOf(value: unknown): unknown[] | null {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') {
    const parsed = parseJsonValue(value);
    if (Array.isArray(parsed)) return parsed;
  }
  return null;
}

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

function sha256(text: string): string {
  // Small pure implementation: the engine runs in Node and in a worker without crypto.subtle being synchronous.
  const bytes = new TextEncoder().encode(text);
  const K = new Uint32Array([
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
  ]);
  const H = new Uint32Array([
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  ]);
  const length = bytes.length;
  const padded = new Uint8Array(Math.ceil((length + 9) / 64) * 64);
  padded.set(bytes);
  padded[length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 4, length * 8);
  view.setUint32(padded.length - 8, Math.floor((length * 8) / 2 ** 32));
  const W = new Uint32Array(64);
  const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));
  for (let offset = 0; offset < padded.length; offset += 64) {
    for (let i = 0; i < 16; i++) W[i] = view.getUint32(offset + i * 4);
    for (let i = 16; i < 64; i++) {
      const s0 = rotr(W[i - 15]!, 7) ^ rotr(W[i - 15]!, 18) ^ (W[i - 15]! >>> 3);
      const s1 = rotr(W[i - 2]!, 17) ^ rotr(W[i - 2]!, 19) ^ (W[i - 2]! >>> 10);
      W[i] = (W[i - 16]! + s0 + W[i - 7]! + s1) >>> 0;
    }
    let [a, b, c, d, e, f, g, h] = H as unknown as number[];
    for (let i = 0; i < 64; i++) {
      const S1 = rotr(e!, 6) ^ rotr(e!, 11) ^ rotr(e!, 25);
      const ch = (e! & f!) ^ (~e! & g!);
      const t1 = (h! + S1 + ch + K[i]! + W[i]!) >>> 0;
      const S0 = rotr(a!, 2) ^ rotr(a!, 13) ^ rotr(a!, 22);
      const maj = (a! & b!) ^ (a! & c!) ^ (b! & c!);
      const t2 = (S0 + maj) >>> 0;
      h = g;
      g = f;
      f = e;
      e = (d! + t1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) >>> 0;
    }
    H[0] = (H[0]! + a!) >>> 0;
    H[1] = (H[1]! + b!) >>> 0;
    H[2] = (H[2]! + c!) >>> 0;
    H[3] = (H[3]! + d!) >>> 0;
    H[4] = (H[4]! + e!) >>> 0;
    H[5] = (H[5]! + f!) >>> 0;
    H[6] = (H[6]! + g!) >>> 0;
    H[7] = (H[7]! + h!) >>> 0;
  }
  return [...H].map((x) => x.toString(16).padStart(8, '0')).join('');
}

function splitString(text: string, delimiter: string): string[] {
  return delimiter === '' ? [text] : text.split(delimiter);
}

function roundTo(value: number, digits: number): number {
  const factor = 10 ** digits;
  const scaled = value * factor;
  // Round half away from zero, like .NET's MidpointRounding.AwayFromZero used by Kusto.
  const rounded = Math.sign(scaled) * Math.round(Math.abs(scaled) + 1e-9 * 0);
  return rounded / factor;
}

function parseUrl(text: string): unknown {
  try {
    const url = new URL(text);
    const query: Record<string, string> = {};
    url.searchParams.forEach((value, key) => (query[key] = value));
    return {
      Scheme: url.protocol.replace(/:$/, ''),
      Host: url.hostname,
      Port: url.port,
      Path: url.pathname,
      Username: url.username,
      Password: url.password,
      'Query Parameters': query,
      Fragment: url.hash.replace(/^#/, ''),
    };
  } catch {
    return {};
  }
}

/**
 * parse_path(): an optional scheme (`file://`), an optional long-path prefix (`\\?\`), a drive (`C:`) as the root,
 * either kind of slash, and an alternate data stream after a colon in the file name (`file.txt:some.exe`).
 */
function parsePath(text: string): unknown {
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(text);
  const path = scheme ? text.slice(scheme[0].length) : text;
  const rooted = path.replace(/^[\\/]{2}\?[\\/]/, '');
  const separator = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  const directoryPath = separator >= 0 ? path.slice(0, separator) : '';
  const leaf = path.slice(separator + 1);
  const streamColon = leaf.indexOf(':');
  const filename = streamColon >= 0 ? leaf.slice(0, streamColon) : leaf;
  const dot = filename.lastIndexOf('.');
  return {
    Scheme: scheme?.[1] ?? '',
    RootPath: /^[A-Za-z]:/.exec(rooted)?.[0] ?? '',
    DirectoryPath: directoryPath,
    DirectoryName: directoryPath.split(/[\\/]/).pop() ?? '',
    Filename: filename,
    Extension: dot >= 0 ? filename.slice(dot + 1) : '',
    AlternateDataStreamName: streamColon >= 0 ? leaf.slice(streamColon + 1) : '',
  };
}

// The pattern is compiled alone first, so that RE2's error names what the author wrote.
function trimStart(pattern: string, text: string): string {
  regex(pattern);
  const match = regex(`^(?:${pattern})+`).exec(text);
  return match ? text.slice(match.end) : text;
}

function trimEnd(pattern: string, text: string): string {
  regex(pattern);
  const match = regex(`(?:${pattern})+$`).exec(text);
  return match ? text.slice(0, match.index) : text;
}

function extract(pattern: string, group: number, text: string, type: KustoType): unknown {
  const match = regex(pattern).exec(text);
  if (!match) return type === 'string' ? '' : null;
  const value = match.groups[group];
  if (value === undefined) return type === 'string' ? '' : null;
  return convertTo(value, type);
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

function numbers(args: unknown[]): number[] | null {
  const result: number[] = [];
  for (const arg of args) {
    const n = toNumber(arg);
    if (n === null) return null;
    result.push(n);
  }
  return result;
}

function math1(f: (x: number) => number): ScalarFunction {
  return ([x]) => {
    const n = toNumber(x);
    return n === null ? null : f(n);
  };
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

export const FUNCTIONS: Record<string, ScalarFunction> = {
  ...CATALOG_ADDITIONS,
  ...SERIES_FUNCTIONS,
  ...IP_FUNCTIONS,
  ...IPV4_FUNCTIONS,
  ...BASE64_FUNCTIONS,
  ...HASH_FUNCTIONS,
  ...UNIT_FUNCTIONS,
  ...TEXT_FUNCTIONS,
  ...MATH_FUNCTIONS,
  ...TIMEZONE_FUNCTIONS,
  ...GEO_FUNCTIONS,
  ...GEO_CELL_FUNCTIONS,
  ...GEO_BUFFER_FUNCTIONS,
  ...GEO_LINE_FUNCTIONS,
  ...GEO_WKT_FUNCTIONS,
  // conversions
  tostring: ([v], c) => toStringValue(v, c.argTypes[0]),
  toint: ([v]) => {
    const n = toLong(v);
    return n === null ? null : n | 0;
  },
  tolong: ([v]) => toLong(v),
  toreal: ([v]) => toNumber(v),
  todouble: ([v]) => toNumber(v),
  todecimal: ([v]) => toNumber(v),
  tobool: ([v]) => toBool(v),
  toboolean: ([v]) => toBool(v),
  todatetime: ([v], c) => toDatetime(v, c.argTypes[0]),
  totimespan: ([v]) => toTimespan(v),
  toguid: ([v]) =>
    isNull(v)
      ? null
      : /^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i.test(String(v))
        ? String(v).toLowerCase()
        : null,
  todynamic: ([v]) => parseJsonValue(v),
  parse_json: ([v]) => parseJsonValue(v),
  parsejson: ([v]) => parseJsonValue(v),
  toobject: ([v]) => parseJsonValue(v),
  tohex: ([v, width]) => {
    const n = toLong(v);
    if (n === null) return null;
    const hex = (n < 0 ? BigInt.asUintN(64, BigInt(n)) : BigInt(n)).toString(16);
    return width === undefined || width === null ? hex : hex.padStart(Number(width), '0');
  },
  tolower: ([v]) => str(v).toLowerCase(),
  toupper: ([v]) => str(v).toUpperCase(),
  // strings
  strlen: ([v]) => [...str(v)].length,
  strcat: (args, c) => args.map((a, i) => toStringValue(a, c.argTypes[i])).join(''),
  strcat_delim: ([delimiter, ...rest], c) =>
    rest.map((a, i) => toStringValue(a, c.argTypes[i + 1])).join(str(delimiter)),
  strcat_array: ([array, delimiter]) =>
    (arrayOf(array) ?? []).map((v) => toStringValue(v)).join(str(delimiter)),
  substring: ([v, start, length]) => {
    const chars = [...str(v)];
    let from = Number(start ?? 0);
    if (from < 0) from = 0;
    const count = length === undefined || length === null ? chars.length : Number(length);
    return chars.slice(from, from + Math.max(0, count)).join('');
  },
  indexof: ([v, lookup, start, length, occurrence]) => {
    const text = str(v);
    const needle = str(lookup);
    let from = toLong(start) ?? 0;
    if (from < 0) from = Math.max(0, text.length + from);
    if (from > text.length) return -1;
    const count = toLong(length);
    const wanted = toLong(occurrence) ?? 1;
    if (wanted <= 0) return -1;
    // Each search for the next occurrence examines `length` positions from where it starts (one past the previous
    // match), as the docs' indexof("abcdefgabcdefg", "cde", 1, 10, 2) == 9 shows.
    let index = -1;
    for (let n = 0; n < wanted; n++) {
      const end = count === null || count < 0 ? text.length : Math.min(text.length, from + count);
      index = text.indexOf(needle, from);
      if (index < 0 || index + needle.length > end) return -1;
      from = index + 1;
    }
    return index;
  },
  countof: ([v, search, kind]) => {
    const text = str(v);
    const needle = str(search);
    if (needle === '') return 0;
    if (str(kind) === 'regex') {
      let count = 0;
      for (const matches = regex(needle).matchAll(text); !matches.next().done;) count++;
      return count;
    }
    let count = 0;
    let index = text.indexOf(needle);
    while (index >= 0) {
      count++;
      index = text.indexOf(needle, index + needle.length);
    }
    return count;
  },
  split: ([v, delimiter, index]) => {
    const parts = splitString(str(v), str(delimiter));
    if (index === undefined || index === null) return parts;
    const i = Number(index);
    return i >= 0 && i < parts.length ? [parts[i]] : [];
  },
  replace_string: ([v, lookup, rewrite]) =>
    str(lookup) === '' ? str(v) : str(v).split(str(lookup)).join(str(rewrite)),
  replace: ([pattern, rewrite, v]) => regex(str(pattern)).replaceAll(str(v), str(rewrite)),
  replace_regex: ([v, pattern, rewrite]) => regex(str(pattern)).replaceAll(str(v), str(rewrite)),
  trim: ([pattern, v]) => trimEnd(str(pattern), trimStart(str(pattern), str(v))),
  trim_start: ([pattern, v]) => trimStart(str(pattern), str(v)),
  trim_end: ([pattern, v]) => trimEnd(str(pattern), str(v)),
  reverse: ([v], c) => [...toStringValue(v, c.argTypes[0])].reverse().join(''),
  extract: ([pattern, group, v, type], c) =>
    extract(str(pattern), Number(group), str(v), isNull(type) ? 'string' : c.resultType),
  extract_all: ([pattern, groupsOrText, maybeText]) => {
    const text = str(maybeText === undefined ? groupsOrText : maybeText);
    const matches = [...regex(str(pattern)).matchAll(text)].map((match) => match.groups);
    if (matches.length === 0) return null;
    const groups = maybeText === undefined ? null : (arrayOf(groupsOrText) as number[] | null);
    return matches.map((match) => {
      if (groups) return groups.map((g) => match[g] ?? '');
      if (match.length > 2) return match.slice(1).map((g) => g ?? '');
      return match[1] ?? match[0];
    });
  },
  strcmp: ([a, b]) => {
    const x = str(a);
    const y = str(b);
    return x < y ? -1 : x > y ? 1 : 0;
  },
  string_size: ([v]) => new TextEncoder().encode(str(v)).length,
  isascii: ([v]) => [...str(v)].every((ch) => ch.charCodeAt(0) < 128),
  url_decode: ([v]) => {
    try {
      return decodeURIComponent(str(v).replace(/\+/g, ' '));
    } catch {
      return null;
    }
  },
  url_encode: ([v]) => encodeURIComponent(str(v)).replace(/%20/g, '+'),
  url_encode_component: ([v]) => encodeURIComponent(str(v)),
  hash_sha256: ([v], c) => sha256(toStringValue(v, c.argTypes[0])),
  unicode_codepoints_from_string: ([v]) => [...str(v)].map((ch) => ch.codePointAt(0)),
  unicode_codepoints_to_string: (args) => {
    const points = args.length === 1 && Array.isArray(args[0]) ? args[0] : args;
    return String.fromCodePoint(...(points as number[]));
  },
  make_string: (args) => {
    const points = args.flatMap((a) => (Array.isArray(a) ? a : [a]));
    return String.fromCodePoint(...(points as number[]));
  },
  parse_url: ([v]) => parseUrl(str(v)),
  parse_urlquery: ([v]) => {
    const query: Record<string, string> = {};
    new URLSearchParams(str(v).replace(/^\?/, '')).forEach((value, key) => (query[key] = value));
    return { 'Query Parameters': query };
  },
  parse_path: ([v]) => parsePath(str(v)),
  parse_command_line: ([v]) =>
    str(v)
      .match(/"[^"]*"|\S+/g)
      ?.map((s) => s.replace(/^"|"$/g, '')) ?? [],
  parse_csv: ([v]) => str(v).split(','),
  parse_version: ([v]) => {
    const parts = str(v).split('.');
    if (parts.length < 1 || parts.length > 4 || parts.some((p) => !/^\d+$/.test(p))) return null;
    return Number(
      parts
        .map((p) => p.padStart(8, '0'))
        .concat(Array(4 - parts.length).fill('00000000'))
        .join(''),
    );
  },
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
  // datetime
  now: ([offset], c) => c.nowTicks + (typeof offset === 'bigint' ? offset : 0n),
  ago: ([span], c) => (typeof span === 'bigint' ? c.nowTicks - span : null),
  datetime_add: ([part, amount, dt]) =>
    typeof dt === 'bigint' && !isNull(amount) ? datetimeAdd(str(part), Number(amount), dt) : null,
  datetime_diff: ([part, a, b]) =>
    typeof a === 'bigint' && typeof b === 'bigint' ? datetimeDiff(str(part), a, b) : null,
  datetime_part: ([part, dt]) => (typeof dt === 'bigint' ? datetimePart(str(part), dt) : null),
  getyear: ([dt]) => (typeof dt === 'bigint' ? dateOf(dt).getUTCFullYear() : null),
  getmonth: ([dt]) => (typeof dt === 'bigint' ? dateOf(dt).getUTCMonth() + 1 : null),
  monthofyear: ([dt]) => (typeof dt === 'bigint' ? dateOf(dt).getUTCMonth() + 1 : null),
  dayofmonth: ([dt]) => (typeof dt === 'bigint' ? dateOf(dt).getUTCDate() : null),
  dayofyear: ([dt]) => (typeof dt === 'bigint' ? dayOfYear(dateOf(dt)) : null),
  hourofday: ([dt]) => (typeof dt === 'bigint' ? dateOf(dt).getUTCHours() : null),
  week_of_year: ([dt]) => (typeof dt === 'bigint' ? isoWeek(dateOf(dt)) : null),
  weekofyear: ([dt]) => (typeof dt === 'bigint' ? isoWeek(dateOf(dt)) : null),
  dayofweek: ([dt]) => (typeof dt === 'bigint' ? BigInt(dateOf(dt).getUTCDay()) * TICKS_PER_DAY : null),
  startofday: ([dt, offset]) =>
    typeof dt === 'bigint' ? startOfDay(dt) + BigInt(Number(offset ?? 0)) * TICKS_PER_DAY : null,
  endofday: ([dt, offset]) =>
    typeof dt === 'bigint' ? startOfDay(dt) + BigInt(Number(offset ?? 0) + 1) * TICKS_PER_DAY - 1n : null,
  startofweek: ([dt, offset]) =>
    typeof dt === 'bigint' ? startOfWeek(dt) + BigInt(Number(offset ?? 0)) * 7n * TICKS_PER_DAY : null,
  endofweek: ([dt, offset]) =>
    typeof dt === 'bigint'
      ? startOfWeek(dt) + BigInt(Number(offset ?? 0) + 1) * 7n * TICKS_PER_DAY - 1n
      : null,
  startofmonth: ([dt, offset]) =>
    typeof dt === 'bigint' ? addMonths(startOfMonth(dt), Number(offset ?? 0)) : null,
  endofmonth: ([dt, offset]) =>
    typeof dt === 'bigint' ? addMonths(startOfMonth(dt), Number(offset ?? 0) + 1) - 1n : null,
  startofyear: ([dt, offset]) =>
    typeof dt === 'bigint' ? addMonths(startOfYear(dt), 12 * Number(offset ?? 0)) : null,
  endofyear: ([dt, offset]) =>
    typeof dt === 'bigint' ? addMonths(startOfYear(dt), 12 * (Number(offset ?? 0) + 1)) - 1n : null,
  make_datetime: (args) => {
    const [y, mo, d, h, mi, s] = args.map((a) => (isNull(a) ? 0 : Number(a)));
    if (!y || !mo || !d) return null;
    const whole = Math.floor(s ?? 0);
    const ms = Date.UTC(y, mo - 1, d, h ?? 0, mi ?? 0, whole);
    return BigInt(ms) * TICKS_PER_MS + BigInt(Math.round(((s ?? 0) - whole) * 10_000_000));
  },
  make_timespan: (args) => {
    // Kusto.Language's one-argument form converts its value as totimespan() does.
    if (args.length === 1) return toTimespan(args[0]);
    const values = args.map((a) => Number(a ?? 0));
    const [d, h, m, s] =
      values.length === 2 ? [0, values[0]!, values[1]!, 0] : values.length === 3 ? [0, ...values] : values;
    return BigInt(Math.round(((d ?? 0) * 86400 + (h ?? 0) * 3600 + (m ?? 0) * 60 + (s ?? 0)) * 10_000_000));
  },
  unixtime_seconds_todatetime: ([v]) => (isNull(v) ? null : BigInt(Math.round(Number(v) * 10_000_000))),
  unixtime_milliseconds_todatetime: ([v]) => (isNull(v) ? null : BigInt(Math.round(Number(v) * 10_000))),
  unixtime_microseconds_todatetime: ([v]) => (isNull(v) ? null : BigInt(Math.round(Number(v) * 10))),
  // Exact for a long beyond 2^53 that the double holds exactly (1546300800000000000): divide the integer, not the double.
  unixtime_nanoseconds_todatetime: ([v]) => {
    const nanoseconds = toNumber(v);
    if (nanoseconds === null || !Number.isFinite(nanoseconds)) return null;
    return Number.isInteger(nanoseconds) ? BigInt(nanoseconds) / 100n : BigInt(Math.trunc(nanoseconds / 100));
  },
  format_datetime: ([dt, format]) => (typeof dt === 'bigint' ? formatDatetimeWith(dt, str(format)) : ''),
  format_timespan: ([ts, format]) => (typeof ts === 'bigint' ? formatTimespanWith(ts, str(format)) : ''),
  totimespan_ticks: ([v]) => (isNull(v) ? null : BigInt(v as number)),
  // dynamic
  array_length: ([v]) => arrayOf(v)?.length ?? null,
  pack_array: (args, c) => args.map((a, i) => toDynamic(a, c.argTypes[i] ?? 'dynamic')),
  bag_pack: (args, c) => {
    const bag: Record<string, unknown> = {};
    for (let i = 0; i + 1 < args.length; i += 2)
      bag[toStringValue(args[i])] = toDynamic(args[i + 1], c.argTypes[i + 1] ?? 'dynamic');
    return bag;
  },
  pack: (args, c) => FUNCTIONS['bag_pack']!(args, c),
  pack_dictionary: (args, c) => FUNCTIONS['bag_pack']!(args, c),
  pack_all: ([names, ...values], c) => {
    const bag: Record<string, unknown> = {};
    (names as string[]).forEach(
      (name, i) => (bag[name] = toDynamic(values[i], c.argTypes[i + 1] ?? 'dynamic')),
    );
    return bag;
  },
  bag_keys: ([v]) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.keys(v) : null),
  bag_has_key: ([v, key]) => (v && typeof v === 'object' && !Array.isArray(v) ? str(key) in v : false),
  bag_merge: (args) => {
    const bag: Record<string, unknown> = {};
    for (const arg of args)
      if (arg && typeof arg === 'object' && !Array.isArray(arg))
        for (const [k, v] of Object.entries(arg)) if (!(k in bag)) bag[k] = v;
    return bag;
  },
  bag_remove_keys: ([v, keys]) => {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return null;
    const remove = new Set((arrayOf(keys) ?? []).map(String));
    return Object.fromEntries(Object.entries(v).filter(([k]) => !remove.has(k)));
  },
  bag_set_key: ([v, key, value], c) => {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return null;
    return { ...(v as object), [str(key)]: toDynamic(value, c.argTypes[2] ?? 'dynamic') };
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
  array_sort_asc: ([v]) => {
    const array = arrayOf(v);
    if (!array) return null;
    return array.slice().sort((a, b) => (a === null ? 1 : b === null ? -1 : compareValues(a, b)));
  },
  array_sort_desc: ([v]) => {
    const array = arrayOf(v);
    if (!array) return null;
    return array.slice().sort((a, b) => (a === null ? 1 : b === null ? -1 : -compareValues(a, b)));
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
    FUNCTIONS['array_shift_left']!([v, -Number(shift), fill], {} as CallContext),
  array_rotate_left: ([v, shift]) => {
    const array = arrayOf(v);
    if (!array) return null;
    const n = array.length === 0 ? 0 : ((Number(shift) % array.length) + array.length) % array.length;
    return [...array.slice(n), ...array.slice(0, n)];
  },
  array_rotate_right: ([v, shift]) => FUNCTIONS['array_rotate_left']!([v, -Number(shift)], {} as CallContext),
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
  array_iif: ([conditions, ifTrue, ifFalse], c) => FUNCTIONS['array_iff']!([conditions, ifTrue, ifFalse], c),
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
  dynamic_to_json: ([v]) => JSON.stringify(v ?? null),
  // ip: IPv4 in library/ipv4.ts, IPv6 in library/ip.ts
  // hash() is xxHash64, as Kusto documents it: see library/hash.ts.
  new_guid: () => crypto.randomUUID(),
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
};

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

function seriesStats(values: unknown[]): Record<string, number | null> {
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

export { toNumber, toLong, toBool, toDatetime, toTimespan, arrayOf, str, lower, seriesStats };
