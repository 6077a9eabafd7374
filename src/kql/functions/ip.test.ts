import { describe, expect, it } from 'vitest';
// Load the catalog first: the library modules are registered by functions.ts, which they import helpers from.
import { FUNCTIONS } from './index';
import { type CallContext } from './helpers';
import { parseIpv6, rangeToCidrs } from './ip';

const context: CallContext = { argTypes: [], resultType: 'dynamic', nowTicks: 0n };
const call = (name: string, ...args: unknown[]) => FUNCTIONS[name]!(args, context);

describe('IPv6 parsing', () => {
  it('maps IPv4 into ::ffff:0:0/96 and widens its prefix by 96', () => {
    expect(parseIpv6('192.168.1.1/24')).toEqual({ value: (0xffffn << 32n) | 0xc0a80101n, prefix: 120 });
    expect(parseIpv6('::192.168.1.1')?.value).toBe((0xffffn << 32n) | 0xc0a80101n);
  });

  it('rejects malformed text', () => {
    for (const bad of ['', '1:2:3', '1::2::3', '192.168.1.256', 'fe80::1/129', '10.0.0.1/33', 'zz::1'])
      expect(parseIpv6(bad)).toBeNull();
  });
});

describe('IPv6 functions (docs examples)', () => {
  it('parse_ipv6_mask', () => {
    const cases: [string, number, string][] = [
      ['192.168.255.255', 120, '0000:0000:0000:0000:0000:ffff:c0a8:ff00'],
      ['192.168.255.255/24', 124, '0000:0000:0000:0000:0000:ffff:c0a8:ff00'],
      ['255.255.255.255', 128, '0000:0000:0000:0000:0000:ffff:ffff:ffff'],
      ['fe80::85d:e82c:9446:7994', 128, 'fe80:0000:0000:0000:085d:e82c:9446:7994'],
      ['fe80::85d:e82c:9446:7994/120', 124, 'fe80:0000:0000:0000:085d:e82c:9446:7900'],
      ['::192.168.255.255', 128, '0000:0000:0000:0000:0000:ffff:c0a8:ffff'],
      ['::192.168.255.255/24', 128, '0000:0000:0000:0000:0000:ffff:c0a8:ff00'],
    ];
    for (const [ip, mask, expected] of cases) expect(call('parse_ipv6_mask', ip, mask)).toBe(expected);
    expect(call('parse_ipv6_mask', 'not an ip', 128)).toBe('');
  });

  it('ipv6_compare and ipv6_is_match', () => {
    expect(call('ipv6_compare', 'fe80::85d:e82c:9446:7994', 'fe80::85d:e82c:9446:7995', 127)).toBe(0);
    expect(call('ipv6_compare', 'fe80::85d:e82c:9446:7994', 'fe80::85d:e82c:9446:7995')).toBe(-1);
    expect(call('ipv6_compare', 'fe80::85d:e82c:9446:7994/120', 'fe80::85d:e82c:9446:7998', 127)).toBe(0);
    expect(call('ipv6_compare', '::ffff:c0a8:0101', '192.168.1.255', 120)).toBe(0);
    expect(call('ipv6_compare', '::ffff:c0a8:0102', '192.168.1.1')).toBe(1);
    expect(call('ipv6_is_match', '192.168.1.1/24', '::ffff:c0a8:01ff', 127)).toBe(true);
    expect(call('ipv6_is_match', '192.168.1.1', '192.168.1.2')).toBe(false);
    expect(call('ipv6_is_match', 'bad', '192.168.1.2')).toBeNull();
  });

  it('ipv6_is_in_range and ipv6_is_in_any_range', () => {
    const ip = 'a5e:f127:8a9d:146d:e102:b5d3:c755:abcd';
    expect(call('ipv6_is_in_range', ip, 'a5e:f127:8a9d:146d:e102:b5d3:c755:0000/112')).toBe(true);
    expect(call('ipv6_is_in_range', ip, ip)).toBe(true);
    expect(call('ipv6_is_in_range', ip, '0:0:0:0:0:ffff:c0a8:ac/60')).toBe(false);
    const ranges = ['a5e:f127:8a9d:146d:e102:b5d3:c755:f6cd/112', '0:0:0:0:0:ffff:c0a8:ac/60'];
    expect(call('ipv6_is_in_any_range', ip, ranges)).toBe(true);
    expect(call('ipv6_is_in_any_range', 'a5e:f127:8a9d:146d:e102:b5d3:c756:abd1', ranges)).toBe(false);
    expect(call('ipv6_is_in_any_range', 'a5e::1', 'a5e::/16', '10.0.0.0/8')).toBe(true);
  });

  it('parse_ipv6 prints the canonical long form', () => {
    expect(call('parse_ipv6', '::1')).toBe('0000:0000:0000:0000:0000:0000:0000:0001');
    expect(call('parse_ipv6', '10.1.2.3/8')).toBe('0000:0000:0000:0000:0000:ffff:0a00:0000');
  });
});

describe('ipv4_range_to_cidr_list', () => {
  it('splits the docs range into aligned blocks', () => {
    expect(call('ipv4_range_to_cidr_list', '1.1.128.0', '1.1.140.255')).toEqual([
      '1.1.128.0/21',
      '1.1.136.0/22',
      '1.1.140.0/24',
    ]);
  });

  it('covers single addresses and the whole space', () => {
    expect(rangeToCidrs(5, 5)).toEqual(['0.0.0.5/32']);
    expect(rangeToCidrs(0, 2 ** 32 - 1)).toEqual(['0.0.0.0/0']);
    expect(call('ipv4_range_to_cidr_list', '10.0.0.9', '10.0.0.1')).toBeNull();
  });
});
