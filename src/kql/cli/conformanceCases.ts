/**
 * Runs conformance cases (the shape of ../shared/kql-conformance/corpus.jsonl) and compares results under the corpus
 * README's rules: exact column names in order, equal row counts, trimmed strings, relative tolerance for numbers
 * (5% for `approximate` flags), deep dynamic equality (arrays as sets under `set_element_order_unspecified`), and row
 * order only when `compare` is `ordered`.
 */
import { KqlEngine } from '../engine';
import type { WireValue } from '../types';
import exceptionsList from './conformance-exceptions.json' with { type: 'json' };

export interface ConformanceCase {
  readonly id: string;
  readonly query: string;
  readonly expected?: { columns: string[]; types: string[]; rows: WireValue[][] };
  readonly compare?: 'ordered' | 'multiset';
  readonly flags?: readonly string[];
}

export type CaseOutcome =
  | { id: string; columns: string[]; types: string[]; rows: WireValue[][] }
  | { id: string; error: { code: string; message: string; line: number; column: number } };

export interface CaseResult {
  readonly id: string;
  readonly passed: boolean;
  /** Listed in conformance-exceptions.json or flagged suspect_doc_output: does not count either way. */
  readonly excepted: boolean;
  readonly reason?: string;
  readonly outcome: CaseOutcome;
}

export const CONFORMANCE_EXCEPTIONS: Readonly<Record<string, string>> = exceptionsList as Record<
  string,
  string
>;

/** A fixed "now" so that cases using now()/ago() are repeatable. */
const CONFORMANCE_NOW = new Date('2026-01-01T00:00:00Z');

export function runCase(engine: KqlEngine, testCase: ConformanceCase, timeoutMs = 10_000): CaseOutcome {
  const outcome = engine.query(testCase.query, { now: CONFORMANCE_NOW, timeoutMs });
  if (!outcome.ok) {
    return {
      id: testCase.id,
      error: { code: outcome.code, message: outcome.message, line: outcome.line, column: outcome.column },
    };
  }
  return {
    id: testCase.id,
    columns: outcome.columns.map((c) => c.name),
    types: outcome.columns.map((c) => c.type),
    rows: outcome.rows(),
  };
}

const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

function normalizeScalar(value: string): string {
  const trimmed = value.trim();
  if (DATETIME.test(trimmed)) return trimmed.replace(/(\.\d*?)0+Z$/, '$1Z').replace(/\.Z$/, 'Z');
  return trimmed;
}

function numbersClose(a: number, b: number, tolerance: number): boolean {
  if (a === b) return true;
  const scale = Math.max(Math.abs(a), Math.abs(b));
  return Math.abs(a - b) <= tolerance * scale || Math.abs(a - b) < 1e-12;
}

function valuesMatch(actual: WireValue, expected: WireValue, tolerance: number, setArrays: boolean): boolean {
  if (expected === null || actual === null) {
    return (expected === null || expected === '') && (actual === null || actual === '');
  }
  if (typeof expected === 'number' || typeof actual === 'number') {
    const a = typeof actual === 'string' ? Number(actual) : actual;
    const e = typeof expected === 'string' ? Number(expected) : expected;
    if (typeof a !== 'number' || typeof e !== 'number' || Number.isNaN(a) || Number.isNaN(e)) return false;
    return numbersClose(a, e, tolerance);
  }
  if (typeof expected === 'string' && typeof actual === 'string') {
    const a = normalizeScalar(actual);
    const e = normalizeScalar(expected);
    if (a === e) return true;
    // A dynamic cell may be printed as JSON text on one side.
    if (/^[[{]/.test(e)) {
      try {
        return valuesMatch(JSON.parse(a) as WireValue, JSON.parse(e) as WireValue, tolerance, setArrays);
      } catch {
        return false;
      }
    }
    return false;
  }
  if (typeof expected === 'string' && typeof actual === 'object') {
    try {
      return valuesMatch(actual, JSON.parse(expected) as WireValue, tolerance, setArrays);
    } catch {
      return false;
    }
  }
  if (typeof expected === 'boolean' || typeof actual === 'boolean') return actual === expected;
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return false;
    if (!setArrays) return expected.every((e, i) => valuesMatch(actual[i]!, e, tolerance, setArrays));
    const used = new Set<number>();
    return expected.every((e) => {
      const index = actual.findIndex((a, i) => !used.has(i) && valuesMatch(a, e, tolerance, setArrays));
      if (index < 0) return false;
      used.add(index);
      return true;
    });
  }
  if (typeof expected === 'object' && typeof actual === 'object' && !Array.isArray(actual)) {
    const expectedKeys = Object.keys(expected);
    if (expectedKeys.length !== Object.keys(actual).length) return false;
    return expectedKeys.every(
      (key) => key in actual && valuesMatch(actual[key]!, expected[key]!, tolerance, setArrays),
    );
  }
  return false;
}

function rowsMatch(
  actual: WireValue[],
  expected: WireValue[],
  tolerance: number,
  setArrays: boolean,
): boolean {
  return (
    actual.length === expected.length &&
    expected.every((e, i) => valuesMatch(actual[i]!, e, tolerance, setArrays))
  );
}

/** Why an outcome differs from the expected table, or undefined when it matches. */
export function compareOutcome(testCase: ConformanceCase, outcome: CaseOutcome): string | undefined {
  const expected = testCase.expected;
  if (!expected) return 'no expected table';
  if ('error' in outcome) return `error ${outcome.error.code}: ${outcome.error.message}`;
  if (outcome.columns.join('|') !== expected.columns.join('|')) {
    return `columns [${outcome.columns.join(', ')}] instead of [${expected.columns.join(', ')}]`;
  }
  if (outcome.rows.length !== expected.rows.length) {
    return `${outcome.rows.length} rows instead of ${expected.rows.length}`;
  }
  const flags = testCase.flags ?? [];
  const tolerance = flags.some((f) => f.startsWith('approximate')) ? 0.05 : 1e-9;
  const setArrays = flags.some(
    (f) => f.startsWith('set_element_order_unspecified') || f.startsWith('list_or_tie_order_may_vary'),
  );
  if (testCase.compare === 'ordered') {
    for (let i = 0; i < expected.rows.length; i++) {
      if (!rowsMatch(outcome.rows[i]!, expected.rows[i]!, tolerance, setArrays)) {
        return `row ${i + 1}: ${JSON.stringify(outcome.rows[i])} instead of ${JSON.stringify(expected.rows[i])}`;
      }
    }
    return undefined;
  }
  const used = new Set<number>();
  for (const row of expected.rows) {
    const index = outcome.rows.findIndex((a, i) => !used.has(i) && rowsMatch(a, row, tolerance, setArrays));
    if (index < 0) return `no row matches ${JSON.stringify(row)}`;
    used.add(index);
  }
  return undefined;
}

export function evaluateCase(engine: KqlEngine, testCase: ConformanceCase): CaseResult {
  const outcome = runCase(engine, testCase);
  const reason = compareOutcome(testCase, outcome);
  const exceptionReason = CONFORMANCE_EXCEPTIONS[testCase.id];
  const suspect = (testCase.flags ?? []).some((f) => f.startsWith('suspect_doc_output'));
  return {
    id: testCase.id,
    passed: reason === undefined,
    excepted: reason !== undefined && (exceptionReason !== undefined || suspect),
    ...(reason ? { reason } : {}),
    outcome,
  };
}

export function parseCases(text: string): ConformanceCase[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as ConformanceCase);
}
