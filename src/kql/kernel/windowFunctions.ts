/**
 * Window functions over serialized rows (row_number, prev/next, row_rank_*, row_window_session, row_cumsum): each
 * compiled closure keeps its running state and restarts when the rows are read again from the start.
 */
import { valuesEqual } from '../compare';
import type { RowFunction } from '../executeApi';
import { isNull } from '../functions/helpers';
import type { Expr } from '../plan';
import type { Table } from '../table';
import type { KustoType } from '../types';

type Compiled = RowFunction;

/** What a window function needs from the compiler: its arguments compiled, or read as constants. */
export interface WindowCompiler {
  compile(expr: Expr): Compiled;
  constant(expr: Expr): unknown;
}

export const WINDOW_FUNCTIONS = new Set([
  'row_number',
  'prev',
  'next',
  'row_rank_dense',
  'row_rank_min',
  'row_window_session',
  'row_cumsum',
]);

export function compileWindowFunction(
  expr: Extract<Expr, { kind: 'call' }>,
  table: Table,
  compiler: WindowCompiler,
): Compiled {
  const name = expr.name;
  const argTypes: KustoType[] = expr.args.map((arg) => ('type' in arg ? arg.type : 'dynamic'));
  switch (name) {
    case 'row_number': {
      const start = expr.args[0] ? Number(compiler.constant(expr.args[0])) : 1;
      const restart = expr.args[1] ? compiler.compile(expr.args[1]) : undefined;
      let counter = start - 1;
      let lastRow = -1;
      return (row) => {
        if (row <= lastRow) counter = start - 1 + row - (lastRow - row) * 0;
        if (restart && row > 0 && restart(row) === true) counter = start - 1;
        if (row === 0) counter = start - 1;
        lastRow = row;
        return ++counter;
      };
    }
    case 'prev':
    case 'next': {
      const value = compiler.compile(expr.args[0]!);
      const offset = expr.args[1] ? Number(compiler.constant(expr.args[1])) : 1;
      const fallback = expr.args[2] ? compiler.compile(expr.args[2]) : undefined;
      const sign = name === 'prev' ? -1 : 1;
      return (row) => {
        const target = row + sign * offset;
        if (target < 0 || target >= table.length)
          return fallback ? fallback(row) : argTypes[0] === 'string' ? '' : null;
        return value(target);
      };
    }
    case 'row_rank_dense':
    case 'row_rank_min': {
      const value = compiler.compile(expr.args[0]!);
      const restart = expr.args[1] ? compiler.compile(expr.args[1]) : undefined;
      const dense = name === 'row_rank_dense';
      let rank = 0;
      let last: unknown = undefined;
      let lastRow = -1;
      let groupStart = 0;
      return (row) => {
        const v = value(row);
        if (row === 0 || row <= lastRow || (restart && restart(row) === true)) {
          rank = 1;
          last = v;
          lastRow = row;
          groupStart = row;
          return rank;
        }
        if (!valuesEqual(v, last) && !(isNull(v) && isNull(last)))
          rank = dense ? rank + 1 : row - groupStart + 1;
        last = v;
        lastRow = row;
        return rank;
      };
    }
    case 'row_window_session': {
      const value = compiler.compile(expr.args[0]!);
      const maxFromFirst = compiler.constant(expr.args[1]!) as bigint;
      const maxBetween = compiler.constant(expr.args[2]!) as bigint;
      const restart = expr.args[3] ? compiler.compile(expr.args[3]) : undefined;
      let sessionStart: bigint | null = null;
      let previous: bigint | null = null;
      let lastRow = -1;
      return (row) => {
        const v = value(row) as bigint | null;
        const fresh = row === 0 || row <= lastRow || (restart !== undefined && restart(row) === true);
        lastRow = row;
        if (v === null) return sessionStart;
        if (
          fresh ||
          sessionStart === null ||
          previous === null ||
          v - sessionStart > maxFromFirst ||
          v - previous > maxBetween
        ) {
          sessionStart = v;
        }
        previous = v;
        return sessionStart;
      };
    }
    case 'row_cumsum': {
      const value = compiler.compile(expr.args[0]!);
      const restart = expr.args[1] ? compiler.compile(expr.args[1]) : undefined;
      let sum: number | bigint = 0;
      let lastRow = -1;
      return (row) => {
        if (row <= lastRow || row === 0) sum = typeof sum === 'bigint' ? 0n : 0;
        if (restart && restart(row) === true) sum = typeof sum === 'bigint' ? 0n : 0;
        lastRow = row;
        const v = value(row);
        if (typeof v === 'bigint') sum = (typeof sum === 'bigint' ? sum : BigInt(sum)) + v;
        else if (typeof v === 'number') sum = (sum as number) + v;
        return sum;
      };
    }
    default:
      throw new Error(`not a window function: ${name}`);
  }
}
