/**
 * Probing a large index part by part. A table of a million text keys answers each probe from main memory, so a join's
 * time per row grew with its rows (x2.4 from 100k to 1M rows). Both sides are first split by the top bits of their
 * keys' hashes into parts whose table fits a core's cache, then each part is indexed and probed on its own.
 */
import { scratchInt32 } from './kernel/scratch';
import { emptyChains, foundAnswer, type JoinSide, rowAt, takingPart, textHash } from './joinIndex';

/** Slots of one part's table: 65,536 slots of two 32-bit numbers, half a megabyte. */
export const PART_SLOTS = 65_536;

/** The hash a row gets when its key is not a text (a text hashing to it too is told apart by its type). */
const NOT_TEXT = 0;

/**
 * What each of `probing`'s rows finds among `indexed`'s positions (as `KeyIndex.find` answers) and the chains of
 * positions sharing a key, or undefined when a key of the indexed side is neither a text nor null (a Map indexes
 * those).
 */
export function probeByParts(
  indexed: JoinSide,
  probing: JoinSide,
  check: () => void,
): { found: Int32Array; next: Int32Array | undefined } | undefined {
  const indexedCount = takingPart(indexed);
  let bits = 1;
  while (bits < 15 && (indexedCount * 2) >>> bits > PART_SLOTS) bits++;
  const parts = 1 << bits;
  const shift = 32 - bits;
  const built = split(indexed, 'indexed', shift, parts, true, check);
  if (!built) return undefined;
  const probes = split(probing, 'probing', shift, parts, false, check)!;
  const found = scratchInt32('join found', takingPart(probing)).fill(-1);
  let next: Int32Array | undefined;
  let largest = 0;
  for (let part = 0; part < parts; part++)
    largest = Math.max(largest, built.starts[part + 1]! - built.starts[part]!);
  let capacity = 16;
  while (capacity < largest * 2) capacity *= 2;
  const table = scratchInt32('join table', capacity * 2);
  const indexedKeys = indexed.keys;
  const probingKeys = probing.keys;
  const { entries } = built;
  for (let part = 0; part < parts; part++) {
    const from = built.starts[part]!;
    const to = built.starts[part + 1]!;
    let size = 16;
    while (size < (to - from) * 2) size *= 2;
    const mask = size - 1;
    const slots = table.subarray(0, size * 2).fill(-1);
    // Positions go in from the last so that each key's chain ends up ascending. The loops are buildIndex's, written
    // out again: shared helpers (a key reader passed in, the probing key read before the hash matched) made joins
    // on 4M ids 15-20% slower.
    for (let i = to - 1; i >= from; i--) {
      const at = entries[2 * i]!;
      const hash = entries[2 * i + 1]!;
      const key = indexedKeys[rowAt(indexed, at)];
      let slot = (hash & mask) * 2;
      for (;;) {
        const head = slots[slot]!;
        if (head < 0) {
          slots[slot] = at;
          slots[slot + 1] = hash;
          break;
        }
        if (slots[slot + 1] === hash && indexedKeys[rowAt(indexed, head)] === key) {
          next ??= emptyChains(indexedCount);
          next[at] = head;
          slots[slot] = at;
          break;
        }
        slot = slot + 2 === slots.length ? 0 : slot + 2;
      }
    }
    for (let i = probes.starts[part]!; i < probes.starts[part + 1]!; i++) {
      const hash = probes.entries[2 * i + 1]!;
      let slot = (hash & mask) * 2;
      for (;;) {
        const head = slots[slot]!;
        if (head < 0) break;
        if (slots[slot + 1] === hash) {
          const at = probes.entries[2 * i]!;
          if (indexedKeys[rowAt(indexed, head)] === probingKeys[rowAt(probing, at)]) {
            found[at] = foundAnswer(head, next);
            break;
          }
        }
        slot = slot + 2 === slots.length ? 0 : slot + 2;
      }
    }
    check();
  }
  return { found, next };
}

/**
 * A side's positions with text keys and their hashes, as (position, hash) entries grouped by part (the top bits of
 * the hash), positions ascending within each part; the keys that are not texts come after the last part. Undefined
 * when `textsOnly` and a key is neither a text nor null.
 */
function split(
  side: JoinSide,
  name: 'indexed' | 'probing',
  shift: number,
  parts: number,
  textsOnly: boolean,
  check: () => void,
): { starts: Int32Array; entries: Int32Array } | undefined {
  const count = takingPart(side);
  const keys = side.keys;
  // Shared by both sides: the indexed side's are placed before the probing side's are computed.
  const hashes = scratchInt32('join hashes', count);
  const starts = new Int32Array(parts + 2);
  for (let at = 0; at < count; at++) {
    const key = keys[rowAt(side, at)];
    if (typeof key === 'string') {
      const hash = textHash(key);
      hashes[at] = hash;
      starts[(hash >>> shift) + 1]!++;
    } else {
      if (textsOnly && key !== null && key !== undefined) return undefined;
      hashes[at] = NOT_TEXT;
      starts[parts + 1]!++;
    }
    if ((at & 65535) === 65535) check();
  }
  for (let part = 1; part < starts.length; part++) starts[part]! += starts[part - 1]!;
  const placed = starts.slice(0, parts + 1);
  const entries = scratchInt32(`join ${name} entries`, count * 2);
  for (let at = 0; at < count; at++) {
    const hash = hashes[at]!;
    const part = hash !== NOT_TEXT || typeof keys[rowAt(side, at)] === 'string' ? hash >>> shift : parts;
    const to = placed[part]!++;
    entries[2 * to] = at;
    entries[2 * to + 1] = hash;
  }
  return { starts, entries };
}
