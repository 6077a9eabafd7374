/**
 * IPv4 functions. An address may carry its own IP-prefix (`192.168.1.1/24`); wherever a function also takes a prefix
 * argument, Kusto uses the smaller of the two (the docs: `ipv4_compare('192.168.1.1/24', '192.168.1.255', 31)` compares
 * 24 bits). Text search (`has_ipv4*`) only counts valid addresses delimited by non-alphanumeric characters, and only
 * valid search arguments: an invalid address or prefix is simply not found.
 */
import { arrayOf, str, toLong, type ScalarFunction, isNull } from './helpers';

interface Ipv4 {
  /** The address as an unsigned 32-bit number. */
  readonly value: number;
  /** Significant leading bits: 32 unless the text carried a /prefix. */
  readonly prefix: number;
}

function parseOctets(text: string): number | null {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!match) return null;
  const octets = match.slice(1).map(Number);
  if (octets.some((octet) => octet > 255)) return null;
  return octets.reduce((acc, octet) => acc * 256 + octet, 0);
}

/** An IPv4 address with an optional /prefix, as text; null when the text is not one. */
export function parseIpv4(input: string): Ipv4 | null {
  const text = input.trim();
  const slash = text.indexOf('/');
  const value = parseOctets(slash >= 0 ? text.slice(0, slash) : text);
  if (value === null) return null;
  if (slash < 0) return { value, prefix: 32 };
  const prefixText = text.slice(slash + 1);
  if (!/^\d{1,2}$/.test(prefixText) || Number(prefixText) > 32) return null;
  return { value, prefix: Number(prefixText) };
}

/** A string address, or a number holding the address in big-endian order (format_ipv4's two input forms). */
function addressOf(value: unknown): Ipv4 | null {
  if (isNull(value)) return null;
  if (typeof value === 'number') {
    return Number.isInteger(value) && value >= 0 && value <= 0xffffffff ? { value, prefix: 32 } : null;
  }
  return parseIpv4(str(value));
}

/** The prefix argument: absent means all 32 bits; outside 0..32 is invalid (null). */
function prefixArgument(prefix: unknown): number | null {
  if (isNull(prefix)) return 32;
  const bits = toLong(prefix);
  return bits === null || bits < 0 || bits > 32 ? null : bits;
}

function masked(value: number, bits: number): number {
  return bits === 0 ? 0 : Math.floor(value / 2 ** (32 - bits)) * 2 ** (32 - bits);
}

function formatIpv4(value: number): string {
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
}

function compareIpv4(a: unknown, b: unknown, prefix: unknown): number | null {
  const left = parseIpv4(str(a));
  const right = parseIpv4(str(b));
  const limit = prefixArgument(prefix);
  if (!left || !right || limit === null) return null;
  const bits = Math.min(left.prefix, right.prefix, limit);
  const x = masked(left.value, bits);
  const y = masked(right.value, bits);
  return x < y ? -1 : x > y ? 1 : 0;
}

function inRange(ip: unknown, range: unknown): boolean | null {
  const address = parseIpv4(str(ip));
  const network = parseIpv4(str(range));
  if (!address || !network) return null;
  return masked(address.value, network.prefix) === masked(network.value, network.prefix);
}

const PRIVATE_RANGES = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'];

/**
 * The octets of every valid IPv4 address in a text. An address must stand apart: no letter, digit or dot right before
 * it, and no letter or digit (nor a dot and another digit, which would make it longer) right after it.
 */
function addressesIn(text: string): string[][] {
  const found: string[][] = [];
  const pattern = /(?<![0-9A-Za-z.])(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?![0-9A-Za-z]|\.\d)/g;
  for (const match of text.matchAll(pattern)) {
    const octets = match.slice(1, 5) as string[];
    if (octets.every((octet) => Number(octet) <= 255)) found.push(octets);
  }
  return found;
}

/**
 * A search prefix: a complete address or one to three octets each followed by a dot (`192.`, `192.168.`,
 * `192.168.1.`); its octets as numbers, or null when it is not a valid prefix.
 */
function searchPrefix(value: unknown, completeOnly: boolean): number[] | null {
  const text = str(value).trim();
  const complete = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  const partial = completeOnly ? null : /^(?:\d{1,3}\.){1,3}$/.test(text);
  if (!complete && !partial) return null;
  const octets = (complete ? complete.slice(1) : text.slice(0, -1).split('.')).map(Number);
  return octets.every((octet) => octet <= 255) ? octets : null;
}

function textHasAny(text: unknown, needles: unknown[], completeOnly: boolean): boolean {
  const prefixes = needles
    .flatMap((needle) => arrayOf(needle) ?? [needle])
    .map((needle) => searchPrefix(needle, completeOnly))
    .filter((prefix): prefix is number[] => prefix !== null);
  if (prefixes.length === 0) return false;
  return addressesIn(str(text)).some((octets) =>
    prefixes.some((prefix) => prefix.every((octet, i) => Number(octets[i]) === octet)),
  );
}

export const IPV4_FUNCTIONS: Record<string, ScalarFunction> = {
  ipv4_is_private: ([ip]) => {
    if (parseIpv4(str(ip)) === null) return null;
    return PRIVATE_RANGES.some((range) => inRange(ip, range));
  },
  ipv4_is_in_range: ([ip, range]) => inRange(ip, range),
  ipv4_is_in_any_range: ([ip, ...ranges]) => {
    if (parseIpv4(str(ip)) === null) return null;
    const list = ranges.flatMap((range) => arrayOf(range) ?? [range]);
    return list.some((range) => inRange(ip, range) === true);
  },
  ipv4_compare: ([a, b, prefix]) => compareIpv4(a, b, prefix),
  ipv4_is_match: ([a, b, prefix]) => {
    const result = compareIpv4(a, b, prefix);
    return result === null ? null : result === 0;
  },
  parse_ipv4: ([ip]) => {
    const address = parseIpv4(str(ip));
    return address ? masked(address.value, address.prefix) : null;
  },
  parse_ipv4_mask: ([ip, prefix]) => {
    const address = parseIpv4(str(ip));
    const limit = isNull(prefix) ? null : prefixArgument(prefix);
    if (!address || limit === null) return null;
    return masked(address.value, Math.min(address.prefix, limit));
  },
  format_ipv4: ([ip, prefix]) => {
    const address = addressOf(ip);
    const limit = prefixArgument(prefix);
    if (!address || limit === null) return '';
    return formatIpv4(masked(address.value, Math.min(address.prefix, limit)));
  },
  format_ipv4_mask: ([ip, prefix]) => {
    const address = addressOf(ip);
    const limit = prefixArgument(prefix);
    if (!address || limit === null) return '';
    const bits = Math.min(address.prefix, limit);
    return `${formatIpv4(masked(address.value, bits))}/${bits}`;
  },
  has_ipv4: ([text, ip]) => textHasAny(text, [ip], true),
  has_any_ipv4: ([text, ...ips]) => textHasAny(text, ips, true),
  has_ipv4_prefix: ([text, prefix]) => textHasAny(text, [prefix], false),
  has_any_ipv4_prefix: ([text, ...prefixes]) => textHasAny(text, prefixes, false),
};
