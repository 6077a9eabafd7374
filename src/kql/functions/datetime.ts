/**
 * Dates and times: now/ago, parts, starts and ends of periods, arithmetic, Unix times, formatting.
 */
import {
  floorDiv,
  TICKS_PER_DAY,
  TICKS_PER_HOUR,
  TICKS_PER_MINUTE,
  TICKS_PER_MS,
  TICKS_PER_SECOND,
} from '../values';
import { isNull, type ScalarFunction, str, toNumber, toTimespan } from './helpers';

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

export const DATETIME_FUNCTIONS: Record<string, ScalarFunction> = {
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
};
