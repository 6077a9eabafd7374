/**
 * datetime_utc_to_local and datetime_local_to_utc over IANA time zones, read from the platform's Intl data (the same
 * in Node and in browsers, no bundled tables). An unknown zone gives null.
 */
import { str, type ScalarFunction } from './helpers';
import { floorDiv, TICKS_PER_MINUTE, TICKS_PER_MS } from '../values';

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(zone: string): Intl.DateTimeFormat | null {
  let formatter = formatters.get(zone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      formatter = null;
    }
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** The zone's offset from UTC, in ticks, at the given UTC instant. */
export function zoneOffsetTicks(zone: string, utcTicks: bigint): bigint | null {
  const formatter = formatterFor(zone.trim());
  if (!formatter) return null;
  // Whole minutes: every zone in use has offsets in whole minutes, and Intl prints whole seconds.
  const ms = Number(floorDiv(utcTicks, TICKS_PER_MINUTE)) * 60_000;
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(new Date(ms))) parts[part.type] = Number(part.value);
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  // Date.UTC maps years 0..99 to 1900..1999; offsets that far back are not meaningful anyway.
  return BigInt(wall - ms) * TICKS_PER_MS;
}

export function utcToLocal(utcTicks: bigint, zone: string): bigint | null {
  const offset = zoneOffsetTicks(zone, utcTicks);
  return offset === null ? null : utcTicks + offset;
}

/** The UTC instant whose local time is `localTicks`; in a repeated hour the earlier instant, as .NET does. */
export function localToUtc(localTicks: bigint, zone: string): bigint | null {
  const first = zoneOffsetTicks(zone, localTicks);
  if (first === null) return null;
  let utc = localTicks - first;
  const second = zoneOffsetTicks(zone, utc)!;
  if (second !== first) utc = localTicks - second;
  return utc;
}

export const TIMEZONE_FUNCTIONS: Record<string, ScalarFunction> = {
  datetime_utc_to_local: ([dt, zone]) => (typeof dt === 'bigint' ? utcToLocal(dt, str(zone)) : null),
  datetime_local_to_utc: ([dt, zone]) => (typeof dt === 'bigint' ? localToUtc(dt, str(zone)) : null),
};
