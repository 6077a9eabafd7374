/**
 * The sides of an equi-join and the index of one side's rows by key: an open-addressing table over typed arrays for
 * text keys (no Map entry per row), a Map for other keys. A null key matches nothing.
 */
import { scratchInt32 } from './kernel/scratch';

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
export const takingPart = (side: JoinSide): number => side.rows?.length ?? side.length;

/** The row at position `at` among a side's rows taking part. */
export const rowAt = (side: JoinSide, at: number): number => (side.rows === undefined ? at : side.rows[at]!);

/** A 32-bit FNV-1a hash of a text, with a final mix so that the low bits spread. */
export function textHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  return hash ^ (hash >>> 13);
}

/**
 * The answer of `KeyIndex.find` for the position `head` first in its key's chain: the position when no other has the
 * key, `-2 - head` when later positions follow through `next`.
 */
export const foundAnswer = (head: number, next: Int32Array | undefined): number =>
  next === undefined || next[head] === -1 ? head : -2 - head;

/**
 * The rows of one side by key, as positions among the rows taking part. `find(key)` answers -1 when no row has the
 * key, the position when exactly one has it, and `-2 - position` for the first of several, whose later positions
 * follow through `next` (ascending, -1 at the end). Most keys of a join are unique, and this saves reading `next` for
 * them; `next` exists only when some key repeats.
 */
export interface KeyIndex {
  find(key: unknown): number;
  readonly next: Int32Array | undefined;
}

/** The `next` chains of a side's positions, all ending (-1) until linked; made when a first key repeats. */
export const emptyChains = (count: number): Int32Array => scratchInt32('join chains', count).fill(-1);

function allTexts(side: JoinSide, count: number): boolean {
  for (let at = 0; at < count; at++) {
    const key = side.keys[rowAt(side, at)];
    if (typeof key !== 'string' && key !== null && key !== undefined) return false;
  }
  return true;
}

/** Positions go in from the last so that each key's chain ends up ascending. */
export function buildIndex(side: JoinSide): KeyIndex {
  const count = takingPart(side);
  const keys = side.keys;
  let next: Int32Array | undefined;
  const chain = (at: number, head: number) => {
    next ??= emptyChains(count);
    next[at] = head;
  };
  if (allTexts(side, count)) {
    let capacity = 16;
    while (capacity < count * 2) capacity *= 2;
    const mask = capacity - 1;
    // Slot s holds, side by side: the first position of one key (-1: empty) and the key's hash.
    const slots = scratchInt32('join table', capacity * 2).fill(-1);
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
          if (slots[slot + 1] === hash && keyAt(head) === key) return foundAnswer(head, next);
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
      return head === undefined ? -1 : foundAnswer(head, next);
    },
  };
}
