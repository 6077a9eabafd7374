/**
 * `mv-apply`: runs a subquery over each row's expanded elements and appends its output to the row.
 */
import type { ExecuteApi } from '../executeApi';
import { convertTo, isNull } from '../functions/helpers';
import { makeTable } from '../kernel/tables';
import type { ColumnSchema, Tabular } from '../plan';
import { Scope } from '../syntax/scope';
import type { Column, Table } from '../table';
import type { TranslateApi } from '../translateApi';
import type { OperatorSite, PlanOf } from './operator';

import { expandItems, expandValues } from './mvExpand';

export function translate(site: OperatorSite, api: TranslateApi): Tabular {
  const { node, scope, schema } = site;
  const input = site.need();
  const parameters = api.parameters(node.Parameters);
  const items = expandItems(api, node.Expressions, scope, input.schema ?? []);
  const indexColumn = parameters.get('with_itemindex')?.text;
  const inner = new Scope(scope);
  const rowsSchema: ColumnSchema[] = (input.schema ?? []).slice();
  for (const item of items) {
    const index = rowsSchema.findIndex((column) => column.name === item.name);
    if (index >= 0) rowsSchema[index] = { name: item.name, type: item.type };
    else rowsSchema.push({ name: item.name, type: item.type });
  }
  if (indexColumn) rowsSchema.push({ name: indexColumn, type: 'long' });
  const rowsPlan: Tabular = { op: 'table', name: '__mvapply_rows', schema: rowsSchema, span: api.span(node) };
  const subqueryRoot = node.Subquery.Expression;
  const subquery = api.pipelineOver(subqueryRoot, rowsPlan, inner);
  const limit = node.RowLimitClause ? api.scalar(node.RowLimitClause.RowLimit, scope, undefined) : undefined;
  // Kusto drops an input column expanded by its plain name (`mv-apply Arr on`), with or without `to typeof()`;
  // `x = Arr` keeps Arr beside the subquery's columns.
  const consumed = items.flatMap((item) =>
    !item.aliased && item.expr.kind === 'column' ? [item.expr.name] : [],
  );
  return {
    op: 'mvapply',
    input,
    items: items.map(({ name, expr, type }) => ({ name, expr, type })),
    consumed,
    subquery,
    schema,
    span: api.span(node),
    ...(indexColumn ? { indexColumn } : {}),
    ...(limit ? { limit } : {}),
  };
}

export function execute(plan: PlanOf<'mvapply'>, api: ExecuteApi): Table {
  const input = api.run(plan.input);
  const fns = plan.items.map((item) => api.compile(item.expr, input));
  const outputs: { row: number; table: Table }[] = [];
  for (let row = 0; row < input.length; row++) {
    const arrays = fns.map((fn) => {
      const value = fn(row);
      return isNull(value) ? [] : expandValues(value, 'bag');
    });
    const count = Math.max(0, ...arrays.map((a) => a.length));
    api.budget.reserveRows('mv-apply', count, input.columns.length + plan.items.length + 1, plan.span);
    // The subquery sees the row's columns, with each expanded item replacing (or added beside) its source.
    // Fresh columns: a source column's dictionary codes or cell reader index the input's rows, not these.
    const columns: Column[] = input.columns.map((column) => ({
      name: column.name,
      type: column.type,
      values: new Array(count).fill(column.values[row]),
    }));
    plan.items.forEach((item, k) => {
      const column: Column = {
        name: item.name,
        type: item.type,
        values: Array.from({ length: count }, (_, i) => {
          const v = i < arrays[k]!.length ? arrays[k]![i] : null;
          return item.type === 'dynamic' ? v : convertTo(v, item.type, 'dynamic');
        }),
      };
      const index = columns.findIndex((c) => c.name === item.name);
      if (index >= 0) columns[index] = column;
      else columns.push(column);
    });
    if (plan.indexColumn) {
      columns.push({
        name: plan.indexColumn,
        type: 'long',
        values: Array.from({ length: count }, (_, i) => i),
      });
    }
    const rows = new Map([['__mvapply_rows', makeTable(columns, count)]]);
    outputs.push({ row, table: api.withTemp(rows, () => api.run(plan.subquery)) });
    api.check(plan.span);
  }
  // The output keeps the input's columns (less those expanded by plain name) in place, a subquery column of the same
  // name taking its slot, then the subquery's other columns, as Kusto.Language's result schema lays them out.
  const subColumns: readonly Column[] =
    outputs[0]?.table.columns ??
    (plan.subquery.schema ?? []).map((c) => ({ name: c.name, type: c.type, values: [] as unknown[] }));
  const subIndex = new Map(subColumns.map((c, k) => [c.name, k]));
  const consumed = new Set(plan.consumed);
  const contextColumns = input.columns.filter((c) => !consumed.has(c.name));
  const contextNames = new Set(contextColumns.map((c) => c.name));
  const sources: ({ from: 'row'; column: Column } | { from: 'sub'; index: number })[] = [
    ...contextColumns.map((column) => {
      const index = subIndex.get(column.name);
      return index === undefined ? { from: 'row' as const, column } : { from: 'sub' as const, index };
    }),
    ...subColumns.flatMap((c, index) => (contextNames.has(c.name) ? [] : [{ from: 'sub' as const, index }])),
  ];
  const columns: Column[] = sources.map((source) => {
    const like = source.from === 'row' ? source.column : subColumns[source.index]!;
    return { name: like.name, type: like.type, values: [] as unknown[] };
  });
  let length = 0;
  for (const { row, table } of outputs) {
    for (let i = 0; i < table.length; i++) {
      sources.forEach((source, k) => {
        columns[k]!.values.push(
          source.from === 'row' ? source.column.values[row] : table.columns[source.index]?.values[i],
        );
      });
      length++;
    }
  }
  return makeTable(columns, length);
}
