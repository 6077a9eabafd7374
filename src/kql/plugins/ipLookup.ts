/**
 * `ipv4_lookup(LookupTable, SourceIPv4Key, IPv4LookupKey [, ExtraKey1, ...] [, return_unmatched])` and
 * `ipv6_lookup(LookupTable, SourceIPv6Key, IPv6LookupKey [, return_unmatched])`: each input row joined to the lookup
 * row whose address range (an address or a CIDR range) holds the row's address, and whose extra key columns equal the
 * row's; the most specific range wins. Rows without a match are dropped, or kept with empty lookup columns when
 * return_unmatched is true. Output: the input's columns, then the lookup table's (named as Kusto.Language names them).
 */
import { valueKey } from '../compare';
import { EngineError } from '../errors';
import type { ExecuteApi } from '../executeApi';
import { parseIpv6 } from '../functions/ip';
import type { Table } from '../table';
import type { KustoType } from '../types';
import type { PluginInvocation } from './index';
import { columnArgument } from './patterns';
import { tableOf } from './tables';

const ALL_ONES = (1n << 128n) - 1n;

interface Range {
  readonly network: bigint;
  readonly prefix: number;
  readonly row: number;
}

const maskOf = (prefix: number) => (prefix <= 0 ? 0n : (ALL_ONES << BigInt(128 - prefix)) & ALL_ONES);

function addressOf(value: unknown, version: 4 | 6): { value: bigint; prefix: number } | null {
  if (typeof value !== 'string') return null;
  if (version === 4 && value.includes(':')) return null;
  return parseIpv6(value);
}

export function ipLookup(version: 4 | 6) {
  const name = `ipv${version}_lookup`;
  return ({ input, args, span, schema }: PluginInvocation, api: ExecuteApi): Table => {
    const lookupArg = args[0];
    if (!lookupArg || lookupArg.kind !== 'tabularList' || args.length < 3)
      throw new EngineError(
        'KQL_PLUGIN_ARGS',
        `${name} expects (LookupTable, SourceKey, LookupKey [, ...]).`,
        span,
      );
    const lookup = api.run(lookupArg.query);
    const rest = args.slice(3);
    const last = rest[rest.length - 1];
    const returnUnmatched = last?.kind === 'literal' && last.type === 'bool' ? last.value === true : false;
    const extraArgs = last?.kind === 'literal' && last.type === 'bool' ? rest.slice(0, -1) : rest;
    const sourceName = columnArgument(args[1]!, name, 'the source key', span);
    const keyName = columnArgument(args[2]!, name, 'the lookup key', span);
    const extraNames = extraArgs.map((arg) => columnArgument(arg, name, 'an extra key', span));
    const source = input.columns.find((c) => c.name === sourceName)!;
    const keyColumn = lookup.columns.find((c) => c.name === keyName);
    if (!keyColumn)
      throw new EngineError('KQL_PLUGIN_ARGS', `${name}: the lookup table has no column '${keyName}'.`, span);
    const extraKey = (table: Table, row: number) =>
      extraNames.map((n) => valueKey(table.columns.find((c) => c.name === n)?.values[row])).join('\u0001');
    const ranges = new Map<string, Range[]>();
    for (let row = 0; row < lookup.length; row++) {
      const range = addressOf(keyColumn.values[row], version);
      if (!range) continue;
      const key = extraKey(lookup, row);
      let list = ranges.get(key);
      if (!list) ranges.set(key, (list = []));
      list.push({ network: range.value & maskOf(range.prefix), prefix: range.prefix, row });
    }
    for (const list of ranges.values()) list.sort((a, b) => b.prefix - a.prefix);
    const inputRows: number[] = [];
    const lookupRows: (number | null)[] = [];
    for (let row = 0; row < input.length; row++) {
      if ((row & 4095) === 4095) api.check(span);
      const address = addressOf(source.values[row], version);
      const candidates = address ? ranges.get(extraKey(input, row)) : undefined;
      const match = candidates?.find((r) => (address!.value & maskOf(r.prefix)) === r.network);
      if (match || returnUnmatched) {
        inputRows.push(row);
        lookupRows.push(match ? match.row : null);
      }
    }
    const columns: { name: string; type: KustoType; values: unknown[] }[] = [
      ...input.columns.map((c) => ({
        name: c.name,
        type: c.type,
        values: inputRows.map((r) => c.values[r]),
      })),
      ...lookup.columns
        .filter((c) => !extraNames.includes(c.name))
        .map((c) => ({
          name: c.name,
          type: c.type,
          values: lookupRows.map((r) => (r === null ? null : c.values[r])),
        })),
    ];
    const named = schema && schema.length === columns.length ? schema : undefined;
    return tableOf(columns.map((c, i) => ({ ...c, name: named?.[i]!.name ?? c.name })));
  };
}
