/**
 * What one query may hold. An operator that multiplies rows (join, mv-expand, range, make-series, union...) asks for
 * its output before allocating it, so a cartesian join or a 20k × 20k expansion stops with a positioned KQL_LIMIT
 * instead of filling the worker's heap. Bytes are an estimate (8 bytes a cell, more for dynamic values), charged as
 * the query allocates and never given back: a budget, not a measurement.
 */
import { EngineError } from './errors';
import type { Span } from './plan';

/** Rows one operator may produce (range's own limit has always been this). */
export const MAX_OPERATOR_ROWS = 10_000_000;
/**
 * Bytes one query may allocate in the budget's estimate. The estimate counts cells, not V8's object headers, so the real
 * peak runs to about twice it: 512 MB keeps a query well under a browser worker's (and Node's) ~4 GB heap.
 */
export const DEFAULT_MEMORY_BUDGET_BYTES = 512 * 1024 * 1024;

const CELL_BYTES = 8;
const HINT =
  'Filter or summarize before the operator that multiplies rows (join keys, mv-expand limit, a larger step).';

export class QueryBudget {
  private charged = 0;

  constructor(
    readonly maxOperatorRows = MAX_OPERATOR_ROWS,
    readonly memoryBytes = DEFAULT_MEMORY_BUDGET_BYTES,
  ) {}

  /** Bytes charged so far. */
  get used(): number {
    return this.charged;
  }

  /**
   * An operator (`what`) is about to produce `rows` rows of `columns` cells: throws KQL_LIMIT at `span` when that passes
   * the row limit or the memory budget; otherwise charges the cells.
   */
  reserveRows(what: string, rows: number, columns: number, span: Span, unit = 'rows'): void {
    this.checkRows(what, rows, span, unit);
    this.charge(what, rows * Math.max(1, columns) * CELL_BYTES, span);
  }

  /** Throws KQL_LIMIT at `span` when an operator's output of `rows` rows passes the row limit. */
  checkRows(what: string, rows: number, span: Span, unit = 'rows'): void {
    if (rows > this.maxOperatorRows) {
      throw new EngineError(
        'KQL_LIMIT',
        `${what} would produce ${formatCount(rows)} ${unit}, more than the ${formatCount(this.maxOperatorRows)} an operator may produce.`,
        span,
        HINT,
      );
    }
  }

  /** Charges `bytes` to the query; throws KQL_LIMIT at `span` when the budget is spent. */
  charge(what: string, bytes: number, span: Span): void {
    this.charged += bytes;
    if (this.charged > this.memoryBytes) {
      throw new EngineError(
        'KQL_LIMIT',
        `${what} would take the query past its memory budget of ${formatCount(Math.round(this.memoryBytes / 1024 / 1024))} MB.`,
        span,
        HINT,
      );
    }
  }
}

/** A rough size of a dynamic value: its elements and theirs (one level down) at a cell each, strings by length. */
export function dynamicBytes(value: unknown, nested = false): number {
  if (typeof value === 'string') return 16 + value.length * 2;
  if (typeof value !== 'object' || value === null) return CELL_BYTES;
  const items = Array.isArray(value) ? value : Object.values(value as Record<string, unknown>);
  if (nested) return 16 + items.length * CELL_BYTES;
  let bytes = 16;
  for (let i = 0; i < items.length; i++) bytes += CELL_BYTES + dynamicBytes(items[i], true);
  return bytes;
}

function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
