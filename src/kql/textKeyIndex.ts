/**
 * The rows of a join side by text key, in an open-addressing table over typed arrays, split into partitions by the
 * top bits of each key's hash. A table of a million keys is tens of MB: inserting or looking up keys in row order
 * would miss the cache at every key. Rows are grouped by partition first (a counting sort over their hashes), then
 * each partition, whose slots fit in a core's cache, is filled or probed in one go; probing rows are grouped the same
 * way (`findAll`).
 */

/**
 * The rows of one side by key. `find(key)` answers -1 when no row has the key, the row when exactly one has it, and
 * `-2 - row` for the first of several, whose later rows follow through `next` (ascending, -1 at the end). Most keys of
 * a join are unique, and this saves reading `next` for them. `findAll` answers `find` for the key of each of `rows`.
 */
export interface KeyIndex {
  find(key: unknown): number;
  findAll(keys: ArrayLike<unknown>, rows: ArrayLike<number>): Int32Array;
  readonly next: Int32Array;
}

/** About this many rows per partition: its slots (two Int32 each, at most half full) take 64 KB. */
const ROWS_PER_PARTITION = 4_096;
const MAX_PARTITION_BITS = 12;

/** A 32-bit FNV-1a hash of a text, with a final mix so that the low bits spread. */
function textHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  return hash ^ (hash >>> 13);
}

/** The positions in `rows` whose key is a text, grouped by partition (ascending within each), with their hashes. */
interface Partitioned {
  /** Hash of the key of rows[i], by position i. */
  readonly hashes: Int32Array;
  /** Positions, partition after partition. */
  readonly order: Int32Array;
  /** Partition p's positions are order[starts[p]] .. order[starts[p + 1] - 1]. */
  readonly starts: Int32Array;
}

function partitionOf(hash: number, bits: number): number {
  // `>>> 32` would shift by nothing.
  return bits === 0 ? 0 : hash >>> (32 - bits);
}

function partitionRows(keys: ArrayLike<unknown>, rows: ArrayLike<number>, bits: number): Partitioned {
  const partitions = 1 << bits;
  const hashes = new Int32Array(rows.length);
  const isText = new Uint8Array(rows.length);
  const starts = new Int32Array(partitions + 1);
  for (let i = 0; i < rows.length; i++) {
    const key = keys[rows[i]!];
    if (typeof key !== 'string') continue;
    const hash = textHash(key);
    hashes[i] = hash;
    isText[i] = 1;
    starts[partitionOf(hash, bits) + 1]!++;
  }
  for (let p = 0; p < partitions; p++) starts[p + 1]! += starts[p]!;
  const fillAt = starts.slice(0, partitions);
  const order = new Int32Array(starts[partitions]!);
  for (let i = 0; i < rows.length; i++) {
    if (isText[i] === 1) order[fillAt[partitionOf(hashes[i]!, bits)]!++] = i;
  }
  return { hashes, order, starts };
}

/** Indexes `rows` (ascending row numbers) of a side whose key of row r is keys[r]; rows without a text key are left out. */
export function buildTextIndex(keys: ArrayLike<unknown>, rows: ArrayLike<number>, length: number): KeyIndex {
  let bits = 0;
  while (bits < MAX_PARTITION_BITS && rows.length >> bits > ROWS_PER_PARTITION) bits++;
  const partitions = 1 << bits;
  const { hashes, order, starts } = partitionRows(keys, rows, bits);
  // Partition p's slots are regionStart[p] .. regionStart[p + 1] - 1, a power of two at least twice its rows.
  const regionStart = new Int32Array(partitions + 1);
  const masks = new Int32Array(partitions);
  for (let p = 0; p < partitions; p++) {
    let capacity = 8;
    while (capacity < (starts[p + 1]! - starts[p]!) * 2) capacity *= 2;
    masks[p] = capacity - 1;
    regionStart[p + 1] = regionStart[p]! + capacity;
  }
  // Slot s holds at 2s the first row of one key (-1: empty) and at 2s + 1 the key's hash; next[row] !== -1 when
  // more rows have the key.
  const slots = new Int32Array(regionStart[partitions]! * 2).fill(-1);
  const next = new Int32Array(length).fill(-1);
  for (let p = 0; p < partitions; p++) {
    const base = regionStart[p]!;
    const mask = masks[p]!;
    // Rows go in from the last so that each key's chain ends up ascending.
    for (let j = starts[p + 1]! - 1; j >= starts[p]!; j--) {
      const row = rows[order[j]!]!;
      const hash = hashes[order[j]!]!;
      const key = keys[row];
      for (let s = hash & mask; ; s = (s + 1) & mask) {
        const at = (base + s) * 2;
        const head = slots[at]!;
        if (head < 0) {
          slots[at] = row;
          slots[at + 1] = hash;
          break;
        }
        if (slots[at + 1] === hash && keys[head] === key) {
          next[row] = head;
          slots[at] = row;
          break;
        }
      }
    }
  }

  const lookup = (hash: number, key: string, base: number, mask: number): number => {
    for (let s = hash & mask; ; s = (s + 1) & mask) {
      const at = (base + s) * 2;
      const head = slots[at]!;
      if (head < 0) return -1;
      if (slots[at + 1] === hash && keys[head] === key) return next[head] === -1 ? head : -2 - head;
    }
  };
  return {
    next,
    find(key) {
      if (typeof key !== 'string') return -1;
      const hash = textHash(key);
      const p = partitionOf(hash, bits);
      return lookup(hash, key, regionStart[p]!, masks[p]!);
    },
    findAll(probeKeys, probeRows) {
      const found = new Int32Array(probeRows.length).fill(-1);
      const probing = partitionRows(probeKeys, probeRows, bits);
      for (let p = 0; p < partitions; p++) {
        const base = regionStart[p]!;
        const mask = masks[p]!;
        for (let j = probing.starts[p]!; j < probing.starts[p + 1]!; j++) {
          const i = probing.order[j]!;
          found[i] = lookup(probing.hashes[i]!, probeKeys[probeRows[i]!] as string, base, mask);
        }
      }
      return found;
    },
  };
}
