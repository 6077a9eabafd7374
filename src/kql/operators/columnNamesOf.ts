/**
 * `column_names_of(T)`: the column names of a tabular expression, as a dynamic array. The names come from the
 * expression's result at run time, because inside a function body the analyzer only knows the declared parameter
 * schema, while the caller's table may have more columns.
 */
import type { Expr, Span, Tabular } from '../plan';
import type { ExecuteApi } from '../executeApi';
import type { Table } from '../table';
import type { PlanOf } from './operator';

export function columnNamesOfExpr(query: Tabular, span: Span): Expr {
  return { kind: 'toscalar', query: { op: 'columnnames', input: query, span }, type: 'dynamic' };
}

/** One row, one dynamic column holding the input's column names in order. */
export function columnNamesTable(input: Table): Table {
  return {
    columns: [{ name: 'Columns', type: 'dynamic', values: [input.columns.map((column) => column.name)] }],
    length: 1,
  };
}

export function execute(plan: PlanOf<'columnnames'>, api: ExecuteApi): Table {
  return columnNamesTable(api.run(plan.input));
}
