/**
 * `rolling_percentile(ValueColumn, Percentile, IndexColumn, BinSize, BinsPerWindow [, dim1, ...])`: per bin of the
 * index column (and per combination of the dimensions), the percentile of the values in the window of BinsPerWindow
 * bins that ends at that bin (inclusive). One row per bin that holds input rows. The percentile is exact
 * (nearest rank, as the engine's percentile()), within Kusto's stated error of its estimate.
 */
import { percentileOf } from '../aggregates';
import { valueKey } from '../compare';
import { EngineError } from '../errors';
import type { ExecuteApi } from '../executeApi';
import { binValue } from '../functions/helpers';
import type { Expr } from '../plan';
import type { Table } from '../table';
import type { PluginInvocation } from './index';
import { tableOf } from './tables';

interface Group {
  readonly dims: unknown[];
  /** Values per bin, keyed by the bin's value key. */
  readonly bins: Map<string, { bin: unknown; values: number[] }>;
}

export function rollingPercentile({ input, args, span, schema }: PluginInvocation, api: ExecuteApi): Table {
  if (args.length < 5)
    throw new EngineError(
      'KQL_PLUGIN_ARGS',
      'rolling_percentile expects (ValueColumn, Percentile, IndexColumn, BinSize, BinsPerWindow [, dim1, ...]).',
      span,
    );
  const [valueArg, percentArg, indexArg, sizeArg, windowArg] = args as [Expr, Expr, Expr, Expr, Expr];
  const dimArgs = args.slice(5);
  const value = api.compile(valueArg, input);
  const index = api.compile(indexArg, input);
  const dims = dimArgs.map((dim) => api.compile(dim, input));
  const percent = Number(api.constant(percentArg));
  const size = api.constant(sizeArg);
  const window = Number(api.constant(windowArg));
  if (!Number.isInteger(window) || window < 1)
    throw new EngineError(
      'KQL_PLUGIN_ARGS',
      'rolling_percentile: BinsPerWindow must be a whole number, 1 or more.',
      span,
    );
  const indexType = api.typeOf(indexArg);
  const valueType = api.typeOf(valueArg);

  const groups = new Map<string, Group>();
  for (let row = 0; row < input.length; row++) {
    if ((row & 4095) === 4095) api.check(span);
    const v = value(row);
    const bin = binValue(index(row), size, indexType);
    if (v === null || v === undefined || bin === null || bin === undefined) continue;
    const dimValues = dims.map((dim) => dim(row));
    const groupKey = dimValues.map(valueKey).join('\u0001');
    let group = groups.get(groupKey);
    if (!group) {
      group = { dims: dimValues, bins: new Map() };
      groups.set(groupKey, group);
    }
    const binKey = valueKey(bin);
    let slot = group.bins.get(binKey);
    if (!slot) {
      slot = { bin, values: [] };
      group.bins.set(binKey, slot);
    }
    slot.values.push(Number(v));
  }

  const binSize = typeof size === 'bigint' ? size : Number(size);
  const windowStart = (bin: unknown): unknown =>
    typeof bin === 'bigint'
      ? bin - BigInt(window - 1) * (binSize as bigint)
      : (bin as number) - (window - 1) * Number(binSize);
  const outIndex: unknown[] = [];
  const outDims: unknown[][] = dims.map(() => []);
  const outValues: unknown[] = [];
  for (const group of groups.values()) {
    const slots = [...group.bins.values()].sort((a, b) => (a.bin! < b.bin! ? -1 : a.bin! > b.bin! ? 1 : 0));
    for (let i = 0; i < slots.length; i++) {
      const from = windowStart(slots[i]!.bin) as number | bigint;
      const values: number[] = [];
      for (let j = i; j >= 0 && (slots[j]!.bin as number | bigint) >= from; j--)
        values.push(...slots[j]!.values);
      values.sort((a, b) => a - b);
      outIndex.push(slots[i]!.bin);
      group.dims.forEach((d, k) => outDims[k]!.push(d));
      outValues.push(percentileOf(values, percent));
    }
  }
  const names = schema?.map((c) => c.name) ?? [];
  const resultName = names[names.length - 1] ?? `rolling_${window}_percentile_value_${percent}`;
  return tableOf([
    { name: names[0] ?? 'Index', type: indexType, values: outIndex },
    ...dims.map((_, k) => ({
      name: names[k + 1] ?? `dim${k + 1}`,
      type: api.typeOf(dimArgs[k]!),
      values: outDims[k]!,
    })),
    { name: resultName, type: valueType, values: outValues },
  ]);
}
