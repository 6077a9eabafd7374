/**
 * Rows to stored columns (the formats are described in columnar.ts). Rows are visited in tiles: every column
 * takes the same few hundred rows in turn, so each row object is read from memory once per tile instead of
 * once per column (a 65,536-row batch of 24-column rows does not fit in the CPU caches).
 *
 * A chunk is built either from a whole batch (encodeColumns) or from rows streamed in as they are made
 * (ChunkBuilder), which lets a producer's row objects die young instead of waiting, tens of thousands at a
 * time, for a whole chunk to gather. A streamed chunk's arrays start small and double as rows come, so a table
 * of a few rows does not hold a whole chunk's memory for every column.
 */
import type { KustoType } from '../kql/types';
import { fromWireValue } from '../kql/values';
import type { ColumnDefinition } from '../tables/index';
import type { StoredColumn } from './columnar';
import { parsePlainIso } from './isoDatetime';

type Row = Record<string, unknown>;

const TICKS_PER_MS = 10_000n;

/** Rows per tile: small enough that a tile's row objects stay in cache while every column reads them. */
const TILE_ROWS = 256;

/** Rows, spread over a batch, looked at to choose between a dictionary and plain text. */
const SAMPLE_ROWS = 2_048;

/**
 * Streamed rows (no whole batch to sample): a dictionary that holds at least this many entries, nearly one per
 * row, turns into plain text there and then (ids, payloads), so the rest of the chunk costs no lookups.
 */
const DISTINCT_SWITCH_ROWS = 4_096;

/** Cells a streamed chunk's arrays first have room for. */
const FIRST_ALLOCATION = 1_024;

interface ColumnEncoder {
  /** Looks at the whole batch before the first add, when the encoder has a choice to make. */
  plan?(rows: readonly Row[]): void;
  /** Makes room for `length` cells in all (the cells so far are kept). */
  grow(length: number): void;
  /** Encodes rows[from, to) into positions base + from … base + to - 1 of the column. */
  add(rows: readonly Row[], from: number, to: number, base: number): void;
  /** The column's first `length` cells. */
  finish(length: number): StoredColumn;
}

type NumericArray = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array | BigInt64Array;

/** The first `length` elements in an array of their own: a clone of a view would copy its whole buffer. */
function trimmed<T extends NumericArray>(array: T, length: number): T {
  return (array.length === length ? array : array.slice(0, length)) as T;
}

/** A longer copy of a typed array (zeros after its elements). */
function grown<T extends NumericArray>(array: T, length: number): T {
  if (array.length >= length) return array;
  const bigger = new (array.constructor as new (length: number) => T)(length);
  bigger.set(array as never);
  return bigger;
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

class NullMask {
  mask: Uint8Array | undefined;
  constructor(private length: number) {}
  set(index: number): void {
    this.mask ??= new Uint8Array(this.length);
    this.mask[index] = 1;
  }
  grow(length: number): void {
    this.length = length;
    if (this.mask) this.mask = grown(this.mask, length);
  }
}

/** The stored text of one cell of a string, guid or dynamic column; null for a null (or, for string, empty) cell. */
function cellText(raw: unknown, type: KustoType): string | null {
  if (typeof raw === 'string')
    return raw === '' && type !== 'dynamic' ? (type === 'string' ? null : '') : raw;
  if (raw === null || raw === undefined) return null;
  if (type === 'dynamic') {
    const text = JSON.stringify(raw) as string | undefined;
    return text === undefined || text === 'null' ? null : text;
  }
  return fromWireValue(raw, type) as string;
}

/**
 * Strings, guids and dynamic values: a dictionary when values repeat, plain joined text when most values are
 * distinct (a dictionary of unique values costs a hash lookup per cell for nothing, and its many small strings
 * clone into IndexedDB far slower than one joined string).
 */
class StringEncoder implements ColumnEncoder {
  private codes: Int32Array;
  private readonly dictionary: string[] = [];
  private readonly lookup = new Map<string, number>();
  // Producers repeat a value row after row (TenantId, Type, a shared object): the same reference as the
  // previous row needs neither JSON.stringify nor a dictionary lookup.
  private previousRaw: unknown = undefined;
  private previousCode = -1;
  // The simulation shares objects between rows that are not neighbours (one `User` object per identity);
  // dropped when the first objects show no sharing (a fresh object per row only fills the map).
  private objectCodes: Map<object, number> | undefined;
  private objectHits = 0;
  /**
   * Plain-text mode, once chosen: the text of each tile of cells joined as soon as the tile is done (a tile's
   * cell strings then die young, where 65,536 of them kept for the whole chunk would each be copied to the old
   * generation), and where each cell ends in the chunk's text.
   */
  private pieces: string[] | undefined;
  private ends: Uint32Array | undefined;
  private readonly nulls: NullMask;
  private end = 0;
  private previousText: string | null = null;
  /** Whether the whole batch was sampled (plan); streamed rows are judged as they come instead. */
  private planned = false;

  constructor(
    private readonly name: string,
    private readonly type: KustoType,
    private length: number,
  ) {
    this.codes = new Int32Array(length);
    this.nulls = new NullMask(length);
    if (type === 'dynamic') this.objectCodes = new Map();
  }

  /**
   * Chooses plain text when rows spread over the whole batch are mostly distinct. Spread, not the first rows:
   * a value that cycles every few thousand rows (a pod name, a URI) looks unique at the start of a batch.
   */
  plan(rows: readonly Row[]): void {
    this.planned = true;
    if (rows.length < SAMPLE_ROWS * 2) return;
    const stride = Math.floor(rows.length / SAMPLE_ROWS);
    const seen = new Set<string | null>();
    for (let i = 0; i < rows.length; i += stride) seen.add(cellText(rows[i]![this.name], this.type));
    if (seen.size * 2 > SAMPLE_ROWS) this.useText(0);
  }

  grow(length: number): void {
    this.length = length;
    this.nulls.grow(length);
    if (this.ends) this.ends = grown(this.ends, length);
    else this.codes = grown(this.codes, length);
  }

  /** Turns to plain text, the `filled` cells encoded so far rewritten from their codes. */
  private useText(filled: number): void {
    const ends = new Uint32Array(this.length);
    const { codes, dictionary, nulls } = this;
    const nullable = this.type !== 'string';
    const texts: string[] = [];
    let end = 0;
    for (let i = 0; i < filled; i++) {
      const code = codes[i]!;
      if (code < 0) {
        if (nullable) nulls.set(i);
      } else {
        const text = dictionary[code]!;
        texts.push(text);
        end += text.length;
      }
      ends[i] = end;
    }
    this.pieces = [texts.join('')];
    this.ends = ends;
    this.end = end;
    this.objectCodes = undefined;
    this.codes = new Int32Array(0);
    // The dictionary's last value is the text of the previous cell, which the text mode compares by reference.
    this.previousText = this.previousCode < 0 ? null : (dictionary[this.previousCode] ?? null);
  }

  add(rows: readonly Row[], from: number, to: number, base: number): void {
    if (this.pieces) {
      this.addText(rows, from, to, base);
      return;
    }
    this.addCodes(rows, from, to, base);
    const filled = base + to;
    if (
      !this.planned &&
      filled >= DISTINCT_SWITCH_ROWS &&
      this.dictionary.length * 8 > filled * 7 &&
      filled < this.length
    )
      this.useText(filled);
  }

  private addCodes(rows: readonly Row[], from: number, to: number, base: number): void {
    const { name, type, codes, dictionary, lookup } = this;
    let { previousRaw, previousCode } = this;
    for (let i = from; i < to; i++) {
      const at = base + i;
      const raw = rows[i]![name];
      if (at > 0 && raw === previousRaw) {
        codes[at] = previousCode;
        continue;
      }
      previousRaw = raw;
      const isObject = typeof raw === 'object' && raw !== null;
      const objectCodes = this.objectCodes;
      if (objectCodes && isObject) {
        const known = objectCodes.get(raw);
        if (known !== undefined) {
          this.objectHits++;
          codes[at] = previousCode = known;
          continue;
        }
        if (objectCodes.size >= 1_024 && this.objectHits * 20 < objectCodes.size)
          this.objectCodes = undefined;
      }
      const text = cellText(raw, type);
      if (text === null) {
        codes[at] = previousCode = -1;
        continue;
      }
      let code = lookup.get(text);
      if (code === undefined) {
        code = dictionary.length;
        dictionary.push(text);
        lookup.set(text, code);
      }
      codes[at] = previousCode = code;
      if (this.objectCodes && isObject) this.objectCodes.set(raw, code);
    }
    this.previousRaw = previousRaw;
    this.previousCode = previousCode;
  }

  private addText(rows: readonly Row[], from: number, to: number, base: number): void {
    const { name, type, nulls } = this;
    const ends = this.ends!;
    const nullable = type !== 'string';
    const texts: string[] = [];
    let { end, previousRaw, previousText } = this;
    for (let i = from; i < to; i++) {
      const at = base + i;
      const raw = rows[i]![name];
      let text: string | null;
      if (typeof raw === 'string' && (raw !== '' || type === 'dynamic')) text = raw;
      else if (raw === previousRaw) text = previousText;
      else {
        text = cellText(raw, type);
        previousRaw = raw;
        previousText = text;
      }
      if (text === null) {
        if (nullable) nulls.set(at);
      } else {
        texts.push(text);
        end += text.length;
      }
      ends[at] = end;
    }
    this.pieces!.push(texts.join(''));
    this.end = end;
    this.previousRaw = previousRaw;
    this.previousText = previousText;
  }

  finish(length: number): StoredColumn {
    // Mostly distinct after all (streamed rows whose repeats came late): plain text clones faster.
    if (!this.pieces && !this.planned && length >= SAMPLE_ROWS * 2 && this.dictionary.length * 2 > length)
      this.useText(length);
    if (!this.pieces) {
      return { kind: 'dict', dictionary: this.dictionary, codes: trimmed(this.codes, length) };
    }
    const column: StoredColumn = {
      kind: 'text',
      text: this.pieces.join(''),
      ends: trimmed(this.ends!, length),
    };
    if (this.nulls.mask) column.nulls = trimmed(this.nulls.mask, length);
    return column;
  }
}

class NumberEncoder implements ColumnEncoder {
  private values: Float64Array;
  private readonly nulls: NullMask;

  constructor(
    private readonly name: string,
    private readonly type: KustoType,
    length: number,
  ) {
    this.values = new Float64Array(length);
    this.nulls = new NullMask(length);
  }

  grow(length: number): void {
    this.values = grown(this.values, length);
    this.nulls.grow(length);
  }

  add(rows: readonly Row[], from: number, to: number, base: number): void {
    const { name, type, values, nulls } = this;
    for (let i = from; i < to; i++) {
      const raw = rows[i]![name];
      const value = typeof raw === 'number' ? raw : (fromWireValue(raw, type) as number | null);
      if (value === null) nulls.set(base + i);
      else values[base + i] = value;
    }
  }

  finish(length: number): StoredColumn {
    const mask = this.nulls.mask;
    const values = trimmed(this.values, length);
    return mask ? { kind: 'num', values, nulls: trimmed(mask, length) } : { kind: 'num', values };
  }
}

class BoolEncoder implements ColumnEncoder {
  private values: Uint8Array;
  private readonly nulls: NullMask;

  constructor(
    private readonly name: string,
    length: number,
  ) {
    this.values = new Uint8Array(length);
    this.nulls = new NullMask(length);
  }

  grow(length: number): void {
    this.values = grown(this.values, length);
    this.nulls.grow(length);
  }

  add(rows: readonly Row[], from: number, to: number, base: number): void {
    const { name, values, nulls } = this;
    for (let i = from; i < to; i++) {
      const raw = rows[i]![name];
      const value = typeof raw === 'boolean' ? raw : (fromWireValue(raw, 'bool') as boolean | null);
      if (value === null) nulls.set(base + i);
      else values[base + i] = value ? 1 : 0;
    }
  }

  finish(length: number): StoredColumn {
    const mask = this.nulls.mask;
    const values = trimmed(this.values, length);
    return mask ? { kind: 'bool', values, nulls: trimmed(mask, length) } : { kind: 'bool', values };
  }
}

class DatetimeEncoder implements ColumnEncoder {
  private epochMs: Float64Array;
  private subMsTicks: Uint16Array | undefined;
  private readonly nulls: NullMask;
  private readonly parsed: [number, number] = [0, 0];

  constructor(
    private readonly name: string,
    private length: number,
  ) {
    this.epochMs = new Float64Array(length);
    this.nulls = new NullMask(length);
  }

  grow(length: number): void {
    this.length = length;
    this.epochMs = grown(this.epochMs, length);
    if (this.subMsTicks) this.subMsTicks = grown(this.subMsTicks, length);
    this.nulls.grow(length);
  }

  private setSubMs(index: number, ticks: number): void {
    this.subMsTicks ??= new Uint16Array(this.length);
    this.subMsTicks[index] = ticks;
  }

  add(rows: readonly Row[], from: number, to: number, base: number): void {
    const { name, epochMs, parsed } = this;
    for (let i = from; i < to; i++) {
      const at = base + i;
      const raw = rows[i]![name];
      if (typeof raw === 'string' && parsePlainIso(raw, parsed)) {
        epochMs[at] = parsed[0];
        if (parsed[1] !== 0) this.setSubMs(at, parsed[1]);
        continue;
      }
      const ticks =
        raw instanceof Date
          ? BigInt(raw.getTime()) * TICKS_PER_MS
          : (fromWireValue(raw, 'datetime') as bigint | null);
      if (ticks === null) {
        this.nulls.set(at);
        continue;
      }
      const ms = floorDiv(ticks, TICKS_PER_MS);
      epochMs[at] = Number(ms);
      const sub = Number(ticks - ms * TICKS_PER_MS);
      if (sub !== 0) this.setSubMs(at, sub);
    }
  }

  finish(length: number): StoredColumn {
    const column: StoredColumn = { kind: 'datetime', epochMs: trimmed(this.epochMs, length) };
    if (this.subMsTicks) column.subMsTicks = trimmed(this.subMsTicks, length);
    if (this.nulls.mask) column.nulls = trimmed(this.nulls.mask, length);
    return column;
  }
}

class TimespanEncoder implements ColumnEncoder {
  private ticks: BigInt64Array;
  private readonly nulls: NullMask;

  constructor(
    private readonly name: string,
    length: number,
  ) {
    this.ticks = new BigInt64Array(length);
    this.nulls = new NullMask(length);
  }

  grow(length: number): void {
    this.ticks = grown(this.ticks, length);
    this.nulls.grow(length);
  }

  add(rows: readonly Row[], from: number, to: number, base: number): void {
    const { name, ticks, nulls } = this;
    for (let i = from; i < to; i++) {
      const value = fromWireValue(rows[i]![name], 'timespan') as bigint | null;
      if (value === null) nulls.set(base + i);
      else ticks[base + i] = value;
    }
  }

  finish(length: number): StoredColumn {
    const mask = this.nulls.mask;
    const ticks = trimmed(this.ticks, length);
    return mask ? { kind: 'timespan', ticks, nulls: trimmed(mask, length) } : { kind: 'timespan', ticks };
  }
}

function encoderFor(column: ColumnDefinition, length: number): ColumnEncoder {
  switch (column.type) {
    case 'string':
    case 'guid':
    case 'dynamic':
      return new StringEncoder(column.name, column.type, length);
    case 'long':
    case 'int':
    case 'real':
    case 'decimal':
      return new NumberEncoder(column.name, column.type, length);
    case 'bool':
      return new BoolEncoder(column.name, length);
    case 'datetime':
      return new DatetimeEncoder(column.name, length);
    case 'timespan':
      return new TimespanEncoder(column.name, length);
  }
}

/**
 * One chunk built from rows as they arrive: `add` encodes them at once (the row objects are not kept), `finish`
 * gives the stored columns of the rows added so far. At most `capacity` rows.
 */
export class ChunkBuilder {
  private readonly encoders: ColumnEncoder[];
  private filled = 0;
  private allocated: number;

  /** `allocate`: the cells to make room for at first (the whole capacity when a whole batch is known). */
  constructor(
    columns: readonly ColumnDefinition[],
    readonly capacity: number,
    allocate = Math.min(capacity, FIRST_ALLOCATION),
  ) {
    this.allocated = allocate;
    this.encoders = columns.map((column) => encoderFor(column, allocate));
  }

  get rowCount(): number {
    return this.filled;
  }

  get isFull(): boolean {
    return this.filled >= this.capacity;
  }

  /** Looks at the whole batch first (the dictionary or text choice), when the chunk is made of one batch. */
  plan(rows: readonly Row[]): void {
    for (const encoder of this.encoders) encoder.plan?.(rows);
  }

  /** Encodes rows[from, to); the chunk must have room for them. */
  add(rows: readonly Row[], from = 0, to = rows.length): void {
    if (to - from > this.capacity - this.filled) {
      throw new RangeError(`a chunk of ${this.capacity} rows has no room for ${to - from} more`);
    }
    const needed = this.filled + to - from;
    if (needed > this.allocated) {
      this.allocated = Math.min(this.capacity, Math.max(needed, this.allocated * 2));
      for (const encoder of this.encoders) encoder.grow(this.allocated);
    }
    const base = this.filled - from;
    for (let start = from; start < to; start += TILE_ROWS) {
      const end = Math.min(to, start + TILE_ROWS);
      for (const encoder of this.encoders) encoder.add(rows, start, end, base);
    }
    this.filled += to - from;
  }

  finish(): StoredColumn[] {
    return this.encoders.map((encoder) => encoder.finish(this.filled));
  }
}

/**
 * Encodes wire rows (keys = column names; a missing key is null, "" for strings) into one stored column per
 * definition, following the engine's wire-value rules (fromWireValue).
 */
export function encodeColumns(rows: readonly Row[], columns: readonly ColumnDefinition[]): StoredColumn[] {
  const builder = new ChunkBuilder(columns, rows.length, rows.length);
  builder.plan(rows);
  builder.add(rows);
  return builder.finish();
}

export function encodeColumn(rows: readonly Row[], column: ColumnDefinition): StoredColumn {
  return encodeColumns(rows, [column])[0]!;
}
