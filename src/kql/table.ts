/**
 * Columnar tables. A column holds one engine value per row (see values.ts for the value model); the loaders below
 * turn wire rows and typed-array chunks into columns.
 */
import type { KustoType, TableSchema } from './types';
import { fromWireValue, TICKS_PER_MS } from './values';

export interface Column {
  readonly name: string;
  readonly type: KustoType;
  readonly values: unknown[];
  /**
   * For a datetime column loaded from whole epoch milliseconds without nulls: those milliseconds, so that bin() and
   * grouping by time can work on doubles instead of bigint ticks.
   */
  readonly epochMs?: ArrayLike<number>;
}

/**
 * A column whose values are built on first use: loading keeps the chunks and a filter keeps the selected row numbers,
 * so a query pays only for the columns it reads.
 */
export function lazyColumn(name: string, type: KustoType, build: () => unknown[]): Column {
  let values: unknown[] | undefined;
  return {
    name,
    type,
    get values() {
      values ??= build();
      return values;
    },
  };
}

export interface Table {
  readonly columns: Column[];
  readonly length: number;
}

export function emptyTable(schema: TableSchema): Table {
  return { columns: schema.columns.map((c) => ({ name: c.name, type: c.type, values: [] })), length: 0 };
}

/** Builds a table from wire rows (NDJSON objects). A missing key is null ("" for a string column). */
export function tableFromRows(schema: TableSchema, rows: readonly Record<string, unknown>[]): Table {
  const columns: Column[] = schema.columns.map((c) => {
    const values = new Array<unknown>(rows.length);
    for (let i = 0; i < rows.length; i++) values[i] = fromWireValue(rows[i]![c.name], c.type);
    return { name: c.name, type: c.type, values };
  });
  return { columns, length: rows.length };
}

/**
 * One column in the fast columnar load path. Accepted formats, by column type (`nulls[i] === 1` marks a null cell in
 * every format that has `nulls`):
 * - string, guid: `{ values: string[] }` or dictionary-encoded `{ dictionary: string[], codes: Int32Array | Uint32Array
 *   | Uint16Array | number[] }` (a negative code is "").
 * - long, int, real, decimal: `{ values: Float64Array | Int32Array | number[], nulls?: Uint8Array }`.
 * - bool: `{ values: Uint8Array | boolean[], nulls?: Uint8Array }` (0 false, 1 true).
 * - datetime: `{ epochMs: Float64Array | number[], subMsTicks?: Uint16Array, nulls?: Uint8Array }` (milliseconds since
 *   the Unix epoch plus 0..9999 extra 100-ns ticks) or `{ ticks: BigInt64Array, nulls?: Uint8Array }` (100-ns ticks
 *   since the Unix epoch).
 * - timespan: `{ ticks: BigInt64Array, nulls?: Uint8Array }` or `{ ms: Float64Array | number[], nulls?: Uint8Array }`.
 * - dynamic: `{ values: unknown[] }` (parsed JSON values, null for empty) or `{ json: string[] }` (JSON texts, "" for empty).
 */
export type ColumnChunk =
  | { readonly values: ArrayLike<unknown>; readonly nulls?: Uint8Array }
  | { readonly dictionary: readonly string[]; readonly codes: ArrayLike<number> }
  | {
      readonly epochMs: ArrayLike<number>;
      readonly subMsTicks?: ArrayLike<number>;
      readonly nulls?: Uint8Array;
    }
  | { readonly ticks: BigInt64Array; readonly nulls?: Uint8Array }
  | { readonly ms: ArrayLike<number>; readonly nulls?: Uint8Array }
  | { readonly json: readonly string[] };

export function columnFromChunk(name: string, type: KustoType, rowCount: number, chunk: ColumnChunk): Column {
  const column = lazyColumn(name, type, () => valuesFromChunk(type, rowCount, chunk));
  if (type === 'datetime' && 'epochMs' in chunk && !chunk.subMsTicks && !chunk.nulls) {
    const epochMs = chunk.epochMs;
    let whole = true;
    for (let i = 0; i < rowCount && whole; i++) whole = Number.isInteger(epochMs[i]);
    if (whole) Object.defineProperty(column, 'epochMs', { value: epochMs, enumerable: true });
  }
  return column;
}

function valuesFromChunk(type: KustoType, rowCount: number, chunk: ColumnChunk): unknown[] {
  const values = new Array<unknown>(rowCount);
  const nulls = 'nulls' in chunk ? chunk.nulls : undefined;
  if ('dictionary' in chunk) {
    for (let i = 0; i < rowCount; i++) {
      const code = chunk.codes[i]!;
      values[i] = code < 0 ? '' : (chunk.dictionary[code] ?? '');
    }
  } else if ('epochMs' in chunk) {
    const sub = chunk.subMsTicks;
    for (let i = 0; i < rowCount; i++) {
      values[i] =
        nulls?.[i] === 1 ? null : BigInt(chunk.epochMs[i]!) * TICKS_PER_MS + (sub ? BigInt(sub[i]!) : 0n);
    }
  } else if ('ticks' in chunk) {
    for (let i = 0; i < rowCount; i++) values[i] = nulls?.[i] === 1 ? null : chunk.ticks[i]!;
  } else if ('ms' in chunk) {
    for (let i = 0; i < rowCount; i++)
      values[i] = nulls?.[i] === 1 ? null : BigInt(Math.round(chunk.ms[i]! * 10_000));
  } else if ('json' in chunk) {
    for (let i = 0; i < rowCount; i++) {
      const text = chunk.json[i];
      values[i] = text ? (JSON.parse(text) as unknown) : null;
    }
  } else {
    const source = chunk.values;
    if (type === 'bool') {
      for (let i = 0; i < rowCount; i++) values[i] = nulls?.[i] === 1 ? null : Boolean(source[i]);
    } else if (type === 'string') {
      for (let i = 0; i < rowCount; i++) values[i] = source[i] ?? '';
    } else {
      for (let i = 0; i < rowCount; i++) values[i] = nulls?.[i] === 1 ? null : (source[i] ?? null);
    }
  }
  return values;
}

/** Concatenates tables with the same columns (used to append chunks). */
export function appendTable(target: Table, addition: Table): Table {
  const columns = target.columns.map((column, index) =>
    lazyColumn(column.name, column.type, () => column.values.concat(addition.columns[index]!.values)),
  );
  return { columns, length: target.length + addition.length };
}
