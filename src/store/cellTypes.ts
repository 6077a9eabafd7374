/**
 * Whether an imported cell can be read as its column's Kusto type. The store would otherwise keep a wrong-typed cell
 * as null (`ConfidenceScore: "abc"`) without a word; an import counts them per column and refuses the file instead.
 */
import { parseDatetime, parseTimespan } from '../kql/values';
import type { KustoColumnType } from '../tables/index';

const GUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const NUMBER_TEXT = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$|^(NaN|[-+]?Infinity)$/;

/** What the cell should have been, when it is not readable as `type`; undefined when it is (null always is). */
export function cellTypeProblem(value: unknown, type: KustoColumnType): string | undefined {
  if (value === null || value === undefined) return undefined;
  switch (type) {
    case 'string':
      return typeof value === 'object' ? 'not text' : undefined;
    case 'long':
    case 'int':
      if (typeof value === 'number') return Number.isInteger(value) ? undefined : 'not a whole number';
      return typeof value === 'string' && /^\s*[-+]?\d+\s*$/.test(value) ? undefined : 'not a whole number';
    case 'real':
    case 'decimal':
      if (typeof value === 'number') return undefined;
      return typeof value === 'string' && NUMBER_TEXT.test(value) ? undefined : 'not a number';
    case 'bool':
      if (typeof value === 'boolean' || value === 0 || value === 1) return undefined;
      return typeof value === 'string' && /^(true|false)$/i.test(value) ? undefined : 'not true or false';
    case 'datetime':
      if (typeof value === 'number' && Number.isFinite(value)) return undefined;
      return typeof value === 'string' && parseDatetime(value) !== null ? undefined : 'not a date and time';
    case 'timespan':
      if (typeof value === 'number' && Number.isFinite(value)) return undefined;
      return typeof value === 'string' && parseTimespan(value) !== null ? undefined : 'not a timespan';
    case 'guid':
      return typeof value === 'string' && GUID.test(value) ? undefined : 'not a GUID';
    case 'dynamic':
      return undefined;
  }
}

interface ColumnTally {
  count: number;
  firstLine: number;
  firstValue: unknown;
  problem: string;
}

/** Counts wrong-typed cells per column over the rows of one file, keeping the first of each for the message. */
export class CellTypeTally {
  private readonly columns = new Map<string, ColumnTally>();

  constructor(private readonly types: ReadonlyMap<string, KustoColumnType>) {}

  check(row: Record<string, unknown>, line: number): void {
    for (const key in row) {
      const type = this.types.get(key);
      if (!type) continue;
      const problem = cellTypeProblem(row[key], type);
      if (!problem) continue;
      const tally = this.columns.get(key);
      if (tally) tally.count++;
      else this.columns.set(key, { count: 1, firstLine: line, firstValue: row[key], problem });
    }
  }

  /** "3 cells of ConfidenceScore (real) are not a number (first on line 5: "abc"); …", or undefined when none. */
  report(): string | undefined {
    if (this.columns.size === 0) return undefined;
    return [...this.columns]
      .map(([column, tally]) => {
        const cells = tally.count === 1 ? '1 cell' : `${tally.count.toLocaleString('en-US')} cells`;
        const verb = tally.count === 1 ? 'is' : 'are';
        const shown = JSON.stringify(tally.firstValue).slice(0, 60);
        return `${cells} of ${column} (${this.types.get(column)}) ${verb} ${tally.problem} (first on line ${tally.firstLine}: ${shown})`;
      })
      .join('; ');
  }
}
