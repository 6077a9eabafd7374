/**
 * Whether an expression reads no column and no row: literals, toscalar() and calls of such (`ago(1d)`,
 * `datetime(2026-01-10) + 1h`), which a typed loop can evaluate once before it starts.
 */
import { isRowDependentCall } from '../dictionaryForm';
import type { Expr } from '../plan';
import { WINDOW_FUNCTIONS } from './windowFunctions';

export function isConstantExpr(expr: Expr): boolean {
  switch (expr.kind) {
    case 'literal':
    case 'toscalar':
      return true;
    case 'call':
      return (
        !isRowDependentCall(expr.name) &&
        !WINDOW_FUNCTIONS.has(expr.name) &&
        !expr.name.startsWith('__') &&
        expr.args.every(isConstantExpr)
      );
    default:
      return false;
  }
}
