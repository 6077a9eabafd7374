/**
 * `preview(NumberOfRows)`: up to that many rows of the input, its first result table. The second, the input's row
 * count, is a count plan beside it (plugins/translate.ts).
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
