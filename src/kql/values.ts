/**
 * The engine's value model.
 *
 * Kusto counts datetime and timespan in 100-ns ticks. Ticks since the Unix epoch pass 2^53 in 1998, so a double
 * cannot hold them exactly; the engine keeps both as `bigint` ticks (datetime: ticks since 1970-01-01T00:00:00Z,
 * negative before it; timespan: signed ticks). Every other scalar is a plain JS value: long, int, real and decimal
 * are numbers (a long beyond ±2^53 loses precision: a documented limit), bool is boolean, string and guid are
 * strings (a string is never null: ""), dynamic is a JSON value (null, boolean, number, string, array, object).
 * A null cell is `null`.
 */
import type { KustoType, WireValue } from './types';
import { parseJsonText } from './json';

export const TICKS_PER_MS = 10_000n;
export const TICKS_PER_SECOND = 10_000_000n;
export const TICKS_PER_MINUTE = 600_000_000n;
export const TICKS_PER_HOUR = 36_000_000_000n;
export const TICKS_PER_DAY = 864_000_000_000n;
/** 0001-01-01 and 9999-12-31T23:59:59.9999999, Kusto's datetime range, as ticks since the Unix epoch. */
export const MIN_DATETIME_TICKS = -621_355_968_000_000_000n;
export const MAX_DATETIME_TICKS = 2_534_023_007_999_999_999n;

export function ticksFromMs(ms: number): bigint {
  return BigInt(Math.round(ms)) * TICKS_PER_MS;
}

export function msFromTicks(ticks: bigint): number {
  return Number(floorDiv(ticks, TICKS_PER_MS));
}

export function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

export function floorMod(a: bigint, b: bigint): bigint {
  const r = a % b;
  return r !== 0n && r < 0n !== b < 0n ? r + b : r;
}

const ISO_DATETIME =
  /^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2}|UTC|GMT)?\s*$/i;
const COMPACT_DATETIME = /^\s*(\d{4})(\d{2})(\d{2})(?:[T ]?(\d{2})(\d{2})(?:(\d{2}))?)?\s*$/;
const US_DATETIME =
  /^\s*(\d{1,2})[/-](\d{1,2})[/-](\d{4})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|UTC|GMT)?\s*$/i;

/** Parses what `datetime(...)` and `todatetime()` accept; null when the text is not a datetime. */
export function parseDatetime(input: string): bigint | null {
  // Kusto also reads `datetime(2017 - 08 - 01)`: spaces around the date's dashes.
  const text = input
    .trim()
    .replace(/^(['"])(.*)\1$/, '$2')
    .replace(/^(\d{4})\s*-\s*(\d{1,2})\s*-\s*(\d{1,2})/, '$1-$2-$3');
  const us = US_DATETIME.exec(text);
  if (us) {
    const [, mo, d, y, h, mi, s, frac] = us;
    return parseDatetime(`${y}-${mo}-${d}T${h ?? '00'}:${mi ?? '00'}:${s ?? '00'}${frac ? '.' + frac : ''}Z`);
  }
  const match = ISO_DATETIME.exec(text) ?? COMPACT_DATETIME.exec(text);
  if (match) {
    const [, y, mo, d, h, mi, s, frac, zone] = match;
    const ms = Date.UTC(
      Number(y),
      Number(mo) - 1,
      Number(d),
      Number(h ?? 0),
      Number(mi ?? 0),
      Number(s ?? 0),
    );
    if (Number.isNaN(ms)) return null;
    // Date.UTC maps years 0..99 to 1900..1999.
    const fixedMs = Number(y) < 100 ? new Date(ms).setUTCFullYear(Number(y)) : ms;
    let ticks = BigInt(fixedMs) * TICKS_PER_MS;
    if (frac) ticks += BigInt((frac + '0000000').slice(0, 7));
    if (zone && /^[+-]/.test(zone)) {
      const sign = zone.startsWith('-') ? -1n : 1n;
      const digits = zone.replace(':', '');
      const offset =
        BigInt(Number(digits.slice(1, 3))) * TICKS_PER_HOUR +
        BigInt(Number(digits.slice(3, 5))) * TICKS_PER_MINUTE;
      ticks -= sign * offset;
    }
    return ticks;
  }
  if (!/[a-z]/i.test(text)) return null;
  // RFC 822 / RFC 850 forms such as "Sat, 8 Nov 2014 15:05:02 GMT".
  const ms = Date.parse(/(GMT|UTC|Z|[+-]\d{4})\s*$/i.test(text) ? text : `${text} GMT`);
  return Number.isNaN(ms) ? null : BigInt(ms) * TICKS_PER_MS;
}

/** ISO 8601 with `Z`, fractional seconds up to 7 digits with trailing zeros removed (the corpus's format). */
export function formatDatetime(ticks: bigint): string {
  const ms = floorDiv(ticks, TICKS_PER_MS);
  const subMs = floorMod(ticks, TICKS_PER_MS);
  const date = new Date(Number(ms));
  const year = date.getUTCFullYear();
  const yearText = String(year).padStart(4, '0');
  const pad = (n: number) => String(n).padStart(2, '0');
  const fraction = (
    String(date.getUTCMilliseconds()).padStart(3, '0') + String(subMs).padStart(4, '0')
  ).replace(/0+$/, '');
  return (
    `${yearText}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}T${pad(date.getUTCHours())}:` +
    `${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}${fraction ? '.' + fraction : ''}Z`
  );
}

/** `tostring()` of a datetime: ISO 8601 with all seven fractional digits, as Kusto converts it. */
export function formatDatetimeFull(ticks: bigint): string {
  const text = formatDatetime(ticks);
  const fraction = String(floorMod(ticks, TICKS_PER_SECOND)).padStart(7, '0');
  return text.replace(/(\.\d+)?Z$/, `.${fraction}Z`);
}

/** `[-][d.]hh:mm:ss[.fffffff]`, as Kusto prints a timespan. */
export function formatTimespan(ticks: bigint): string {
  const negative = ticks < 0n;
  let rest = negative ? -ticks : ticks;
  const days = rest / TICKS_PER_DAY;
  rest %= TICKS_PER_DAY;
  const hours = rest / TICKS_PER_HOUR;
  rest %= TICKS_PER_HOUR;
  const minutes = rest / TICKS_PER_MINUTE;
  rest %= TICKS_PER_MINUTE;
  const seconds = rest / TICKS_PER_SECOND;
  const fraction = rest % TICKS_PER_SECOND;
  const pad = (n: bigint) => String(n).padStart(2, '0');
  return (
    `${negative ? '-' : ''}${days > 0n ? `${days}.` : ''}${pad(hours)}:${pad(minutes)}:${pad(seconds)}` +
    (fraction > 0n ? '.' + String(fraction).padStart(7, '0') : '')
  );
}

const TIMESPAN_UNITS: Record<string, bigint> = {
  d: TICKS_PER_DAY,
  day: TICKS_PER_DAY,
  days: TICKS_PER_DAY,
  h: TICKS_PER_HOUR,
  hr: TICKS_PER_HOUR,
  hrs: TICKS_PER_HOUR,
  hour: TICKS_PER_HOUR,
  hours: TICKS_PER_HOUR,
  m: TICKS_PER_MINUTE,
  min: TICKS_PER_MINUTE,
  minute: TICKS_PER_MINUTE,
  minutes: TICKS_PER_MINUTE,
  s: TICKS_PER_SECOND,
  sec: TICKS_PER_SECOND,
  second: TICKS_PER_SECOND,
  seconds: TICKS_PER_SECOND,
  ms: TICKS_PER_MS,
  milli: TICKS_PER_MS,
  millis: TICKS_PER_MS,
  millisecond: TICKS_PER_MS,
  milliseconds: TICKS_PER_MS,
  microsecond: 10n,
  microseconds: 10n,
  tick: 1n,
  ticks: 1n,
};

/** Multiplies a decimal text (e.g. "1.5") by a tick unit exactly. */
function scaleDecimal(text: string, unit: bigint): bigint {
  const negative = text.startsWith('-');
  const [whole = '0', frac = ''] = text.replace(/^[-+]/, '').split('.');
  const scale = 10n ** BigInt(frac.length);
  const value = (BigInt(whole || '0') * scale + BigInt(frac || '0')) * unit;
  const result = value / scale;
  return negative ? -result : result;
}

/** Parses a timespan literal (`1.5h`, `30m`, `2d`, `100ms`) or Kusto's printed form (`1.02:03:04.5`). */
export function parseTimespan(text: string): bigint | null {
  const trimmed = text.trim();
  const literal = /^([-+]?\d+(?:\.\d+)?)\s*([a-z]+)$/i.exec(trimmed);
  if (literal) {
    const unit = TIMESPAN_UNITS[literal[2]!.toLowerCase()];
    return unit === undefined ? null : scaleDecimal(literal[1]!, unit);
  }
  const clock = /^(-)?(?:(\d+)\.)?(\d+):(\d{1,2})(?::(\d{1,2})(?:\.(\d{1,7}))?)?$/.exec(trimmed);
  if (clock) {
    const [, minus, d, h, m, s, f] = clock;
    const ticks =
      BigInt(d ?? 0) * TICKS_PER_DAY +
      BigInt(h!) * TICKS_PER_HOUR +
      BigInt(m!) * TICKS_PER_MINUTE +
      BigInt(s ?? 0) * TICKS_PER_SECOND +
      BigInt(((f ?? '') + '0000000').slice(0, 7));
    return minus ? -ticks : ticks;
  }
  if (/^[-+]?\d+$/.test(trimmed)) return BigInt(trimmed) * TICKS_PER_DAY;
  return null;
}

/** A real number in wire format: NaN and infinities as strings (JSON has no literal for them). */
function wireReal(value: number): WireValue {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  return value;
}

/** Formats one engine value of the given type to the wire/corpus format. */
export function toWireValue(value: unknown, type: KustoType): WireValue {
  if (value === null || value === undefined) return type === 'string' ? '' : null;
  switch (type) {
    case 'datetime':
      return formatDatetime(value as bigint);
    case 'timespan':
      return formatTimespan(value as bigint);
    case 'real':
      return wireReal(value as number);
    case 'decimal':
      return typeof value === 'number' ? String(value) : (value as string);
    case 'dynamic':
      return value as WireValue;
    case 'long':
    case 'int':
      return typeof value === 'bigint' ? Number(value) : (value as number);
    default:
      return value as WireValue;
  }
}

/** Converts one wire value (as read from NDJSON) to the engine's value of the given type. */
export function fromWireValue(value: unknown, type: KustoType): unknown {
  if (value === null || value === undefined) return type === 'string' ? '' : null;
  switch (type) {
    case 'string':
      return typeof value === 'string'
        ? value
        : typeof value === 'object'
          ? JSON.stringify(value)
          : String(value);
    case 'guid':
      return String(value);
    case 'long':
    case 'int':
    case 'real':
    case 'decimal': {
      if (typeof value === 'number') return value;
      if (value === 'NaN') return NaN;
      if (value === 'Infinity') return Infinity;
      if (value === '-Infinity') return -Infinity;
      const number = Number(value);
      return Number.isNaN(number) ? null : number;
    }
    case 'bool':
      if (typeof value === 'boolean') return value;
      if (value === 'true' || value === 1 || value === 'True') return true;
      if (value === 'false' || value === 0 || value === 'False') return false;
      return null;
    case 'datetime':
      if (typeof value === 'number') return ticksFromMs(value);
      return parseDatetime(String(value));
    case 'timespan':
      if (typeof value === 'number') return BigInt(Math.round(value));
      return parseTimespan(String(value));
    case 'dynamic':
      if (typeof value === 'string') {
        try {
          return parseJsonText(value);
        } catch {
          // Not JSON, or nested deeper than the engine holds: the text itself is the value.
          return value;
        }
      }
      return value;
  }
}
