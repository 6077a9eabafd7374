/**
 * `extend`: adds (or replaces) computed columns, each item seeing the ones before it.
 */
import type { ExecuteApi } from '../executeApi';
import { typeOfExpr } from '../kernel/compile';
import { makeTable } from '../kernel/tables';
import type { NamedExpr, Tabular } from '../plan';
import type { Column, Table } from '../table';
import type { TranslateApi } from '../translateApi';
import type { OperatorSite, PlanOf } from './operator';

export function translate(site: OperatorSite, api: TranslateApi): Tabular {
  const { node, scope, schema, span, inputSchema, need } = site;
  return {
    op: 'extend',
    input: need(),
    items: api.namedList(node.Expressions, scope, inputSchema, schema, inputSchema),
    schema,
    span,
  };
}

export function execute(plan: PlanOf<'extend'>, api: ExecuteApi): Table {
  let table = api.run(plan.input);
  for (const item of plan.items) table = extendOne(table, item, api, plan.span);
  return table;
}

export function extendOne(
  table: Table,
  item: NamedExpr,
  api: ExecuteApi,
  span: { start: number; length: number },
): Table {
  const fn = api.compile(item.expr, table);
  const values = api.evaluate(fn, table.length, span);
  const column: Column = { name: item.name, type: typeOfExpr(item.expr), values };
  const index = table.columns.findIndex((c) => c.name === item.name);
  const columns = table.columns.slice();
  if (index >= 0) columns[index] = column;
  else columns.push(column);
  return makeTable(columns, table.length);
}
