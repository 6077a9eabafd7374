/**
 * Equi-join matching. One side is indexed (the one with fewer taking part), the other probes it; the pairs come out in
 * the same order whichever side was indexed: by left row, then by right row. Text keys go into an open-addressing
 * table over typed arrays (no Map entry per row); other keys into a Map. A null key matches nothing.
 *
 * Every temporary array is sized by the rows that take part, not by the table, and made only when needed (no
 * chains when every key is distinct): large typed arrays live outside the JavaScript heap, and V8 answers each
 * 64 MB of them with a full collection of the whole heap, whose cost grows with the tables it holds.
 */

/** A 32-bit FNV-1a hash of a text, with a final mix so that the low bits spread. */
function textHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  return hash ^ (hash >>> 13);
}

export interface JoinSide {
  /** The key of each row of the side (null: no key). */
  readonly keys: ArrayLike<unknown>;
  /**
   * When the keys are a dictionary-coded column: rows with the same code have the same key, so the other side's
   * index is probed once per code (`size` codes; a code outside 0..size-1 is one more, the empty text).
   */
  readonly dictionary?: { readonly codes: ArrayLike<number>; readonly size: number };
  /** The rows that take part, ascending; absent: every row. */
  readonly rows?: ArrayLike<number>;
  /** The side's row count. */
  readonly length: number;
}

/** How many rows of a side take part. */
const takingPart = (side: JoinSide): number => side.rows?.length ?? side.length;

/** The row at position `at` among a side's rows taking part. */
const rowAt = (side: JoinSide, at: number): number => (side.rows === undefined ? at : side.rows[at]!);

/**
 * The rows of one side by key, as positions among the rows taking part. `find(key)` answers -1 when no row has the
 * key, the position when exactly one has it, and `-2 - position` for the first of several, whose later positions
 * follow through `next` (ascending, -1 at the end). Most keys of a join are unique, and this saves reading `next` for
 * them; `next` exists only when some key repeats.
 */
interface KeyIndex {
  find(key: unknown): number;
  readonly next: Int32Array | undefined;
}

function allTexts(side: JoinSide, count: number): boolean {
  for (let at = 0; at < count; at++) {
    const key = side.keys[rowAt(side, at)];
    if (typeof key !== 'string' && key !== null && key !== undefined) return false;
  }
  return true;
}

/** Positions go in from the last so that each key's chain ends up ascending. */
function buildIndex(side: JoinSide): KeyIndex {
  const count = takingPart(side);
  const keys = side.keys;
  let next: Int32Array | undefined;
  const chain = (at: number, head: number) => {
    next ??= new Int32Array(count).fill(-1);
    next[at] = head;
  };
  if (allTexts(side, count)) {
    let capacity = 16;
    while (capacity < count * 2) capacity *= 2;
    const mask = capacity - 1;
    // Slot s holds, side by side: the first position of one key (-1: empty) and the key's hash.
    const slots = new Int32Array(capacity * 2).fill(-1);
    const keyAt = (at: number) => keys[rowAt(side, at)];
    for (let at = count - 1; at >= 0; at--) {
      const key = keyAt(at);
      if (typeof key !== 'string') continue;
      const hash = textHash(key);
      let slot = (hash & mask) * 2;
      for (;;) {
        const head = slots[slot]!;
        if (head < 0) {
          slots[slot] = at;
          slots[slot + 1] = hash;
          break;
        }
        if (slots[slot + 1] === hash && keyAt(head) === key) {
          chain(at, head);
          slots[slot] = at;
          break;
        }
        slot = slot + 2 === slots.length ? 0 : slot + 2;
      }
    }
    return {
      next,
      find(key) {
        if (typeof key !== 'string') return -1;
        const hash = textHash(key);
        let slot = (hash & mask) * 2;
        for (;;) {
          const head = slots[slot]!;
          if (head < 0) return -1;
          if (slots[slot + 1] === hash && keyAt(head) === key)
            return next === undefined || next[head] === -1 ? head : -2 - head;
          slot = slot + 2 === slots.length ? 0 : slot + 2;
        }
      },
    };
  }
  const first = new Map<unknown, number>();
  for (let at = count - 1; at >= 0; at--) {
    const key = keys[rowAt(side, at)];
    if (key === null || key === undefined) continue;
    const head = first.get(key);
    if (head !== undefined) chain(at, head);
    first.set(key, at);
  }
  return {
    next,
    find(key) {
      const head = key === null || key === undefined ? undefined : first.get(key);
      if (head === undefined) return -1;
      return next === undefined || next[head] === -1 ? head : -2 - head;
    },
  };
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
  probing: JoinSide,
  check: () => void,
): { found: Int32Array; pairs: number } {
  const next = index.next;
  let chainLength: Int32Array | undefined;
  if (next !== undefined) {
    chainLength = new Int32Array(next.length);
    for (let at = next.length - 1; at >= 0; at--) {
      const after = next[at]!;
      chainLength[at] = 1 + (after >= 0 ? chainLength[after]! : 0);
    }
  }
  const count = takingPart(probing);
  const found = new Int32Array(count);
  const findRow = probing.dictionary
    ? findByCode(index, probing)
    : (row: number) => index.find(probing.keys[row]);
  let pairs = 0;
  for (let at = 0; at < count; at++) {
    const match = findRow(rowAt(probing, at));
    found[at] = match;
    if (match >= 0) pairs++;
    else if (match < -1) pairs += chainLength![-2 - match]!;
    if ((at & 65535) === 65535) check();
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
  const rightIndexed = takingPart(right) <= takingPart(left);
  const [indexed, probing] = rightIndexed ? [right, left] : [left, right];
  const index = buildIndex(indexed);
  const { found, pairs } = probeAll(index, probing, check);
  reserve(pairs);
  const next = index.next;
  const out = { left: new Int32Array(pairs), right: new Int32Array(pairs) };
  const probingCount = found.length;
  if (rightIndexed) {
    // The probing side is the left one: its order is the pairs' order.
    let at = 0;
    for (let i = 0; i < probingCount; i++) {
      const match = found[i]!;
      if (match === -1) continue;
      const row = rowAt(left, i);
      if (match >= 0) {
        out.left[at] = row;
        out.right[at++] = rowAt(right, match);
      } else {
        for (let p = -2 - match; p >= 0; p = next![p]!) {
          out.left[at] = row;
          out.right[at++] = rowAt(right, p);
        }
      }
      if ((i & 65535) === 65535) check();
    }
    return out;
  }
  // The left side is indexed: the right rows probe in order, and a counting sort by left position places each pair
  // (stable, so each left row's matches stay in right-row order).
  const starts = new Int32Array(takingPart(left) + 1);
  for (let i = 0; i < probingCount; i++) {
    const match = found[i]!;
    if (match >= 0) starts[match + 1]!++;
    else if (match < -1) for (let p = -2 - match; p >= 0; p = next![p]!) starts[p + 1]!++;
  }
  for (let p = 1; p < starts.length; p++) starts[p]! += starts[p - 1]!;
  for (let i = 0; i < probingCount; i++) {
    const match = found[i]!;
    if (match === -1) continue;
    const row = rowAt(right, i);
    for (let p = match >= 0 ? match : -2 - match; p >= 0; p = match >= 0 ? -1 : next![p]!) {
      const at = starts[p]!++;
      out.left[at] = rowAt(left, p);
      out.right[at] = row;
    }
    if ((i & 65535) === 65535) check();
  }
  return out;
}

/** Which rows of each side have at least one match on the other side (for semi and anti joins). */
export function matchFlags(
  left: JoinSide,
  right: JoinSide,
  check: () => void,
): { left: Uint8Array; right: Uint8Array } {
  const flags = { left: new Uint8Array(left.length), right: new Uint8Array(right.length) };
  const [indexed, probing, indexedFlags, probingFlags] =
    takingPart(right) <= takingPart(left)
      ? [right, left, flags.right, flags.left]
      : [left, right, flags.left, flags.right];
  const index = buildIndex(indexed);
  const next = index.next;
  const count = takingPart(probing);
  for (let at = 0; at < count; at++) {
    const row = rowAt(probing, at);
    const found = index.find(probing.keys[row]);
    if (found === -1) continue;
    probingFlags[row] = 1;
    const first = found >= 0 ? found : -2 - found;
    // A chain is marked once: its first row's flag says it is done.
    if (indexedFlags[rowAt(indexed, first)] === 1) continue;
    for (let p = first; p >= 0; p = next === undefined ? -1 : next[p]!) indexedFlags[rowAt(indexed, p)] = 1;
    if ((at & 65535) === 65535) check();
  }
  return flags;
}

/**
 * The first row of each distinct key among a side's rows, for innerunique's one left row per key. Left sides mostly
 * repeat a few keys (a pod, a host, a user per row): a Set of the keys seen answers those with the engine's native
 * string hashing; past SET_LIMIT distinct keys the typed-array index takes over.
 */
export function firstRowPerKey(side: JoinSide): Int32Array {
  const seen = new Set<unknown>();
  const firsts: number[] = [];
  const count = takingPart(side);
  for (let at = 0; at < count; at++) {
    const row = rowAt(side, at);
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
  const index = buildIndex(side);
  const firsts: number[] = [];
  const count = takingPart(side);
  for (let at = 0; at < count; at++) {
    const found = index.find(side.keys[rowAt(side, at)]);
    if (found === at || found === -2 - at) firsts.push(rowAt(side, at));
  }
  return Int32Array.from(firsts);
}
