import { describe, expect, it } from 'vitest';
// Load the catalog first: the library modules are registered by functions.ts, which they import helpers from.
import { FUNCTIONS } from './index';
import { type CallContext } from './helpers';
import type { KustoType } from '../types';
import { parseDatetime } from '../values';
import { HASH_FUNCTIONS, kustoXxhash64 } from './hash';

const call = (name: string, types: KustoType[], ...args: unknown[]) =>
  HASH_FUNCTIONS[name]!(args, { argTypes: types, resultType: 'string', nowTicks: 0n } satisfies CallContext);

describe('hash functions (docs examples)', () => {
  it('are registered in the catalog', () => {
    expect(FUNCTIONS['hash_md5']).toBe(HASH_FUNCTIONS['hash_md5']);
  });

  it('hash_md5 of a string and of a datetime', () => {
    expect(call('hash_md5', ['string'], 'World')).toBe('f5a7924e621e84c9280a9a27e1bcb7f6');
    expect(call('hash_md5', ['datetime'], parseDatetime('2020-01-01'))).toBe(
      '786c530672d1f8db31fee25ea8a9390b',
    );
    expect(call('hash_md5', ['string'], null)).toBe('');
  });

  it('hash_xxhash64 of a string, with a modulo, and of a datetime', () => {
    expect(kustoXxhash64('World', 'string')).toBe(1846988464401551951n);
    expect(kustoXxhash64('Hello', 'string')).toBe(753694413698530628n);
    expect(call('hash_xxhash64', ['string', 'long'], 'World', 100)).toBe(51);
    expect(kustoXxhash64(parseDatetime('2015-01-01'), 'datetime')).toBe(1380966698541616202n);
  });

  it('hash_xxhash64 refuses types whose byte layout is not known rather than guessing', () => {
    expect(() => call('hash_xxhash64', ['real'], 1.5)).toThrow(/not supported yet/);
  });
});
