/**
 * Grouping rows for summarize: each `by` key becomes a small integer id per row (from dictionary codes, from a time
 * bin over epoch milliseconds, or from a hash map of the values), the ids of several keys combine into one number, and
 * every row gets a group number in order of first appearance. Aggregates then run over the group numbers in typed
 * arrays instead of building a string key per row.
 *
 * Keys whose ids come from a typed array by a lookup (dictionary codes, time bins over epoch milliseconds) are never
 * held as an array of every row's id: their ids, and the group numbers made from them, are computed again a block of
 * rows at a time by each pass that reads them. A query then allocates no buffer that grows with the table for such
 * keys, and buffers that grow with the table are what bring on V8's collections of the whole heap (its limit on
 * memory outside the heap, about 64 MB, is reached by a few 16 MB arrays at 4M rows).
 *
 * Every loop over rows is a module-level function of typed arrays and numbers; the closures made per query only call
 * them, once per block. V8 keeps a closure's optimised code only while one of its closures lives, and a function's
 * only while the objects it was optimised for live: a row loop in a closure made per query ran unoptimised again
 * after each collection of the whole heap (which a browser runs in the pauses between a learner's queries).
 */
import { valueKey } from './compare';
import { entryOfCode } from './dictionaryForm';

/** Turns a value into what a Map groups it by: SameValueZero for scalars, the value's key text for objects. */
export function groupingKeyOf(value: unknown): unknown {
  return value !== null && typeof value === 'object' ? valueKey(value) : (value ?? null);
}

export interface KeyEncoder {
  /** Every id is in [0, bound). */
  readonly bound: number;
  /** True when ids are handed out in order of first appearance (0, 1, 2...): one key's ids are then group numbers. */
  readonly ordered: boolean;
  /** The id of every row (computed in one typed-array loop). */
  ids(): Int32Array;
  /** The id of one row. */
  idAt(row: number): number;
  /**
   * Writes the ids of rows [start, end) into `into` from index 0, without an array of every row's id (encoders whose
   * ids are a lookup away from a typed array). Ids handed out in order of first appearance are handed out by the
   * first pass over the rows in order, so that every later pass and `ids()` agree with it.
   */
  fill?(into: Int32Array, start: number, end: number): void;
  /** The key's value for an id (the value of the first row that had it). */
  valueOfId(id: number): unknown;
}

/** Rows per block of the passes that compute ids and group numbers again rather than keep them (64 KB per buffer). */
export const BLOCK_ROWS = 16_384;

/** Memoizes the ids of an encoder: a key and a dcount() over the same column share them. */
function once(fill: () => Int32Array): () => Int32Array {
  let ids: Int32Array | undefined;
  return () => (ids ??= fill());
}

/** Numbers the distinct grouping keys in the order they are first met, keeping each id's value (null for undefined). */
function keyNumbering(): { values: unknown[]; idOf: (value: unknown) => number } {
  const values: unknown[] = [];
  const idOfKey = new Map<unknown, number>();
  return {
    values,
    idOf(value) {
      const key = groupingKeyOf(value);
      let id = idOfKey.get(key);
      if (id === undefined) {
        id = values.length;
        idOfKey.set(key, id);
        values.push(value ?? null);
      }
      return id;
    },
  };
}

/** Ids from a hash map of the row values: one Map lookup per row, for keys with no cheaper form. */
export function valueEncoder(
  valueAt: (row: number) => unknown,
  rowCount: number,
  check: () => void,
): KeyEncoder {
  const { values, idOf } = keyNumbering();
  const ids = once(() => {
    const ids = new Int32Array(rowCount);
    for (let row = 0; row < rowCount; row++) {
      ids[row] = idOf(valueAt(row));
      if ((row & 4095) === 4095) check();
    }
    return ids;
  });
  return {
    bound: Math.max(1, rowCount),
    ordered: true,
    ids,
    idAt: (row) => ids()[row]!,
    valueOfId: (id) => values[id],
  };
}

/**
 * Ids from dictionary codes: the key is computed once per dictionary entry (on first use, so an entry that no row
 * uses is never evaluated), then each row costs an array read. Entries whose values are equal share an id.
 * `valueOfEntry(size)` is the value of the empty string (negative or out-of-range codes).
 */
export function dictionaryEncoder(
  codes: ArrayLike<number>,
  rowCount: number,
  size: number,
  valueOfEntry: (entry: number) => unknown,
): KeyEncoder {
  const { values, idOf } = keyNumbering();
  const idOfEntry = new Int32Array(size + 1).fill(-1);
  const assign = (entry: number): number => (idOfEntry[entry] = idOf(valueOfEntry(entry)));
  const fill = (into: Int32Array, start: number, end: number) => {
    // The loop stops at the first entry without an id, which the query's own code numbers (in row order).
    for (let row = start; row < end;) {
      row = fillEntryIds(codes, size, idOfEntry, into, start, row, end);
      if (row < end) assign(entryOfCode(codes[row]!, size));
    }
  };
  return {
    bound: size + 1,
    ordered: true,
    ids: once(() => {
      const ids = new Int32Array(rowCount);
      fill(ids, 0, rowCount);
      return ids;
    }),
    idAt: (row) => {
      const code = codes[row]!;
      const entry = code >= 0 && code < size ? code : size;
      const id = idOfEntry[entry]!;
      return id >= 0 ? id : assign(entry);
    },
    fill,
    valueOfId: (id) => values[id],
  };
}

/** Writes the ids of rows [row, end) into `into` (at `row - start`), up to the first row whose entry has no id yet. */
function fillEntryIds(
  codes: ArrayLike<number>,
  size: number,
  idOfEntry: Int32Array,
  into: Int32Array,
  start: number,
  row: number,
  end: number,
): number {
  for (; row < end; row++) {
    const code = codes[row]!;
    const id = idOfEntry[code >= 0 && code < size ? code : size]!;
    if (id < 0) return row;
    into[row - start] = id;
  }
  return end;
}

/**
 * Ids of time bins of whole epoch milliseconds: the bin of `ms` is floor((ms - originMs) / spanMs) bins from the
 * origin, and its id is its distance from the earliest bin. Undefined when the bins span too wide a range for a dense
 * table. The loops read the milliseconds themselves: a closure returning a bin start per row would return a boxed
 * double (a heap allocation per row) wherever it is not inlined.
 */
export function binEncoder(
  epochMs: ArrayLike<number>,
  originMs: number,
  spanMs: number,
  rowCount: number,
  toValue: (binStartMs: number) => unknown,
): KeyEncoder | undefined {
  if (rowCount === 0) return undefined;
  const { min, max } = rangeOf(epochMs, rowCount);
  const firstBin = Math.floor((min - originMs) / spanMs);
  const bound = Math.floor((max - originMs) / spanMs) - firstBin + 1;
  if (!(bound <= denseLimit(rowCount))) return undefined;
  const fill = (into: Int32Array, start: number, end: number) =>
    fillBinIds(epochMs, originMs, spanMs, firstBin, into, start, end);
  return {
    bound,
    ordered: false,
    ids: once(() => {
      const ids = new Int32Array(rowCount);
      fill(ids, 0, rowCount);
      return ids;
    }),
    idAt: (row) => Math.floor((epochMs[row]! - originMs) / spanMs) - firstBin,
    fill,
    valueOfId: (id) => toValue((firstBin + id) * spanMs + originMs),
  };
}

function rangeOf(values: ArrayLike<number>, count: number): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < count; i++) {
    const value = values[i]!;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  return { min, max };
}

function fillBinIds(
  epochMs: ArrayLike<number>,
  originMs: number,
  spanMs: number,
  firstBin: number,
  into: Int32Array,
  start: number,
  end: number,
): void {
  for (let row = start; row < end; row++)
    into[row - start] = Math.floor((epochMs[row]! - originMs) / spanMs) - firstBin;
}

/** Largest id range kept in a dense Int32Array (4 bytes per possible id). */
function denseLimit(rowCount: number): number {
  return Math.max(65_536, 4 * rowCount);
}

export interface Grouping {
  readonly rowCount: number;
  /** The group number of each row (built on first use where the groups come from blocks). */
  readonly groupOf: Int32Array;
  readonly count: number;
  /** The first row of each group. */
  readonly firstRows: Int32Array;
  /** The rows in each group, where the pass that numbered the groups counted them (so count() needs no pass). */
  readonly sizes?: readonly number[];
  /** Writes the group numbers of rows [start, end) into `into` from index 0. */
  fill(into: Int32Array, start: number, end: number): void;
}

/** Runs `body` over the rows a block at a time with the block's group numbers (`groups[row - start]`). */
function forEachBlock(
  grouping: Grouping,
  body: (groups: Int32Array, start: number, end: number) => void,
): void {
  const { rowCount } = grouping;
  const groups = new Int32Array(Math.min(BLOCK_ROWS, rowCount));
  for (let start = 0; start < rowCount; start += BLOCK_ROWS) {
    const end = Math.min(rowCount, start + BLOCK_ROWS);
    grouping.fill(groups, start, end);
    body(groups, start, end);
  }
}

/** A grouping whose group numbers are computed again by `fill`, and kept per row only when `groupOf` is read. */
function blockGrouping(
  rowCount: number,
  firstRows: readonly number[],
  fill: (into: Int32Array, start: number, end: number) => void,
  sizes?: readonly number[],
): Grouping {
  let groupOf: Int32Array | undefined;
  return {
    rowCount,
    count: firstRows.length,
    firstRows: Int32Array.from(firstRows),
    ...(sizes ? { sizes } : {}),
    fill,
    get groupOf() {
      if (!groupOf) {
        groupOf = new Int32Array(rowCount);
        for (let start = 0; start < rowCount; start += BLOCK_ROWS)
          fill(groupOf.subarray(start), start, Math.min(rowCount, start + BLOCK_ROWS));
      }
      return groupOf;
    },
  };
}

function materialGrouping(groupOf: Int32Array, firstRows: readonly number[]): Grouping {
  return {
    rowCount: groupOf.length,
    groupOf,
    count: firstRows.length,
    firstRows: Int32Array.from(firstRows),
    fill: (into, start, end) => into.set(groupOf.subarray(start, end)),
  };
}

/**
 * Numbers the groups of `rowCount` rows by the combined ids of `encoders`, in order of first appearance. Without
 * encoders every row is in group 0 (and there is one group even without rows, as summarize without `by` gives).
 */
export function groupRows(encoders: readonly KeyEncoder[], rowCount: number): Grouping {
  if (encoders.length === 0)
    return blockGrouping(rowCount, [0], (into, start, end) => into.fill(0, 0, end - start), [rowCount]);
  let product = 1;
  for (const encoder of encoders) product *= encoder.bound;
  if (encoders.every((encoder) => encoder.fill) && (encoders.length === 1 || product <= denseLimit(rowCount)))
    return groupBlocks(encoders, rowCount, product);
  const firstRows: number[] = [];
  const only = encoders.length === 1 ? encoders[0]! : undefined;
  if (only?.ordered) {
    const ids = only.ids();
    for (let row = 0; row < rowCount; row++) if (ids[row] === firstRows.length) firstRows.push(row);
    return materialGrouping(ids, firstRows);
  }
  // One number per row from all the ids (Horner's scheme), then numbered by first appearance.
  const groupOf = new Int32Array(rowCount);
  if (product <= denseLimit(rowCount)) {
    // One key's ids are the composite as they are; several combine into a new array.
    const composite = encoders.length === 1 ? encoders[0]!.ids() : new Int32Array(encoders[0]!.ids());
    for (let k = 1; k < encoders.length; k++) {
      const ids = encoders[k]!.ids();
      const bound = encoders[k]!.bound;
      for (let row = 0; row < rowCount; row++) composite[row] = composite[row]! * bound + ids[row]!;
    }
    const groupOfComposite = new Int32Array(product).fill(-1);
    for (let row = 0; row < rowCount; row++) {
      const key = composite[row]!;
      let group = groupOfComposite[key]!;
      if (group < 0) {
        group = groupOfComposite[key] = firstRows.length;
        firstRows.push(row);
      }
      groupOf[row] = group;
    }
  } else {
    // Ids combine into an exact number below 2^53, or else into a text of the ids.
    const exact = product <= Number.MAX_SAFE_INTEGER;
    const allIds = encoders.map((encoder) => encoder.ids());
    const bounds = encoders.map((encoder) => encoder.bound);
    const groups = new Map<number | string, number>();
    for (let row = 0; row < rowCount; row++) {
      let key: number | string;
      if (exact) {
        key = 0;
        for (let k = 0; k < allIds.length; k++) key = key * bounds[k]! + allIds[k]![row]!;
      } else key = allIds.map((ids) => ids[row]).join(',');
      let group = groups.get(key);
      if (group === undefined) {
        group = firstRows.length;
        groups.set(key, group);
        firstRows.push(row);
      }
      groupOf[row] = group;
    }
  }
  return materialGrouping(groupOf, firstRows);
}

/**
 * Groups of keys whose ids are computed a block at a time (`KeyEncoder.fill`): one pass numbers the groups in a dense
 * table indexed by the combined id, and `fill` computes a block's group numbers again from it. One key handing out ids
 * in order of first appearance needs no table: its ids are the group numbers. The numbering pass also counts the rows
 * of each group (an array with one small integer per group), so that `count()` costs no pass of its own.
 */
function groupBlocks(encoders: readonly KeyEncoder[], rowCount: number, product: number): Grouping {
  const firstRows: number[] = [];
  const sizes: number[] = [];
  const only = encoders.length === 1 ? encoders[0]! : undefined;
  if (only?.ordered) {
    const ids = new Int32Array(Math.min(BLOCK_ROWS, rowCount));
    for (let start = 0; start < rowCount; start += BLOCK_ROWS) {
      const end = Math.min(rowCount, start + BLOCK_ROWS);
      only.fill!(ids, start, end);
      tallyOrderedIds(ids, start, end, firstRows, sizes);
    }
    return blockGrouping(rowCount, firstRows, only.fill!, sizes);
  }
  const scratch = new Int32Array(Math.min(BLOCK_ROWS, rowCount));
  // The combined id of each row of a block (Horner's scheme over the keys' ids), into `into`.
  const combine = (into: Int32Array, start: number, end: number) => {
    encoders[0]!.fill!(into, start, end);
    for (let k = 1; k < encoders.length; k++) {
      const encoder = encoders[k]!;
      const bound = encoder.bound;
      encoder.fill!(scratch, start, end);
      combineIds(into, bound, scratch, end - start);
    }
  };
  const groupOfComposite = new Int32Array(product).fill(-1);
  const block = new Int32Array(Math.min(BLOCK_ROWS, rowCount));
  for (let start = 0; start < rowCount; start += BLOCK_ROWS) {
    const end = Math.min(rowCount, start + BLOCK_ROWS);
    combine(block, start, end);
    numberComposites(block, start, end, groupOfComposite, firstRows, sizes);
  }
  return blockGrouping(
    rowCount,
    firstRows,
    (into, start, end) => {
      combine(into, start, end);
      lookUpAll(into, groupOfComposite, end - start);
    },
    sizes,
  );
}

/** Counts the rows of each group of one block of ids handed out in order of first appearance (the group numbers). */
function tallyOrderedIds(ids: Int32Array, start: number, end: number, firstRows: number[], sizes: number[]) {
  for (let row = start; row < end; row++) {
    const group = ids[row - start]!;
    if (group === firstRows.length) {
      firstRows.push(row);
      sizes.push(0);
    }
    sizes[group]!++;
  }
}

/** `into[i] = into[i] * bound + ids[i]` for the first `count`: one more key's ids into the combined ones. */
function combineIds(into: Int32Array, bound: number, ids: Int32Array, count: number): void {
  for (let i = 0; i < count; i++) into[i] = into[i]! * bound + ids[i]!;
}

/** Numbers the combined ids of rows [start, end) by first appearance, counting each group's rows. */
function numberComposites(
  block: Int32Array,
  start: number,
  end: number,
  groupOfComposite: Int32Array,
  firstRows: number[],
  sizes: number[],
): void {
  for (let i = 0; i < end - start; i++) {
    const key = block[i]!;
    let group = groupOfComposite[key]!;
    if (group < 0) {
      group = groupOfComposite[key] = firstRows.length;
      firstRows.push(start + i);
      sizes.push(0);
    }
    sizes[group]!++;
  }
}

/** `into[i] = table[into[i]]` for the first `count`. */
function lookUpAll(into: Int32Array, table: Int32Array, count: number): void {
  for (let i = 0; i < count; i++) into[i] = table[into[i]!]!;
}

// ---------- aggregates over group numbers ----------

export function groupedCount(grouping: Grouping): number[] {
  if (grouping.sizes) return [...grouping.sizes];
  if (grouping.count === 1) return [grouping.rowCount];
  const counts = new Float64Array(grouping.count);
  forEachBlock(grouping, (groups, start, end) => countGroups(counts, groups, end - start));
  return Array.from(counts);
}

/** Distinct non-null values per group, for a value whose encoder has a small bound (dictionary ids). */
export function groupedDistinctCount(grouping: Grouping, values: KeyEncoder): number[] {
  const { count } = grouping;
  const bound = values.bound;
  const distinct = new Float64Array(count);
  const nullIds = new Int8Array(bound); // 0 unknown, 1 null, 2 a value
  const ids = new Int32Array(Math.min(BLOCK_ROWS, grouping.rowCount));
  // A block's ids, each known to be null or not before the counting loop reads them.
  const idsOf = (start: number, end: number) => {
    if (values.fill) values.fill(ids, start, end);
    else ids.set(values.ids().subarray(start, end));
    const n = end - start;
    for (let i = firstUnknownId(ids, n, nullIds, 0); i < n; i = firstUnknownId(ids, n, nullIds, i + 1)) {
      const value = values.valueOfId(ids[i]!);
      nullIds[ids[i]!] = value === null || value === undefined ? 1 : 2;
    }
  };
  if (count * bound <= 1 << 24) {
    const seen = new Uint8Array(count * bound);
    forEachBlock(grouping, (groups, start, end) => {
      idsOf(start, end);
      countNewPairs(groups, ids, end - start, bound, seen, nullIds, distinct);
    });
  } else {
    const sets: (Set<number> | undefined)[] = new Array(count);
    forEachBlock(grouping, (groups, start, end) => {
      idsOf(start, end);
      countNewIds(groups, ids, end - start, sets, nullIds, distinct);
    });
  }
  return Array.from(distinct);
}

/** The first index from `from` on whose id is not yet known to be null or not (`count` when there is none). */
function firstUnknownId(ids: Int32Array, count: number, nullIds: Int8Array, from: number): number {
  for (let i = from; i < count; i++) if (nullIds[ids[i]!] === 0) return i;
  return count;
}

/** Counts, per group, the non-null ids of a block not seen before in that group (a dense table of pairs). */
function countNewPairs(
  groups: Int32Array,
  ids: Int32Array,
  count: number,
  bound: number,
  seen: Uint8Array,
  nullIds: Int8Array,
  distinct: Float64Array,
): void {
  for (let i = 0; i < count; i++) {
    const group = groups[i]!;
    const id = ids[i]!;
    const slot = group * bound + id;
    if (seen[slot] === 0) {
      seen[slot] = 1;
      if (nullIds[id] === 2) distinct[group]!++;
    }
  }
}

/** `countNewPairs` with a set of ids per group, where a dense table of pairs would be too large. */
function countNewIds(
  groups: Int32Array,
  ids: Int32Array,
  count: number,
  sets: (Set<number> | undefined)[],
  nullIds: Int8Array,
  distinct: Float64Array,
): void {
  for (let i = 0; i < count; i++) {
    const group = groups[i]!;
    const id = ids[i]!;
    const set = (sets[group] ??= new Set<number>());
    if (!set.has(id)) {
      set.add(id);
      if (nullIds[id] === 2) distinct[group]!++;
    }
  }
}

/**
 * The row of each group with the largest (`sign` 1) or smallest (-1) value of a number column without nulls; the
 * first such row on ties. -1 for a group without rows.
 */
export function groupedBestRow(grouping: Grouping, values: ArrayLike<number>, sign: 1 | -1): number[] {
  const { count } = grouping;
  const bestRow = new Int32Array(count).fill(-1);
  const best = new Float64Array(count);
  forEachBlock(grouping, (groups, start, end) =>
    keepBestRows(values, sign, groups, start, end, best, bestRow),
  );
  return Array.from(bestRow);
}

function countGroups(counts: Float64Array, groups: Int32Array, count: number): void {
  for (let i = 0; i < count; i++) counts[groups[i]!]!++;
}

function keepBestRows(
  values: ArrayLike<number>,
  sign: 1 | -1,
  groups: Int32Array,
  start: number,
  end: number,
  best: Float64Array,
  bestRow: Int32Array,
): void {
  for (let row = start; row < end; row++) {
    const group = groups[row - start]!;
    const value = values[row]!;
    if (bestRow[group]! < 0 || (value - best[group]!) * sign > 0) {
      best[group] = value;
      bestRow[group] = row;
    }
  }
}
