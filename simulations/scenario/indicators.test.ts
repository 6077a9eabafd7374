import { describe, expect, it } from 'vitest';
import { ANONYMISING_PROXY_IPS, IP, OPERATORS } from '../cluster/constants';
import { Random } from '../../src/shared/random';
import {
  DOCUMENTATION_RANGES,
  SYSTEM_LOOKALIKE_NAMES,
  anonymisingProxyIp,
  developer,
  externalIp,
  moneroWallet,
  nameFrom,
  personFor,
} from './indicators';

describe('indicator pickers', () => {
  it('draw external addresses in the documentation ranges that the cluster never uses', () => {
    const random = new Random('external');
    const reserved = new Set<string>([
      ...Object.values(IP),
      ...OPERATORS.map((o) => o.ip),
      ...ANONYMISING_PROXY_IPS,
    ]);
    const drawn = Array.from({ length: 2000 }, () => externalIp(random));
    for (const ip of drawn) {
      expect(DOCUMENTATION_RANGES.some((range) => ip.startsWith(`${range}.`))).toBe(true);
      expect(reserved.has(ip)).toBe(false);
    }
    expect(new Set(drawn).size).toBeGreaterThan(300);
    expect(externalIp(new Random(1), { ranges: ['198.51.100'], avoid: [] })).toMatch(/^198\.51\.100\.\d+$/);
  });

  it('never return an address the caller asked to avoid', () => {
    const random = new Random('avoid');
    const first = externalIp(random, { ranges: ['203.0.113'] });
    for (let i = 0; i < 500; i++)
      expect(externalIp(random, { ranges: ['203.0.113'], avoid: [first] })).not.toBe(first);
  });

  it('give the same indicators for the same seed and others for another seed', () => {
    const draw = (seed: string) => {
      const random = new Random(seed);
      return [
        externalIp(random),
        developer(random).upn,
        nameFrom(random, SYSTEM_LOOKALIKE_NAMES),
        anonymisingProxyIp(random),
      ];
    };
    expect(draw('a')).toEqual(draw('a'));
    const seeds = ['1', '2', '3', '4', '5'].map(draw);
    for (let column = 0; column < 3; column++)
      expect(new Set(seeds.map((s) => s[column])).size).toBeGreaterThan(1);
  });

  it('keep one object id per person, and the known ids of the background accounts', () => {
    expect(personFor('a.novak@contoso.com')).toEqual(personFor('a.novak@contoso.com'));
    expect(personFor(OPERATORS[2].upn).oid).toBe(OPERATORS[2].oid);
    expect(personFor('j.doe@contoso.com').oid).toBe('6f2a9c4e-8b1d-4e3f-a5c7-9d0b2e4f6a81');
  });

  it('refuse to pick when every name is taken, and shape wallets like Monero addresses', () => {
    expect(() => nameFrom(new Random(1), ['a'], ['a'])).toThrow(/every name is taken/);
    expect(moneroWallet(new Random(3))).toMatch(/^4[0-9A-Za-z]{94}$/);
  });
});
