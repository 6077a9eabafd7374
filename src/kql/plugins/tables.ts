/** Small table helpers shared by the plugins. */
import type { Column, Table } from '../table';
import type { KustoType } from '../types';

export function gatherRows(table: Table, rows: readonly number[]): Table {
  const columns: Column[] = table.columns.map((column) => {
    const source = column.values;
    return { name: column.name, type: column.type, values: rows.map((row) => source[row]) };
  });
  return { columns, length: rows.length };
}

/** A table from named, typed value arrays of equal length. */
export function tableOf(columns: readonly { name: string; type: KustoType; values: unknown[] }[]): Table {
  return { columns: columns.map((c) => ({ ...c })), length: columns[0]?.values.length ?? 0 };
}
