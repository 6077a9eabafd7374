export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const THREE_DIGITS = Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, '0'));

// Date#toISOString is slow enough to show in a profile of the audit log, and most timestamps fall in a second
// formatted before: `YYYY-MM-DDTHH:MM:SS.` is kept per second in a cache indexed by the second's low bits
// (producers interleave seconds: a request's receipt and completion, the start times inventories repeat).
const PREFIX_SLOTS = 4_096;
const slotSecond = new Float64Array(PREFIX_SLOTS).fill(Number.NaN);
const slotPrefix = new Array<string>(PREFIX_SLOTS).fill('');

/** `YYYY-MM-DDTHH:MM:SS.` of a whole-ms time of the given second, in years 0–9999; undefined for any other. */
function isoSecondPrefix(second: number): string | undefined {
  const slot = second & (PREFIX_SLOTS - 1);
  if (slotSecond[slot] === second) return slotPrefix[slot];
  const text = new Date(second * 1000).toISOString();
  if (text.length !== 24) return undefined;
  slotSecond[slot] = second;
  return (slotPrefix[slot] = text.slice(0, 20));
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
