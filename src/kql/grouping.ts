/**
 * Grouping rows for summarize: each `by` key becomes a small integer id per row (from dictionary codes, from a time
 * bin over epoch milliseconds, or from a hash map of the values), the ids of several keys combine into one number, and
 * every row gets a group number in order of first appearance. Aggregates then run over the group numbers in typed
 * arrays instead of building a string key per row.
 */
import { valueKey } from './compare';

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
  /** The key's value for an id (the value of the first row that had it). */
  valueOfId(id: number): unknown;
}

/** Memoizes the ids of an encoder: a key and a dcount() over the same column share them. */
function once(fill: () => Int32Array): () => Int32Array {
  let ids: Int32Array | undefined;
  return () => (ids ??= fill());
}

/** Ids from a hash map of the row values: one Map lookup per row, for keys with no cheaper form. */
export function valueEncoder(
  valueAt: (row: number) => unknown,
  rowCount: number,
  check: () => void,
): KeyEncoder {
  const values: unknown[] = [];
  return {
    bound: Math.max(1, rowCount),
    ordered: true,
    ids: once(() => {
      const idOfKey = new Map<unknown, number>();
      const ids = new Int32Array(rowCount);
      for (let row = 0; row < rowCount; row++) {
        const value = valueAt(row);
        const key = groupingKeyOf(value);
        let id = idOfKey.get(key);
        if (id === undefined) {
          id = values.length;
          idOfKey.set(key, id);
          values.push(value ?? null);
        }
        ids[row] = id;
        if ((row & 4095) === 4095) check();
      }
      return ids;
    }),
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
  const values: unknown[] = [];
  return {
    bound: size + 1,
    ordered: true,
    ids: once(() => {
      const idOfEntry = new Int32Array(size + 1).fill(-1);
      const idOfKey = new Map<unknown, number>();
      const ids = new Int32Array(rowCount);
      for (let row = 0; row < rowCount; row++) {
        const code = codes[row]!;
        const entry = code >= 0 && code < size ? code : size;
        let id = idOfEntry[entry]!;
        if (id < 0) {
          const value = valueOfEntry(entry);
          const key = groupingKeyOf(value);
          const known = idOfKey.get(key);
          if (known === undefined) {
            id = values.length;
            idOfKey.set(key, id);
            values.push(value ?? null);
          } else id = known;
          idOfEntry[entry] = id;
        }
        ids[row] = id;
      }
      return ids;
    }),
    valueOfId: (id) => values[id],
  };
}

/**
 * Ids of time bins: `binStartMs(row)` is a multiple of `spanMs` from a fixed origin, so the id is the bin's distance
 * from the earliest bin. Undefined when the bins span too wide a range for a dense table.
 */
export function binEncoder(
  binStartMs: (row: number) => number,
  spanMs: number,
  rowCount: number,
  toValue: (binStartMs: number) => unknown,
): KeyEncoder | undefined {
  if (rowCount === 0) return undefined;
  const starts = new Float64Array(rowCount);
  let min = Infinity;
  let max = -Infinity;
  for (let row = 0; row < rowCount; row++) {
    const start = (starts[row] = binStartMs(row));
    if (start < min) min = start;
    if (start > max) max = start;
  }
  const bound = Math.round((max - min) / spanMs) + 1;
  if (!(bound <= denseLimit(rowCount))) return undefined;
  return {
    bound,
    ordered: false,
    ids: once(() => {
      const ids = new Int32Array(rowCount);
      for (let row = 0; row < rowCount; row++) ids[row] = Math.round((starts[row]! - min) / spanMs);
      return ids;
    }),
    valueOfId: (id) => toValue(min + id * spanMs),
  };
}

/** Largest id range kept in a dense Int32Array (4 bytes per possible id). */
function denseLimit(rowCount: number): number {
  return Math.max(65_536, 4 * rowCount);
}

export interface Grouping {
  /** The group number of each row. */
  readonly groupOf: Int32Array;
  readonly count: number;
  /** The first row of each group. */
  readonly firstRows: Int32Array;
}

/**
 * Numbers the groups of `rowCount` rows by the combined ids of `encoders`, in order of first appearance. Without
 * encoders every row is in group 0 (and there is one group even without rows, as summarize without `by` gives).
 */
export function groupRows(encoders: readonly KeyEncoder[], rowCount: number): Grouping {
  if (encoders.length === 0)
    return { groupOf: new Int32Array(rowCount), count: 1, firstRows: Int32Array.of(0) };
  const firstRows: number[] = [];
  const only = encoders.length === 1 ? encoders[0]! : undefined;
  if (only?.ordered) {
    const ids = only.ids();
    for (let row = 0; row < rowCount; row++) if (ids[row] === firstRows.length) firstRows.push(row);
    return { groupOf: ids, count: firstRows.length, firstRows: Int32Array.from(firstRows) };
  }
  // One number per row from all the ids (Horner's scheme), then numbered by first appearance.
  let product = 1;
  for (const encoder of encoders) product *= encoder.bound;
  const groupOf = new Int32Array(rowCount);
  if (product <= denseLimit(rowCount)) {
    const composite = new Int32Array(encoders[0]!.ids());
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
  return { groupOf, count: firstRows.length, firstRows: Int32Array.from(firstRows) };
}

// ---------- aggregates over group numbers ----------

export function groupedCount(grouping: Grouping): number[] {
  const counts = new Float64Array(grouping.count);
  const { groupOf } = grouping;
  for (let row = 0; row < groupOf.length; row++) counts[groupOf[row]!]!++;
  return Array.from(counts);
}

/** Distinct non-null values per group, for a value whose encoder has a small bound (dictionary ids). */
export function groupedDistinctCount(grouping: Grouping, values: KeyEncoder): number[] {
  const { groupOf, count } = grouping;
  const bound = values.bound;
  const distinct = new Float64Array(count);
  const nullIds = new Int8Array(bound); // 0 unknown, 1 null, 2 a value
  const isNullId = (id: number) => {
    let state = nullIds[id]!;
    if (state === 0) {
      const value = values.valueOfId(id);
      state = nullIds[id] = value === null || value === undefined ? 1 : 2;
    }
    return state === 1;
  };
  if (count * bound <= 1 << 24) {
    const seen = new Uint8Array(count * bound);
    const ids = values.ids();
    for (let row = 0; row < groupOf.length; row++) {
      const group = groupOf[row]!;
      const slot = group * bound + ids[row]!;
      if (seen[slot] === 0) {
        seen[slot] = 1;
        if (!isNullId(slot - group * bound)) distinct[group]!++;
      }
    }
  } else {
    const sets: (Set<number> | undefined)[] = new Array(count);
    const ids = values.ids();
    for (let row = 0; row < groupOf.length; row++) {
      const group = groupOf[row]!;
      const id = ids[row]!;
      const set = (sets[group] ??= new Set<number>());
      if (!set.has(id)) {
        set.add(id);
        if (!isNullId(id)) distinct[group]!++;
      }
    }
  }
  return Array.from(distinct);
}

/**
 * The row of each group with the largest (`sign` 1) or smallest (-1) value of a number column without nulls; the
 * first such row on ties. -1 for a group without rows.
 */
export function groupedBestRow(grouping: Grouping, values: ArrayLike<number>, sign: 1 | -1): number[] {
  const { groupOf, count } = grouping;
  const bestRow = new Int32Array(count).fill(-1);
  const best = new Float64Array(count);
  for (let row = 0; row < groupOf.length; row++) {
    const group = groupOf[row]!;
    const value = values[row]!;
    if (bestRow[group]! < 0 || (value - best[group]!) * sign > 0) {
      best[group] = value;
      bestRow[group] = row;
    }
  }
  return Array.from(bestRow);
}
