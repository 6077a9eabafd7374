/**
 * Hash functions that must run unchanged in a browser worker (no node:crypto): MD5 through js-md5, xxHash64 through
 * @intrnl/xxhash64 (one-shot hashing only). (js-md5 picks node:crypto under Node and its pure build in browsers.)
 *
 * What Kusto feeds the hash, checked against the documentation's outputs: strings as UTF-8; for xxHash64 a datetime
 * as its .NET ticks (since 0001-01-01) in 8 little-endian bytes; for MD5 a datetime as its round-trip text
 * (`2020-01-01T00:00:00.0000000Z`).
 */
import { hash as xxhash64 } from '@intrnl/xxhash64';
import { md5 } from 'js-md5';
import type { KustoType } from '../types';
import { toStringValue, toLong, type ScalarFunction, isNull } from './helpers';
import { formatDatetime, formatTimespan, MIN_DATETIME_TICKS, TICKS_PER_SECOND } from '../values';

/** .NET ticks (since 0001-01-01) of a datetime held as ticks since the Unix epoch. */
function dotnetTicks(unixTicks: bigint): bigint {
  return unixTicks - MIN_DATETIME_TICKS;
}

function int64Bytes(value: bigint): Uint8Array {
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setBigInt64(0, BigInt.asIntN(64, value), true);
  return bytes;
}

/** `2020-01-01T00:00:00.0000000Z`: .NET's round-trip ("o") format, always seven fraction digits. */
function roundTripDatetime(ticks: bigint): string {
  const seconds = ticks - (((ticks % TICKS_PER_SECOND) + TICKS_PER_SECOND) % TICKS_PER_SECOND);
  const fraction = String(ticks - seconds).padStart(7, '0');
  const base = formatDatetime(seconds).replace(/Z$/, '');
  return `${base}.${fraction}Z`;
}

function md5Input(value: unknown, type: KustoType | undefined): string {
  if (typeof value === 'bigint')
    return type === 'timespan' ? formatTimespan(value) : roundTripDatetime(value);
  return toStringValue(value, type);
}

function xxhashInput(value: unknown, type: KustoType | undefined): string | Uint8Array {
  if (typeof value === 'bigint') return int64Bytes(type === 'timespan' ? value : dotnetTicks(value));
  if (typeof value === 'string') return value;
  throw new Error(`not supported yet: hashing a ${type ?? typeof value} value (only string and datetime)`);
}

/** xxHash64 of a value as Kusto hashes it, as a signed 64-bit integer. */
export function kustoXxhash64(value: unknown, type: KustoType | undefined): bigint {
  // The library indexes bytes and reads .length: it needs a Uint8Array (not the ArrayBuffer its typing names).
  return BigInt.asIntN(64, xxhash64(xxhashInput(value, type) as unknown as ArrayBuffer));
}

export const HASH_FUNCTIONS: Record<string, ScalarFunction> = {
  hash_md5: ([v], c) => (isNull(v) ? '' : md5(md5Input(v, c.argTypes[0]))),
  hash: (args, context) => HASH_FUNCTIONS.hash_xxhash64!(args, context),
  hash_xxhash64: ([v, mod], c) => {
    if (isNull(v)) return null;
    const hash = kustoXxhash64(v, c.argTypes[0]);
    if (isNull(mod)) return Number(hash);
    const divisor = toLong(mod);
    if (divisor === null || divisor <= 0) return null;
    // The result must lie in [0, mod): the hash is taken as the unsigned 64-bit value it is.
    return Number(BigInt.asUintN(64, hash) % BigInt(divisor));
  },
};
