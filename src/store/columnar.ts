/**
 * How a chunk of rows is kept in IndexedDB: one typed array (or dictionary) per column, never an object per
 * row. Encoding follows the engine's wire-value rules (fromWireValue) exactly, so a table loaded from the
 * store gives the same query results as the same NDJSON loaded into the engine in Node.
 */
import type { ColumnChunk } from '../kql/table';
import type { KustoType, WireValue } from '../kql/types';
import { fromWireValue, toWireValue } from '../kql/values';
import type { ColumnDefinition } from '../tables/index';

const TICKS_PER_MS = 10_000n;

/**
 * - `dict`: string, guid and dynamic (JSON text). Code -1 is "" for string and null for guid and dynamic.
 * - `num`: long, int, real, decimal. `nulls[i] === 1` marks a null cell (only present when there is one).
 * - `bool`: 0 false, 1 true.
 * - `datetime`: epoch milliseconds plus 0..9999 extra 100-ns ticks (only present when any is non-zero).
 * - `timespan`: signed 100-ns ticks.
 */
export type StoredColumn =
  | { kind: 'dict'; dictionary: string[]; codes: Int32Array }
  | { kind: 'num'; values: Float64Array; nulls?: Uint8Array }
  | { kind: 'bool'; values: Uint8Array; nulls?: Uint8Array }
  | { kind: 'datetime'; epochMs: Float64Array; subMsTicks?: Uint16Array; nulls?: Uint8Array }
  | { kind: 'timespan'; ticks: BigInt64Array; nulls?: Uint8Array };

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

class NullMask {
  mask: Uint8Array | undefined;
  constructor(private readonly length: number) {}
  set(index: number): void {
    this.mask ??= new Uint8Array(this.length);
    this.mask[index] = 1;
  }
}

function encodeDictionary(
  rows: readonly Record<string, unknown>[],
  name: string,
  type: KustoType,
): StoredColumn {
  const codes = new Int32Array(rows.length);
  const dictionary: string[] = [];
  const lookup = new Map<string, number>();
  // Producers repeat a value row after row (TenantId, Type, a shared object): the same reference as the
  // previous row needs neither JSON.stringify nor a dictionary lookup.
  let previousRaw: unknown = undefined;
  let previousCode = -1;
  // The simulation shares objects between rows that are not neighbours (one `User` object per identity).
  const objectCodes = type === 'dynamic' ? new Map<object, number>() : undefined;
  for (let i = 0; i < rows.length; i++) {
    const raw = rows[i]![name];
    if (i > 0 && raw === previousRaw) {
      codes[i] = previousCode;
      continue;
    }
    previousRaw = raw;
    if (objectCodes && typeof raw === 'object' && raw !== null) {
      const known = objectCodes.get(raw);
      if (known !== undefined) {
        codes[i] = previousCode = known;
        continue;
      }
    }
    let text: string | null;
    if (typeof raw === 'string' && type !== 'dynamic') text = raw;
    else if (raw === null || raw === undefined) text = null;
    else if (type === 'dynamic') {
      const value = fromWireValue(raw, 'dynamic');
      text = value === null ? null : JSON.stringify(value);
    } else text = fromWireValue(raw, type) as string | null;
    if (text === null || (text === '' && type === 'string')) {
      codes[i] = previousCode = -1;
      continue;
    }
    let code = lookup.get(text);
    if (code === undefined) {
      code = dictionary.length;
      dictionary.push(text);
      lookup.set(text, code);
    }
    codes[i] = previousCode = code;
    if (objectCodes && typeof raw === 'object' && raw !== null) objectCodes.set(raw, code);
  }
  return { kind: 'dict', dictionary, codes };
}

function encodeNumber(rows: readonly Record<string, unknown>[], name: string, type: KustoType): StoredColumn {
  const values = new Float64Array(rows.length);
  const nulls = new NullMask(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const raw = rows[i]![name];
    const value = typeof raw === 'number' ? raw : (fromWireValue(raw, type) as number | null);
    if (value === null) nulls.set(i);
    else values[i] = value;
  }
  return nulls.mask ? { kind: 'num', values, nulls: nulls.mask } : { kind: 'num', values };
}

function encodeBool(rows: readonly Record<string, unknown>[], name: string): StoredColumn {
  const values = new Uint8Array(rows.length);
  const nulls = new NullMask(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const raw = rows[i]![name];
    const value = typeof raw === 'boolean' ? raw : (fromWireValue(raw, 'bool') as boolean | null);
    if (value === null) nulls.set(i);
    else values[i] = value ? 1 : 0;
  }
  return nulls.mask ? { kind: 'bool', values, nulls: nulls.mask } : { kind: 'bool', values };
}

/**
 * Reads `YYYY-MM-DDTHH:MM:SS[.fraction]Z` (what toISOString and the simulation write) straight from the
 * character codes into `out` ([epoch ms, extra 100-ns ticks]); false for anything else, which then goes
 * through the engine's full parser. Out-of-range fields roll over as in the engine (Date.UTC).
 */
function parsePlainIso(text: string, out: [number, number]): boolean {
  const length = text.length;
  if (length < 20 || text.charCodeAt(length - 1) !== 90 /* Z */ || text.charCodeAt(10) !== 84 /* T */)
    return false;
  if (
    text.charCodeAt(4) !== 45 ||
    text.charCodeAt(7) !== 45 ||
    text.charCodeAt(13) !== 58 ||
    text.charCodeAt(16) !== 58
  ) {
    return false;
  }
  let fields = 0;
  const two = (at: number) => {
    const a = text.charCodeAt(at) - 48;
    const b = text.charCodeAt(at + 1) - 48;
    if (a < 0 || a > 9 || b < 0 || b > 9) fields = -1;
    return a * 10 + b;
  };
  const year = two(0) * 100 + two(2);
  const month = two(5);
  const day = two(8);
  const hour = two(11);
  const minute = two(14);
  const second = two(17);
  if (fields < 0 || year < 100) return false;
  let ms = 0;
  let ticks = 0;
  if (length > 20) {
    if (text.charCodeAt(19) !== 46 /* . */ || length > 30) return false;
    // Up to 7 fraction digits count (3 for ms, 4 for 100-ns ticks); Kusto ignores the rest.
    for (let at = 20, place = 0; at < length - 1; at++, place++) {
      const digit = text.charCodeAt(at) - 48;
      if (digit < 0 || digit > 9) return false;
      if (place < 3) ms += digit * (place === 0 ? 100 : place === 1 ? 10 : 1);
      else if (place < 7) ticks += digit * (place === 3 ? 1000 : place === 4 ? 100 : place === 5 ? 10 : 1);
    }
  } else if (length !== 20) return false;
  const epoch = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  if (Number.isNaN(epoch)) return false;
  out[0] = epoch;
  out[1] = ticks;
  return true;
}

function encodeDatetime(rows: readonly Record<string, unknown>[], name: string): StoredColumn {
  const epochMs = new Float64Array(rows.length);
  let subMsTicks: Uint16Array | undefined;
  const nulls = new NullMask(rows.length);
  const parsed: [number, number] = [0, 0];
  for (let i = 0; i < rows.length; i++) {
    const raw = rows[i]![name];
    if (typeof raw === 'string' && parsePlainIso(raw, parsed)) {
      epochMs[i] = parsed[0];
      if (parsed[1] !== 0) {
        subMsTicks ??= new Uint16Array(rows.length);
        subMsTicks[i] = parsed[1];
      }
      continue;
    }
    const ticks =
      raw instanceof Date
        ? BigInt(raw.getTime()) * TICKS_PER_MS
        : (fromWireValue(raw, 'datetime') as bigint | null);
    if (ticks === null) {
      nulls.set(i);
      continue;
    }
    const ms = floorDiv(ticks, TICKS_PER_MS);
    epochMs[i] = Number(ms);
    const sub = Number(ticks - ms * TICKS_PER_MS);
    if (sub !== 0) {
      subMsTicks ??= new Uint16Array(rows.length);
      subMsTicks[i] = sub;
    }
  }
  const column: StoredColumn = { kind: 'datetime', epochMs };
  if (subMsTicks) column.subMsTicks = subMsTicks;
  if (nulls.mask) column.nulls = nulls.mask;
  return column;
}

function encodeTimespan(rows: readonly Record<string, unknown>[], name: string): StoredColumn {
  const ticks = new BigInt64Array(rows.length);
  const nulls = new NullMask(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const value = fromWireValue(rows[i]![name], 'timespan') as bigint | null;
    if (value === null) nulls.set(i);
    else ticks[i] = value;
  }
  return nulls.mask ? { kind: 'timespan', ticks, nulls: nulls.mask } : { kind: 'timespan', ticks };
}

/** Encodes one column of wire rows (keys = column names; a missing key is null, "" for strings). */
export function encodeColumn(
  rows: readonly Record<string, unknown>[],
  column: ColumnDefinition,
): StoredColumn {
  switch (column.type) {
    case 'string':
    case 'guid':
    case 'dynamic':
      return encodeDictionary(rows, column.name, column.type);
    case 'long':
    case 'int':
    case 'real':
    case 'decimal':
      return encodeNumber(rows, column.name, column.type);
    case 'bool':
      return encodeBool(rows, column.name);
    case 'datetime':
      return encodeDatetime(rows, column.name);
    case 'timespan':
      return encodeTimespan(rows, column.name);
  }
}

/** The engine's value (see src/kql values: bigint ticks for datetime/timespan) of one cell. */
export function storedValueAt(column: StoredColumn, type: KustoType, index: number): unknown {
  switch (column.kind) {
    case 'dict': {
      const code = column.codes[index]!;
      if (code < 0) return type === 'string' ? '' : null;
      const text = column.dictionary[code]!;
      return type === 'dynamic' ? (JSON.parse(text) as unknown) : text;
    }
    case 'num':
      return column.nulls?.[index] === 1 ? null : column.values[index]!;
    case 'bool':
      return column.nulls?.[index] === 1 ? null : column.values[index] === 1;
    case 'datetime':
      if (column.nulls?.[index] === 1) return null;
      return BigInt(column.epochMs[index]!) * TICKS_PER_MS + BigInt(column.subMsTicks?.[index] ?? 0);
    case 'timespan':
      return column.nulls?.[index] === 1 ? null : column.ticks[index]!;
  }
}

export function storedWireValueAt(column: StoredColumn, type: KustoType, index: number): WireValue {
  return toWireValue(storedValueAt(column, type, index), type);
}

/** Epoch-ms range of a datetime column (nulls skipped), or undefined when it has no value. */
export function timeRange(column: StoredColumn): { min: number; max: number } | undefined {
  if (column.kind !== 'datetime') return undefined;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < column.epochMs.length; i++) {
    if (column.nulls?.[i] === 1) continue;
    const value = column.epochMs[i]!;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  return min === Infinity ? undefined : { min, max };
}

function concatNulls(parts: readonly (Uint8Array | undefined)[], lengths: readonly number[], total: number) {
  if (parts.every((part) => part === undefined)) return undefined;
  const nulls = new Uint8Array(total);
  let offset = 0;
  parts.forEach((part, index) => {
    if (part) nulls.set(part, offset);
    offset += lengths[index]!;
  });
  return nulls;
}

/**
 * Joins the same column of several chunks into one engine ColumnChunk (typed arrays copied once; dictionaries
 * merged). `parts[i]` undefined means the chunk was written before the column existed: its cells are null.
 */
export function mergeForEngine(
  parts: readonly (StoredColumn | undefined)[],
  lengths: readonly number[],
  type: KustoType,
): ColumnChunk {
  const total = lengths.reduce((sum, length) => sum + length, 0);
  switch (type) {
    case 'string':
    case 'guid':
    case 'dynamic': {
      // The engine keeps a plain array per column, so each chunk's dictionary is expanded straight into it
      // (no merged dictionary to build); a dynamic chunk parses each distinct JSON text once.
      const empty = type === 'string' ? '' : null;
      const values = new Array<unknown>(total);
      let offset = 0;
      parts.forEach((part, index) => {
        const length = lengths[index]!;
        if (part?.kind !== 'dict') {
          for (let i = 0; i < length; i++) values[offset + i] = empty;
        } else {
          const decoded: readonly unknown[] =
            type === 'dynamic' ? part.dictionary.map((text) => JSON.parse(text) as unknown) : part.dictionary;
          const codes = part.codes;
          for (let i = 0; i < length; i++) {
            const code = codes[i]!;
            values[offset + i] = code < 0 ? empty : decoded[code];
          }
        }
        offset += length;
      });
      return { values };
    }
    case 'long':
    case 'int':
    case 'real':
    case 'decimal':
    case 'bool': {
      const values = type === 'bool' ? new Uint8Array(total) : new Float64Array(total);
      const nullParts: (Uint8Array | undefined)[] = [];
      parts.forEach((part, index) => {
        if (part && (part.kind === 'num' || part.kind === 'bool')) {
          nullParts.push(part.nulls);
        } else {
          nullParts.push(new Uint8Array(lengths[index]!).fill(1));
        }
      });
      let offset = 0;
      parts.forEach((part, index) => {
        if (part && (part.kind === 'num' || part.kind === 'bool')) values.set(part.values, offset);
        offset += lengths[index]!;
      });
      const nulls = concatNulls(nullParts, lengths, total);
      return nulls ? { values, nulls } : { values };
    }
    case 'datetime': {
      const epochMs = new Float64Array(total);
      let subMsTicks: Uint16Array | undefined;
      const nullParts: (Uint8Array | undefined)[] = [];
      let offset = 0;
      parts.forEach((part, index) => {
        if (part?.kind === 'datetime') {
          epochMs.set(part.epochMs, offset);
          if (part.subMsTicks) {
            subMsTicks ??= new Uint16Array(total);
            subMsTicks.set(part.subMsTicks, offset);
          }
          nullParts.push(part.nulls);
        } else nullParts.push(new Uint8Array(lengths[index]!).fill(1));
        offset += lengths[index]!;
      });
      const nulls = concatNulls(nullParts, lengths, total);
      return { epochMs, ...(subMsTicks ? { subMsTicks } : {}), ...(nulls ? { nulls } : {}) };
    }
    case 'timespan': {
      const ticks = new BigInt64Array(total);
      const nullParts: (Uint8Array | undefined)[] = [];
      let offset = 0;
      parts.forEach((part, index) => {
        if (part?.kind === 'timespan') {
          ticks.set(part.ticks, offset);
          nullParts.push(part.nulls);
        } else nullParts.push(new Uint8Array(lengths[index]!).fill(1));
        offset += lengths[index]!;
      });
      const nulls = concatNulls(nullParts, lengths, total);
      return nulls ? { ticks, nulls } : { ticks };
    }
  }
}
