import type { ResultColumn, WireValue } from '../../../kql/types';
import { compareValues, formatCell } from './values';

export interface SortState {
  readonly column: number;
  readonly direction: 'asc' | 'desc';
}

/** Column index → text that the cell's shown text must contain (case-insensitive). */
export type ColumnFilters = Readonly<Record<number, string>>;

/**
 * The order of row indexes that the grid shows: rows kept by every column filter, then sorted (stable, so ties keep
 * the query's order). Works on indexes so 100k-row results are never copied.
 */
export function visibleRowOrder(
  columns: readonly ResultColumn[],
  rows: readonly (readonly WireValue[])[],
  filters: ColumnFilters,
  sort: SortState | undefined,
): number[] {
  const activeFilters = Object.entries(filters)
    .map(([column, text]) => ({ column: Number(column), needle: text.trim().toLowerCase() }))
    .filter(({ column, needle }) => needle !== '' && columns[column] !== undefined);

  const order: number[] = [];
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index]!;
    const kept = activeFilters.every(({ column, needle }) =>
      formatCell(row[column] ?? null, columns[column]!.type)
        .toLowerCase()
        .includes(needle),
    );
    if (kept) order.push(index);
  }

  if (sort && columns[sort.column]) {
    const type = columns[sort.column]!.type;
    const sign = sort.direction === 'asc' ? 1 : -1;
    order.sort(
      (a, b) =>
        sign * compareValues(rows[a]![sort.column] ?? null, rows[b]![sort.column] ?? null, type) || a - b,
    );
  }
  return order;
}

/** The next sort when a column header is activated: ascending, then descending, then the query's own order. */
export function nextSort(current: SortState | undefined, column: number): SortState | undefined {
  if (!current || current.column !== column) return { column, direction: 'asc' };
  if (current.direction === 'asc') return { column, direction: 'desc' };
  return undefined;
}

/** One row as a JSON object keyed by column name, in wire format (what "copy row as JSON" puts on the clipboard). */
export function rowAsJson(columns: readonly ResultColumn[], row: readonly WireValue[]): string {
  const record: Record<string, WireValue> = {};
  columns.forEach((column, index) => {
    record[column.name] = row[index] ?? null;
  });
  return JSON.stringify(record, null, 2);
}

/** One cell as JSON: a string stays a JSON string, so pasting it back into a query keeps its quotes right. */
export function cellAsJson(value: WireValue): string {
  return JSON.stringify(value ?? null);
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV of the rows in the given order, with a header row; dynamic values as JSON, nulls empty. */
export function toCsv(
  columns: readonly ResultColumn[],
  rows: readonly (readonly WireValue[])[],
  order: readonly number[],
): string {
  const lines = [columns.map((column) => csvField(column.name)).join(',')];
  for (const index of order) {
    const row = rows[index]!;
    lines.push(
      columns
        .map((column, columnIndex) => {
          const value = row[columnIndex] ?? null;
          if (value === null) return '';
          const text =
            column.type === 'dynamic' && typeof value !== 'string'
              ? JSON.stringify(value)
              : formatCell(value, column.type);
          return csvField(text);
        })
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
