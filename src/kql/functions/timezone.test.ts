import { describe, expect, it } from 'vitest';
// Load the catalog first: the library modules are registered by functions.ts, which they import helpers from.
import { FUNCTIONS } from './index';
import { type CallContext } from './helpers';
import { formatDatetime, parseDatetime } from '../values';

const context: CallContext = { argTypes: [], resultType: 'datetime', nowTicks: 0n };
const call = (name: string, iso: string, zone: string) => {
  const result = FUNCTIONS[name]!([parseDatetime(iso), zone], context);
  return typeof result === 'bigint' ? formatDatetime(result) : result;
};

describe('time zone conversion', () => {
  it('datetime_local_to_utc (docs example)', () => {
    expect(call('datetime_local_to_utc', '2020-02-02 20:02:20', 'US/Pacific')).toBe('2020-02-03T04:02:20Z');
    expect(call('datetime_local_to_utc', '2020-02-02 20:02:20', 'America/Chicago')).toBe(
      '2020-02-03T02:02:20Z',
    );
    expect(call('datetime_local_to_utc', '2020-02-02 20:02:20', 'Europe/Paris')).toBe('2020-02-02T19:02:20Z');
  });

  it('datetime_utc_to_local follows daylight saving time and keeps sub-second ticks', () => {
    expect(call('datetime_utc_to_local', '2022-07-01 12:00:00.1234567', 'Europe/London')).toBe(
      '2022-07-01T13:00:00.1234567Z',
    );
    expect(call('datetime_utc_to_local', '2022-01-01 12:00', 'Asia/Kolkata')).toBe('2022-01-01T17:30:00Z');
  });

  it('picks the first instant of a repeated local hour and gives null for an unknown zone', () => {
    // 2022-11-06 01:30 happens twice in New York; the first is in daylight time (UTC-4).
    expect(call('datetime_local_to_utc', '2022-11-06 01:30', 'America/New_York')).toBe(
      '2022-11-06T05:30:00Z',
    );
    expect(call('datetime_local_to_utc', '2022-11-06 01:30', 'Mars/Olympus')).toBeNull();
  });
});
