import { TABLE_DEFINITIONS } from '../tables/index';
import { EngineError } from './errors';
import { executePlan, type ExecutionLimits } from './execute';
import { parseAndAnalyze, positionOf } from './syntax/kusto';
import {
  columnFromChunk,
  lazyColumn,
  emptyTable,
  tableFromRows,
  appendTable,
  type ColumnChunk,
  type Table,
} from './table';
import type { QueryPlan } from './plan';
import { translateQuery } from './syntax/translate';
import { checkPlanDepth } from './planDepth';
import type {
  Diagnostic,
  QueryError,
  QueryOptions,
  QueryOutcome,
  QueryResult,
  TableSchema,
  WireValue,
} from './types';
import { toWireValue } from './values';

export interface KqlEngineOptions {
  /** The tables the engine knows (schemas). Default: the project's TABLE_DEFINITIONS. */
  readonly tables?: readonly TableSchema[];
}

const DEFAULT_TIMEOUT_MS = 30_000;
const MAX_RESULT_ROWS = 500_000;
const MAX_RESULT_BYTES = 64 * 1024 * 1024;

export class KqlEngine {
  readonly schemas: readonly TableSchema[];
  private readonly data = new Map<string, Table>();

  constructor(options: KqlEngineOptions = {}) {
    this.schemas = options.tables ?? TABLE_DEFINITIONS;
  }

  private schemaOf(name: string): TableSchema {
    const schema = this.schemas.find((table) => table.name === name);
    if (!schema) throw new Error(`Unknown table '${name}': it is not among the engine's table schemas.`);
    return schema;
  }

  /** Replaces a table's rows with wire rows (NDJSON objects: keys = column names, datetime ISO, dynamic as JSON). */
  loadTable(name: string, rows: readonly Record<string, unknown>[]): void {
    this.data.set(name, tableFromRows(this.schemaOf(name), rows));
  }

  /** Appends wire rows to a table. */
  appendRows(name: string, rows: readonly Record<string, unknown>[]): void {
    const schema = this.schemaOf(name);
    const current = this.data.get(name) ?? emptyTable(schema);
    this.data.set(name, appendTable(current, tableFromRows(schema, rows)));
  }

  /**
   * Fast columnar load: replaces (or, with `append`, extends) a table from column chunks keyed by column name (formats in
   * table.ts, ColumnChunk). A column missing from `columns` is null ("" for strings).
   */
  loadColumns(
    name: string,
    rowCount: number,
    columns: Readonly<Record<string, ColumnChunk>>,
    append = false,
  ): void {
    const schema = this.schemaOf(name);
    const table: Table = {
      length: rowCount,
      columns: schema.columns.map((column) => {
        const chunk = columns[column.name];
        if (chunk) return columnFromChunk(column.name, column.type, rowCount, chunk);
        return lazyColumn(column.name, column.type, () =>
          new Array<unknown>(rowCount).fill(column.type === 'string' ? '' : null),
        );
      }),
    };
    const current = this.data.get(name);
    this.data.set(name, append && current ? appendTable(current, table) : table);
  }

  clearTable(name: string): void {
    this.data.delete(name);
  }

  rowCount(name: string): number {
    return this.data.get(name)?.length ?? 0;
  }

  /** Loads Kusto.Language and runs one analysis, so the first real query does not pay ~1 s. */
  warm(): void {
    this.diagnose('print 1');
  }

  /** Kusto.Language diagnostics (errors, warnings, suggestions) without running the query. */
  diagnose(text: string): Diagnostic[] {
    return parseAndAnalyze(text, this.schemas).diagnostics;
  }

  /**
   * Analysis and translation depend only on the text and the schemas, so plans of recent queries are kept (a lab
   * re-runs the same query as data changes; a dashboard re-runs many).
   */
  private readonly plans = new Map<string, QueryPlan>();

  private rememberPlan(text: string, plan: QueryPlan): void {
    if (this.plans.size >= 64) this.plans.delete(this.plans.keys().next().value!);
    this.plans.set(text, plan);
  }

  /** The query's plan: analysed, translated and checked once per text (then taken from the recent plans). */
  private planFor(text: string): QueryError | { ok: true; plan: QueryPlan } {
    const cached = this.plans.get(text);
    if (cached) return { ok: true, plan: cached };
    const { syntax, diagnostics } = parseAndAnalyze(text, this.schemas);
    const firstError = diagnostics.find((d) => d.severity === 'error');
    if (firstError) {
      return {
        ok: false,
        code: firstError.code,
        message: firstError.message,
        line: firstError.line,
        column: firstError.column,
        start: firstError.start,
        length: firstError.length,
      };
    }
    try {
      const plan = translateQuery(syntax, text, this.schemas);
      checkPlanDepth(plan);
      this.rememberPlan(text, plan);
      return { ok: true, plan };
    } catch (error) {
      return toQueryError(error, text);
    }
  }

  /**
   * The tables (of this engine's schemas) that a query reads, from its analysed plan, so that a caller loads exactly
   * those before running it (`union *`, `search` and `find` name every table they scan). Empty for a query with an
   * error: it reads nothing. The plan is kept, so the query that follows does not analyse the text again.
   */
  tablesReferenced(text: string): string[] {
    const prepared = this.planFor(text);
    if (!prepared.ok) return [];
    const known = new Set(this.schemas.map((schema) => schema.name));
    const found = new Set<string>();
    visitPlan(prepared.plan, (node) => {
      if (node.op === 'table' && typeof node.name === 'string' && known.has(node.name)) found.add(node.name);
    });
    return [...found];
  }

  /**
   * Builds the values of the text and dynamic columns that a query's expressions name, in the tables it reads, so that
   * the query's run finds them built. A table loaded from the store keeps such a column as text until it is first read
   * (20–70 ms for a log table's messages); a preparation ahead of the run then pays for it instead. Columns read in
   * forms of their own (dictionary codes, epoch milliseconds, numbers) are left as they are. Nothing for a query with
   * an error.
   */
  readNamedColumns(text: string): void {
    const prepared = this.planFor(text);
    if (!prepared.ok) return;
    const named = new Set<string>();
    visitPlan(prepared.plan, (node) => {
      if (node.kind === 'column' && typeof node.name === 'string') named.add(node.name);
    });
    for (const table of this.tablesReferenced(text)) {
      for (const column of this.data.get(table)?.columns ?? []) {
        const kept = column.type === 'dynamic' || column.type === 'string' || column.type === 'guid';
        if (kept && named.has(column.name) && !column.dictionary) void column.values;
      }
    }
  }

  query(text: string, options: QueryOptions = {}): QueryOutcome {
    if (options.signal?.aborted) {
      return {
        ok: false,
        code: 'KQL_CANCELLED',
        message: 'The query was cancelled.',
        line: 1,
        column: 1,
        start: 0,
        length: 0,
      };
    }
    const started = performance.now();
    const prepared = this.planFor(text);
    if (!prepared.ok) return prepared;
    const maxRows = options.maxRows ?? MAX_RESULT_ROWS;
    const limits: ExecutionLimits = {
      deadline: Date.now() + (options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
      signal: options.signal,
      now: options.now ?? new Date(),
      ...(options.maxOperatorRows !== undefined ? { maxOperatorRows: options.maxOperatorRows } : {}),
      ...(options.memoryBudgetBytes !== undefined ? { memoryBudgetBytes: options.memoryBudgetBytes } : {}),
    };
    try {
      const outputs = executePlan(
        prepared.plan,
        (name) => this.data.get(name) ?? emptyTable(this.schemaOf(name)),
        limits,
      );
      if (outputs.length === 0)
        throw new EngineError('KQL_NO_RESULT', 'The query has no tabular statement to run.', {
          start: 0,
          length: text.length,
        });
      const elapsedMs = performance.now() - started;
      const results = outputs.map((output) =>
        buildResult(output.name, output.table, output.chart, maxRows, elapsedMs),
      );
      const [first, ...rest] = results;
      return rest.length > 0 ? { ...first!, extraTables: rest } : first!;
    } catch (error) {
      return toQueryError(error, text);
    }
  }
}

/**
 * Calls `visit` on every object node of a plan. Plans are plain objects and arrays; anything else (a function body kept
 * as a value) is not walked.
 */
function visitPlan(plan: QueryPlan, visit: (node: Record<string, unknown>) => void): void {
  const seen = new Set<object>();
  const walk = (node: unknown): void => {
    if (typeof node !== 'object' || node === null || seen.has(node)) return;
    if (!Array.isArray(node) && Object.getPrototypeOf(node) !== Object.prototype) return;
    seen.add(node);
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    const record = node as Record<string, unknown>;
    visit(record);
    for (const value of Object.values(record)) walk(value);
  };
  walk(plan);
}

export function createKqlEngine(options: KqlEngineOptions = {}): KqlEngine {
  return new KqlEngine(options);
}

function estimateRowBytes(table: Table, row: number): number {
  let bytes = 0;
  for (const column of table.columns) {
    const value = column.values[row];
    bytes +=
      typeof value === 'string' ? value.length * 2 + 8 : typeof value === 'object' && value !== null ? 64 : 8;
  }
  return bytes;
}

function buildResult(
  name: string,
  table: Table,
  chart: QueryResult['chart'],
  maxRows: number,
  elapsedMs: number,
): QueryResult {
  let rowCount = table.length;
  let truncated: QueryResult['truncated'];
  if (rowCount > maxRows) {
    rowCount = maxRows;
    truncated = {
      limit: maxRows,
      reason: `The result was cut at ${maxRows.toLocaleString('en-US')} rows (Kusto's limit).`,
    };
  }
  // Estimate on a sample: cut at 64 MB the way Kusto does.
  const sample = Math.min(rowCount, 1000);
  if (sample > 0) {
    let bytes = 0;
    for (let i = 0; i < sample; i++) bytes += estimateRowBytes(table, Math.floor((i * rowCount) / sample));
    const perRow = bytes / sample;
    if (perRow * rowCount > MAX_RESULT_BYTES) {
      rowCount = Math.floor(MAX_RESULT_BYTES / perRow);
      truncated = { limit: rowCount, reason: "The result was cut at 64 MB (Kusto's limit)." };
    }
  }
  const columns = table.columns.map((column) => ({ name: column.name, type: column.type }));
  const page = (offset: number, count: number): WireValue[][] => {
    const end = Math.min(rowCount, offset + count);
    const rows: WireValue[][] = [];
    for (let i = Math.max(0, offset); i < end; i++) {
      rows.push(table.columns.map((column) => toWireValue(column.values[i], column.type)));
    }
    return rows;
  };
  return {
    ok: true,
    name,
    columns,
    rowCount,
    page,
    rows: () => page(0, rowCount),
    columnValues: (index: number) => table.columns[index]?.values.slice(0, rowCount) ?? [],
    ...(chart ? { chart } : {}),
    ...(truncated ? { truncated } : {}),
    elapsedMs,
  };
}

function toQueryError(error: unknown, text: string): QueryError {
  if (error instanceof EngineError) {
    const { line, column } = positionOf(text, error.span.start);
    return {
      ok: false,
      code: error.code,
      message: error.message,
      line,
      column,
      start: error.span.start,
      length: error.span.length,
      ...(error.hint ? { hint: error.hint } : {}),
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    ok: false,
    code: 'KQL_INTERNAL',
    message: `Engine error: ${message}`,
    line: 1,
    column: 1,
    start: 0,
    length: text.length,
  };
}
