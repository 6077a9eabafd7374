/**
 * `project`: the listed columns or expressions, each computed from the input row.
 */
import type { ExecuteApi } from '../executeApi';
import { typeOfExpr } from '../kernel/compile';
import { columnByName, makeTable } from '../kernel/tables';
import type { Tabular } from '../plan';
import type { Column, Table } from '../table';
import type { TranslateApi } from '../translateApi';
import type { OperatorSite, PlanOf } from './operator';

export function translate(site: OperatorSite, api: TranslateApi): Tabular {
  const { node, scope, schema, span, inputSchema, need } = site;
  return {
    op: 'project',
    input: need(),
    items: api.namedList(node.Expressions, scope, inputSchema, schema, []),
    schema,
    span,
  };
}

export function execute(plan: PlanOf<'project'>, api: ExecuteApi): Table {
  const input = api.run(plan.input);
  const columns: Column[] = [];
  // Each item sees the input columns (project computes from the input, not from earlier items).
  for (const item of plan.items) {
    const fn = api.compile(item.expr, input);
    const values =
      item.expr.kind === 'column'
        ? columnByName(input, item.expr.name, item.expr.span).values
        : api.evaluate(fn, input.length, plan.span);
    columns.push({ name: item.name, type: typeOfExpr(item.expr), values });
  }
  return makeTable(columns, input.length);
}
