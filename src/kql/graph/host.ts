import type { Expr, Span, Tabular } from '../plan';
import type { Table } from '../table';

/** What the graph operators borrow from the executor (../execute.ts). */
export interface GraphExecutionHost {
  run(plan: Tabular): Table;
  /** Compiles a scalar expression over a table's columns: `(row) => value`. */
  compile(expr: Expr, table: Table): (row: number) => unknown;
  /** Stops a cancelled or runaway query; call it in loops. */
  check(span: Span): void;
}
