import { describe, expect, it } from 'vitest';
import type { ResultColumn, WireValue } from '../../../kql/types';
import { cellAsJson, nextSort, rowAsJson, toCsv, visibleRowOrder } from './gridModel';

const columns: ResultColumn[] = [
  { name: 'Name', type: 'string' },
  { name: 'Count', type: 'long' },
  { name: 'Props', type: 'dynamic' },
];
const rows: WireValue[][] = [
  ['beta', 2, { a: 1 }],
  ['Alpha', 10, null],
  ['gamma, "quoted"', null, ['x']],
  ['alpha', 2, null],
];

describe('visible row order', () => {
  it('sorts by type, stable on ties, and cycles asc → desc → none', () => {
    expect(visibleRowOrder(columns, rows, {}, { column: 1, direction: 'asc' })).toEqual([2, 0, 3, 1]);
    expect(visibleRowOrder(columns, rows, {}, { column: 1, direction: 'desc' })).toEqual([1, 0, 3, 2]);
    expect(nextSort(undefined, 1)).toEqual({ column: 1, direction: 'asc' });
    expect(nextSort({ column: 1, direction: 'asc' }, 1)).toEqual({ column: 1, direction: 'desc' });
    expect(nextSort({ column: 1, direction: 'desc' }, 1)).toBeUndefined();
  });

  it('filters case-insensitively on the shown text of each filtered column', () => {
    expect(visibleRowOrder(columns, rows, { 0: 'ALPHA' }, undefined)).toEqual([1, 3]);
    expect(visibleRowOrder(columns, rows, { 0: 'alpha', 1: '10' }, undefined)).toEqual([1]);
    expect(visibleRowOrder(columns, rows, { 2: '"a"' }, undefined)).toEqual([0]);
  });

  it('filters and sorts 100k rows by index', () => {
    const many: WireValue[][] = Array.from({ length: 100_000 }, (_, index) => [
      `n${index % 997}`,
      index,
      null,
    ]);
    const order = visibleRowOrder(columns, many, { 0: 'n1' }, { column: 1, direction: 'desc' });
    const expected = many
      .map((_, index) => index)
      .filter((index) => String(many[index]![0]).includes('n1'))
      .reverse();
    expect(order).toEqual(expected);
  });
});

describe('copy and export', () => {
  it('copies a row as a JSON object keyed by column', () => {
    expect(JSON.parse(rowAsJson(columns, rows[0]!))).toEqual({ Name: 'beta', Count: 2, Props: { a: 1 } });
    expect(cellAsJson('say "hi"')).toBe('"say \\"hi\\""');
  });

  it('writes RFC 4180 CSV with quoting, JSON for dynamic and empty nulls', () => {
    const csv = toCsv(columns, rows, [2, 0]);
    expect(csv).toBe('Name,Count,Props\r\n"gamma, ""quoted""",,"[""x""]"\r\nbeta,2,"{""a"":1}"\r\n');
  });
});
