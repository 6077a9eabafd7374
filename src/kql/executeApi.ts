/**
 * What plan operators (operators/), graph operators (graph/) and plug-ins (plugins/) use to run: the kernel's
 * Context (kernel/context.ts) implements it, so no module needs the executor itself.
 */
import type { QueryBudget } from './budget';
import type { Expr, Span, Tabular } from './plan';
import type { Table } from './table';
import type { ChartSpec, KustoType } from './types';

/** A compiled expression: the value at one row of the table it was compiled against. */
export type RowFunction = (row: number) => unknown;

export interface ExecuteApi {
  /** Runs a tabular plan (with the query's shared results, clock and limits). */
  run(plan: Tabular): Table;
  /** Compiles an expression against a table's columns (by name). */
  compile(expr: Expr, table: Table): RowFunction;
  /** The value of an expression that reads no column (a literal, a let scalar, toscalar()). */
  constant(expr: Expr): unknown;
  typeOf(expr: Expr): KustoType;
  /** Evaluates a compiled expression over `length` rows, charging large dynamic cells to the memory budget. */
  evaluate(fn: RowFunction, length: number, span: Span): unknown[];
  /** A table by name: a temporary one (mv-apply rows, a partition) first, else the database's. */
  table(name: string): Table;
  /** The result of a shared plan (`let`, `as`, materialize), computed once per query (or per temporary scope). */
  shared(id: number, input: Tabular): Table;
  /**
   * Runs `body` with temporary tables bound by name (read by `{ op: 'table' }` plans), and with toscalar() results
   * computed afresh, since they may read those tables.
   */
  withTemp<T>(tables: ReadonlyMap<string, Table>, body: () => T): T;
  /** Call in loops: throws when the query was cancelled or ran past its time limit. */
  check(span: Span): void;
  /** Before an operator produces `rows` rows of `columns` cells: throws KQL_LIMIT past the row limit or memory budget. */
  reserveRows(what: string, rows: number, columns: number, span: Span): void;
  /** The query's row and memory budget, for operators that count as they go (mv-expand). */
  readonly budget: QueryBudget;
  /** What `render` asked for: the chart of this output. */
  setChart(chart: ChartSpec): void;
  /** The caller's "now", in 100-ns ticks since 1970. */
  readonly nowTicks: bigint;
}
