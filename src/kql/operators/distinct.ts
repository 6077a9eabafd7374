/**
 * `distinct`: the first row of each distinct combination of the listed columns (or of all with `*`).
 */
import { valueKey } from '../compare';
import type { ExecuteApi } from '../executeApi';
import { typeOfExpr } from '../kernel/compile';
import { makeTable } from '../kernel/tables';
import type { Tabular } from '../plan';
import type { Table } from '../table';
import type { TranslateApi } from '../translateApi';
import type { OperatorSite, PlanOf } from './operator';

export function translate(site: OperatorSite, api: TranslateApi): Tabular {
  const { node, scope, schema, span, inputSchema, need } = site;
  const items = api.elements(node.Expressions);
  if (items.length === 1 && api.kind(items[0]!) === 'StarExpression') {
    return {
      op: 'distinct',
      input: need(),
      items: inputSchema.map((column) => ({
        name: column.name,
        expr: { kind: 'column', name: column.name, type: column.type, span },
      })),
      schema,
      span,
    };
  }
  return {
    op: 'distinct',
    input: need(),
    items: api.namedList(node.Expressions, scope, inputSchema, schema, []),
    schema,
    span,
  };
}

export function execute(plan: PlanOf<'distinct'>, api: ExecuteApi): Table {
  const input = api.run(plan.input);
  const fns = plan.items.map((item) => api.compile(item.expr, input));
  const seen = new Set<string>();
  const rows: number[] = [];
  for (let i = 0; i < input.length; i++) {
    const key = fns.map((fn) => valueKey(fn(i))).join('\u0001');
    if (!seen.has(key)) {
      seen.add(key);
      rows.push(i);
    }
  }
  const columns = plan.items.map((item, index) => ({
    name: item.name,
    type: typeOfExpr(item.expr),
    values: rows.map((row) => fns[index]!(row)),
  }));
  return makeTable(columns, rows.length);
}
