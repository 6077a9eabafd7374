/**
 * Kusto pushes a filter that follows a join down to the side whose columns it reads. For the default `innerunique`
 * join this changes the result, and Kusto documents it ("join-innerunique": a filter on the left side's columns is
 * applied before the left side is deduplicated, so the rows it keeps always match). The engine does the same.
 */
import { isRowDependentCall } from '../dictionaryForm';
import type { Expr, Span, Tabular } from '../plan';

function readsOnly(expr: Expr, columns: ReadonlySet<string>): boolean {
  switch (expr.kind) {
    case 'column':
      return columns.has(expr.name);
    case 'literal':
      return true;
    case 'call':
      // A call whose value depends on the rows around, the whole row or chance keeps its filter where it is.
      return !isRowDependentCall(expr.name) && expr.args.every((arg) => readsOnly(arg, columns));
    default:
      return false;
  }
}

/** The join with the filter moved onto its left input, or undefined when the filter must stay after the join. */
export function filterBelowInnerunique(input: Tabular, predicate: Expr, span: Span): Tabular | undefined {
  if (input.op !== 'join' || input.kind !== 'innerunique' || input.isLookup || !input.left.schema)
    return undefined;
  // Output columns keep the left side's names; clashing right-side columns are renamed (key1, value1).
  const leftColumns = new Set(input.left.schema.map((column) => column.name));
  if (!readsOnly(predicate, leftColumns)) return undefined;
  const left: Tabular = { op: 'where', input: input.left, predicate, schema: input.left.schema, span };
  return { ...input, left };
}
