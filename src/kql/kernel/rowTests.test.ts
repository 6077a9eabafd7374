// Row tests over epoch milliseconds must say what Kusto's comparison of the exact ticks says, for bounds on a
// millisecond and between two, before 1970 and after; and `where ... | count` must count what `where` keeps.
import { describe, expect, it } from 'vitest';
import type { Expr } from '../plan';
import type { Table } from '../table';
import { TICKS_PER_MS } from '../values';
import { compileFilter } from './filterBlocks';
import { compileRowTest } from './rowTests';

const span = { start: 0, length: 1 };
const MS = [-2_000, -1, 0, 1, 2, 999, 1_000, 1_001, 86_400_000];
const table: Table = {
  length: MS.length,
  columns: [
    {
      name: 'T',
      type: 'datetime',
      values: MS.map((ms) => BigInt(ms) * TICKS_PER_MS),
      epochMs: Float64Array.from(MS),
    },
  ],
};
const column: Expr = { kind: 'column', name: 'T', type: 'datetime', span };
const datetime = (ticks: bigint | null): Expr => ({ kind: 'literal', type: 'datetime', value: ticks });
const call = (name: string, ...args: Expr[]): Expr => ({ kind: 'call', name, args, type: 'bool', span });
const api = {
  compile: () => {
    throw new Error('the general path was not expected here');
  },
  constant: (expr: Expr) => (expr.kind === 'literal' ? expr.value : null),
  typeOf: (expr: Expr) => (expr.kind === 'literal' || expr.kind === 'column' ? expr.type : 'dynamic'),
};
const ticksOf = (row: number) => BigInt(MS[row]!) * TICKS_PER_MS;
const rows = (expr: Expr) => MS.map((_, row) => row).filter(compileRowTest(expr, table, api));

// Bounds on a millisecond and a tick either side of one, on both sides of the epoch.
const BOUNDS = [-2_000n, -1n, 0n, 1n, 999n, 1_000n].flatMap((ms) => [
  ms * TICKS_PER_MS - 1n,
  ms * TICKS_PER_MS,
  ms * TICKS_PER_MS + 1n,
]);
const EXACT: Record<string, (value: bigint, bound: bigint) => boolean> = {
  '<': (v, b) => v < b,
  '<=': (v, b) => v <= b,
  '>': (v, b) => v > b,
  '>=': (v, b) => v >= b,
  '==': (v, b) => v === b,
  '!=': (v, b) => v !== b,
};

describe('row tests over epoch milliseconds', () => {
  it.each(Object.keys(EXACT))('T %s bound equals the comparison of exact ticks', (operator) => {
    for (const bound of BOUNDS) {
      const expected = MS.map((_, row) => row).filter((row) => EXACT[operator]!(ticksOf(row), bound));
      expect(rows(call(operator, column, datetime(bound))), `${operator} ${bound}`).toEqual(expected);
    }
  });

  it('flips a constant on the left (bound < T is T > bound)', () => {
    for (const bound of BOUNDS) {
      expect(rows(call('<', datetime(bound), column))).toEqual(rows(call('>', column, datetime(bound))));
    }
  });

  it('between and !between include both bounds, exactly', () => {
    for (const low of BOUNDS) {
      for (const high of [1n, 999n * TICKS_PER_MS + 1n, 1_001n * TICKS_PER_MS]) {
        const inside = MS.map((_, row) => row).filter((row) => ticksOf(row) >= low && ticksOf(row) <= high);
        expect(rows(call('between', column, datetime(low), datetime(high)))).toEqual(inside);
        expect(rows(call('!between', column, datetime(low), datetime(high)))).toEqual(
          MS.map((_, row) => row).filter((row) => !inside.includes(row)),
        );
      }
    }
  });

  it('a null bound: only != is true', () => {
    expect(rows(call('>', column, datetime(null)))).toEqual([]);
    expect(rows(call('==', column, datetime(null)))).toEqual([]);
    expect(rows(call('!=', column, datetime(null)))).toHaveLength(MS.length);
  });

  it('and / or combine the tests; a filter counts what it selects', () => {
    const after = call('>=', column, datetime(0n));
    const before = call('<', column, datetime(1_000n * TICKS_PER_MS));
    const both = call('and', after, before);
    const either = call('or', call('<', column, datetime(0n)), before);
    expect(rows(both)).toEqual([2, 3, 4, 5]);
    expect(Array.from(compileFilter(both, table, api).select(() => {}))).toEqual([2, 3, 4, 5]);
    expect(compileFilter(both, table, api).count(() => {})).toBe(4);
    expect(rows(either)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(compileFilter(either, table, api).count(() => {})).toBe(6);
  });

  it('the column loops keep what the row tests keep, for every bound', () => {
    for (const operator of Object.keys(EXACT)) {
      for (const bound of BOUNDS) {
        const predicate = call(operator, column, datetime(bound));
        expect(
          Array.from(compileFilter(predicate, table, api).select(() => {})),
          `${operator} ${bound}`,
        ).toEqual(rows(predicate));
      }
    }
  });
});
