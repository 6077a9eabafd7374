/** Building result tables: gathering rows, evaluating a computed column, adding or replacing a column, conforming. */
import { dynamicBytes } from '../budget';
import { EngineError } from '../errors';
import type { ExecuteApi, RowFunction } from '../executeApi';
import { convertTo, toDynamic, toStringValue } from '../functions/helpers';
import type { ColumnSchema, Span } from '../plan';
import { gatherColumn, lazyColumn, renamedColumn, type Column, type Table } from '../table';
import type { KustoType } from '../types';

export function makeTable(columns: Column[], length: number): Table {
  return { columns, length };
}

/** The rows `rows` of a table, in that order (columns built on first use). */
export function gather(table: Table, rows: ArrayLike<number>): Table {
  return makeTable(
    table.columns.map((column) => gatherColumn(column, rows)),
    rows.length,
  );
}

/** The numbers 0..length-1. */
export function allRows(length: number): number[] {
  return Array.from({ length }, (_, i) => i);
}

export function evaluateColumn(
  fn: RowFunction,
  length: number,
  context: Pick<ExecuteApi, 'check' | 'budget'>,
  span: Span,
): unknown[] {
  const values = new Array<unknown>(length);
  // Dynamic values are the cells that can be large (range(), make_list, pack_array): they are charged to the
  // query's memory budget as they are made, a batch at a time.
  let dynamicBytesSoFar = 0;
  for (let i = 0; i < length; i++) {
    const value = fn(i);
    values[i] = value;
    if (typeof value === 'object' && value !== null) dynamicBytesSoFar += dynamicBytes(value);
    if ((i & 4095) === 4095 || dynamicBytesSoFar > 16 * 1024 * 1024) {
      context.check(span);
      if (dynamicBytesSoFar > 0) context.budget.charge('A computed column', dynamicBytesSoFar, span);
      dynamicBytesSoFar = 0;
    }
  }
  if (dynamicBytesSoFar > 0) context.budget.charge('A computed column', dynamicBytesSoFar, span);
  return values;
}

export function columnByName(table: Table, name: string, span: Span): Column {
  const column = table.columns.find((c) => c.name === name);
  if (!column) throw new EngineError('KQL_UNKNOWN_COLUMN', `The column '${name}' is not in the input.`, span);
  return column;
}

/** The columns with `column` in place of the one of its name, or added at the end. */
export function withColumn(columns: readonly Column[], column: Column): Column[] {
  const result = columns.slice();
  const index = result.findIndex((c) => c.name === column.name);
  if (index >= 0) result[index] = column;
  else result.push(column);
  return result;
}

/** Renames and retypes the output by the analyzer's schema when the shapes agree. */
export function conform(table: Table, schema: readonly ColumnSchema[] | undefined): Table {
  if (!schema || schema.length !== table.columns.length) return table;
  const columns = table.columns.map((column, index) => {
    const target = schema[index]!;
    if (column.name === target.name && column.type === target.type) return column;
    if (target.type === column.type) return renamedColumn(column, target.name);
    return lazyColumn(target.name, target.type, () => coerceColumn(column.values, column.type, target.type));
  });
  return makeTable(columns, table.length);
}

function coerceColumn(values: unknown[], from: KustoType, to: KustoType): unknown[] {
  const numericTypes = new Set<KustoType>(['long', 'int', 'real', 'decimal']);
  if (numericTypes.has(from) && numericTypes.has(to)) {
    if (to === 'long' || to === 'int')
      return values.map((v) => (typeof v === 'number' && Number.isFinite(v) ? Math.trunc(v) : v));
    return values;
  }
  if (to === 'dynamic') return values.map((v) => toDynamic(v, from));
  if (from === 'dynamic' || from === 'string') return values.map((v) => convertTo(v, to, from));
  if (to === 'string') return values.map((v) => toStringValue(v, from));
  return values;
}
