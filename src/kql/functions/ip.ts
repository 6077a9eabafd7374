/**
 * IPv6 functions (IPv4 addresses take part as IPv4-mapped IPv6 addresses, ::ffff:a.b.c.d, with an IPv4 prefix
 * counting as 96 + prefix) and the IPv4 functions the core catalog lacks.
 */
import { arrayOf, str, toLong, type ScalarFunction, isNull } from './helpers';

interface Ipv6 {
  /** The address as a 128-bit unsigned integer. */
  readonly value: bigint;
  /** Significant leading bits (128 unless the text carried a /prefix). */
  readonly prefix: number;
}

const ALL_ONES = (1n << 128n) - 1n;
const IPV4_MAPPED = 0xffffn << 32n;

function parseIpv4Octets(text: string): bigint | null {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!match) return null;
  const octets = match.slice(1).map(Number);
  if (octets.some((octet) => octet > 255)) return null;
  return octets.reduce((acc, octet) => (acc << 8n) | BigInt(octet), 0n);
}

function parseGroups(text: string): bigint[] | null {
  if (text === '') return [];
  const groups = text.split(':');
  if (groups.some((group) => !/^[0-9a-f]{1,4}$/i.test(group))) return null;
  return groups.map((group) => BigInt(Number.parseInt(group, 16)));
}

/** Parses an IPv4 or IPv6 address with an optional /prefix; null when the text is neither. */
export function parseIpv6(input: string): Ipv6 | null {
  const text = input.trim();
  const slash = text.indexOf('/');
  const address = slash >= 0 ? text.slice(0, slash) : text;
  const prefixText = slash >= 0 ? text.slice(slash + 1) : undefined;
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return null;
  const rawPrefix = prefixText === undefined ? undefined : Number(prefixText);

  const ipv4 = parseIpv4Octets(address);
  if (ipv4 !== null) {
    if (rawPrefix !== undefined && rawPrefix > 32) return null;
    return { value: IPV4_MAPPED | ipv4, prefix: 96 + (rawPrefix ?? 32) };
  }

  // An IPv6 text ending in a dotted quad (::192.168.1.1): Kusto reads it as the mapped IPv4 address.
  const dotted = /^(.*:)(\d{1,3}(?:\.\d{1,3}){3})$/.exec(address);
  if (dotted) {
    const tail = parseIpv4Octets(dotted[2]!);
    if (tail === null || !/^[0:]*(?:ffff:)?$/i.test(dotted[1]!)) return null;
    if (rawPrefix !== undefined && rawPrefix > 32) return null;
    return { value: IPV4_MAPPED | tail, prefix: 96 + (rawPrefix ?? 32) };
  }

  const halves = address.split('::');
  if (halves.length > 2) return null;
  const head = parseGroups(halves[0]!);
  const tail = halves.length === 2 ? parseGroups(halves[1]!) : [];
  if (!head || !tail) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  const groups = [...head, ...Array<bigint>(missing).fill(0n), ...tail];
  const value = groups.reduce((acc, group) => (acc << 16n) | group, 0n);
  if (rawPrefix !== undefined && rawPrefix > 128) return null;
  return { value, prefix: rawPrefix ?? 128 };
}

function maskOf(prefix: number): bigint {
  return prefix <= 0 ? 0n : (ALL_ONES << BigInt(128 - prefix)) & ALL_ONES;
}

/** The eight zero-padded groups, as parse_ipv6 prints an address. */
export function formatIpv6(value: bigint): string {
  const groups: string[] = [];
  for (let shift = 112n; shift >= 0n; shift -= 16n)
    groups.push(((value >> shift) & 0xffffn).toString(16).padStart(4, '0'));
  return groups.join(':');
}

function compareIpv6(a: unknown, b: unknown, prefix: unknown): number | null {
  const left = parseIpv6(str(a));
  const right = parseIpv6(str(b));
  if (!left || !right) return null;
  const limit = isNull(prefix) ? 128 : toLong(prefix);
  if (limit === null || limit < 0 || limit > 128) return null;
  const mask = maskOf(Math.min(left.prefix, right.prefix, limit));
  const x = left.value & mask;
  const y = right.value & mask;
  return x < y ? -1 : x > y ? 1 : 0;
}

function inRange(ip: unknown, range: unknown): boolean | null {
  const address = parseIpv6(str(ip));
  const network = parseIpv6(str(range));
  if (!address || !network) return null;
  const mask = maskOf(network.prefix);
  return (address.value & mask) === (network.value & mask);
}

function parseIpv4Number(text: string): { value: number; prefix: number } | null {
  const [address, prefixText] = text.trim().split('/');
  const value = parseIpv4Octets(address ?? '');
  if (value === null) return null;
  if (prefixText !== undefined && !/^\d{1,2}$/.test(prefixText)) return null;
  const prefix = prefixText === undefined ? 32 : Number(prefixText);
  return prefix > 32 ? null : { value: Number(value), prefix };
}

function formatIpv4(value: number): string {
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
}

/** The smallest list of CIDR blocks covering [start, end], largest aligned block first. */
export function rangeToCidrs(start: number, end: number): string[] {
  const blocks: string[] = [];
  let current = start;
  while (current <= end) {
    let size = 32;
    while (size > 0) {
      const blockSize = 2 ** (33 - size);
      if (current % blockSize !== 0 || current + blockSize - 1 > end) break;
      size--;
    }
    blocks.push(`${formatIpv4(current)}/${size}`);
    current += 2 ** (32 - size);
  }
  return blocks;
}

export const IP_FUNCTIONS: Record<string, ScalarFunction> = {
  ipv6_compare: ([a, b, prefix]) => compareIpv6(a, b, prefix),
  ipv6_is_match: ([a, b, prefix]) => {
    const result = compareIpv6(a, b, prefix);
    return result === null ? null : result === 0;
  },
  ipv6_is_in_range: ([ip, range]) => inRange(ip, range),
  ipv6_is_in_any_range: ([ip, ...ranges]) => {
    if (parseIpv6(str(ip)) === null) return null;
    const list = ranges.flatMap((range) => arrayOf(range) ?? [range]);
    return list.some((range) => inRange(ip, range) === true);
  },
  parse_ipv6: ([ip]) => {
    const parsed = parseIpv6(str(ip));
    return parsed ? formatIpv6(parsed.value & maskOf(parsed.prefix)) : '';
  },
  parse_ipv6_mask: ([ip, prefix]) => {
    const parsed = parseIpv6(str(ip));
    const limit = toLong(prefix);
    if (!parsed || limit === null || limit < 0 || limit > 128) return '';
    return formatIpv6(parsed.value & maskOf(Math.min(parsed.prefix, limit)));
  },
  ipv4_range_to_cidr_list: ([start, end]) => {
    const from = parseIpv4Number(str(start));
    const to = parseIpv4Number(str(end));
    if (!from || !to || from.value > to.value) return null;
    return rangeToCidrs(from.value, to.value);
  },
};
