/**
 * `dcount_intersect(hll1, hll2 [, ...])`: per row, s0 is the distinct count of hll1, s1 of the values in both hll1 and
 * hll2, and so on (each s_i counts the values common to hll1..hll_i+1). The engine's hll() keeps the distinct values
 * themselves, so the counts are exact (within Kusto's stated error of its estimate).
 */
import { valueKey } from '../compare';
import { EngineError } from '../errors';
import type { ExecuteApi } from '../executeApi';
import { parseJsonValue } from '../functions/helpers';
import type { Table } from '../table';
import type { PluginInvocation } from './index';

export function dcountIntersect({ input, args, span }: PluginInvocation, api: ExecuteApi): Table {
  if (args.length < 2 || args.length > 16)
    throw new EngineError('KQL_PLUGIN_ARGS', 'dcount_intersect expects 2 to 16 hll values.', span);
  const sketches = args.map((arg) => api.compile(arg, input));
  const counts = args.map(() => new Array<unknown>(input.length));
  for (let row = 0; row < input.length; row++) {
    let common: Set<string> | undefined;
    sketches.forEach((sketch, i) => {
      const keys = keysOf(sketch(row));
      common = common ? new Set([...common].filter((key) => keys.has(key))) : keys;
      counts[i]![row] = common.size;
    });
  }
  return {
    columns: [
      ...input.columns,
      ...counts.map((values, i) => ({ name: `s${i}`, type: 'long' as const, values })),
    ],
    length: input.length,
  };
}

/** The distinct values an hll() result holds (an array of the engine's value keys). */
function keysOf(sketch: unknown): Set<string> {
  const value = typeof sketch === 'string' ? parseJsonValue(sketch) : sketch;
  if (!Array.isArray(value)) return new Set();
  return new Set(value.map((item) => (typeof item === 'string' ? item : valueKey(item))));
}
