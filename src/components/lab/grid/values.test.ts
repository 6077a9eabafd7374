import { describe, expect, it } from 'vitest';
import { compareValues, datetimeMs, formatCell, isExpandable, timespanTicks } from './values';

describe('cell formatting', () => {
  it('shows datetimes and timespans as Kusto prints them', () => {
    expect(formatCell('2024-03-01T10:00:00.5Z', 'datetime')).toBe('2024-03-01T10:00:00.5Z');
    expect(formatCell('1.02:03:04', 'timespan')).toBe('1.02:03:04');
  });

  it('shows an empty cell for null and compact JSON for dynamic objects', () => {
    expect(formatCell(null, 'long')).toBe('');
    expect(formatCell({ a: [1, 2] }, 'dynamic')).toBe('{"a":[1,2]}');
    expect(formatCell('text', 'dynamic')).toBe('text');
    expect(isExpandable({ a: 1 }, 'dynamic')).toBe(true);
    expect(isExpandable('x', 'dynamic')).toBe(false);
  });

  it('keeps markup as text', () => {
    expect(formatCell('<img src=x onerror=alert(1)>', 'string')).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('ordering keys', () => {
  it('orders datetimes by instant even when fractions are trimmed', () => {
    expect(datetimeMs('2024-01-01T00:00:00.5Z') - datetimeMs('2024-01-01T00:00:00Z')).toBe(500);
    expect(compareValues('2024-01-01T00:00:00.0000001Z', '2024-01-01T00:00:00Z', 'datetime')).toBeGreaterThan(
      0,
    );
    expect(compareValues('2024-01-01T00:00:00.5Z', '2024-01-01T00:00:00.49Z', 'datetime')).toBeGreaterThan(0);
    expect(datetimeMs('yesterday')).toBeNaN();
  });

  it('reads timespans with days, signs and fractions', () => {
    expect(timespanTicks('00:00:01')).toBe(10_000_000);
    expect(timespanTicks('1.00:00:00')).toBe(864_000_000_000);
    expect(timespanTicks('-00:00:00.5')).toBe(-5_000_000);
  });

  it('puts nulls first and compares numbers numerically', () => {
    expect(compareValues(null, 1, 'long')).toBeLessThan(0);
    expect(compareValues(10, 9, 'long')).toBeGreaterThan(0);
    expect(compareValues('b', 'a', 'string')).toBeGreaterThan(0);
    expect(compareValues('00:01:00', '00:00:59', 'timespan')).toBeGreaterThan(0);
  });
});
