/**
 * Whether an expression reads no column and no row: literals, toscalar() and calls of such (`ago(1d)`,
 * `datetime(2026-01-10) + 1h`), which a typed loop can evaluate once before it starts.
 */
import { ROW_DEPENDENT } from '../dictionaryForm';
import type { Expr } from '../plan';

export function isConstantExpr(expr: Expr): boolean {
  switch (expr.kind) {
    case 'literal':
    case 'toscalar':
      return true;
    case 'call':
      return (
        !ROW_DEPENDENT.has(expr.name) &&
        !expr.name.startsWith('row_') &&
        !expr.name.startsWith('__') &&
        expr.args.every(isConstantExpr)
      );
    default:
      return false;
  }
}
