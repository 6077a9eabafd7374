/**
 * A predicate as a row test `(row) => boolean`, true exactly where Kusto's predicate is true (`where` keeps those rows;
 * false and null drop a row alike). The shapes real filters take run without boxing a value per row: a datetime column
 * kept as epoch milliseconds compares doubles against constant bounds converted once, a dictionary-coded column decides
 * once per distinct text and then reads its codes, a string column compares against a constant text, and `and`/`or`
 * combine tests. Anything else runs the compiled expression and compares with `true`.
 */
import { dictionaryFormOf } from '../dictionaryForm';
import type { ExecuteApi } from '../executeApi';
import type { Expr } from '../plan';
import type { Table } from '../table';
import { TICKS_PER_MS } from '../values';
import { isConstantExpr } from './constantExpr';
import { ceilMs, floorMs } from './epochMs';

export type RowTest = (row: number) => boolean;

type Api = Pick<ExecuteApi, 'compile' | 'constant' | 'typeOf'>;
type Call = Extract<Expr, { kind: 'call' }>;

const NEVER: RowTest = () => false;
const ALWAYS: RowTest = () => true;

export function compileRowTest(expr: Expr, table: Table, api: Api): RowTest {
  if (expr.kind === 'call') {
    const special = specialTest(expr, table, api);
    if (special) return special;
  }
  const fn = api.compile(expr, table);
  const form = dictionaryFormOf(fn);
  if (form) {
    // Decided once per dictionary entry (0 not yet known, 1 true, 2 not true).
    const { codes, size } = form;
    const verdicts = new Uint8Array(size + 1);
    return (row) => {
      const code = codes[row]!;
      const entry = code >= 0 && code < size ? code : size;
      let verdict = verdicts[entry]!;
      if (verdict === 0) verdict = verdicts[entry] = form.valueOfEntry(entry) === true ? 1 : 2;
      return verdict === 1;
    };
  }
  return (row) => fn(row) === true;
}

/** The rows where `test` is true. */
export function selectRows(rowCount: number, test: RowTest, check: () => void): Int32Array {
  const rows = new Int32Array(rowCount);
  let count = 0;
  for (let row = 0; row < rowCount; row++) {
    if (test(row)) rows[count++] = row;
    if ((row & 16383) === 16383) check();
  }
  // A small selection should not keep the whole buffer alive.
  return count * 2 < rowCount ? rows.slice(0, count) : rows.subarray(0, count);
}

/** How many rows `test` is true for (a count after a filter needs no rows). */
export function countRows(rowCount: number, test: RowTest, check: () => void): number {
  let count = 0;
  for (let row = 0; row < rowCount; row++) {
    if (test(row)) count++;
    if ((row & 65535) === 65535) check();
  }
  return count;
}

function specialTest(expr: Call, table: Table, api: Api): RowTest | undefined {
  const { name, args } = expr;
  if ((name === 'and' || name === 'or') && args.length === 2) {
    const a = compileRowTest(args[0]!, table, api);
    const b = compileRowTest(args[1]!, table, api);
    // Kusto's `and` is true only when both sides are true, its `or` when either is, whatever the other (null) is.
    return name === 'and' ? (row) => a(row) && b(row) : (row) => a(row) || b(row);
  }
  return epochMsTest(expr, table, api) ?? stringEqualityTest(expr, table);
}

const MS_COMPARISONS = new Set(['<', '<=', '>', '>=', '==', '!=', 'between', '!between']);
const FLIPPED: Record<string, string> = {
  '<': '>',
  '<=': '>=',
  '>': '<',
  '>=': '<=',
  '==': '==',
  '!=': '!=',
};

/** A datetime column kept as whole epoch milliseconds (no nulls) against constant datetimes: doubles, no bigint. */
function epochMsTest(expr: Call, table: Table, api: Api): RowTest | undefined {
  let { name } = expr;
  if (!MS_COMPARISONS.has(name)) return undefined;
  let args = expr.args;
  if (args.length === 2 && args[1]!.kind === 'column' && args[0]!.kind !== 'column') {
    args = [args[1]!, args[0]!];
    name = FLIPPED[name]!;
  }
  const subject = args[0]!;
  if (subject.kind !== 'column' || subject.type !== 'datetime') return undefined;
  const column = table.columns.find((c) => c.name === subject.name);
  if (column?.type !== 'datetime' || !column.epochMs || 'value' in column) return undefined;
  const bounds = args.slice(1);
  if (bounds.length === 0 || !bounds.every(isConstantExpr)) return undefined;
  // No row, no test: the bounds are not evaluated (as the general path would not evaluate them either).
  if (table.length === 0) return NEVER;
  const values = bounds.map((bound) => api.constant(bound));
  const types = bounds.map((bound) => api.typeOf(bound));
  const ms = column.epochMs;
  if (name === 'between' || name === '!between') {
    if (values.length !== 2 || types[0] !== 'datetime') return undefined;
    const [low, span] = values;
    const high =
      types[1] === 'timespan' && typeof low === 'bigint' && typeof span === 'bigint' ? low + span : span;
    if (types[1] !== 'timespan' && types[1] !== 'datetime') return undefined;
    if (typeof low !== 'bigint' || typeof high !== 'bigint') return NEVER; // a null bound: null, never true
    const from = ceilMs(low);
    const to = floorMs(high);
    return name === 'between'
      ? (row) => {
          const value = ms[row]!;
          return value >= from && value <= to;
        }
      : (row) => {
          const value = ms[row]!;
          return value < from || value > to;
        };
  }
  if (values.length !== 1 || types[0] !== 'datetime') return undefined;
  const bound = values[0];
  // Kusto: a value against null is false, except `!=`, which is true.
  if (typeof bound !== 'bigint') return name === '!=' ? ALWAYS : NEVER;
  switch (name) {
    case '<': {
      const limit = ceilMs(bound);
      return (row) => ms[row]! < limit;
    }
    case '<=': {
      const limit = floorMs(bound);
      return (row) => ms[row]! <= limit;
    }
    case '>': {
      const limit = floorMs(bound);
      return (row) => ms[row]! > limit;
    }
    case '>=': {
      const limit = ceilMs(bound);
      return (row) => ms[row]! >= limit;
    }
    default: {
      // A bound between two milliseconds equals no whole-millisecond value.
      const exact = bound % TICKS_PER_MS === 0n;
      const target = floorMs(bound);
      if (name === '==') return exact ? (row) => ms[row]! === target : NEVER;
      return exact ? (row) => ms[row]! !== target : ALWAYS;
    }
  }
}

/** `Column == "text"` / `!=` over a plain string column (strings are never null: no null rules to apply). */
function stringEqualityTest(expr: Call, table: Table): RowTest | undefined {
  const { name, args } = expr;
  if ((name !== '==' && name !== '!=') || args.length !== 2) return undefined;
  const [left, right] = args[0]!.kind === 'column' ? [args[0]!, args[1]!] : [args[1]!, args[0]!];
  if (left.kind !== 'column' || left.type !== 'string' || right.kind !== 'literal' || right.type !== 'string')
    return undefined;
  const column = table.columns.find((c) => c.name === left.name);
  if (column?.type !== 'string' || column.dictionary || 'value' in column || typeof right.value !== 'string')
    return undefined;
  const text = right.value;
  const values = column.values;
  return name === '==' ? (row) => values[row] === text : (row) => values[row] !== text;
}
