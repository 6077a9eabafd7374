/**
 * `print`: one row of scalar expressions.
 */
import type { ExecuteApi } from '../executeApi';
import { typeOfExpr } from '../kernel/compile';
import { makeTable } from '../kernel/tables';
import type { Tabular } from '../plan';
import type { Table } from '../table';
import type { TranslateApi } from '../translateApi';
import type { OperatorSite, PlanOf } from './operator';

export function translate(site: OperatorSite, api: TranslateApi): Tabular {
  const { node, scope, schema, span } = site;
  return {
    op: 'print',
    items: api.namedList(node.Expressions, scope, undefined, schema, []),
    schema,
    span,
  };
}

export function execute(plan: PlanOf<'print'>, api: ExecuteApi): Table {
  const one = makeTable([], 1);
  const columns = plan.items.map((item) => ({
    name: item.name,
    type: typeOfExpr(item.expr),
    values: [api.compile(item.expr, one)(0)],
  }));
  return makeTable(columns, 1);
}
