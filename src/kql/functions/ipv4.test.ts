import { describe, expect, it } from 'vitest';
// Load the catalog first: the library modules are registered by functions.ts, which they import helpers from.
import { FUNCTIONS } from './index';
import { type CallContext } from './helpers';
import { IPV4_FUNCTIONS, parseIpv4 } from './ipv4';

const context: CallContext = { argTypes: [], resultType: 'dynamic', nowTicks: 0n };
const call = (name: string, ...args: unknown[]) => FUNCTIONS[name]!(args, context);

describe('IPv4 parsing', () => {
  it('reads an address with an optional prefix', () => {
    expect(parseIpv4('192.168.1.1/24')).toEqual({ value: 0xc0a80101, prefix: 24 });
    expect(parseIpv4(' 10.0.0.1 ')).toEqual({ value: 0x0a000001, prefix: 32 });
  });

  it('rejects malformed text', () => {
    for (const bad of ['', '1.2.3', '1.2.3.4.5', '127.0.0.256', '10.0.0.1/33', '10.0.0.1/', 'a.b.c.d'])
      expect(parseIpv4(bad)).toBeNull();
  });

  it('every IPv4 function is registered in the catalog', () => {
    for (const name of Object.keys(IPV4_FUNCTIONS)) expect(FUNCTIONS[name]).toBe(IPV4_FUNCTIONS[name]);
  });
});

describe('prefixes: the smaller of the address prefix and the argument (docs examples)', () => {
  it('ipv4_compare and ipv4_is_match', () => {
    expect(call('ipv4_compare', '192.168.1.1', '192.168.1.0', 31)).toBe(0);
    expect(call('ipv4_compare', '192.168.1.1/24', '192.168.1.255', 31)).toBe(0);
    expect(call('ipv4_compare', '192.168.1.1', '192.168.1.255', 24)).toBe(0);
    expect(call('ipv4_compare', '192.168.1.1', '192.168.1.255')).toBe(-1);
    expect(call('ipv4_compare', '192.168.1.1/24', '192.168.1.255/24')).toBe(0);
    expect(call('ipv4_is_match', '192.168.1.1/24', '192.168.1.255', 31)).toBe(true);
    expect(call('ipv4_is_match', '192.168.1.1', '192.168.1.255')).toBe(false);
    expect(call('ipv4_is_match', '192.168.1.1', 'bad')).toBeNull();
    expect(call('ipv4_compare', '192.168.1.1', '192.168.1.1', 33)).toBeNull();
  });

  it('format_ipv4 and format_ipv4_mask', () => {
    expect(call('format_ipv4', '192.168.1.1', 24)).toBe('192.168.1.0');
    expect(call('format_ipv4_mask', '192.168.1.1', 32)).toBe('192.168.1.1/32');
    expect(call('format_ipv4', '192.168.1.1/24', 32)).toBe('192.168.1.0');
    expect(call('format_ipv4_mask', '192.168.1.1/24', 32)).toBe('192.168.1.0/24');
    expect(call('format_ipv4', '192.168.1.1/24', -1)).toBe('');
    expect(call('format_ipv4_mask', '192.168.1.1/24', -1)).toBe('');
    expect(call('format_ipv4', 3232236031, 24)).toBe('192.168.1.0');
    expect(call('format_ipv4_mask', 3232236031, 24)).toBe('192.168.1.0/24');
  });

  it('parse_ipv4 and parse_ipv4_mask', () => {
    expect(call('parse_ipv4', '127.0.0.1')).toBe(2130706433);
    expect(call('parse_ipv4', '192.1.168.1/24')).toBe(3221334016);
    expect(call('parse_ipv4_mask', '127.2.3.4', 24)).toBe(2130838272);
    expect(call('parse_ipv4_mask', '192.1.168.2/24', 31)).toBe(3221334016);
    expect(call('parse_ipv4', '127.0.0.256')).toBeNull();
  });

  it('ranges', () => {
    expect(call('ipv4_is_in_range', '192.168.1.6', '192.168.1.1/24')).toBe(true);
    expect(call('ipv4_is_in_range', '192.168.2.6', '192.168.1.1/24')).toBe(false);
    expect(call('ipv4_is_in_any_range', '10.1.2.3', ['192.168.0.0/16', '10.0.0.0/8'])).toBe(true);
    expect(call('ipv4_is_private', '172.16.5.1')).toBe(true);
    expect(call('ipv4_is_private', '8.8.8.8')).toBe(false);
  });
});

describe('has_ipv4 family: valid, delimited addresses and valid search arguments only (docs examples)', () => {
  const log = '05:04:54 127.0.0.1 GET /favicon.ico 404';
  it('has_ipv4', () => {
    expect(call('has_ipv4', log, '127.0.0.1')).toBe(true);
    expect(call('has_ipv4', '05:04:54 127.0.0.256 GET /favicon.ico 404', '127.0.0.256')).toBe(false);
    expect(call('has_ipv4', '05:04:54127.0.0.1 GET /favicon.ico 404', '127.0.0.1')).toBe(false);
    expect(
      call('has_ipv4', 'These requests came from: 192.168.1.1, 10.1.1.115 and 10.1.1.201', '10.1.1.115'),
    ).toBe(true);
    expect(call('has_ipv4', 'from 10.1.1.115.', '10.1.1.115')).toBe(true);
    expect(call('has_ipv4', 'from 10.1.1.1150', '10.1.1.115')).toBe(false);
    expect(call('has_ipv4', 'host1.2.3.4', '1.2.3.4')).toBe(false);
  });

  it('has_any_ipv4', () => {
    expect(call('has_any_ipv4', log, '127.0.0.1', '127.0.0.2')).toBe(true);
    expect(call('has_any_ipv4', log, ['127.0.0.1', '127.0.0.2'])).toBe(true);
    expect(
      call('has_any_ipv4', '05:04:54 127.0.0.256 GET /favicon.ico 404', ['127.0.0.256', '192.168.1.1']),
    ).toBe(false);
    expect(call('has_any_ipv4', '05:04:54127.0.0.1 GET /favicon.ico 404', ['127.0.0.1', '192.168.1.1'])).toBe(
      false,
    );
  });

  it('has_ipv4_prefix and has_any_ipv4_prefix', () => {
    expect(call('has_ipv4_prefix', log, '127.0.')).toBe(true);
    expect(call('has_ipv4_prefix', log, '127.0')).toBe(false);
    expect(call('has_ipv4_prefix', log, '127.0.0.1')).toBe(true);
    expect(call('has_ipv4_prefix', '05:04:54 127.0.0.256 GET /favicon.ico 404', '127.0.')).toBe(false);
    expect(call('has_ipv4_prefix', '05:04:54127.0.0.1 GET /favicon.ico 404', '127.0.')).toBe(false);
    expect(call('has_any_ipv4_prefix', log, '127.0.', '192.168.')).toBe(true);
    expect(call('has_any_ipv4_prefix', log, ['127.0.', '192.168.'])).toBe(true);
    expect(call('has_any_ipv4_prefix', log, '127.0')).toBe(false);
    expect(call('has_any_ipv4_prefix', '05:04:54127.0.0.1 GET /favicon.ico 404', '127.0.', '192.')).toBe(
      false,
    );
  });
});
