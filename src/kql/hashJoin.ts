/**
 * Equi-join matching. One side is indexed (the smaller one), the other probes it; the pairs come out in the same
 * order whichever side was indexed: by left row, then by right row. Text keys go into an open-addressing table over
 * typed arrays (no Map entry per row); other keys into a Map. A null key matches nothing.
 */

/** A 32-bit FNV-1a hash of a text, with a final mix so that the low bits spread. */
function textHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  return hash ^ (hash >>> 13);
}

/**
 * The rows of one side by key. `find(key)` answers -1 when no row has the key, the row when exactly one has it, and
 * `-2 - row` for the first of several, whose later rows follow through `next` (ascending, -1 at the end). Most keys of
 * a join are unique, and this saves reading `next` for them.
 */
interface KeyIndex {
  find(key: unknown): number;
  readonly next: Int32Array;
}

function allTexts(keys: ArrayLike<unknown>, rows: ArrayLike<number>): boolean {
  for (let i = 0; i < rows.length; i++) {
    const key = keys[rows[i]!];
    if (typeof key !== 'string' && key !== null && key !== undefined) return false;
  }
  return true;
}

/** Indexes `rows` (ascending row numbers) of a side whose key of row r is keys[r]. */
function buildIndex(keys: ArrayLike<unknown>, rows: ArrayLike<number>, length: number): KeyIndex {
  const next = new Int32Array(length).fill(-1);
  if (allTexts(keys, rows)) {
    let capacity = 16;
    while (capacity < rows.length * 2) capacity *= 2;
    const mask = capacity - 1;
    // Slot s holds, side by side (one cache line): the first row of one key (-1: empty), the key's hash, and 1 when
    // more rows have the key.
    const slots = new Int32Array(capacity * 3).fill(-1);
    // Rows go in from the last so that each key's chain ends up ascending.
    for (let i = rows.length - 1; i >= 0; i--) {
      const row = rows[i]!;
      const key = keys[row];
      if (typeof key !== 'string') continue;
      const hash = textHash(key);
      let at = (hash & mask) * 3;
      for (;;) {
        const head = slots[at]!;
        if (head < 0) {
          slots[at] = row;
          slots[at + 1] = hash;
          slots[at + 2] = 0;
          break;
        }
        if (slots[at + 1] === hash && keys[head] === key) {
          next[row] = head;
          slots[at] = row;
          slots[at + 2] = 1;
          break;
        }
        at = at + 3 === slots.length ? 0 : at + 3;
      }
    }
    return {
      next,
      find(key) {
        if (typeof key !== 'string') return -1;
        const hash = textHash(key);
        let at = (hash & mask) * 3;
        for (;;) {
          const head = slots[at]!;
          if (head < 0) return -1;
          if (slots[at + 1] === hash && keys[head] === key) return slots[at + 2] === 0 ? head : -2 - head;
          at = at + 3 === slots.length ? 0 : at + 3;
        }
      },
    };
  }
  const first = new Map<unknown, number>();
  for (let i = rows.length - 1; i >= 0; i--) {
    const row = rows[i]!;
    const key = keys[row];
    if (key === null || key === undefined) continue;
    const head = first.get(key);
    if (head !== undefined) next[row] = head;
    first.set(key, row);
  }
  return {
    next,
    find(key) {
      const head = key === null || key === undefined ? undefined : first.get(key);
      if (head === undefined) return -1;
      return next[head] === -1 ? head : -2 - head;
    },
  };
}

/** A growable pair of row-number columns. */
class RowPairs {
  left = new Int32Array(1024);
  right = new Int32Array(1024);
  count = 0;

  push(left: number, right: number): void {
    if (this.count === this.left.length) {
      const grownLeft = new Int32Array(this.count * 2);
      const grownRight = new Int32Array(this.count * 2);
      grownLeft.set(this.left);
      grownRight.set(this.right);
      this.left = grownLeft;
      this.right = grownRight;
    }
    this.left[this.count] = left;
    this.right[this.count++] = right;
  }
}

export interface JoinSide {
  /** The key of each row of the side (null: no key). */
  readonly keys: ArrayLike<unknown>;
  /**
   * When the keys are a dictionary-coded column: rows with the same code have the same key, so the other side's
   * index is probed once per code (`size` codes; a code outside 0..size-1 is one more, the empty text).
   */
  readonly dictionary?: { readonly codes: ArrayLike<number>; readonly size: number };
  /** The rows that take part, ascending. */
  readonly rows: ArrayLike<number>;
  /** The side's row count. */
  readonly length: number;
}

export interface MatchedPairs {
  readonly left: Int32Array;
  readonly right: Int32Array;
}

/**
 * Probes `index` with each of `probing`'s rows (what `find` answers, kept for the pass that makes the pairs) and
 * counts the pairs they give without making them: the length of each key's chain is counted once, so a cartesian join
 * is known for what it is before one pair is allocated.
 */
function probeAll(
  index: KeyIndex,
  indexed: JoinSide,
  probing: JoinSide,
  check: () => void,
): { found: Int32Array; pairs: number } {
  const chainLength = new Int32Array(indexed.length);
  for (let i = indexed.rows.length - 1; i >= 0; i--) {
    const row = indexed.rows[i]!;
    const after = index.next[row]!;
    chainLength[row] = 1 + (after >= 0 ? chainLength[after]! : 0);
  }
  const found = new Int32Array(probing.rows.length);
  const findRow = probing.dictionary
    ? findByCode(index, probing)
    : (row: number) => index.find(probing.keys[row]);
  let pairs = 0;
  for (let i = 0; i < probing.rows.length; i++) {
    const match = findRow(probing.rows[i]!);
    found[i] = match;
    if (match >= 0) pairs++;
    else if (match < -1) pairs += chainLength[-2 - match]!;
    if ((i & 65535) === 65535) check();
  }
  return { found, pairs };
}

/** `index.find` of a dictionary-coded side's rows, asked once per code. */
function findByCode(index: KeyIndex, side: JoinSide): (row: number) => number {
  const { codes, size } = side.dictionary!;
  const known = new Uint8Array(size + 1);
  const answers = new Int32Array(size + 1);
  return (row) => {
    const code = codes[row]!;
    const entry = code >= 0 && code < size ? code : size;
    if (known[entry] === 0) {
      answers[entry] = index.find(side.keys[row]);
      known[entry] = 1;
    }
    return answers[entry]!;
  };
}

/**
 * Every (left row, right row) with equal keys, ordered by left row then right row. `reserve` hears the number of
 * pairs before they are made, and may refuse them by throwing.
 */
export function matchPairs(
  left: JoinSide,
  right: JoinSide,
  check: () => void,
  reserve: (pairs: number) => void = () => {},
): MatchedPairs {
  const pairs = new RowPairs();
  if (right.rows.length <= left.rows.length) {
    const index = buildIndex(right.keys, right.rows, right.length);
    const probed = probeAll(index, right, left, check);
    reserve(probed.pairs);
    const { next } = index;
    for (let i = 0; i < left.rows.length; i++) {
      const row = left.rows[i]!;
      const found = probed.found[i]!;
      if (found >= 0) pairs.push(row, found);
      else if (found < -1)
        for (let match = -2 - found; match >= 0; match = next[match]!) pairs.push(row, match);
      if ((i & 65535) === 65535) check();
    }
    return { left: pairs.left.subarray(0, pairs.count), right: pairs.right.subarray(0, pairs.count) };
  }
  // The left side is smaller: index it, probe with the right rows in order, then order the pairs by left row
  // (a counting sort, stable, so each left row's matches stay in right-row order).
  const index = buildIndex(left.keys, left.rows, left.length);
  const probed = probeAll(index, left, right, check);
  reserve(probed.pairs);
  const { next } = index;
  for (let i = 0; i < right.rows.length; i++) {
    const row = right.rows[i]!;
    const found = probed.found[i]!;
    if (found >= 0) pairs.push(found, row);
    else if (found < -1)
      for (let match = -2 - found; match >= 0; match = next[match]!) pairs.push(match, row);
    if ((i & 65535) === 65535) check();
  }
  const count = pairs.count;
  const starts = new Int32Array(left.length + 1);
  for (let i = 0; i < count; i++) starts[pairs.left[i]! + 1]!++;
  for (let row = 0; row < left.length; row++) starts[row + 1]! += starts[row]!;
  const sortedLeft = new Int32Array(count);
  const sortedRight = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const at = starts[pairs.left[i]!]!++;
    sortedLeft[at] = pairs.left[i]!;
    sortedRight[at] = pairs.right[i]!;
  }
  return { left: sortedLeft, right: sortedRight };
}

/** Which rows of each side have at least one match on the other side (for semi and anti joins). */
export function matchFlags(
  left: JoinSide,
  right: JoinSide,
  check: () => void,
): { left: Uint8Array; right: Uint8Array } {
  const flags = { left: new Uint8Array(left.length), right: new Uint8Array(right.length) };
  const [indexed, probing, indexedFlags, probingFlags] =
    right.rows.length <= left.rows.length
      ? [right, left, flags.right, flags.left]
      : [left, right, flags.left, flags.right];
  const index = buildIndex(indexed.keys, indexed.rows, indexed.length);
  for (let i = 0; i < probing.rows.length; i++) {
    const row = probing.rows[i]!;
    const found = index.find(probing.keys[row]);
    if (found === -1) continue;
    probingFlags[row] = 1;
    const first = found >= 0 ? found : -2 - found;
    // A chain is marked once: its first row's flag says it is done.
    if (indexedFlags[first] === 1) continue;
    for (let match = first; match >= 0; match = index.next[match]!) indexedFlags[match] = 1;
    if ((i & 65535) === 65535) check();
  }
  return flags;
}

/**
 * The first row of each distinct key among `rows` (ascending), for innerunique's one left row per key. Left sides
 * mostly repeat a few keys (a pod, a host, a user per row): a Set of the keys seen answers those with the engine's
 * native string hashing; past SET_LIMIT distinct keys the typed-array index takes over.
 */
export function firstRowPerKey(side: JoinSide): Int32Array {
  const seen = new Set<unknown>();
  const firsts: number[] = [];
  for (let i = 0; i < side.rows.length; i++) {
    const row = side.rows[i]!;
    const key = side.keys[row];
    if (key === null || key === undefined || seen.has(key)) continue;
    if (seen.size === SET_LIMIT) return firstRowPerKeyIndexed(side);
    seen.add(key);
    firsts.push(row);
  }
  return Int32Array.from(firsts);
}

const SET_LIMIT = 65_536;

function firstRowPerKeyIndexed(side: JoinSide): Int32Array {
  const index = buildIndex(side.keys, side.rows, side.length);
  const firsts: number[] = [];
  for (let i = 0; i < side.rows.length; i++) {
    const row = side.rows[i]!;
    const found = index.find(side.keys[row]);
    if (found === row || found === -2 - row) firsts.push(row);
  }
  return Int32Array.from(firsts);
}
