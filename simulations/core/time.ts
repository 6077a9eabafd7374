export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));
const THREE_DIGITS = Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, '0'));
const SECONDS_PER_DAY = 86_400;

// Date#toISOString is slow enough to show in a profile of the audit log, which stamps a new second at nearly
// every call: `YYYY-MM-DDT` is formatted by Date once per day, the time of day from the seconds, and the
// resulting `YYYY-MM-DDTHH:MM:SS.` kept per second in a cache indexed by the second's low bits (producers
// interleave seconds: a request's receipt and completion, the start times inventories repeat).
const DAY_SLOTS = 16;
const slotDay = new Float64Array(DAY_SLOTS).fill(Number.NaN);
const slotDayPrefix = new Array<string>(DAY_SLOTS).fill('');
const PREFIX_SLOTS = 4_096;
const slotSecond = new Float64Array(PREFIX_SLOTS).fill(Number.NaN);
const slotPrefix = new Array<string>(PREFIX_SLOTS).fill('');

/** `YYYY-MM-DDT` of a day since 1970 in years 0–9999, or undefined for any other. */
function isoDayPrefix(day: number): string | undefined {
  const slot = day & (DAY_SLOTS - 1);
  if (slotDay[slot] === day) return slotDayPrefix[slot];
  const text = new Date(day * SECONDS_PER_DAY * 1000).toISOString();
  if (text.length !== 24) return undefined;
  slotDay[slot] = day;
  return (slotDayPrefix[slot] = text.slice(0, 11));
}

/** `YYYY-MM-DDTHH:MM:SS.` of a second since 1970 in years 0–9999, or undefined for any other. */
function isoSecondPrefix(second: number): string | undefined {
  const slot = second & (PREFIX_SLOTS - 1);
  if (slotSecond[slot] === second) return slotPrefix[slot];
  const day = Math.floor(second / SECONDS_PER_DAY);
  const dayPrefix = isoDayPrefix(day);
  if (dayPrefix === undefined) return undefined;
  const ofDay = second - day * SECONDS_PER_DAY;
  const hour = Math.floor(ofDay / 3600);
  const minute = Math.floor((ofDay - hour * 3600) / 60);
  slotSecond[slot] = second;
  return (slotPrefix[slot] =
    `${dayPrefix}${TWO_DIGITS[hour]}:${TWO_DIGITS[minute]}:${TWO_DIGITS[ofDay - hour * 3600 - minute * 60]}.`);
}

/** ISO 8601 UTC with milliseconds and Z, the wire format of datetime columns. */
export function iso(ms: number): string {
  const second = Math.floor(ms / 1000);
  const prefix = Number.isInteger(ms) ? isoSecondPrefix(second) : undefined;
  if (prefix === undefined) return new Date(ms).toISOString();
  return `${prefix}${THREE_DIGITS[ms - second * 1000]}Z`;
}

/** RFC 3339 with microseconds, as the API server writes audit timestamps. */
export function isoMicros(ms: number, micros: number): string {
  const whole = Math.floor(ms);
  const second = Math.floor(whole / 1000);
  const prefix = Number.isInteger(micros) && micros >= 0 ? isoSecondPrefix(second) : undefined;
  if (prefix === undefined) {
    const base = new Date(whole).toISOString();
    return `${base.slice(0, 23)}${String(micros % 1000).padStart(3, '0')}Z`;
  }
  return `${prefix}${THREE_DIGITS[whole - second * 1000]}${THREE_DIGITS[micros % 1000]}Z`;
}

const secondsCache = new Map<number, string>();

/** RFC 3339 to the second, as Kubernetes writes object timestamps (memoised: inventories repeat them). */
export function isoSeconds(ms: number): string {
  const second = Math.floor(ms / 1000);
  let text = secondsCache.get(second);
  if (text === undefined) {
    if (secondsCache.size > 50_000) secondsCache.clear();
    text = `${new Date(second * 1000).toISOString().slice(0, 19)}Z`;
    secondsCache.set(second, text);
  }
  return text;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** nginx `$time_local` in UTC: 26/Nov/2025:13:01:10 +0000 */
export function nginxTime(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(
    d.getUTCMinutes(),
  )}:${pad(d.getUTCSeconds())} +0000`;
}

/** klog header time: I1126 13:01:10.482913 */
export function klogTime(ms: number, micros: number): string {
  const d = new Date(ms);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(
    d.getUTCSeconds(),
  )}.${pad(d.getUTCMilliseconds(), 3)}${pad(micros % 1000, 3)}`;
}
