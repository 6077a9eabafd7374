// Groups of keys computed a block at a time (dictionary codes, time bins) must be the groups a plain map of each row's
// key values gives, numbered by first appearance, across block boundaries; and the aggregates over them must count
// what a loop over the rows counts.
import { describe, expect, it } from 'vitest';
import {
  BLOCK_ROWS,
  binEncoder,
  dictionaryEncoder,
  groupedBestRow,
  groupedCount,
  groupedDistinctCount,
  groupRows,
  valueEncoder,
  type KeyEncoder,
} from './grouping';
import { seededRandom } from '../shared/random';

const ROWS = 2 * BLOCK_ROWS + 1_234;
const rand = seededRandom(5);
const pick = (n: number) => Math.floor(rand() * n);
// A repeated text and an empty one; negative and out-of-range codes read as "".
const texts = ['a', 'b', 'a', '', 'c'];
const codes = Int32Array.from({ length: ROWS }, () => pick(texts.length + 2) - 1);
const textOf = (row: number) => texts[codes[row]!] ?? '';
const HOUR = 3_600_000;
// Milliseconds before and after 1970 (bins count from 0001-01-01); the last rows open a new, late bin.
const epochMs = Float64Array.from({ length: ROWS }, (_, row) =>
  row > ROWS - 5 ? 90 * HOUR + row : (pick(48) - 24) * HOUR + pick(HOUR),
);
const ORIGIN_MS = -62_135_596_800_000;
const binOf = (row: number) => Math.floor((epochMs[row]! - ORIGIN_MS) / HOUR) * HOUR + ORIGIN_MS;
const entities = Int32Array.from({ length: ROWS }, () => pick(30));

const textKey = () => dictionaryEncoder(codes, ROWS, texts.length, (entry) => texts[entry] ?? '');
const binKey = () => binEncoder(epochMs, ORIGIN_MS, HOUR, ROWS, (ms) => ms)!;

/** Group numbers by first appearance of each row's key values, with a Map. */
function expectedGroups(keyOf: (row: number) => string): { groupOf: number[]; firstRows: number[] } {
  const groups = new Map<string, number>();
  const firstRows: number[] = [];
  const groupOf = Array.from({ length: ROWS }, (_, row) => {
    const key = keyOf(row);
    let group = groups.get(key);
    if (group === undefined) {
      groups.set(key, (group = firstRows.length));
      firstRows.push(row);
    }
    return group;
  });
  return { groupOf, firstRows };
}

function check(encoders: KeyEncoder[], keyOf: (row: number) => string) {
  const grouping = groupRows(encoders, ROWS);
  const expected = expectedGroups(keyOf);
  expect(Array.from(grouping.firstRows)).toEqual(expected.firstRows);
  expect(Array.from(grouping.groupOf)).toEqual(expected.groupOf);
  const block = new Int32Array(BLOCK_ROWS);
  grouping.fill(block, BLOCK_ROWS, 2 * BLOCK_ROWS);
  expect(Array.from(block)).toEqual(expected.groupOf.slice(BLOCK_ROWS, 2 * BLOCK_ROWS));
  const counts = new Array<number>(grouping.count).fill(0);
  expected.groupOf.forEach((group) => counts[group]!++);
  expect(groupedCount(grouping)).toEqual(counts);
  // Keys with a block form are counted by the pass that numbers their groups.
  if (encoders.every((encoder) => encoder.fill)) expect(grouping.sizes).toEqual(counts);
  return { grouping, expected };
}

describe('groups computed a block at a time', () => {
  it('one dictionary key: equal texts share a group, ids are group numbers', () => {
    const key = textKey();
    const { grouping } = check([key], textOf);
    expect(grouping.firstRows.map((row) => key.idAt(row))).toEqual(
      Int32Array.from(grouping.firstRows, (_, i) => i),
    );
    expect(Array.from(key.ids())).toEqual(Array.from(grouping.groupOf));
    expect(Array.from(grouping.firstRows, (row) => key.valueOfId(key.idAt(row)))).toEqual(
      Array.from(grouping.firstRows, textOf),
    );
  });

  it('one time-bin key: a bin per hour, valued at its start', () => {
    const key = binKey();
    const { grouping } = check([key], (row) => String(binOf(row)));
    expect(Array.from(grouping.firstRows, (row) => key.valueOfId(key.idAt(row)))).toEqual(
      Array.from(grouping.firstRows, binOf),
    );
  });

  it('two keys combined, and a key without a block form (computed per row) beside them', () => {
    check([textKey(), binKey()], (row) => `${textOf(row)}|${binOf(row)}`);
    const entity = valueEncoder(
      (row) => entities[row],
      ROWS,
      () => {},
    );
    check([binKey(), entity], (row) => `${binOf(row)}|${entities[row]}`);
    check([], () => 'all');
  });

  it('distinct counts and the row of the latest time per group, as loops over the rows give them', () => {
    const grouping = groupRows([textKey()], ROWS);
    const distinct = new Map<number, Set<number>>();
    const latest = new Map<number, number>();
    for (let row = 0; row < ROWS; row++) {
      const group = grouping.groupOf[row]!;
      if (!distinct.has(group)) distinct.set(group, new Set());
      distinct.get(group)!.add(entities[row]!);
      const best = latest.get(group);
      if (best === undefined || epochMs[row]! > epochMs[best]!) latest.set(group, row);
    }
    const entityKey = dictionaryEncoder(entities, ROWS, 30, (entry) => `host-${entry}`);
    expect(groupedDistinctCount(grouping, entityKey)).toEqual(
      Array.from({ length: grouping.count }, (_, group) => distinct.get(group)!.size),
    );
    expect(groupedBestRow(grouping, epochMs, 1)).toEqual(
      Array.from({ length: grouping.count }, (_, group) => latest.get(group)),
    );
  });

  it('distinct counts leave nulls out, with a dense table of pairs and with a set per group', () => {
    // 20,000 rows in 5,000 groups; a value per row, null on every ninth row and where a dictionary entry is null.
    const rows = 20_000;
    const groupOfRow = (row: number) => row % 5_000;
    const valueOfRow = (row: number) => (row % 9 === 0 ? null : (row * 7) % 4_000);
    const expected = new Map<number, Set<number>>();
    for (let row = 0; row < rows; row++) {
      const value = valueOfRow(row);
      if (!expected.has(groupOfRow(row))) expected.set(groupOfRow(row), new Set());
      if (value !== null) expected.get(groupOfRow(row))!.add(value);
    }
    const grouping = groupRows([valueEncoder(groupOfRow, rows, () => {})], rows);
    const want = Array.from({ length: grouping.count }, (_, group) => expected.get(groupOfRow(group))!.size);
    // A value per row: its bound is the row count, so 5,000 groups × 20,000 ids take the set per group.
    expect(
      groupedDistinctCount(
        grouping,
        valueEncoder(valueOfRow, rows, () => {}),
      ),
    ).toEqual(want);
    // Dictionary codes (entry 4,000 is null): 5,000 × 4,001 pairs fit the dense table.
    const codes = Int32Array.from({ length: rows }, (_, row) => valueOfRow(row) ?? 4_000);
    const nullEntry = dictionaryEncoder(codes, rows, 4_000, (entry) => (entry === 4_000 ? null : entry));
    expect(groupedDistinctCount(grouping, nullEntry)).toEqual(want);
  });
});
