/**
 * Expressions over one dictionary-encoded column (`AlertSeverity == "High"`, `tolower(Verb)`, `User has "admin"`)
 * are computed once per distinct text rather than once per row. A compiled expression carries this form so that
 * `where` and `summarize` can loop over the codes in typed arrays.
 */
import type { Expr } from './plan';
import type { Column, Table } from './table';

/** The entry of a dictionary code: negative and out-of-range codes share the last one, `size` (the empty string). */
export function entryOfCode(code: number, size: number): number {
  return code >= 0 && code < size ? code : size;
}

/** Calls whose value depends on more than their arguments: the row's position, the whole row, or chance. */
const ROW_DEPENDENT: ReadonlySet<string> = new Set([
  'row_number',
  'prev',
  'next',
  'row_rank_dense',
  'row_rank_min',
  'row_window_session',
  'row_cumsum',
  '__search_any',
  'pack_all',
  'rand',
  'new_guid',
]);

/** True for a call whose value depends on more than its arguments. */
export function isRowDependentCall(name: string): boolean {
  return ROW_DEPENDENT.has(name) || name.startsWith('row_');
}

/**
 * The one dictionary-encoded column that `expr` reads, when its value depends on nothing else (other operands are
 * constants and every call is a plain function of its arguments); otherwise undefined.
 */
export function dictionaryInput(expr: Expr, table: Table): Column | undefined {
  let name: string | undefined;
  let pure = true;
  const visit = (node: Expr): void => {
    if (!pure) return;
    switch (node.kind) {
      case 'column':
        if (name === undefined) name = node.name;
        else if (name !== node.name) pure = false;
        return;
      case 'call':
        if (isRowDependentCall(node.name)) pure = false;
        else node.args.forEach(visit);
        return;
      case 'literal':
      case 'toscalar':
      case 'tabularList':
        return;
      default:
        pure = false;
    }
  };
  visit(expr);
  if (!pure || name === undefined) return undefined;
  const column = table.columns.find((c) => c.name === name);
  return column?.dictionary ? column : undefined;
}

export interface DictionaryForm {
  readonly codes: ArrayLike<number>;
  /** Entries 0..size-1 are the dictionary's texts; entry `size` is the empty string (negative or unknown codes). */
  readonly size: number;
  /** The expression's value for one entry, computed on first use. */
  valueOfEntry(entry: number): unknown;
}

type Compiled = (row: number) => unknown;

const UNSET = Symbol('unset');

/**
 * Compiles `expr` over a dictionary column: `compileOver(entries)` compiles it against a table whose one column
 * holds the dictionary's texts (and a last "" entry), and each row reads the value of its code's entry.
 */
export function compileOverDictionary(
  column: Column,
  compileOver: (entries: Table) => Compiled,
): Compiled & { dictionaryForm: DictionaryForm } {
  const { texts, codes } = column.dictionary!;
  const size = texts.length;
  const entries: Table = {
    columns: [{ name: column.name, type: column.type, values: [...texts, ''] }],
    length: size + 1,
  };
  const fn = compileOver(entries);
  const values = new Array<unknown>(size + 1).fill(UNSET);
  const valueOfEntry = (entry: number): unknown => {
    let value = values[entry];
    if (value === UNSET) value = values[entry] = fn(entry);
    return value;
  };
  const compiled = (row: number) => valueOfEntry(entryOfCode(codes[row]!, size));
  return Object.assign(compiled, { dictionaryForm: { codes, size, valueOfEntry } });
}

export function dictionaryFormOf(fn: Compiled): DictionaryForm | undefined {
  return (fn as { dictionaryForm?: DictionaryForm }).dictionaryForm;
}
