/**
 * What the operator and plugin modules (operators/, plugins/) use to run: execute.ts implements it over its context,
 * so a module needs no import of the executor.
 */
import type { Expr, Span, Tabular } from './plan';
import type { Table } from './table';
import type { KustoType } from './types';

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
  /**
   * Runs `body` with temporary tables bound by name (read by `{ op: 'table' }` plans), and with toscalar() results
   * computed afresh, since they may read those tables.
   */
  withTemp<T>(tables: ReadonlyMap<string, Table>, body: () => T): T;
  /** Call in loops: throws when the query was cancelled or ran past its time limit. */
  check(span: Span): void;
  /** Before an operator produces `rows` rows of `columns` cells: throws KQL_LIMIT past the row limit or memory budget. */
  reserveRows(what: string, rows: number, columns: number, span: Span): void;
  /** The caller's "now", in 100-ns ticks since 1970. */
  readonly nowTicks: bigint;
}
