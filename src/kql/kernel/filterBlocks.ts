/**
 * `where` as whole-column loops: a predicate that is an `and` of simple column tests (rowTests.ts `SimpleTest`) runs
 * one test at a time over a block of rows, each loop reading one typed array (epoch milliseconds, dictionary codes)
 * or one values array, with no closure call per row and test. The first test writes the block's passing row numbers,
 * the next ones narrow that list; conjuncts with no simple form run last, as row tests on the rows still selected.
 * Kusto's `and` is true only where every conjunct is true, so the order in which they narrow changes no answer.
 */
import { entryOfCode } from '../dictionaryForm';
import type { Expr } from '../plan';
import type { Table } from '../table';
import {
  codesTestOf,
  compileRowTest,
  type FilterApi,
  numberPasses,
  type NumberOperator,
  type RowTest,
  type SimpleTest,
  simpleTestOf,
  textOf,
} from './rowTests';

/**
 * One conjunct run over a block of rows. Each kind of test writes out its own two loops: a shared loop taking the test
 * as a callback would bring back the call per row that this file exists to remove.
 */
interface BlockTest {
  /** Writes the rows of [start, end) that pass into `into` from index 0; returns how many. */
  scan(into: Int32Array, start: number, end: number): number;
  /** Keeps the rows of `rows[0..count)` that pass, in order, at the front; returns how many. */
  narrow(rows: Int32Array, count: number): number;
}

export interface CompiledFilter {
  /** The rows of 0..rowCount-1 where the predicate is true, in order. */
  select(check: () => void): Int32Array;
  /** How many rows the predicate is true for (a count after a filter needs no rows). */
  count(check: () => void): number;
}

/** Rows per block: its row list (64 KB) stays in the processor's cache between one test's loop and the next's. */
const BLOCK = 16_384;

export function compileFilter(predicate: Expr, table: Table, api: FilterApi): CompiledFilter {
  const simple: BlockTest[] = [];
  const general: BlockTest[] = [];
  for (const conjunct of conjunctsOf(predicate)) {
    const test = simpleTestOf(conjunct, table, api);
    if (test?.kind === 'constant' && test.value) continue;
    if (test) simple.push(blockTestOf(test));
    else if (isAndOr(conjunct)) general.push(rowBlockTest(compileRowTest(conjunct, table, api)));
    else {
      const fn = api.compile(conjunct, table);
      const codes = codesTestOf(fn);
      if (codes) simple.push(blockTestOf(codes));
      else general.push(rowBlockTest((row) => fn(row) === true));
    }
  }
  const tests = [...simple, ...general];
  const rowCount = table.length;
  const run = (each: (rows: Int32Array, count: number) => void, check: () => void) => {
    const block = new Int32Array(Math.min(BLOCK, rowCount));
    for (let start = 0; start < rowCount; start += BLOCK) {
      const end = Math.min(rowCount, start + BLOCK);
      let count: number;
      if (tests.length === 0) {
        for (let row = start; row < end; row++) block[row - start] = row;
        count = end - start;
      } else {
        count = tests[0]!.scan(block, start, end);
        for (let k = 1; k < tests.length && count > 0; k++) count = tests[k]!.narrow(block, count);
      }
      each(block, count);
      check();
    }
  };
  return {
    select(check) {
      const selected = new Int32Array(rowCount);
      let total = 0;
      run((rows, count) => {
        selected.set(rows.subarray(0, count), total);
        total += count;
      }, check);
      // A small selection should not keep the whole buffer alive.
      return total * 2 < rowCount ? selected.slice(0, total) : selected.subarray(0, total);
    },
    count(check) {
      let total = 0;
      run((_, count) => (total += count), check);
      return total;
    },
  };
}

function isAndOr(expr: Expr): boolean {
  return expr.kind === 'call' && (expr.name === 'and' || expr.name === 'or') && expr.args.length === 2;
}

/** `a and b and c` as [a, b, c] (Kusto's `and` is associative: true exactly when every one is true). */
function conjunctsOf(expr: Expr): Expr[] {
  if (expr.kind === 'call' && expr.name === 'and' && expr.args.length === 2)
    return [...conjunctsOf(expr.args[0]!), ...conjunctsOf(expr.args[1]!)];
  return [expr];
}

function rowBlockTest(test: RowTest): BlockTest {
  return {
    scan(into, start, end) {
      let count = 0;
      for (let row = start; row < end; row++) if (test(row)) into[count++] = row;
      return count;
    },
    narrow(rows, count) {
      let kept = 0;
      for (let i = 0; i < count; i++) {
        const row = rows[i]!;
        if (test(row)) rows[kept++] = row;
      }
      return kept;
    },
  };
}

const NONE: BlockTest = { scan: () => 0, narrow: () => 0 };

function blockTestOf(test: SimpleTest): BlockTest {
  switch (test.kind) {
    case 'constant':
      return test.value ? rowBlockTest(() => true) : NONE;
    case 'msRange':
      return test.inside ? msInside(test.ms, test.low, test.high) : msOutside(test.ms, test.low, test.high);
    case 'codes':
      return codesBlockTest(test.codes, test.size, test.verdicts, test.decideEntry);
    case 'text':
      return textBlockTest(test.values, test.text, test.equal);
    case 'term':
      return termBlockTest(test.values, test.pattern, test.negate);
    case 'number':
      return numberBlockTest(test.values, test.operator, test.bound);
  }
}

// Each loop below writes a row number unconditionally and advances by the test's outcome as 0 or 1, computed
// without a branch (`+(a) & +(b)` rather than `a && b ? 1 : 0`): on rows that pass at random a branch is
// mispredicted so often that the loop runs several times slower (7 ms instead of 1 ms per million rows, measured).
//
// The loops are module-level functions of arrays and numbers, called by the query's test objects once per block: V8
// keeps a closure's optimised code only while one of its closures lives, and a function's only while the objects
// it was optimised for live. A loop in a closure made per query, or reading fields of an object made per query, lost
// its code at each collection of the whole heap (a browser runs one in the pauses between a learner's queries) and
// ran the next query's rows unoptimised: a time filter and bin over 60,000 rows took 17–22 ms instead of 2–3 ms in
// Node after a full collection. A module-level function lives as long as the page, and arrays' and numbers' shapes
// never die.

function msInside(ms: ArrayLike<number>, low: number, high: number): BlockTest {
  return {
    scan: (into, start, end) => scanMsInside(ms, low, high, into, start, end),
    narrow: (rows, count) => narrowMsInside(ms, low, high, rows, count),
  };
}

function scanMsInside(
  ms: ArrayLike<number>,
  low: number,
  high: number,
  into: Int32Array,
  start: number,
  end: number,
): number {
  let count = 0;
  for (let row = start; row < end; row++) {
    const value = ms[row]!;
    into[count] = row;
    count += +(value >= low) & +(value <= high);
  }
  return count;
}

function narrowMsInside(ms: ArrayLike<number>, low: number, high: number, rows: Int32Array, count: number) {
  let kept = 0;
  for (let i = 0; i < count; i++) {
    const row = rows[i]!;
    const value = ms[row]!;
    rows[kept] = row;
    kept += +(value >= low) & +(value <= high);
  }
  return kept;
}

function msOutside(ms: ArrayLike<number>, low: number, high: number): BlockTest {
  return {
    scan: (into, start, end) => scanMsOutside(ms, low, high, into, start, end),
    narrow: (rows, count) => narrowMsOutside(ms, low, high, rows, count),
  };
}

function scanMsOutside(
  ms: ArrayLike<number>,
  low: number,
  high: number,
  into: Int32Array,
  start: number,
  end: number,
): number {
  let count = 0;
  for (let row = start; row < end; row++) {
    const value = ms[row]!;
    into[count] = row;
    count += +(value < low) | +(value > high);
  }
  return count;
}

function narrowMsOutside(ms: ArrayLike<number>, low: number, high: number, rows: Int32Array, count: number) {
  let kept = 0;
  for (let i = 0; i < count; i++) {
    const row = rows[i]!;
    const value = ms[row]!;
    rows[kept] = row;
    kept += +(value < low) | +(value > high);
  }
  return kept;
}

/**
 * A verdict is 1 (true) or 2 (not true) once decided, so `verdict & 1` counts the row; 0 is not yet decided. The
 * loops stop at the first row whose entry is not decided yet and leave deciding it to the query's own code, so that
 * they call no function made per query.
 */
function codesBlockTest(
  codes: ArrayLike<number>,
  size: number,
  verdicts: Uint8Array,
  decideEntry: (entry: number) => number,
): BlockTest {
  return {
    scan(into, start, end) {
      let count = 0;
      let row = start;
      for (;;) {
        const stopped = scanCodes(codes, size, verdicts, into, count, row, end);
        if (stopped.row === end) return stopped.count;
        decideEntry(entryOfCode(codes[stopped.row]!, size));
        ({ count, row } = stopped);
      }
    },
    narrow(rows, count) {
      let kept = 0;
      let i = 0;
      for (;;) {
        const stopped = narrowCodes(codes, size, verdicts, rows, kept, i, count);
        if (stopped.i === count) return stopped.kept;
        decideEntry(entryOfCode(codes[rows[stopped.i]!]!, size));
        ({ kept, i } = stopped);
      }
    },
  };
}

/** Scans rows [row, end) from `count` passing rows on, up to the first row whose entry is undecided. */
function scanCodes(
  codes: ArrayLike<number>,
  size: number,
  verdicts: Uint8Array,
  into: Int32Array,
  count: number,
  row: number,
  end: number,
): { count: number; row: number } {
  for (; row < end; row++) {
    const code = codes[row]!;
    const verdict = verdicts[code >= 0 && code < size ? code : size]!;
    if (verdict === 0) break;
    into[count] = row;
    count += verdict & 1;
  }
  return { count, row };
}

/** Narrows rows[i..count) after `kept` kept rows, up to the first row whose entry is undecided. */
function narrowCodes(
  codes: ArrayLike<number>,
  size: number,
  verdicts: Uint8Array,
  rows: Int32Array,
  kept: number,
  i: number,
  count: number,
): { kept: number; i: number } {
  for (; i < count; i++) {
    const row = rows[i]!;
    const code = codes[row]!;
    const verdict = verdicts[code >= 0 && code < size ? code : size]!;
    if (verdict === 0) break;
    rows[kept] = row;
    kept += verdict & 1;
  }
  return { kept, i };
}

function textBlockTest(values: readonly unknown[], text: string, equal: boolean): BlockTest {
  const unequal = equal ? 0 : 1;
  return {
    scan: (into, start, end) => scanText(values, text, unequal, into, start, end),
    narrow: (rows, count) => narrowText(values, text, unequal, rows, count),
  };
}

function scanText(
  values: readonly unknown[],
  text: string,
  unequal: number,
  into: Int32Array,
  start: number,
  end: number,
): number {
  let count = 0;
  for (let row = start; row < end; row++) {
    into[count] = row;
    count += +(values[row] === text) ^ unequal;
  }
  return count;
}

function narrowText(
  values: readonly unknown[],
  text: string,
  unequal: number,
  rows: Int32Array,
  count: number,
) {
  let kept = 0;
  for (let i = 0; i < count; i++) {
    const row = rows[i]!;
    rows[kept] = row;
    kept += +(values[row] === text) ^ unequal;
  }
  return kept;
}

/** The pattern is called from the loop: no closures between the row and `RegExp.prototype.test`. */
function termBlockTest(values: readonly unknown[], pattern: RegExp, negate: boolean): BlockTest {
  const flip = negate ? 1 : 0;
  return {
    scan: (into, start, end) => scanTerm(values, pattern, flip, into, start, end),
    narrow: (rows, count) => narrowTerm(values, pattern, flip, rows, count),
  };
}

function scanTerm(
  values: readonly unknown[],
  pattern: RegExp,
  flip: number,
  into: Int32Array,
  start: number,
  end: number,
): number {
  let count = 0;
  for (let row = start; row < end; row++) {
    into[count] = row;
    count += +pattern.test(textOf(values[row])) ^ flip;
  }
  return count;
}

function narrowTerm(
  values: readonly unknown[],
  pattern: RegExp,
  flip: number,
  rows: Int32Array,
  count: number,
) {
  let kept = 0;
  for (let i = 0; i < count; i++) {
    const row = rows[i]!;
    rows[kept] = row;
    kept += +pattern.test(textOf(values[row])) ^ flip;
  }
  return kept;
}

function numberBlockTest(values: readonly unknown[], operator: NumberOperator, bound: number): BlockTest {
  return {
    scan: (into, start, end) => scanNumber(values, operator, bound, into, start, end),
    narrow: (rows, count) => narrowNumber(values, operator, bound, rows, count),
  };
}

function scanNumber(
  values: readonly unknown[],
  operator: NumberOperator,
  bound: number,
  into: Int32Array,
  start: number,
  end: number,
): number {
  let count = 0;
  for (let row = start; row < end; row++) {
    into[count] = row;
    count += +numberPasses(values[row], operator, bound);
  }
  return count;
}

function narrowNumber(
  values: readonly unknown[],
  operator: NumberOperator,
  bound: number,
  rows: Int32Array,
  count: number,
) {
  let kept = 0;
  for (let i = 0; i < count; i++) {
    const row = rows[i]!;
    rows[kept] = row;
    kept += +numberPasses(values[row], operator, bound);
  }
  return kept;
}
