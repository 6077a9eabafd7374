import { describe, expect, it } from 'vitest';
import { formatDatetime, formatTimespan, parseDatetime, parseTimespan, toWireValue } from './values';

describe('value model', () => {
  it('keeps datetimes as exact 100-ns ticks beyond 2^53', () => {
    const ticks = parseDatetime('2026-11-26T15:04:05.1234567Z')!;
    expect(ticks > 2n ** 53n).toBe(true);
    expect(formatDatetime(ticks)).toBe('2026-11-26T15:04:05.1234567Z');
    expect(formatDatetime(ticks + 1n)).toBe('2026-11-26T15:04:05.1234568Z');
  });

  it('prints datetimes with Z and without trailing fractional zeros', () => {
    expect(formatDatetime(parseDatetime('2024-01-01 10:00:00.500')!)).toBe('2024-01-01T10:00:00.5Z');
    expect(formatDatetime(parseDatetime('2024-01-01')!)).toBe('2024-01-01T00:00:00Z');
    expect(formatDatetime(parseDatetime('1969-12-31T23:59:59.9999999Z')!)).toBe(
      '1969-12-31T23:59:59.9999999Z',
    );
    expect(formatDatetime(parseDatetime('0001-01-01')!)).toBe('0001-01-01T00:00:00Z');
  });

  it('reads the datetime forms Kusto accepts', () => {
    expect(formatDatetime(parseDatetime('2024-01-01T10:00:00+02:00')!)).toBe('2024-01-01T08:00:00Z');
    expect(formatDatetime(parseDatetime('02/17/2016 08:40:00')!)).toBe('2016-02-17T08:40:00Z');
    expect(formatDatetime(parseDatetime('Sat, 8 Nov 2014 15:05:02 GMT')!)).toBe('2014-11-08T15:05:02Z');
    expect(parseDatetime('not a date')).toBeNull();
  });

  it('prints timespans as [-][d.]hh:mm:ss[.fffffff]', () => {
    expect(formatTimespan(parseTimespan('1.5h')!)).toBe('01:30:00');
    expect(formatTimespan(parseTimespan('2d')!)).toBe('2.00:00:00');
    expect(formatTimespan(parseTimespan('100ms')!)).toBe('00:00:00.1000000');
    expect(formatTimespan(-parseTimespan('1tick')!)).toBe('-00:00:00.0000001');
    expect(formatTimespan(parseTimespan('1.02:03:04.5')!)).toBe('1.02:03:04.5000000');
  });

  it('formats wire values by type', () => {
    expect(toWireValue(null, 'string')).toBe('');
    expect(toWireValue(null, 'long')).toBeNull();
    expect(toWireValue(Number.NaN, 'real')).toBe('NaN');
    expect(toWireValue(-Infinity, 'real')).toBe('-Infinity');
    expect(toWireValue({ a: [1] }, 'dynamic')).toEqual({ a: [1] });
  });
});
