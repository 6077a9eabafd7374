export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** ISO 8601 UTC with milliseconds and Z, the wire format of datetime columns. */
export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** RFC 3339 with microseconds, as the API server writes audit timestamps. */
export function isoMicros(ms: number, micros: number): string {
  const base = new Date(Math.floor(ms)).toISOString();
  return `${base.slice(0, 23)}${String(micros % 1000).padStart(3, '0')}Z`;
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
