/**
 * Columnar tables. A column holds one engine value per row (see values.ts for the value model); the loaders below
 * turn wire rows and typed-array chunks into columns.
 */
import type { KustoType, TableSchema } from './types';
import { fromWireValue, TICKS_PER_MS } from './values';
import { parseJsonText } from './json';

/** A stored dynamic cell: its JSON value, or the text itself when it is not JSON or nests too deep to hold. */
function parseStoredJson(text: string): unknown {
  try {
    return parseJsonText(text);
  } catch {
    return text;
  }
}

export interface Column {
  readonly name: string;
  readonly type: KustoType;
  readonly values: unknown[];
  /**
   * For a datetime column loaded from whole epoch milliseconds without nulls: those milliseconds, so that bin() and
   * grouping by time can work on doubles instead of bigint ticks.
   */
  readonly epochMs?: ArrayLike<number>;
  /**
   * For a string column loaded dictionary-encoded: its distinct texts and one code per row (a negative code is ""), so
   * that predicates and grouping can work once per text instead of once per row.
   */
  readonly dictionary?: Dictionary;
  /** Reads one cell without building `values` (columns with a cheap per-cell form: dictionary codes, epoch ms). */
  readonly cell?: (row: number) => unknown;
}

export interface Dictionary {
  readonly texts: readonly string[];
  readonly codes: ArrayLike<number>;
}

/**
 * A column made of the rows `rows` of `source`, built on first use. It keeps the source's dictionary codes and epoch
 * milliseconds (gathered on first use too), and reads cells through `source.cell` so that a few selected rows never
 * make the whole source column be built.
 */
export function gatherColumn(source: Column, rows: ArrayLike<number>, name = source.name): Column {
  const n = rows.length;
  const read = source.cell;
  const column = lazyColumn(name, source.type, () => {
    const values = new Array<unknown>(n);
    if (read) {
      for (let i = 0; i < n; i++) values[i] = read(rows[i]!);
    } else gatherInto(values, source.values, rows);
    return values;
  });
  const dictionary = source.dictionary;
  if (dictionary) {
    let codes: Int32Array | undefined;
    const gatheredCodes = () => {
      if (!codes) {
        codes = new Int32Array(n);
        gatherInto(codes, dictionary.codes, rows);
      }
      return codes;
    };
    Object.defineProperty(column, 'dictionary', {
      get: () => ({ texts: dictionary.texts, codes: gatheredCodes() }),
      enumerable: true,
    });
  }
  const sourceMs = source.epochMs;
  if (sourceMs) {
    let epochMs: Float64Array | undefined;
    Object.defineProperty(column, 'epochMs', {
      get: () => {
        if (!epochMs) {
          epochMs = new Float64Array(n);
          gatherInto(epochMs, sourceMs, rows);
        }
        return epochMs;
      },
      enumerable: true,
    });
  }
  if (read)
    Object.defineProperty(column, 'cell', { value: (row: number) => read(rows[row]!), enumerable: true });
  return column;
}

/**
 * `into[i] = source[rows[i]]`. A module-level loop rather than one in the closures above: V8 keeps a closure's
 * optimised code only while one of its closures lives, and those are made per query, so a loop in them ran
 * unoptimised again after each collection of the whole heap (one in every pause between a learner's queries).
 */
function gatherInto<T>(into: { [index: number]: T }, source: ArrayLike<T>, rows: ArrayLike<number>): void {
  const n = rows.length;
  for (let i = 0; i < n; i++) into[i] = source[rows[i]!]!;
}

/** The same column under another name, keeping its fast forms (dictionary, epoch ms, cell reader). */
export function renamedColumn(source: Column, name: string): Column {
  const column = lazyColumn(name, source.type, () => source.values);
  for (const key of ['dictionary', 'epochMs', 'cell'] as const) {
    if (source[key] !== undefined)
      Object.defineProperty(column, key, { get: () => source[key], enumerable: true });
  }
  return column;
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
  | {
      readonly values: ArrayLike<unknown>;
      readonly nulls?: Uint8Array;
      /** Reads one engine value without building `values` (a column decoded on first use). */
      readonly cell?: (row: number) => unknown;
    }
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
    if (whole) {
      Object.defineProperty(column, 'epochMs', { value: epochMs, enumerable: true });
      const cell = (row: number) => BigInt(epochMs[row]!) * TICKS_PER_MS;
      Object.defineProperty(column, 'cell', { value: cell, enumerable: true });
    }
  }
  if ('cell' in chunk && chunk.cell)
    Object.defineProperty(column, 'cell', { value: chunk.cell, enumerable: true });
  if ((type === 'string' || type === 'guid') && 'dictionary' in chunk) {
    const texts = chunk.dictionary;
    const codes = chunk.codes;
    Object.defineProperty(column, 'dictionary', { value: { texts, codes }, enumerable: true });
    const cell = (row: number) => {
      const code = codes[row]!;
      return code < 0 ? '' : (texts[code] ?? '');
    };
    Object.defineProperty(column, 'cell', { value: cell, enumerable: true });
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
      values[i] = text ? parseStoredJson(text) : null;
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
