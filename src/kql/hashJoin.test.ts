// Join matching against a nested loop: the same pairs in the same order (left row, then right row) whichever side
// is indexed, for text keys (the typed hash table) and other keys (the Map), with duplicates and null keys.
import { describe, expect, it } from 'vitest';
import { firstRowPerKey, matchFlags, matchPairs, type JoinSide } from './hashJoin';
import { seededRandom } from '../shared/random';

function side(keys: unknown[], everyOther = false): JoinSide & { rows: Int32Array } {
  const rows = keys.map((_, i) => i).filter((i) => !everyOther || i % 2 === 0);
  return { keys, rows: Int32Array.from(rows), length: keys.length };
}

function nestedLoop(
  left: JoinSide & { rows: Int32Array },
  right: JoinSide & { rows: Int32Array },
): [number[], number[]] {
  const pairsLeft: number[] = [];
  const pairsRight: number[] = [];
  for (const l of left.rows) {
    for (const r of right.rows) {
      const a = left.keys[l];
      const b = right.keys[r];
      if (a !== null && b !== null && (a === b || (a !== a && b !== b))) {
        pairsLeft.push(l);
        pairsRight.push(r);
      }
    }
  }
  return [pairsLeft, pairsRight];
}

const check = () => {};
const rand = seededRandom(11);
const texts = (n: number, distinct: number) =>
  Array.from({ length: n }, () => (rand() < 0.1 ? null : `k${Math.floor(rand() * distinct)}`));
const numbers = (n: number, distinct: number) =>
  Array.from({ length: n }, () => (rand() < 0.1 ? null : Math.floor(rand() * distinct)));

describe('hash join matching', () => {
  const shapes: [string, unknown[], unknown[]][] = [
    ['texts, left smaller', texts(60, 20), texts(300, 20)],
    ['texts, right smaller', texts(300, 25), texts(40, 25)],
    ['texts, equal sizes, few keys', texts(200, 3), texts(200, 3)],
    ['numbers, left smaller', numbers(50, 10), numbers(400, 10)],
    ['numbers, right smaller', numbers(400, 30), numbers(70, 30)],
    ['mixed texts and numbers', [1, '1', 'a', null, 2, NaN], ['1', 1, NaN, 'a', 'a', null]],
    ['empty left', [], texts(10, 3)],
  ];
  it.each(shapes)('%s: pairs in left-then-right order', (_name, leftKeys, rightKeys) => {
    for (const everyOther of [false, true]) {
      const left = side(leftKeys, everyOther);
      const right = side(rightKeys);
      const [expectedLeft, expectedRight] = nestedLoop(left, right);
      const pairs = matchPairs(left, right, check);
      expect(Array.from(pairs.left)).toEqual(expectedLeft);
      expect(Array.from(pairs.right)).toEqual(expectedRight);
      // A side without a rows list takes part whole.
      const whole = matchPairs(left, { keys: right.keys, length: right.length }, check);
      expect(Array.from(whole.left)).toEqual(expectedLeft);
      expect(Array.from(whole.right)).toEqual(expectedRight);
      const flags = matchFlags(left, right, check);
      const leftMatched = new Set(expectedLeft);
      const rightMatched = new Set(expectedRight);
      expect(Array.from(flags.left, (flag, row) => flag === 1 && left.rows.includes(row))).toEqual(
        leftKeys.map((_, row) => leftMatched.has(row)),
      );
      expect(Array.from(flags.right, (flag) => flag === 1)).toEqual(
        rightKeys.map((_, row) => rightMatched.has(row)),
      );
    }
  });

  it('matches keys that are all distinct (an index without chains)', () => {
    const ids = (n: number, from: number) => Array.from({ length: n }, (_, i) => `id${from + i * 3}`);
    for (const [leftKeys, rightKeys] of [
      [ids(40, 0), ids(90, 30)],
      [ids(90, 30), ids(40, 0)],
      [
        [1, 2, 3, 4],
        [3, 4, 5],
      ],
    ]) {
      const left = side(leftKeys!);
      const right = side(rightKeys!);
      const [expectedLeft, expectedRight] = nestedLoop(left, right);
      expect(expectedLeft.length).toBeGreaterThan(0);
      const pairs = matchPairs({ keys: left.keys, length: left.length }, right, check);
      expect(Array.from(pairs.left)).toEqual(expectedLeft);
      expect(Array.from(pairs.right)).toEqual(expectedRight);
    }
  });

  it('splits a large indexed side into parts and gives the same pairs and flags', () => {
    // Past 32,768 indexed rows the text keys are split by hash into parts that fit a core's cache.
    const byMap = (left: unknown[], right: unknown[]) => {
      const rowsOf = new Map<unknown, number[]>();
      right.forEach((key, row) => key !== null && rowsOf.set(key, [...(rowsOf.get(key) ?? []), row]));
      const pairs: [number[], number[]] = [[], []];
      left.forEach((key, row) => {
        for (const match of key === null ? [] : (rowsOf.get(key) ?? [])) {
          pairs[0].push(row);
          pairs[1].push(match);
        }
      });
      return pairs;
    };
    const many = texts(90_000, 60_000);
    const shapes: [string, unknown[], unknown[]][] = [
      ['texts with repeats and nulls', many, texts(120_000, 60_000)],
      ['a probing side with numbers', many, [...texts(100_000, 60_000), 7, 8, 'k5']],
      [
        'an indexed side with a number (a Map instead)',
        [...many.slice(0, 40_000), 12],
        texts(60_000, 30_000),
      ],
    ];
    for (const [, indexedKeys, probingKeys] of shapes) {
      for (const [leftKeys, rightKeys] of [
        [probingKeys, indexedKeys],
        [indexedKeys, probingKeys],
      ]) {
        const left = { keys: leftKeys!, length: leftKeys!.length };
        const right = { keys: rightKeys!, length: rightKeys!.length };
        const [expectedLeft, expectedRight] = byMap(leftKeys!, rightKeys!);
        expect(expectedLeft.length).toBeGreaterThan(1000);
        const pairs = matchPairs(left, right, check);
        expect(Array.from(pairs.left)).toEqual(expectedLeft);
        expect(Array.from(pairs.right)).toEqual(expectedRight);
        const flags = matchFlags(left, right, check);
        expect(flags.left.reduce((n, flag) => n + flag, 0)).toBe(new Set(expectedLeft).size);
        expect(flags.right.reduce((n, flag) => n + flag, 0)).toBe(new Set(expectedRight).size);
      }
    }
  });

  it('keeps the first row of each key (innerunique)', () => {
    const keys = ['b', 'a', null, 'b', 'c', 'a', 1, 1];
    expect(Array.from(firstRowPerKey(side(keys)))).toEqual([0, 1, 4, 6]);
  });

  it('keeps the first row of each key past the set of seen keys (many distinct keys)', () => {
    const keys = Array.from({ length: 70_000 }, (_, i) => (i % 5 === 4 ? null : `id${i % 66_000}`));
    const expected = keys.flatMap((key, row) => (key !== null && keys.indexOf(key) === row ? [row] : []));
    expect(Array.from(firstRowPerKey(side(keys)))).toEqual(expected);
  });

  it('probes once per code of a dictionary-coded side and gives the same pairs', () => {
    const dictionary = ['get', 'list', '', 'get'];
    const codes = Int32Array.from({ length: 400 }, () => Math.floor(rand() * 6) - 1);
    const keys = Array.from(codes, (code) => (code < 0 ? '' : (dictionary[code] ?? '')));
    const coded = { ...side(keys), dictionary: { codes, size: dictionary.length } };
    // The coded side is the larger one, so that it probes the other's index (the smaller side is indexed).
    const others = [
      texts(300, 3).map((k) => (k === 'k0' ? 'get' : k === 'k1' ? '' : k)),
      ['', 'list', 'x', ...texts(60, 2)],
    ];
    for (const other of others.map((keys) => side(keys))) {
      const [expectedLeft, expectedRight] = nestedLoop(other, coded);
      const pairs = matchPairs(other, coded, check);
      expect(Array.from(pairs.left)).toEqual(expectedLeft);
      expect(Array.from(pairs.right)).toEqual(expectedRight);
      const reversed = matchPairs(coded, other, check);
      const [reversedLeft, reversedRight] = nestedLoop(coded, other);
      expect(Array.from(reversed.left)).toEqual(reversedLeft);
      expect(Array.from(reversed.right)).toEqual(reversedRight);
    }
  });
});
