/**
 * Grading of "write a query" checks: the learner's result set is compared with the reference
 * query's result on the same data, and the differences are explained in words.
 */
import type { WireValue } from '../../kql/types';

export interface ResultSet {
  columns: readonly { name: string; type: string }[];
  rows: readonly (readonly WireValue[])[];
}

export interface ResultSetDiff {
  correct: boolean;
  /** Reference columns the learner's result lacks. */
  missingColumns: string[];
  /** Columns the learner returned that the reference does not have (they do not make an answer wrong). */
  extraColumns: string[];
  /** Reference columns the learner returned with another type (int and long count as the same). */
  typeMismatches: { name: string; expected: string; actual: string }[];
  /** Reference rows (projected on the reference columns) not found in the learner's result. */
  missingRows: WireValue[][];
  /** Learner rows (projected on the reference columns) the reference does not have. */
  extraRows: WireValue[][];
  /** True when the rows match as a set but the question asks for an order and it differs. */
  orderDiffers: boolean;
  /** Reference columns whose values differ between the two results (the likely culprits). */
  differingColumns: string[];
  /** Sentences for the learner, most important first; empty when correct. */
  feedback: string[];
}

/** How many example rows the feedback shows. */
const EXAMPLE_ROWS = 2;

function rowKey(row: readonly WireValue[]): string {
  return JSON.stringify(row);
}

function countBy(rows: readonly (readonly WireValue[])[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(rowKey(row), (counts.get(rowKey(row)) ?? 0) + 1);
  return counts;
}

/** Rows of `a` not matched by a row of `b`, counting duplicates. */
function multisetMinus(
  a: readonly (readonly WireValue[])[],
  b: readonly (readonly WireValue[])[],
): WireValue[][] {
  const available = countBy(b);
  const rest: WireValue[][] = [];
  for (const row of a) {
    const key = rowKey(row);
    const left = available.get(key) ?? 0;
    if (left > 0) available.set(key, left - 1);
    else rest.push([...row]);
  }
  return rest;
}

function describeRow(columns: readonly string[], row: readonly WireValue[]): string {
  return columns.map((name, i) => `${name}=${JSON.stringify(row[i] ?? null)}`).join(', ');
}

/** Kusto's two integer types hold the same answers; a learner's toint() is not a mistake. */
function sameType(a: string, b: string): boolean {
  const family = (type: string) => (type === 'int' ? 'long' : type);
  return family(a) === family(b);
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export function compareResultSets(
  learner: ResultSet,
  reference: ResultSet,
  orderMatters: boolean,
): ResultSetDiff {
  const referenceNames = reference.columns.map((column) => column.name);
  const learnerNames = learner.columns.map((column) => column.name);
  const missingColumns = referenceNames.filter((name) => !learnerNames.includes(name));
  const extraColumns = learnerNames.filter((name) => !referenceNames.includes(name));
  const feedback: string[] = [];
  const typeMismatches = reference.columns.flatMap((column) => {
    const actual = learner.columns.find((candidate) => candidate.name === column.name)?.type;
    return actual !== undefined && !sameType(actual, column.type)
      ? [{ name: column.name, expected: column.type, actual }]
      : [];
  });
  for (const mismatch of typeMismatches) {
    feedback.push(
      `Column "${mismatch.name}" is of type ${mismatch.actual} in your result; the answer's is ${mismatch.expected}.`,
    );
  }

  if (missingColumns.length > 0) {
    for (const name of missingColumns) {
      const differentCase = learnerNames.find((other) => other.toLowerCase() === name.toLowerCase());
      feedback.push(
        differentCase
          ? `Column names are case-sensitive: the answer needs "${name}", your result has "${differentCase}".`
          : `Your result has no column "${name}".`,
      );
    }
    return {
      correct: false,
      missingColumns,
      extraColumns,
      typeMismatches,
      missingRows: [],
      extraRows: [],
      orderDiffers: false,
      differingColumns: [],
      feedback,
    };
  }

  const positions = referenceNames.map((name) => learnerNames.indexOf(name));
  const projected = learner.rows.map((row) => positions.map((position) => row[position] ?? null));
  const missingRows = multisetMinus(reference.rows, projected);
  const extraRows = multisetMinus(projected, reference.rows);
  const setsEqual = missingRows.length === 0 && extraRows.length === 0;
  const orderDiffers =
    setsEqual && orderMatters && projected.some((row, i) => rowKey(row) !== rowKey(reference.rows[i] ?? []));

  const differingColumns = referenceNames.filter((_, column) => {
    const expected = new Set(missingRows.map((row) => JSON.stringify(row[column] ?? null)));
    const got = new Set(extraRows.map((row) => JSON.stringify(row[column] ?? null)));
    return [...expected].some((value) => !got.has(value)) || [...got].some((value) => !expected.has(value));
  });

  if (!setsEqual) {
    const found = reference.rows.length - missingRows.length;
    feedback.push(`${found} of ${plural(reference.rows.length, 'expected row')} found.`);
    if (missingRows.length > 0) {
      feedback.push(
        `Missing ${plural(missingRows.length, 'row')}, for example: ${missingRows
          .slice(0, EXAMPLE_ROWS)
          .map((row) => `(${describeRow(referenceNames, row)})`)
          .join('; ')}.`,
      );
    }
    if (extraRows.length > 0) {
      feedback.push(
        `${plural(extraRows.length, 'row')} should not be there, for example: ${extraRows
          .slice(0, EXAMPLE_ROWS)
          .map((row) => `(${describeRow(referenceNames, row)})`)
          .join('; ')}.`,
      );
    }
    if (differingColumns.length > 0 && differingColumns.length < referenceNames.length) {
      feedback.push(`The differences are in ${differingColumns.map((name) => `"${name}"`).join(', ')}.`);
    }
  } else if (orderDiffers) {
    feedback.push('The right rows, in the wrong order: the question asks for a sort.');
  }
  if (feedback.length > 0 && extraColumns.length > 0) {
    feedback.push(`Extra columns are ignored: ${extraColumns.join(', ')}.`);
  }

  return {
    correct: setsEqual && !orderDiffers && typeMismatches.length === 0,
    missingColumns,
    extraColumns,
    typeMismatches,
    missingRows,
    extraRows,
    orderDiffers,
    differingColumns,
    feedback,
  };
}
