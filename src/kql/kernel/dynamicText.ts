/**
 * `tostring()` of a dynamic column, kept per column: a stored dynamic cell is a parsed JSON value, and its text is
 * JSON.stringify of it, which costs as much as parsing it again. A loaded table's columns outlive queries, so a
 * learner's `where tostring(LogMessage) has "error"` pays for the texts once, not on every run.
 */
import type { RowFunction } from '../executeApi';
import { toStringValue } from '../functions/helpers';
import type { Expr } from '../plan';
import type { Table } from '../table';

/** The texts of each dynamic column's values so far, filled as rows are read. */
const textsOfColumn = new WeakMap<readonly unknown[], (string | undefined)[]>();

/** The closure of `tostring(column)` over a dynamic column, or undefined for any other call. */
export function compileDynamicColumnText(
  expr: Extract<Expr, { kind: 'call' }>,
  table: Table,
): RowFunction | undefined {
  const [argument] = expr.args;
  if (expr.name !== 'tostring' || expr.args.length !== 1 || argument?.kind !== 'column') return undefined;
  if (argument.type !== 'dynamic') return undefined;
  const column = table.columns.find((candidate) => candidate.name === argument.name);
  if (column?.type !== 'dynamic') return undefined;
  const values = column.values;
  const known = textsOf(values);
  return (row) => (known[row] ??= toStringValue(values[row], 'dynamic'));
}

/** Every row's `tostring()` of a dynamic column's values, from the texts kept so far and made for the rest. */
export function allDynamicTexts(values: readonly unknown[]): readonly string[] {
  const texts = textsOf(values);
  for (let row = 0; row < values.length; row++) texts[row] ??= toStringValue(values[row], 'dynamic');
  return texts as readonly string[];
}

function textsOf(values: readonly unknown[]): (string | undefined)[] {
  let texts = textsOfColumn.get(values);
  if (!texts) {
    texts = new Array<string | undefined>(values.length);
    textsOfColumn.set(values, texts);
  }
  return texts;
}
