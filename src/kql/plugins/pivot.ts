/**
 * `pivot(PivotColumn [, AggregationFunction [, Column1, ...]])`: one output column per distinct value of PivotColumn
 * (named by the value as text, in ascending order), holding the aggregate (default count()) of the rows of each group
 * with that value. The groups are the listed columns, by default every column but the pivot column and the columns
 * the aggregate reads. A group without rows for a value gets the aggregate of no rows (0 for count()).
 */
import { AGGREGATES } from '../aggregates';
import { valueKey } from '../compare';
import { EngineError } from '../errors';
import type { ExecuteApi, RowFunction } from '../executeApi';
import { toStringValue } from '../functions/helpers';
import type { Expr } from '../plan';
import type { Table } from '../table';
import type { KustoType } from '../types';
import type { PluginInvocation } from './index';
import { columnArgument } from './patterns';
import { tableOf } from './tables';

function columnsRead(expr: Expr, into: Set<string>): Set<string> {
  if (expr.kind === 'column') into.add(expr.name);
  if (expr.kind === 'call' || expr.kind === 'aggregate') for (const arg of expr.args) columnsRead(arg, into);
  return into;
}

export function pivot({ input, args, span }: PluginInvocation, api: ExecuteApi): Table {
  if (args.length === 0)
    throw new EngineError('KQL_PLUGIN_ARGS', 'pivot expects (PivotColumn [, Aggregate, Column...]).', span);
  const pivotName = columnArgument(args[0]!, 'pivot', 'the pivot column', span);
  const aggregate: Extract<Expr, { kind: 'aggregate' }> =
    args[1]?.kind === 'aggregate'
      ? args[1]
      : { kind: 'aggregate', name: 'count', args: [], type: 'long', span };
  if (args[1] && args[1].kind !== 'aggregate')
    throw new EngineError(
      'KQL_PLUGIN_ARGS',
      'pivot: the second argument must be an aggregation such as sum(x).',
      span,
    );
  const spec = AGGREGATES[aggregate.name];
  if (!spec)
    throw new EngineError('KQL_PLUGIN_ARGS', `pivot: ${aggregate.name}() cannot aggregate here.`, span);
  const read = columnsRead(aggregate, new Set());
  const groupNames =
    args.length > 2
      ? args.slice(2).map((arg) => columnArgument(arg, 'pivot', 'a grouping column', span))
      : input.columns.map((c) => c.name).filter((name) => name !== pivotName && !read.has(name));
  const groupColumns = groupNames.map((name) => input.columns.find((c) => c.name === name)!);
  const pivotColumn = input.columns.find((c) => c.name === pivotName)!;
  const argFns: RowFunction[] = aggregate.args.map((arg) => api.compile(arg, input));
  const argTypes = aggregate.args.map((arg) => api.typeOf(arg));
  const constants = aggregate.args.map((arg) => (arg.kind === 'literal' ? arg.value : undefined));
  const makeAccumulator = spec.create(argTypes, constants, aggregate.type);
  const groups = new Map<
    string,
    { keys: unknown[]; cells: Map<string, ReturnType<typeof makeAccumulator>> }
  >();
  const pivotNames = new Map<string, string>();
  const rowArgs = new Array<unknown>(argFns.length);
  for (let row = 0; row < input.length; row++) {
    if ((row & 4095) === 4095) api.check(span);
    const keys = groupColumns.map((c) => c.values[row]);
    const groupKey = keys.map(valueKey).join('\u0001');
    let group = groups.get(groupKey);
    if (!group) groups.set(groupKey, (group = { keys, cells: new Map() }));
    const name = toStringValue(pivotColumn.values[row], pivotColumn.type);
    pivotNames.set(name, name);
    let cell = group.cells.get(name);
    if (!cell) group.cells.set(name, (cell = makeAccumulator()));
    for (let i = 0; i < argFns.length; i++) rowArgs[i] = argFns[i]!(row);
    cell.add(row, rowArgs);
  }
  const names = [...pivotNames.keys()].sort();
  const list = [...groups.values()];
  return tableOf([
    ...groupColumns.map((c, i) => ({ name: c.name, type: c.type, values: list.map((g) => g.keys[i]) })),
    ...names.map((name) => ({
      name,
      type: aggregate.type as KustoType,
      values: list.map((g) => (g.cells.get(name) ?? makeAccumulator()).result() ?? null),
    })),
  ]);
}
