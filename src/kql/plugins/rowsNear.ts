/**
 * `rows_near(Condition, NumRows [, RowsAfter])`: every row of the serialized input within NumRows before or RowsAfter
 * (default NumRows) after a row where Condition is true, in input order, each once.
 */
import { EngineError } from '../errors';
import type { ExecuteApi } from '../executeApi';
import type { Table } from '../table';
import type { PluginInvocation } from './index';
import { gatherRows } from './tables';

export function rowsNear({ input, args, span }: PluginInvocation, api: ExecuteApi): Table {
  if (args.length < 2 || args.length > 3)
    throw new EngineError('KQL_PLUGIN_ARGS', 'rows_near expects (Condition, NumRows [, RowsAfter]).', span);
  const condition = api.compile(args[0]!, input);
  const before = Number(api.constant(args[1]!));
  const after = args[2] ? Number(api.constant(args[2])) : before;
  if (!Number.isInteger(before) || before < 0 || !Number.isInteger(after) || after < 0)
    throw new EngineError(
      'KQL_PLUGIN_ARGS',
      'rows_near: the row counts must be whole numbers, 0 or more.',
      span,
    );
  const keep = new Uint8Array(input.length);
  for (let row = 0; row < input.length; row++) {
    if ((row & 4095) === 4095) api.check(span);
    if (condition(row) !== true) continue;
    const from = Math.max(0, row - before);
    const to = Math.min(input.length - 1, row + after);
    for (let near = from; near <= to; near++) keep[near] = 1;
  }
  const rows: number[] = [];
  for (let row = 0; row < input.length; row++) if (keep[row]) rows.push(row);
  return gatherRows(input, rows);
}
