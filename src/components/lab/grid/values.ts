import type { KustoType, WireValue } from '../../../kql/types';

/**
 * Text of a cell as the grid shows it. Datetimes and timespans already travel in Kusto's own printed form
 * (ISO 8601 with `Z`, `[-][d.]hh:mm:ss[.fffffff]`), so they are shown as they are; dynamic values are compact JSON.
 * The result is always plain text: the grid renders it as a text node, never as markup.
 */
export function formatCell(value: WireValue, type: KustoType): string {
  if (value === null || value === undefined) return '';
  switch (type) {
    case 'dynamic':
      // A dynamic string shows without quotes, as Kusto's tostring() gives it.
      return typeof value === 'string' ? value : JSON.stringify(value);
    default:
      // Reals: JavaScript's shortest round-trip form, which is what Kusto prints (up to 17 significant digits).
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}

/** A dynamic value that holds an object or an array: shown collapsed with an expand control. */
export function isExpandable(value: WireValue, type: KustoType): boolean {
  return type === 'dynamic' && value !== null && typeof value === 'object';
}

export function prettyJson(value: WireValue): string {
  return JSON.stringify(value, null, 2);
}

const DATETIME = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,7}))?Z$/;

/** Milliseconds since the Unix epoch of a wire datetime (`2024-01-02T03:04:05.1234567Z`), or NaN. */
export function datetimeMs(text: string): number {
  const match = DATETIME.exec(text);
  if (!match) return Number.NaN;
  return Date.parse(`${match[1]}Z`) + Number(`0.${(match[2] ?? '').padEnd(7, '0')}`) * 1000;
}

/**
 * A key whose text order is the datetime's order to the 100-ns tick (milliseconds as a double cannot hold
 * ticks since 1970): the fraction padded to seven digits.
 */
export function datetimeSortKey(text: string): string | undefined {
  const match = DATETIME.exec(text);
  return match ? `${match[1]}.${(match[2] ?? '').padEnd(7, '0')}` : undefined;
}

/** 100-ns ticks of a wire timespan (`[-][d.]hh:mm:ss[.fffffff]`), or NaN. */
export function timespanTicks(text: string): number {
  const match = /^(-)?(?:(\d+)\.)?(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?$/.exec(text);
  if (!match) return Number.NaN;
  const [, minus, days, hours, minutes, seconds, fraction] = match;
  const wholeSeconds =
    Number(days ?? 0) * 86_400 + Number(hours) * 3_600 + Number(minutes) * 60 + Number(seconds);
  const ticks = wholeSeconds * 10_000_000 + Number((fraction ?? '').padEnd(7, '0'));
  return minus ? -ticks : ticks;
}

/** A number that orders values of a numeric, datetime or timespan column; NaN when the value is not one. */
export function numericKey(value: WireValue, type: KustoType): number {
  if (value === null) return Number.NaN;
  switch (type) {
    case 'long':
    case 'int':
    case 'real':
    case 'decimal':
      if (typeof value === 'number') return value;
      if (typeof value === 'string') return Number(value);
      return Number.NaN;
    case 'datetime':
      return typeof value === 'string' ? datetimeMs(value) : Number.NaN;
    case 'timespan':
      return typeof value === 'string' ? timespanTicks(value) : Number.NaN;
    case 'bool':
      return value === true ? 1 : value === false ? 0 : Number.NaN;
    default:
      return Number.NaN;
  }
}

export function isNumericType(type: KustoType): boolean {
  return type === 'long' || type === 'int' || type === 'real' || type === 'decimal';
}

/** Kusto's order: nulls first when ascending, last when descending (as `sort by … asc` does by default). */
export function compareValues(a: WireValue, b: WireValue, type: KustoType): number {
  const aNull = a === null || (typeof a === 'number' && Number.isNaN(a));
  const bNull = b === null || (typeof b === 'number' && Number.isNaN(b));
  if (aNull || bNull) return aNull === bNull ? 0 : aNull ? -1 : 1;
  if (type === 'datetime') {
    const left = datetimeSortKey(String(a)) ?? '';
    const right = datetimeSortKey(String(b)) ?? '';
    return left < right ? -1 : left > right ? 1 : 0;
  }
  if (type === 'string' || type === 'guid') {
    const left = String(a);
    const right = String(b);
    return left < right ? -1 : left > right ? 1 : 0;
  }
  if (type === 'dynamic') {
    const left = JSON.stringify(a);
    const right = JSON.stringify(b);
    return left < right ? -1 : left > right ? 1 : 0;
  }
  const left = numericKey(a, type);
  const right = numericKey(b, type);
  if (Number.isNaN(left) || Number.isNaN(right)) {
    return Number.isNaN(left) === Number.isNaN(right) ? 0 : Number.isNaN(left) ? -1 : 1;
  }
  return left - right;
}
