/** Helpers for the activity plugins: constant arguments and time windows. */
import { unsupported } from '../errors';
import type { ExecuteApi } from '../executeApi';
import type { Expr, Span } from '../plan';

/** A window or step size: a timespan (ticks) or a number. `week`, `month` and `year` calendars are refused. */
export function stepOf(expr: Expr, api: ExecuteApi, span: Span): bigint | number {
  const value = api.constant(expr);
  if (typeof value === 'bigint' || typeof value === 'number') return value;
  throw unsupported(`a calendar step ('${String(value)}') in an activity plugin`, span);
}

/** Start of the window of `step` (aligned to `origin`) that holds `value`. */
export function windowOf(
  value: bigint | number,
  step: bigint | number,
  origin: bigint | number,
): bigint | number {
  if (typeof value === 'bigint') {
    const s = BigInt(step);
    const o = BigInt(origin);
    const offset = value - o;
    const floor = offset >= 0n ? offset / s : -((-offset + s - 1n) / s);
    return floor * s + o;
  }
  const s = Number(step);
  const o = Number(origin);
  return Math.floor((value - o) / s) * s + o;
}
