/**
 * The state of one query output's run: shared results, toscalar() values, temporary tables, clock, limits and budget.
 * It is the ExecuteApi every operator receives; running a child plan goes back through the executor it was given.
 */
import { EngineError } from '../errors';
import type { QueryBudget } from '../budget';
import type { ExecuteApi, RowFunction } from '../executeApi';
import type { Expr, Span, Tabular } from '../plan';
import type { Table } from '../table';
import type { ChartSpec } from '../types';
import { TICKS_PER_MS } from '../values';
import { compile, typeOfExpr } from './compile';
import { evaluateColumn, makeTable } from './tables';

export interface ExecutionLimits {
  readonly deadline: number;
  readonly signal?: AbortSignal;
  readonly now: Date;
  /** Rows one operator may produce. Default MAX_OPERATOR_ROWS (10,000,000). */
  readonly maxOperatorRows?: number;
  /** Bytes the query may allocate, by the budget's estimate. Default DEFAULT_MEMORY_BUDGET_BYTES (512 MB). */
  readonly memoryBudgetBytes?: number;
}

/** Runs one plan node (the operator table in execute.ts): the kernel knows no operator. */
export type PlanRunner = (plan: Tabular, context: Context) => Table;

/** Tables set for a while (an mv-apply row, a partition), and the cached results computed from them meanwhile. */
interface TempScope {
  readonly names: ReadonlySet<string>;
  readonly shared: number[];
  readonly scalars: Expr[];
}

/** The names of the tables a plan (or expression) reads, found once per plan object. */
const tablesReadCache = new WeakMap<object, ReadonlySet<string>>();

function tablesRead(plan: object): ReadonlySet<string> {
  const known = tablesReadCache.get(plan);
  if (known) return known;
  const names = new Set<string>();
  const seen = new Set<object>();
  // An explicit stack: a plan nests as deep as its query (long let chains), deeper than the call stack allows.
  const pending: unknown[] = [plan];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value) || seen.has(value)) continue;
    seen.add(value);
    if (Array.isArray(value)) {
      pending.push(...(value as unknown[]));
      continue;
    }
    const node = value as { op?: unknown; name?: unknown };
    if (node.op === 'table' && typeof node.name === 'string') names.add(node.name);
    pending.push(...Object.values(value));
  }
  tablesReadCache.set(plan, names);
  return names;
}

export class Context implements ExecuteApi {
  private readonly sharedResults = new Map<number, Table>();
  private readonly scalars = new Map<Expr, unknown>();
  private readonly temp = new Map<string, Table>();
  private readonly tempScopes: TempScope[] = [];
  readonly nowTicks: bigint;
  chart: ChartSpec | undefined;

  constructor(
    private readonly storedTable: (name: string) => Table,
    readonly limits: ExecutionLimits,
    readonly budget: QueryBudget,
    private readonly runPlan: PlanRunner,
  ) {
    this.nowTicks = BigInt(limits.now.getTime()) * TICKS_PER_MS;
  }

  run(plan: Tabular): Table {
    return this.runPlan(plan, this);
  }

  compile(expr: Expr, table: Table): RowFunction {
    return compile(expr, table, this);
  }

  constant(expr: Expr): unknown {
    return compile(expr, makeTable([], 1), this)(0);
  }

  typeOf(expr: Expr) {
    return typeOfExpr(expr);
  }

  evaluate(fn: RowFunction, length: number, span: Span): unknown[] {
    return evaluateColumn(fn, length, this, span);
  }

  table(name: string): Table {
    return this.temp.get(name) ?? this.storedTable(name);
  }

  shared(id: number, input: Tabular): Table {
    let cached = this.sharedResults.get(id);
    if (!cached) {
      cached = this.run(input);
      this.sharedResults.set(id, cached);
      this.cachedFrom(input, { shared: id });
    }
    return cached;
  }

  /** The value of a toscalar() expression, computed once (per temporary scope when it reads a temporary table). */
  scalar(expr: Extract<Expr, { kind: 'toscalar' }>, compute: () => unknown): unknown {
    if (!this.scalars.has(expr)) {
      this.scalars.set(expr, compute());
      this.cachedFrom(expr.query, { scalar: expr });
    }
    return this.scalars.get(expr);
  }

  setChart(chart: ChartSpec): void {
    this.chart = chart;
  }

  /** The chart the last run asked for, cleared so that the next table of the same run starts without one. */
  takeChart(): ChartSpec | undefined {
    const chart = this.chart;
    this.chart = undefined;
    return chart;
  }

  reserveRows(what: string, rows: number, columns: number, span: Span): void {
    this.budget.reserveRows(what, rows, columns, span);
  }

  /**
   * Runs `body` with `tables` readable by name. What the body caches from them (toscalar values, `as` and materialize
   * results) belongs to this run alone; cached results that read none of them stay for the next run.
   */
  withTemp<T>(tables: ReadonlyMap<string, Table>, body: () => T): T {
    const saved = new Map([...tables.keys()].map((name) => [name, this.temp.get(name)]));
    const scope: TempScope = { names: new Set(tables.keys()), shared: [], scalars: [] };
    for (const [name, table] of tables) this.temp.set(name, table);
    this.tempScopes.push(scope);
    try {
      return body();
    } finally {
      this.tempScopes.pop();
      for (const [name, table] of saved) {
        if (table) this.temp.set(name, table);
        else this.temp.delete(name);
      }
      for (const id of scope.shared) this.sharedResults.delete(id);
      for (const expr of scope.scalars) this.scalars.delete(expr);
    }
  }

  /** Called in loops: stops a cancelled or runaway query. */
  check(span: Span): void {
    if (this.limits.signal?.aborted) throw new EngineError('KQL_CANCELLED', 'The query was cancelled.', span);
    if (Date.now() > this.limits.deadline) {
      throw new EngineError(
        'KQL_TIMEOUT',
        'The query ran past its time limit and was stopped.',
        span,
        'Filter earlier (where, take) or narrow the time range.',
      );
    }
  }

  /** Ties a cached result to the temp scopes whose tables its query reads: it is dropped when they end. */
  private cachedFrom(plan: object, key: { shared: number } | { scalar: Expr }): void {
    if (this.tempScopes.length === 0) return;
    const read = tablesRead(plan);
    for (const scope of this.tempScopes) {
      if (![...scope.names].some((name) => read.has(name))) continue;
      if ('shared' in key) scope.shared.push(key.shared);
      else scope.scalars.push(key.scalar);
    }
  }
}
