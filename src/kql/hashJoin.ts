/**
 * Equi-join matching. One side is indexed (the one with fewer rows taking part), the other probes it; the pairs come
 * out in the same order whichever side was indexed: by left row, then by right row.
 *
 * Temporary arrays are sized by the rows taking part, made only when needed (no chains when every key is distinct)
 * and kept between joins (`kernel/scratch.ts`); only the pairs are new arrays.
 */
import { buildIndex, type JoinSide, type KeyIndex, rowAt, takingPart } from './joinIndex';
import { PART_SLOTS, probeByParts } from './joinParts';
import { scratchInt32 } from './kernel/scratch';

export type { JoinSide } from './joinIndex';

export interface MatchedPairs {
  readonly left: Int32Array;
  readonly right: Int32Array;
}

/**
 * What each of `probing`'s rows finds among `indexed`'s positions (as `KeyIndex.find` answers), and the chains of
 * positions that share a key.
 */
interface Probed {
  readonly found: Int32Array;
  readonly next: Int32Array | undefined;
}

function probeAll(indexed: JoinSide, probing: JoinSide, check: () => void): Probed {
  // A dictionary-coded probing side asks once per code: its probes are few whatever the index's size.
  if (!probing.dictionary && takingPart(indexed) * 2 > PART_SLOTS) {
    const probed = probeByParts(indexed, probing, check);
    if (probed) return probed;
  }
  const index = buildIndex(indexed);
  const count = takingPart(probing);
  const found = scratchInt32('join found', count);
  const findRow = probing.dictionary
    ? findByCode(index, probing)
    : (row: number) => index.find(probing.keys[row]);
  for (let at = 0; at < count; at++) {
    found[at] = findRow(rowAt(probing, at));
    if ((at & 65535) === 65535) check();
  }
  return { found, next: index.next };
}

/** The pairs the probing rows make (one per row found alone, a chain's length per chain found). */
function countPairs({ found, next }: Probed): number {
  let chainLength: Int32Array | undefined;
  if (next !== undefined) {
    chainLength = scratchInt32('join chain lengths', next.length);
    for (let at = next.length - 1; at >= 0; at--) {
      const after = next[at]!;
      chainLength[at] = 1 + (after >= 0 ? chainLength[after]! : 0);
    }
  }
  let pairs = 0;
  for (let at = 0; at < found.length; at++) {
    const match = found[at]!;
    if (match >= 0) pairs++;
    else if (match < -1) pairs += chainLength![-2 - match]!;
  }
  return pairs;
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
  const probed = probeAll(indexed, probing, check);
  const pairs = countPairs(probed);
  reserve(pairs);
  const { found, next } = probed;
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
  const starts = scratchInt32('join pair starts', takingPart(left) + 1).fill(0);
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
  const { found, next } = probeAll(indexed, probing, check);
  for (let at = 0; at < found.length; at++) {
    const match = found[at]!;
    if (match === -1) continue;
    probingFlags[rowAt(probing, at)] = 1;
    const first = match >= 0 ? match : -2 - match;
    // A chain is marked once: its first row's flag says it is done.
    if (indexedFlags[rowAt(indexed, first)] === 1) continue;
    for (let p = first; p >= 0; p = next === undefined ? -1 : next[p]!) indexedFlags[rowAt(indexed, p)] = 1;
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
