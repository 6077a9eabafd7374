/**
 * How a chunk of rows is kept in IndexedDB: one typed array (or dictionary) per column, never an object per
 * row. Encoding follows the engine's wire-value rules (fromWireValue) exactly, so a table loaded from the
 * store gives the same query results as the same NDJSON loaded into the engine in Node.
 */
import type { ColumnChunk } from '../kql/table';
import type { KustoType, WireValue } from '../kql/types';
import { toWireValue } from '../kql/values';
import { isJsonSpace, JSON_NUMBER } from '../shared/jsonGrammar';

const TICKS_PER_MS = 10_000n;

/**
 * - `dict`: string, guid and dynamic with repeated values. Code -1 is "" for string and null for guid and dynamic.
 * - `text`: string, guid and dynamic whose values are mostly distinct (ids, payloads): all cells joined into one
 *   string, cell i ending at `ends[i]`. One string clones into IndexedDB far faster than 65,536 small ones and
 *   needs no dictionary lookups. `nulls[i] === 1` marks null (guid, dynamic).
 * - `num`: long, int, real, decimal. `nulls[i] === 1` marks a null cell (only present when there is one).
 * - `bool`: 0 false, 1 true.
 * - `datetime`: epoch milliseconds plus 0..9999 extra 100-ns ticks (only present when any is non-zero).
 * - `timespan`: signed 100-ns ticks.
 *
 * A dynamic cell is kept as wire text: a string the producer gave stays as it is (JSON or not), anything else
 * is its JSON. Reading applies the engine's wire rule (JSON.parse, or the string itself when it is not JSON), so
 * a JSON string from the simulation (ExtendedProperties, Entities) is neither parsed nor re-serialised on the
 * way in. Chunks of format 1 hold JSON.stringify output, which the same rule reads unchanged.
 *
 * Writing is in columnEncoder.ts; this module reads stored columns back.
 */
export type StoredColumn =
  | { kind: 'dict'; dictionary: string[]; codes: Int32Array }
  | { kind: 'text'; text: string; ends: Uint32Array; nulls?: Uint8Array }
  | { kind: 'num'; values: Float64Array; nulls?: Uint8Array }
  | { kind: 'bool'; values: Uint8Array; nulls?: Uint8Array }
  | { kind: 'datetime'; epochMs: Float64Array; subMsTicks?: Uint16Array; nulls?: Uint8Array }
  | { kind: 'timespan'; ticks: BigInt64Array; nulls?: Uint8Array };

/** Thrown when a chunk holds a column kind this version of the site does not know (written by a newer one). */
export class UnknownColumnFormatError extends Error {
  constructor(readonly kind: string) {
    super(`a stored column has the format "${kind}", which this version of the site cannot read`);
    this.name = 'UnknownColumnFormatError';
  }
}

export { encodeColumn, encodeColumns } from './columnEncoder';

const KNOWN_KINDS: ReadonlySet<string> = new Set(['dict', 'text', 'num', 'bool', 'datetime', 'timespan']);

export function isKnownColumnKind(kind: string): boolean {
  return KNOWN_KINDS.has(kind);
}

/** JSON's number grammar, sticky: matched from `lastIndex`, to see whether the number runs to the text's end. */
const JSON_NUMBER_AT = new RegExp(JSON_NUMBER, 'y');

/**
 * False for a text JSON.parse would reject, judged from its ends (and for a number, its grammar): a failed parse
 * throws, and an exception costs far more in a browser's worker than in Node. Log lines that start with a digit (an
 * access log's client address) made the first `tostring(LogMessage)` of a 3-day dataset take 2–4 s in the lab.
 * Never false for valid JSON, so the decoded values are the same with or without it.
 */
export function mayBeJsonText(text: string): boolean {
  let from = 0;
  let to = text.length - 1;
  while (from <= to && isJsonSpace(text.charCodeAt(from))) from++;
  while (to > from && isJsonSpace(text.charCodeAt(to))) to--;
  if (from > to) return false;
  const first = text.charCodeAt(from);
  const last = text.charCodeAt(to);
  switch (first) {
    case 123 /* { */:
      return last === 125; /* } */
    case 91 /* [ */:
      return last === 93; /* ] */
    case 34 /* " */:
      return to > from && last === 34;
    case 116 /* t */:
      return to - from === 3 && text.startsWith('true', from);
    case 102 /* f */:
      return to - from === 4 && text.startsWith('false', from);
    case 110 /* n */:
      return to - from === 3 && text.startsWith('null', from);
    default: {
      if (first !== 45 /* - */ && (first < 48 || first > 57)) return false;
      JSON_NUMBER_AT.lastIndex = from;
      return JSON_NUMBER_AT.test(text) && JSON_NUMBER_AT.lastIndex === to + 1;
    }
  }
}

/**
 * The engine's value of a stored dynamic text (see above): what fromWireValue(text, 'dynamic') gives. A text
 * that cannot be JSON is returned at once, without the cost of a failed JSON.parse.
 */
export function decodeDynamicText(text: string): unknown {
  if (!mayBeJsonText(text)) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** The engine's value (see src/kql values: bigint ticks for datetime/timespan) of one cell. */
export function storedValueAt(column: StoredColumn, type: KustoType, index: number): unknown {
  if (!KNOWN_KINDS.has(column.kind)) throw new UnknownColumnFormatError(column.kind);
  switch (column.kind) {
    case 'dict': {
      const code = column.codes[index]!;
      if (code < 0) return type === 'string' ? '' : null;
      const text = column.dictionary[code]!;
      return type === 'dynamic' ? decodeDynamicText(text) : text;
    }
    case 'text': {
      if (column.nulls?.[index] === 1) return null;
      const text = column.text.slice(index === 0 ? 0 : column.ends[index - 1]!, column.ends[index]!);
      return type === 'dynamic' ? decodeDynamicText(text) : text;
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

type DictColumn = Extract<StoredColumn, { kind: 'dict' }>;

/**
 * String columns stay dictionary-encoded for the engine, which expands a column only when a query first reads it:
 * loading a table then costs a pass over Int32 codes instead of a string array per column. (Not for guid and
 * dynamic, whose empty cell is null where the engine's dictionary form gives "".)
 */
function mergeDictionaries(
  parts: readonly (DictColumn | undefined)[],
  lengths: readonly number[],
  total: number,
) {
  if (parts.length === 1 && parts[0]) return { dictionary: parts[0].dictionary, codes: parts[0].codes };
  const dictionary: string[] = [];
  const lookup = new Map<string, number>();
  const codes = new Int32Array(total);
  let offset = 0;
  parts.forEach((part, index) => {
    const length = lengths[index]!;
    if (!part) {
      codes.fill(-1, offset, offset + length);
    } else {
      const remap = new Int32Array(part.dictionary.length);
      part.dictionary.forEach((text, code) => {
        let merged = lookup.get(text);
        if (merged === undefined) {
          merged = dictionary.length;
          dictionary.push(text);
          lookup.set(text, merged);
        }
        remap[code] = merged;
      });
      const source = part.codes;
      for (let i = 0; i < length; i++) {
        const code = source[i]!;
        codes[offset + i] = code < 0 ? -1 : remap[code]!;
      }
    }
    offset += length;
  });
  return { dictionary, codes };
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
  for (const part of parts) {
    if (part && !KNOWN_KINDS.has(part.kind)) throw new UnknownColumnFormatError(part.kind);
  }
  const total = lengths.reduce((sum, length) => sum + length, 0);
  if (type === 'string' && parts.every((part) => part === undefined || part.kind === 'dict')) {
    return mergeDictionaries(parts as readonly (DictColumn | undefined)[], lengths, total);
  }
  switch (type) {
    case 'string':
    case 'guid':
    case 'dynamic': {
      // The engine keeps a plain array per column, so each chunk's dictionary is expanded straight into it
      // (no merged dictionary to build); a dynamic chunk parses each distinct JSON text once. Expanded on the
      // first read, so that loading a table costs nothing for the columns no query reads.
      return expandedOnFirstRead(
        () => expandTexts(parts, lengths, type, total),
        textCellReader(parts, lengths, type),
        total,
      );
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

/**
 * A ColumnChunk whose values are computed when the engine first reads them all. Single cells (a `take 10`, the
 * rows a filter kept) are read one by one until so many are read that expanding the column costs less.
 */
function expandedOnFirstRead(
  expand: () => unknown[],
  readOne: (row: number) => unknown,
  total: number,
): ColumnChunk {
  let values: unknown[] | undefined;
  let reads = 0;
  const singleReads = Math.min(total, SINGLE_CELL_READS);
  return {
    get values() {
      values ??= expand();
      return values;
    },
    cell(row: number) {
      if (values) return values[row];
      if (++reads > singleReads) {
        values = expand();
        return values[row];
      }
      return readOne(row);
    },
  };
}

/** Cells read one at a time from a text column before it is expanded whole. */
const SINGLE_CELL_READS = 4_096;

/** Reads one cell of string, guid or dynamic chunks without expanding them. */
function textCellReader(
  parts: readonly (StoredColumn | undefined)[],
  lengths: readonly number[],
  type: KustoType,
): (row: number) => unknown {
  const empty = type === 'string' ? '' : null;
  const starts: number[] = [];
  let offset = 0;
  for (const length of lengths) {
    starts.push(offset);
    offset += length;
  }
  return (row) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= row) low = middle;
      else high = middle - 1;
    }
    const part = parts[low];
    const index = row - starts[low]!;
    if (part?.kind === 'dict') {
      const code = part.codes[index]!;
      if (code < 0) return empty;
      const text = part.dictionary[code]!;
      return type === 'dynamic' ? decodeDynamicText(text) : text;
    }
    if (part?.kind === 'text') {
      if (part.nulls?.[index] === 1) return empty;
      const text = part.text.slice(index === 0 ? 0 : part.ends[index - 1]!, part.ends[index]!);
      return type === 'dynamic' ? decodeDynamicText(text) : text;
    }
    return empty;
  };
}

/** The cells of string, guid or dynamic chunks (dictionary or plain text) as engine values, in chunk order. */
function expandTexts(
  parts: readonly (StoredColumn | undefined)[],
  lengths: readonly number[],
  type: KustoType,
  total: number,
): unknown[] {
  const empty = type === 'string' ? '' : null;
  const values = new Array<unknown>(total);
  let offset = 0;
  parts.forEach((part, index) => {
    const length = lengths[index]!;
    if (part === undefined) {
      for (let i = 0; i < length; i++) values[offset + i] = empty;
    } else if (part.kind === 'dict') {
      const decoded: readonly unknown[] =
        type === 'dynamic' ? part.dictionary.map(decodeDynamicText) : part.dictionary;
      const codes = part.codes;
      for (let i = 0; i < length; i++) {
        const code = codes[i]!;
        values[offset + i] = code < 0 ? empty : decoded[code];
      }
    } else if (part.kind === 'text') {
      const { text, ends, nulls } = part;
      let start = 0;
      for (let i = 0; i < length; i++) {
        const end = ends[i]!;
        if (nulls?.[i] === 1) values[offset + i] = empty;
        else {
          const cell = text.slice(start, end);
          values[offset + i] = type === 'dynamic' ? decodeDynamicText(cell) : cell;
        }
        start = end;
      }
    } else {
      // Written when the column had another type: nothing to read, as for a missing column.
      for (let i = 0; i < length; i++) values[offset + i] = empty;
    }
    offset += length;
  });
  return values;
}
