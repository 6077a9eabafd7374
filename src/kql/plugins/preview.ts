/**
 * `preview(NumberOfRows)`: up to that many rows of the input. Kusto also returns, as a second result, the number of
 * input rows; the engine returns one result per query, so that count is not returned (`count` gives it).
 */
import { EngineError } from '../errors';
import type { ExecuteApi } from '../executeApi';
import type { Table } from '../table';
import type { PluginInvocation } from './index';
import { gatherRows } from './tables';

export function preview({ input, args, span }: PluginInvocation, api: ExecuteApi): Table {
  const limit = args[0] ? Number(api.constant(args[0])) : Number.NaN;
  if (!Number.isInteger(limit) || limit < 0)
    throw new EngineError('KQL_PLUGIN_ARGS', 'preview expects a whole number of rows, 0 or more.', span);
  return gatherRows(
    input,
    Array.from({ length: Math.min(limit, input.length) }, (_, i) => i),
  );
}
