/**
 * `datatable(schema) [values]`: a table written in the query.
 */
import type { ExecuteApi } from '../executeApi';
import { convertTo } from '../functions/helpers';
import { typeOfExpr } from '../kernel/compile';
import { makeTable } from '../kernel/tables';
import type { ColumnSchema, Expr, Tabular } from '../plan';
import type { Table } from '../table';
import type { TranslateApi } from '../translateApi';
import type { KustoType } from '../types';
import type { OperatorSite, PlanOf } from './operator';

export function translate(site: OperatorSite, api: TranslateApi): Tabular {
  const { node, scope, schema } = site;
  const columns: ColumnSchema[] = api.elements(node.Schema.Columns).map((column) => ({
    name: column.Name.SimpleName,
    type: api.typeName(column.Type),
  }));
  const values = api.elements(node.Values).map((value) => api.scalar(value, scope, undefined));
  return { op: 'datatable', columns, values, schema: schema ?? columns, span: api.span(node) };
}

export function execute(plan: PlanOf<'datatable'>, api: ExecuteApi): Table {
  const width = plan.columns.length;
  const values = plan.values.map((expr) => api.constant(expr));
  const length = width === 0 ? 0 : Math.floor(values.length / width);
  const columns = plan.columns.map((column, c) => {
    const data = new Array<unknown>(length);
    for (let r = 0; r < length; r++)
      data[r] = castValue(values[r * width + c], plan.values[r * width + c]!, column.type);
    return { name: column.name, type: column.type, values: data };
  });
  return makeTable(columns, length);
}

function castValue(value: unknown, expr: Expr, type: KustoType): unknown {
  const from = typeOfExpr(expr);
  if (from === type) return value;
  return convertTo(value, type, from);
}
