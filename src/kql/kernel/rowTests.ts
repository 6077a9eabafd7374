/**
 * A predicate as a row test `(row) => boolean`, true exactly where Kusto's predicate is true (`where` keeps those rows;
 * false and null drop a row alike). The shapes real filters take are recognised as simple column tests (see
 * `simpleTestOf`): a datetime column kept as epoch milliseconds against constant bounds converted once, a
 * dictionary-coded column decided once per distinct text, a string column against a constant text or a term
 * operator's pattern (`has` and its forms), a number column against a constant number. `filterBlocks.ts` runs those as
 * whole-column loops; here they become row tests, and `and`/`or` combine tests. Anything else runs the compiled
 * expression and compares with `true`.
 */
import { dictionaryFormOf } from '../dictionaryForm';
import type { ExecuteApi } from '../executeApi';
import type { Expr } from '../plan';
import type { Column, Table } from '../table';
import { TICKS_PER_MS } from '../values';
import { toStringValue } from '../functions/helpers';
import { termPattern } from '../termSearch';
import { isConstantExpr } from './constantExpr';
import { allDynamicTexts } from './dynamicText';
import { ceilMs, floorMs } from './epochMs';

export type RowTest = (row: number) => boolean;

export type FilterApi = Pick<ExecuteApi, 'compile' | 'constant' | 'typeOf'>;
type Call = Extract<Expr, { kind: 'call' }>;

/**
 * A test of one column that a typed loop can run: what it reads and the constant it compares with, all converted
 * before the first row.
 */
export type SimpleTest =
  | { readonly kind: 'constant'; readonly value: boolean }
  /** Whole epoch milliseconds inside [low, high] (`inside`), or outside it; the bounds may be ±Infinity. */
  | {
      readonly kind: 'msRange';
      readonly ms: ArrayLike<number>;
      readonly low: number;
      readonly high: number;
      readonly inside: boolean;
    }
  /** Dictionary codes; `verdicts[entry]` is 0 while not yet decided, 1 true, 2 not true (see `decideEntry`). */
  | {
      readonly kind: 'codes';
      readonly codes: ArrayLike<number>;
      readonly size: number;
      readonly verdicts: Uint8Array;
      readonly decideEntry: (entry: number) => number;
    }
  /** A string column equal (`equal`) or not equal to a text. */
  | {
      readonly kind: 'text';
      readonly values: readonly unknown[];
      readonly text: string;
      readonly equal: boolean;
    }
  /** A string column whose texts match `pattern` (or, with `negate`, do not): `has` and its forms. */
  | {
      readonly kind: 'term';
      readonly values: readonly unknown[];
      readonly pattern: RegExp;
      readonly negate: boolean;
    }
  /** A number column (null where empty) compared with a number. */
  | {
      readonly kind: 'number';
      readonly values: readonly unknown[];
      readonly operator: NumberOperator;
      readonly bound: number;
    };

export type NumberOperator = '<' | '<=' | '>' | '>=' | '==' | '!=';

const NEVER: RowTest = () => false;
const ALWAYS: RowTest = () => true;

export function compileRowTest(expr: Expr, table: Table, api: FilterApi): RowTest {
  if (expr.kind === 'call') {
    const { name, args } = expr;
    if ((name === 'and' || name === 'or') && args.length === 2) {
      const a = compileRowTest(args[0]!, table, api);
      const b = compileRowTest(args[1]!, table, api);
      // Kusto's `and` is true only when both sides are true, its `or` when either is, whatever the other (null) is.
      return name === 'and' ? (row) => a(row) && b(row) : (row) => a(row) || b(row);
    }
  }
  const simple = simpleTestOf(expr, table, api);
  if (simple) return rowTestOf(simple);
  return generalRowTest(expr, table, api);
}

/** The predicate's compiled expression compared with `true`, or its dictionary form when it has one. */
function generalRowTest(expr: Expr, table: Table, api: FilterApi): RowTest {
  const fn = api.compile(expr, table);
  const codes = codesTestOf(fn);
  return codes ? rowTestOf(codes) : (row) => fn(row) === true;
}

/** A simple column test for `expr`, or undefined when it is not one of the recognised shapes. */
export function simpleTestOf(expr: Expr, table: Table, api: FilterApi): SimpleTest | undefined {
  if (expr.kind !== 'call') return undefined;
  return (
    epochMsTest(expr, table, api) ??
    stringEqualityTest(expr, table) ??
    termTest(expr, table) ??
    numberTest(expr, table, api)
  );
}

/** The dictionary form of a compiled predicate as a simple test: decided once per entry, on first use. */
export function codesTestOf(fn: (row: number) => unknown): SimpleTest | undefined {
  const form = dictionaryFormOf(fn);
  if (!form) return undefined;
  const verdicts = new Uint8Array(form.size + 1);
  return {
    kind: 'codes',
    codes: form.codes,
    size: form.size,
    verdicts,
    decideEntry: (entry) => (verdicts[entry] = form.valueOfEntry(entry) === true ? 1 : 2),
  };
}

function rowTestOf(test: SimpleTest): RowTest {
  switch (test.kind) {
    case 'constant':
      return test.value ? ALWAYS : NEVER;
    case 'msRange': {
      const { ms, low, high } = test;
      return test.inside
        ? (row) => {
            const value = ms[row]!;
            return value >= low && value <= high;
          }
        : (row) => {
            const value = ms[row]!;
            return value < low || value > high;
          };
    }
    case 'codes': {
      const { codes, size, verdicts, decideEntry } = test;
      return (row) => {
        const code = codes[row]!;
        const entry = code >= 0 && code < size ? code : size;
        let verdict = verdicts[entry]!;
        if (verdict === 0) verdict = decideEntry(entry);
        return verdict === 1;
      };
    }
    case 'text': {
      const { values, text } = test;
      return test.equal ? (row) => values[row] === text : (row) => values[row] !== text;
    }
    case 'term': {
      const { values, pattern } = test;
      return test.negate
        ? (row) => !pattern.test(textOf(values[row]))
        : (row) => pattern.test(textOf(values[row]));
    }
    case 'number': {
      const { values, operator, bound } = test;
      return (row) => numberPasses(values[row], operator, bound);
    }
  }
}

/**
 * `value operator bound` for a number cell: a null cell (and NaN) is never <, <=, >, >= or == a number; it is != one.
 * A module-level function: the column loops of filterBlocks.ts call it for each row (V8 inlines it there), where a
 * closure made per query would lose its optimised code between queries.
 */
export function numberPasses(value: unknown, operator: NumberOperator, bound: number): boolean {
  switch (operator) {
    case '<':
      return typeof value === 'number' && value < bound;
    case '<=':
      return typeof value === 'number' && value <= bound;
    case '>':
      return typeof value === 'number' && value > bound;
    case '>=':
      return typeof value === 'number' && value >= bound;
    case '==':
      return value === bound;
    default:
      return value !== bound;
  }
}

const MS_COMPARISONS = new Set(['<', '<=', '>', '>=', '==', '!=', 'between', '!between']);
const FLIPPED: Record<string, NumberOperator> = {
  '<': '>',
  '<=': '>=',
  '>': '<',
  '>=': '<=',
  '==': '==',
  '!=': '!=',
};

/** The column `expr` names in `table`, unless it is a one-value column of a scalar-over-aggregates table. */
function plainColumn(expr: Expr, table: Table): Column | undefined {
  if (expr.kind !== 'column') return undefined;
  const column = table.columns.find((c) => c.name === expr.name);
  return column && column.type === expr.type && !('value' in column) ? column : undefined;
}

/** `column op constant` with the column first (`constant op column` mirrored); undefined for other shapes. */
function columnFirst(expr: Call): { name: string; args: readonly Expr[] } | undefined {
  let { name, args } = expr;
  if (args.length === 2 && args[1]!.kind === 'column' && args[0]!.kind !== 'column') {
    if (!Object.hasOwn(FLIPPED, name)) return undefined;
    const flipped = FLIPPED[name]!;
    args = [args[1]!, args[0]!];
    name = flipped;
  }
  return args[0]!.kind === 'column' ? { name, args } : undefined;
}

const never: SimpleTest = { kind: 'constant', value: false };
const always: SimpleTest = { kind: 'constant', value: true };

/** A datetime column kept as whole epoch milliseconds (no nulls) against constant datetimes: doubles, no bigint. */
function epochMsTest(expr: Call, table: Table, api: FilterApi): SimpleTest | undefined {
  if (!MS_COMPARISONS.has(expr.name)) return undefined;
  const shape = columnFirst(expr);
  if (!shape) return undefined;
  const { name, args } = shape;
  const column = plainColumn(args[0]!, table);
  if (column?.type !== 'datetime' || !column.epochMs) return undefined;
  const bounds = args.slice(1);
  if (bounds.length === 0 || !bounds.every(isConstantExpr)) return undefined;
  // No row, no test: the bounds are not evaluated (as the general path would not evaluate them either).
  if (table.length === 0) return never;
  const values = bounds.map((bound) => api.constant(bound));
  const types = bounds.map((bound) => api.typeOf(bound));
  const ms = column.epochMs;
  const range = (low: number, high: number, inside: boolean): SimpleTest => ({
    kind: 'msRange',
    ms,
    low,
    high,
    inside,
  });
  if (name === 'between' || name === '!between') {
    if (values.length !== 2 || types[0] !== 'datetime') return undefined;
    const [low, span] = values;
    const high =
      types[1] === 'timespan' && typeof low === 'bigint' && typeof span === 'bigint' ? low + span : span;
    if (types[1] !== 'timespan' && types[1] !== 'datetime') return undefined;
    if (typeof low !== 'bigint' || typeof high !== 'bigint') return never; // a null bound: null, never true
    return range(ceilMs(low), floorMs(high), name === 'between');
  }
  if (values.length !== 1 || types[0] !== 'datetime') return undefined;
  const bound = values[0];
  // Kusto: a value against null is false, except `!=`, which is true.
  if (typeof bound !== 'bigint') return name === '!=' ? always : never;
  // Cells are whole milliseconds: `ms < L` for a whole L is `ms <= L - 1`.
  switch (name) {
    case '<':
      return range(-Infinity, ceilMs(bound) - 1, true);
    case '<=':
      return range(-Infinity, floorMs(bound), true);
    case '>':
      return range(floorMs(bound) + 1, Infinity, true);
    case '>=':
      return range(ceilMs(bound), Infinity, true);
    default: {
      // A bound between two milliseconds equals no whole-millisecond value.
      const exact = bound % TICKS_PER_MS === 0n;
      const target = floorMs(bound);
      if (!exact) return name === '==' ? never : always;
      return range(target, target, name === '==');
    }
  }
}

/** `Column == "text"` / `!=` over a plain string column (strings are never null: no null rules to apply). */
function stringEqualityTest(expr: Call, table: Table): SimpleTest | undefined {
  const { name, args } = expr;
  if ((name !== '==' && name !== '!=') || args.length !== 2) return undefined;
  const [left, right] = args[0]!.kind === 'column' ? [args[0]!, args[1]!] : [args[1]!, args[0]!];
  if (right.kind !== 'literal' || right.type !== 'string' || typeof right.value !== 'string')
    return undefined;
  const column = plainColumn(left, table);
  if (column?.type !== 'string' || column.dictionary) return undefined;
  return { kind: 'text', values: column.values, text: right.value, equal: name === '==' };
}

/** A string cell as text (a string column holds strings; anything else is converted as the general path would). */
export const textOf = (value: unknown): string =>
  typeof value === 'string' ? value : toStringValue(value, 'string');

/**
 * `Column has "term"` and the other term operators over a plain string column, or `tostring()` of a string or dynamic
 * one: one regular expression per row, called from the loop itself (a dictionary column is decided once per text by
 * the general path's dictionary form instead).
 */
function termTest(expr: Call, table: Table): SimpleTest | undefined {
  const { name, args } = expr;
  if (args.length !== 2) return undefined;
  const [left, right] = args as [Expr, Expr];
  if (right.kind !== 'literal' || right.type !== 'string' || typeof right.value !== 'string')
    return undefined;
  // `tostring(Column)` of a string column is the column; of a dynamic one, the text `textOf` gives each cell.
  const converted = left.kind === 'call' && left.name === 'tostring' && left.args.length === 1;
  const column = plainColumn(converted ? left.args[0]! : left, table);
  const readsText = column?.type === 'string' || (converted && column?.type === 'dynamic');
  if (!column || !readsText || column.dictionary) return undefined;
  const term = termPattern(name, right.value);
  if (term === undefined) return undefined;
  if (typeof term === 'boolean') return term ? always : never;
  const values = column.type === 'dynamic' ? allDynamicTexts(column.values) : column.values;
  return { kind: 'term', values, pattern: term.pattern, negate: term.negate };
}

const NUMBER_TYPES = new Set(['long', 'int', 'real']);

/** A long, int or real column against a constant number (a null or NaN cell is only `!=`). */
function numberTest(expr: Call, table: Table, api: FilterApi): SimpleTest | undefined {
  if (!Object.hasOwn(FLIPPED, expr.name) || expr.args.length !== 2) return undefined;
  const shape = columnFirst(expr);
  if (!shape) return undefined;
  const column = plainColumn(shape.args[0]!, table);
  const other = shape.args[1]!;
  if (!column || !NUMBER_TYPES.has(column.type) || !isConstantExpr(other)) return undefined;
  if (!NUMBER_TYPES.has(api.typeOf(other))) return undefined;
  if (table.length === 0) return never;
  const bound = api.constant(other);
  // A null bound: the general path's null rules (null == null is null, not false) apply.
  if (typeof bound !== 'number') return undefined;
  return { kind: 'number', values: column.values, operator: shape.name as NumberOperator, bound };
}
