/**
 * `mv-expand`: one row per element of a dynamic array or property bag (several columns expand side by side).
 */
import type { ExecuteApi } from '../executeApi';
import { convertTo, isNull } from '../functions/helpers';
import { gather, makeTable } from '../kernel/tables';
import type { ColumnSchema, Expr, Tabular } from '../plan';
import { Scope } from '../syntax/scope';
import type { Column, Table } from '../table';
import type { TranslateApi } from '../translateApi';
import type { KustoType } from '../types';
import type { OperatorSite, PlanOf } from './operator';
import type { SyntaxNode } from '../syntax/node';

export function translate(site: OperatorSite, api: TranslateApi): Tabular {
  const { node, scope, schema } = site;
  const input = site.need();
  const parameters = api.parameters(node.Parameters);
  const items = expandItems(api, node.Expressions, scope, input.schema ?? []);
  const fixed = items.map(({ name, expr, type }) => {
    const fromSchema = schema?.find((column) => column.name === name);
    return { name, expr, type: type !== 'dynamic' ? type : (fromSchema?.type ?? 'dynamic') };
  });
  const limit = node.RowLimitClause ? api.scalar(node.RowLimitClause.RowLimit, scope, undefined) : undefined;
  const indexColumn = parameters.get('with_itemindex')?.text;
  return {
    op: 'mvexpand',
    input,
    items: fixed,
    bagexpansion:
      (parameters.get('bagexpansion')?.text ?? parameters.get('kind')?.text) === 'array' ? 'array' : 'bag',
    schema,
    span: api.span(node),
    ...(limit ? { limit } : {}),
    ...(indexColumn ? { indexColumn } : {}),
  };
}

export function expandItems(
  api: TranslateApi,
  list: SyntaxNode,
  scope: Scope,
  rowSchema: readonly ColumnSchema[],
): { name: string; expr: Expr; type: KustoType; aliased: boolean }[] {
  return api.elements(list).map((item) => {
    let expression = item.Expression;
    let name: string | undefined;
    if (api.kind(expression) === 'SimpleNamedExpression') {
      name = expression.Name.SimpleName;
      expression = expression.Expression;
    }
    const aliased = name !== undefined;
    const expr = api.scalar(expression, scope, rowSchema);
    if (!name) name = expr.kind === 'column' ? expr.name : api.text(expression).trim();
    const type = item.ToTypeOf ? api.typeName(item.ToTypeOf.TypeOf.Type ?? item.ToTypeOf.TypeOf) : 'dynamic';
    return { name, expr, type, aliased };
  });
}

export function expandValues(value: unknown, bagexpansion: 'bag' | 'array'): unknown[] {
  if (Array.isArray(value)) return value;
  if (value && typeof value === 'object') {
    return Object.entries(value).map(([k, v]) => (bagexpansion === 'array' ? [k, v] : { [k]: v }));
  }
  if (typeof value === 'string') {
    try {
      const parsed = JSON.parse(value) as unknown;
      if (parsed && typeof parsed === 'object') return expandValues(parsed, bagexpansion);
    } catch {
      // not JSON: a scalar expands to itself
    }
  }
  return [value];
}

export function execute(plan: PlanOf<'mvexpand'>, api: ExecuteApi): Table {
  const input = api.run(plan.input);
  const fns = plan.items.map((item) => api.compile(item.expr, input));
  const limit = plan.limit ? Number(api.constant(plan.limit)) : Infinity;
  const sourceRows: number[] = [];
  const expanded: unknown[][] = plan.items.map(() => []);
  const indexes: number[] = [];
  let expandedRows = 0;
  for (let row = 0; row < input.length; row++) {
    const arrays = fns.map((fn) => {
      const value = fn(row);
      if (isNull(value)) return [];
      return expandValues(value, plan.bagexpansion);
    });
    const count = Math.min(limit, Math.max(0, ...arrays.map((a) => a.length)));
    if (count === 0 && arrays.every((a) => a.length === 0)) {
      // Kusto keeps a row whose array is empty? No: an empty array produces no row.
      continue;
    }
    // Asked before this row's expansion is pushed: the operator stops at the limit, not past it.
    expandedRows += count;
    api.budget.checkRows('mv-expand', expandedRows, plan.span);
    api.budget.charge('mv-expand', count * (plan.items.length + 2) * 8, plan.span);
    for (let i = 0; i < count; i++) {
      sourceRows.push(row);
      indexes.push(i);
      arrays.forEach((array, k) => expanded[k]!.push(i < array.length ? array[i] : null));
    }
    api.check(plan.span);
  }
  const base = gather(input, sourceRows);
  const columns = base.columns.slice();
  plan.items.forEach((item, k) => {
    const values =
      item.type === 'dynamic' ? expanded[k]! : expanded[k]!.map((v) => convertTo(v, item.type, 'dynamic'));
    const column: Column = { name: item.name, type: item.type, values };
    const index = columns.findIndex((c) => c.name === item.name);
    if (index >= 0) columns[index] = column;
    else columns.push(column);
  });
  if (plan.indexColumn) columns.push({ name: plan.indexColumn, type: 'long', values: indexes });
  return makeTable(columns, sourceRows.length);
}
