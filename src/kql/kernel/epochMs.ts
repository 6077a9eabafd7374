/**
 * Datetime columns that kept their whole epoch milliseconds (see `Column.epochMs`) are read as doubles by the two
 * expressions that learners put on every time column: `bin(TimeGenerated, 1h)` and a comparison with a constant time
 * (`TimeGenerated > ago(1d)`). Reading the column's bigint ticks instead would build one BigInt per row (and, after a
 * filter, the whole gathered column) before the first comparison.
 */
import type { RowFunction } from '../executeApi';
import type { Expr } from '../plan';
import type { Table } from '../table';
import { MIN_DATETIME_TICKS, TICKS_PER_MS } from '../values';
import type { Context } from './context';
import { isConstantExpr } from './constantExpr';

type Call = Extract<Expr, { kind: 'call' }>;

/** The comparison seen from the other side: `c < column` is `column > c`. */
const MIRRORED: Record<string, string> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

/** The closure of `expr` over epoch milliseconds, or undefined when `expr` is not one of these forms. */
export function compileOverEpochMs(expr: Call, table: Table, context: Context): RowFunction | undefined {
  if (expr.name === 'bin') return compileBin(expr, table);
  if (expr.name in MIRRORED) return compileComparison(expr, table, context);
  return undefined;
}

function epochMsOf(expr: Expr, table: Table): ArrayLike<number> | undefined {
  if (expr.kind !== 'column' || expr.type !== 'datetime') return undefined;
  const column = table.columns.find((c) => c.name === expr.name);
  return column?.type === 'datetime' ? column.epochMs : undefined;
}

/** `bin(column, span)` for a whole-millisecond span: the bin start as a double, converted to ticks once per value. */
function compileBin(expr: Call, table: Table): RowFunction | undefined {
  const [source, span] = expr.args;
  if (!source || span?.kind !== 'literal') return undefined;
  const size = span.value;
  if (typeof size !== 'bigint' || size <= 0n || size % TICKS_PER_MS !== 0n) return undefined;
  const epochMs = epochMsOf(source, table);
  if (!epochMs) return undefined;
  // Whole milliseconds are exact doubles (|ms| < 2^53); bins count from Kusto's origin, 0001-01-01.
  const spanMs = Number(size / TICKS_PER_MS);
  const originMs = Number(MIN_DATETIME_TICKS / TICKS_PER_MS);
  const binned = (row: number) =>
    BigInt(Math.floor((epochMs[row]! - originMs) / spanMs) * spanMs + originMs) * TICKS_PER_MS;
  // summarize groups by the bins of the milliseconds themselves (see grouping.ts binEncoder), converting no row.
  const form: BinOverEpochMs = { epochMs, originMs, spanMs };
  return Object.assign(binned, { binOverEpochMs: form });
}

/** What `bin(column, span)` of whole epoch milliseconds bins: the column's milliseconds, the origin and the span. */
export interface BinOverEpochMs {
  readonly epochMs: ArrayLike<number>;
  readonly originMs: number;
  readonly spanMs: number;
}

/** The epoch-millisecond form of a compiled `bin()`, when it has one. */
export function binOverEpochMs(fn: RowFunction): BinOverEpochMs | undefined {
  return (fn as { binOverEpochMs?: BinOverEpochMs }).binOverEpochMs;
}

/**
 * `column op constant` (or `constant op column`) for <, <=, >, >=. The constant is t ticks = q ms + f (q whole, 0 ≤ f
 * < 1 ms); a whole-millisecond cell m compares with it as with q, except that m ≥ q + f and m < q + f shift by one
 * millisecond when f > 0.
 */
function compileComparison(expr: Call, table: Table, context: Context): RowFunction | undefined {
  const [left, right] = expr.args;
  if (!left || !right || expr.args.length !== 2) return undefined;
  let operator = expr.name;
  let epochMs = epochMsOf(left, table);
  let other = right;
  if (!epochMs) {
    epochMs = epochMsOf(right, table);
    other = left;
    operator = MIRRORED[operator]!;
  }
  if (!epochMs || !('type' in other) || other.type !== 'datetime' || !isConstantExpr(other)) return undefined;
  let ticks: unknown;
  try {
    ticks = context.constant(other);
  } catch {
    // The general path reports the error where Kusto would: when a row is evaluated.
    return undefined;
  }
  if (ticks === null) return () => null;
  if (typeof ticks !== 'bigint') return undefined;
  const exact = ticks % TICKS_PER_MS === 0n;
  const q = floorMs(ticks);
  const ms = epochMs;
  switch (operator) {
    case '>':
      return (row) => ms[row]! > q;
    case '<=':
      return (row) => ms[row]! <= q;
    case '>=':
      return exact ? (row) => ms[row]! >= q : (row) => ms[row]! > q;
    default:
      return exact ? (row) => ms[row]! < q : (row) => ms[row]! <= q;
  }
}

/** The greatest whole millisecond at or before `ticks`. */
export function floorMs(ticks: bigint): number {
  let ms = ticks / TICKS_PER_MS;
  if (ticks < 0n && ticks % TICKS_PER_MS !== 0n) ms -= 1n;
  return Number(ms);
}

/** The least whole millisecond at or after `ticks`. */
export function ceilMs(ticks: bigint): number {
  return -floorMs(-ticks);
}
