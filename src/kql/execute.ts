/**
 * Executes a plan over columnar tables. Expressions compile to closures `(row) => value` over the input's columns;
 * streaming operators (where, extend, project) produce new columns, blocking ones (summarize, sort, join) collect.
 */
import './moreFunctions';
import { AGGREGATES, numeric, percentileOf, SPECIAL_AGGREGATES, type Accumulator } from './aggregates';
import { compareValues, valueKey, valuesEqual } from './compare';
import { EngineError, unsupported } from './errors';
import {
  binValue,
  convertTo,
  FUNCTIONS,
  hasTerm,
  indexDynamic,
  regex,
  stringPredicate,
  toDynamic,
  toStringValue,
  type CallContext,
} from './functions';
import { runGraphOperation } from './graph/execute';
import { termMatcher } from './termSearch';
import { dynamicBytes, QueryBudget } from './budget';
import { JsonDepthError } from './json';
import { escapeRegex, RegexSyntaxError } from './regex';
import { pickColumnsByNames } from './operators/projectByNames';
import { columnNamesTable } from './operators/columnNamesOf';
import type { ColumnSchema, Expr, NamedExpr, ParsePart, QueryPlan, SortKey, Span, Tabular } from './plan';
import { compileOverDictionary, dictionaryFormOf, dictionaryInput, selectRows } from './dictionaryForm';
import {
  binEncoder,
  dictionaryEncoder,
  groupedBestRow,
  groupedCount,
  groupedDistinctCount,
  groupRows,
  valueEncoder,
  type Grouping,
  type KeyEncoder,
} from './grouping';
import { firstRowPerKey, matchFlags, matchPairs } from './hashJoin';
import { seededRandom } from './seededRandom';
import { gatherColumn, lazyColumn, renamedColumn, type Column, type Table } from './table';
import type { ChartSpec, KustoType } from './types';
import { MIN_DATETIME_TICKS, TICKS_PER_MS } from './values';
import type { ExecuteApi } from './executeApi';
import { runScan } from './operators/scan';
import { runReduce } from './operators/reduce';
import { runPartition } from './operators/partition';
import { runPlugin } from './plugins/index';

export interface ExecutionLimits {
  readonly deadline: number;
  readonly signal?: AbortSignal;
  readonly now: Date;
  /** Rows one operator may produce. Default MAX_OPERATOR_ROWS (10,000,000). */
  readonly maxOperatorRows?: number;
  /** Bytes the query may allocate, by the budget's estimate. Default DEFAULT_MEMORY_BUDGET_BYTES (512 MB). */
  readonly memoryBudgetBytes?: number;
}

type Compiled = (row: number) => unknown;

const isNull = (v: unknown): v is null | undefined => v === null || v === undefined;

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

class Context {
  readonly shared = new Map<number, Table>();
  readonly scalars = new Map<Expr, unknown>();
  readonly temp = new Map<string, Table>();
  readonly tempScopes: TempScope[] = [];
  readonly nowTicks: bigint;
  chart: ChartSpec | undefined;

  constructor(
    readonly getTable: (name: string) => Table,
    readonly limits: ExecutionLimits,
    readonly budget: QueryBudget,
  ) {
    this.nowTicks = BigInt(limits.now.getTime()) * TICKS_PER_MS;
  }

  /** Ties a cached result to the temp scopes whose tables its query reads: it is dropped when they end. */
  cachedFrom(plan: object, key: { shared: number } | { scalar: Expr }): void {
    if (this.tempScopes.length === 0) return;
    const read = tablesRead(plan);
    for (const scope of this.tempScopes) {
      if (![...scope.names].some((name) => read.has(name))) continue;
      if ('shared' in key) scope.shared.push(key.shared);
      else scope.scalars.push(key.scalar);
    }
  }

  /** Called in loops: stops a cancelled or runaway query. */
  check(span: { start: number; length: number }): void {
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
}

export function executePlan(
  plan: QueryPlan,
  getTable: (name: string) => Table,
  limits: ExecutionLimits,
): { table: Table; chart?: ChartSpec }[] {
  const budget = new QueryBudget(limits.maxOperatorRows, limits.memoryBudgetBytes);
  return plan.outputs.map((output) => {
    const context = new Context(getTable, limits, budget);
    const table = run(output, context);
    return context.chart ? { table, chart: context.chart } : { table };
  });
}

function makeTable(columns: Column[], length: number): Table {
  return { columns, length };
}

/** Renames and retypes the output by the analyzer's schema when the shapes agree. */
function conform(table: Table, schema: readonly ColumnSchema[] | undefined): Table {
  if (!schema || schema.length !== table.columns.length) return table;
  const columns = table.columns.map((column, index) => {
    const target = schema[index]!;
    if (column.name === target.name && column.type === target.type) return column;
    if (target.type === column.type) return renamedColumn(column, target.name);
    return lazyColumn(target.name, target.type, () => coerceColumn(column.values, column.type, target.type));
  });
  return makeTable(columns, table.length);
}

function coerceColumn(values: unknown[], from: KustoType, to: KustoType): unknown[] {
  const numericTypes = new Set<KustoType>(['long', 'int', 'real', 'decimal']);
  if (numericTypes.has(from) && numericTypes.has(to)) {
    if (to === 'long' || to === 'int')
      return values.map((v) => (typeof v === 'number' && Number.isFinite(v) ? Math.trunc(v) : v));
    return values;
  }
  if (to === 'dynamic') return values.map((v) => toDynamic(v, from));
  if (from === 'dynamic' || from === 'string') return values.map((v) => convertTo(v, to, from));
  if (to === 'string') return values.map((v) => toStringValue(v, from));
  return values;
}

function run(plan: Tabular, context: Context): Table {
  context.check(plan.span);
  let result: Table;
  try {
    result = runOperator(plan, context);
  } catch (error) {
    // A pattern of an operator (parse, parse-kv) that RE2 rejects: positioned at the operator.
    if (error instanceof RegexSyntaxError) throw regexError(error, plan.span);
    throw error;
  }
  return conform(result, plan.schema);
}

function regexError(error: RegexSyntaxError, span: Span): EngineError {
  return new EngineError(
    'KQL_REGEX',
    error.message,
    span,
    'Kusto regular expressions are RE2: no look-around or back-references; see https://github.com/google/re2/wiki/Syntax',
  );
}

function gather(table: Table, rows: ArrayLike<number>): Table {
  return makeTable(
    table.columns.map((column) => gatherColumn(column, rows)),
    rows.length,
  );
}

function evaluateColumn(
  fn: Compiled,
  length: number,
  context: Context,
  span: { start: number; length: number },
): unknown[] {
  const values = new Array<unknown>(length);
  // Dynamic values are the cells that can be large (range(), make_list, pack_array): they are charged to the
  // query's memory budget as they are made, a batch at a time.
  let dynamicBytesSoFar = 0;
  for (let i = 0; i < length; i++) {
    const value = fn(i);
    values[i] = value;
    if (typeof value === 'object' && value !== null) dynamicBytesSoFar += dynamicBytes(value);
    if ((i & 4095) === 4095 || dynamicBytesSoFar > 16 * 1024 * 1024) {
      context.check(span);
      if (dynamicBytesSoFar > 0) context.budget.charge('A computed column', dynamicBytesSoFar, span);
      dynamicBytesSoFar = 0;
    }
  }
  if (dynamicBytesSoFar > 0) context.budget.charge('A computed column', dynamicBytesSoFar, span);
  return values;
}

function constantOf(expr: Expr, context: Context, table?: Table): unknown {
  const empty: Table = table ?? makeTable([], 1);
  return compile(expr, empty, context)(0);
}

function runOperator(plan: Tabular, context: Context): Table {
  switch (plan.op) {
    case 'table': {
      const temp = context.temp.get(plan.name);
      if (temp) return temp;
      return context.getTable(plan.name);
    }
    case 'shared': {
      let cached = context.shared.get(plan.id);
      if (!cached) {
        cached = run(plan.input, context);
        context.shared.set(plan.id, cached);
        context.cachedFrom(plan.input, { shared: plan.id });
      }
      return cached;
    }
    case 'passthrough':
      return run(plan.input, context);
    case 'datatable': {
      const width = plan.columns.length;
      const values = plan.values.map((expr) => constantOf(expr, context));
      const length = width === 0 ? 0 : Math.floor(values.length / width);
      const columns = plan.columns.map((column, c) => {
        const data = new Array<unknown>(length);
        for (let r = 0; r < length; r++)
          data[r] = castValue(values[r * width + c], plan.values[r * width + c]!, column.type);
        return { name: column.name, type: column.type, values: data };
      });
      return makeTable(columns, length);
    }
    case 'print': {
      const one = makeTable([], 1);
      const columns = plan.items.map((item) => ({
        name: item.name,
        type: typeOfExpr(item.expr),
        values: [compile(item.expr, one, context)(0)],
      }));
      return makeTable(columns, 1);
    }
    case 'range': {
      const from = constantOf(plan.from, context);
      const to = constantOf(plan.to, context);
      const step = constantOf(plan.step, context);
      const values: unknown[] = [];
      if (isNull(from) || isNull(to) || isNull(step))
        return makeTable([{ name: plan.name, type: typeOfExpr(plan.from), values }], 0);
      if (typeof from === 'bigint') {
        const s = BigInt(step as bigint);
        if (s === 0n) throw new EngineError('KQL_RANGE', 'range: the step must not be zero.', plan.span);
        const count = (to as bigint) - from;
        context.budget.reserveRows('range', count / s < 0n ? 0 : Number(count / s) + 1, 1, plan.span);
        for (let v = from; s > 0n ? v <= (to as bigint) : v >= (to as bigint); v += s) values.push(v);
      } else {
        const s = Number(step);
        if (s === 0 || Number.isNaN(s))
          throw new EngineError('KQL_RANGE', 'range: the step must not be zero.', plan.span);
        const count = (Number(to) - Number(from)) / s;
        context.budget.reserveRows('range', count < 0 ? 0 : Math.floor(count) + 1, 1, plan.span);
        for (let v = Number(from); s > 0 ? v <= Number(to) : v >= Number(to); v += s) values.push(v);
      }
      const type = plan.schema?.[0]?.type ?? typeOfExpr(plan.from);
      return makeTable([{ name: plan.name, type, values }], values.length);
    }
    case 'where': {
      const input = run(plan.input, context);
      const predicate = compile(plan.predicate, input, context);
      const rows = selectRows(input.length, predicate, () => context.check(plan.span));
      return rows.length === input.length ? input : gather(input, rows);
    }
    case 'extend':
    case 'serialize': {
      let table = run(plan.input, context);
      for (const item of plan.items) table = extendOne(table, item, context, plan.span);
      return table;
    }
    case 'project': {
      const input = run(plan.input, context);
      const columns: Column[] = [];
      // Each item sees the input columns (project computes from the input, not from earlier items).
      for (const item of plan.items) {
        const fn = compile(item.expr, input, context);
        const values =
          item.expr.kind === 'column'
            ? columnByName(input, item.expr.name, item.expr.span).values
            : evaluateColumn(fn, input.length, context, plan.span);
        columns.push({ name: item.name, type: typeOfExpr(item.expr), values });
      }
      return makeTable(columns, input.length);
    }
    case 'select': {
      const input = run(plan.input, context);
      const columns = plan.picks.map((pick) => {
        const column = columnByName(input, pick.from, plan.span);
        return column.name === pick.as ? column : renamedColumn(column, pick.as);
      });
      return makeTable(columns, input.length);
    }
    case 'summarize':
      return summarize(run(plan.input, context), plan.by, plan.aggregates, context, plan.span);
    case 'distinct': {
      const input = run(plan.input, context);
      const fns = plan.items.map((item) => compile(item.expr, input, context));
      const seen = new Set<string>();
      const rows: number[] = [];
      for (let i = 0; i < input.length; i++) {
        const key = fns.map((fn) => valueKey(fn(i))).join('\u0001');
        if (!seen.has(key)) {
          seen.add(key);
          rows.push(i);
        }
      }
      const columns = plan.items.map((item, index) => ({
        name: item.name,
        type: typeOfExpr(item.expr),
        values: rows.map((row) => fns[index]!(row)),
      }));
      return makeTable(columns, rows.length);
    }
    case 'take': {
      const input = run(plan.input, context);
      const count = Math.max(0, Number(constantOf(plan.count, context) ?? 0));
      if (count >= input.length) return input;
      return gather(
        input,
        Array.from({ length: count }, (_, i) => i),
      );
    }
    case 'sort': {
      const input = run(plan.input, context);
      return gather(input, sortedRows(input, plan.keys, context));
    }
    case 'top': {
      const input = run(plan.input, context);
      const count = Math.max(0, Number(constantOf(plan.count, context) ?? 0));
      return gather(input, topRows(input, plan.keys, count, context));
    }
    case 'join':
      return join(plan, context);
    case 'union':
      return union(plan, context);
    case 'mvexpand':
      return mvExpand(plan, context);
    case 'mvapply':
      return mvApply(plan, context);
    case 'parse':
      return parseOperator(plan, context);
    case 'makeseries':
      return makeSeries(plan, context);
    case 'render': {
      context.chart = { kind: plan.kind, properties: plan.properties };
      return run(plan.input, context);
    }
    case 'getschema': {
      const input = run(plan.input, context);
      const n = input.columns.length;
      return makeTable(
        [
          { name: 'ColumnName', type: 'string', values: input.columns.map((c) => c.name) },
          { name: 'ColumnOrdinal', type: 'int', values: input.columns.map((_, i) => i) },
          { name: 'DataType', type: 'string', values: input.columns.map((c) => systemTypeName(c.type)) },
          { name: 'ColumnType', type: 'string', values: input.columns.map((c) => c.type) },
        ],
        n,
      );
    }
    case 'sample': {
      const input = run(plan.input, context);
      const count = Math.min(input.length, Math.max(0, Number(constantOf(plan.count, context) ?? 0)));
      // Seeded so the same query on the same data gives the same sample.
      const random = seededRandom(0x2545f491);
      const indices = Array.from({ length: input.length }, (_, i) => i);
      for (let i = 0; i < count; i++) {
        const j = i + Math.floor(random() * (input.length - i));
        [indices[i], indices[j]] = [indices[j]!, indices[i]!];
      }
      return gather(input, indices.slice(0, count));
    }
    case 'bagunpack':
      return bagUnpack(plan, context);
    case 'parsekv': {
      const input = run(plan.input, context);
      const source = compile(plan.source, input, context);
      const extracted = plan.keys.map(() => new Array<unknown>(input.length));
      for (let row = 0; row < input.length; row++) {
        if ((row & 1023) === 1023) context.check(plan.span);
        const pairs = parseKeyValues(
          toStringValue(source(row)),
          plan.options,
          plan.keys.map((k) => k.name),
        );
        plan.keys.forEach((key, k) => {
          const raw = pairs.get(key.name);
          extracted[k]![row] =
            raw === undefined ? (key.type === 'string' ? '' : null) : convertTo(raw, key.type, 'string');
        });
      }
      const columns = input.columns.slice();
      plan.keys.forEach((key, k) => {
        const column: Column = { name: key.name, type: key.type, values: extracted[k]! };
        const index = columns.findIndex((c) => c.name === key.name);
        if (index >= 0) columns[index] = column;
        else columns.push(column);
      });
      return makeTable(columns, input.length);
    }
    case 'graph':
      return runGraphOperation(plan.operation, plan.span, {
        run: (input) => run(input, context),
        compile: (expr, table) => compile(expr, table, context),
        check: (span) => context.check(span),
      });
    case 'topnested':
      return topNested(plan, context);
    case 'projectbynames': {
      const input = run(plan.input, context);
      const values = plan.specifiers.map((specifier) => constantOf(specifier, context));
      return makeTable(pickColumnsByNames(input.columns, values), input.length);
    }
    case 'columnnames':
      return columnNamesTable(run(plan.input, context));
    case 'search': {
      const input = run(plan.input, context);
      const predicate = compile(plan.predicate, input, context);
      const rows: number[] = [];
      for (let i = 0; i < input.length; i++) if (predicate(i) === true) rows.push(i);
      return gather(input, rows);
    }
    case 'scan':
      return runScan(plan, executeApi(context));
    case 'partition':
      return runPartition(plan, executeApi(context));
    case 'plugin':
      return runPlugin(plan, executeApi(context));
    case 'reduce':
      return runReduce(plan, executeApi(context));
  }
}

/** The executor as the modules in operators/ and plugins/ see it. */
function executeApi(context: Context): ExecuteApi {
  return {
    run: (plan) => run(plan, context),
    compile: (expr, table) => compile(expr, table, context),
    constant: (expr) => constantOf(expr, context),
    typeOf: typeOfExpr,
    check: (span) => context.check(span),
    reserveRows: (what, rows, columns, span) => context.budget.reserveRows(what, rows, columns, span),
    withTemp: (tables, body) => withTemp(context, tables, body),
    nowTicks: context.nowTicks,
  };
}

/**
 * Runs `body` with `tables` readable by name. What the body caches from them (toscalar values, `as` and materialize
 * results) belongs to this run alone; cached results that read none of them stay for the next run.
 */
function withTemp<T>(context: Context, tables: ReadonlyMap<string, Table>, body: () => T): T {
  const saved = new Map([...tables.keys()].map((name) => [name, context.temp.get(name)]));
  const scope: TempScope = { names: new Set(tables.keys()), shared: [], scalars: [] };
  for (const [name, table] of tables) context.temp.set(name, table);
  context.tempScopes.push(scope);
  try {
    return body();
  } finally {
    context.tempScopes.pop();
    for (const [name, table] of saved) {
      if (table) context.temp.set(name, table);
      else context.temp.delete(name);
    }
    for (const id of scope.shared) context.shared.delete(id);
    for (const expr of scope.scalars) context.scalars.delete(expr);
  }
}

function systemTypeName(type: KustoType): string {
  const names: Record<KustoType, string> = {
    string: 'System.String',
    long: 'System.Int64',
    int: 'System.Int32',
    real: 'System.Double',
    decimal: 'System.Data.SqlTypes.SqlDecimal',
    bool: 'System.Boolean',
    datetime: 'System.DateTime',
    timespan: 'System.TimeSpan',
    guid: 'System.Guid',
    dynamic: 'System.Object',
  };
  return names[type];
}

function castValue(value: unknown, expr: Expr, type: KustoType): unknown {
  const from = typeOfExpr(expr);
  if (from === type) return value;
  return convertTo(value, type, from);
}

function columnByName(table: Table, name: string, span: { start: number; length: number }): Column {
  const column = table.columns.find((c) => c.name === name);
  if (!column) throw new EngineError('KQL_UNKNOWN_COLUMN', `The column '${name}' is not in the input.`, span);
  return column;
}

function extendOne(
  table: Table,
  item: NamedExpr,
  context: Context,
  span: { start: number; length: number },
): Table {
  const fn = compile(item.expr, table, context);
  const values = evaluateColumn(fn, table.length, context, span);
  const column: Column = { name: item.name, type: typeOfExpr(item.expr), values };
  const index = table.columns.findIndex((c) => c.name === item.name);
  const columns = table.columns.slice();
  if (index >= 0) columns[index] = column;
  else columns.push(column);
  return makeTable(columns, table.length);
}

export function typeOfExpr(expr: Expr): KustoType {
  switch (expr.kind) {
    case 'literal':
    case 'column':
    case 'call':
    case 'aggregate':
    case 'toscalar':
    case 'tabularList':
      return expr.type;
    default:
      return 'dynamic';
  }
}

// ---------- sorting ----------

function sortedRows(table: Table, keys: readonly SortKey[], context: Context): number[] {
  const compare = rowComparator(table, keys, context);
  const rows = Array.from({ length: table.length }, (_, i) => i);
  return rows.sort(compare);
}

/** The first `count` rows in sort order: a bounded heap when they are few, a full sort otherwise. */
function topRows(table: Table, keys: readonly SortKey[], count: number, context: Context): number[] {
  if (count * 8 >= table.length) return sortedRows(table, keys, context).slice(0, count);
  return smallest(table.length, count, rowComparator(table, keys, context));
}

/**
 * A total order of rows by the sort keys (ties by row number, so sorting is stable). Keys that are a column with a
 * cheaper form compare numbers: epoch milliseconds, or the rank of each dictionary text.
 */
function rowComparator(
  table: Table,
  keys: readonly SortKey[],
  context: Context,
): (a: number, b: number) => number {
  const columns = keys.map((key) => sortKeyValues(key.expr, table, context));
  return (a, b) => {
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k]!;
      const x = columns[k]![a];
      const y = columns[k]![b];
      const xNull = isNull(x) || (typeof x === 'number' && Number.isNaN(x));
      const yNull = isNull(y) || (typeof y === 'number' && Number.isNaN(y));
      if (xNull || yNull) {
        if (xNull && yNull) continue;
        return xNull === key.nullsFirst ? -1 : 1;
      }
      const order = compareValues(x, y);
      if (order !== 0) return key.descending ? -order : order;
    }
    return a - b;
  };
}

function sortKeyValues(expr: Expr, table: Table, context: Context): ArrayLike<unknown> {
  if (expr.kind === 'column') {
    const column = table.columns.find((c) => c.name === expr.name);
    if (column && column.type === expr.type) {
      // Whole epoch milliseconds order like their ticks; there are no nulls among them.
      if (column.epochMs) return column.epochMs;
      const dictionary = column.dictionary;
      if (dictionary && dictionary.texts.length * 2 < table.length) {
        const { texts, codes } = dictionary;
        const size = texts.length;
        const entries = [...texts, ''];
        const order = entries.map((_, i) => i).sort((a, b) => compareValues(entries[a], entries[b]));
        const rankOfEntry = new Int32Array(size + 1);
        order.forEach((entry, i) => {
          const previous = order[i - 1];
          rankOfEntry[entry] =
            i === 0 ? 0 : rankOfEntry[previous!]! + (entries[previous!] === entries[entry] ? 0 : 1);
        });
        const ranks = new Int32Array(table.length);
        for (let row = 0; row < table.length; row++) {
          const code = codes[row]!;
          ranks[row] = rankOfEntry[code >= 0 && code < size ? code : size]!;
        }
        return ranks;
      }
    }
  }
  return evaluateColumn(compile(expr, table, context), table.length, context, { start: 0, length: 1 });
}

/** The `count` smallest of rows 0..n-1 under `compare`, in order (a max-heap of the best so far). */
function smallest(n: number, count: number, compare: (a: number, b: number) => number): number[] {
  if (count <= 0) return [];
  const heap: number[] = [];
  const siftDown = (at: number) => {
    for (;;) {
      const left = 2 * at + 1;
      if (left >= heap.length) return;
      const right = left + 1;
      const larger = right < heap.length && compare(heap[right]!, heap[left]!) > 0 ? right : left;
      if (compare(heap[larger]!, heap[at]!) <= 0) return;
      [heap[at], heap[larger]] = [heap[larger]!, heap[at]!];
      at = larger;
    }
  };
  for (let row = 0; row < n; row++) {
    if (heap.length < count) {
      heap.push(row);
      for (let at = heap.length - 1; at > 0;) {
        const parent = (at - 1) >> 1;
        if (compare(heap[at]!, heap[parent]!) <= 0) break;
        [heap[at], heap[parent]] = [heap[parent]!, heap[at]!];
        at = parent;
      }
    } else if (compare(row, heap[0]!) < 0) {
      heap[0] = row;
      siftDown(0);
    }
  }
  return heap.sort(compare);
}

// ---------- summarize ----------

interface AggregateRunner {
  readonly width: number;
  readonly names: string[];
  readonly types: KustoType[];
  create(): Accumulator;
  /** Values the accumulator yields for one group: one per output column. */
  explode(result: unknown): unknown[];
  /** The accumulators' results of all groups at once, from each row's group number (aggregates with a typed form). */
  grouped?(grouping: Grouping): unknown[];
}

/** Compiles on first use: an aggregate with a typed form may never need its per-row closure. */
function lazyCompiled(expr: Expr, table: Table, context: Context): Compiled {
  let fn: Compiled | undefined;
  return (row) => (fn ??= compile(expr, table, context))(row);
}

/** Reads one cell of a column argument without building the whole column when it has a per-cell form. */
function cellReader(expr: Expr, table: Table, context: Context): Compiled {
  if (expr.kind === 'column') {
    const column = table.columns.find((c) => c.name === expr.name);
    if (column?.cell && column.type === expr.type) return column.cell;
  }
  return lazyCompiled(expr, table, context);
}

function aggregateRunner(
  item: NamedExpr,
  table: Table,
  by: readonly NamedExpr[],
  context: Context,
): AggregateRunner {
  const expr = item.expr;
  if (expr.kind !== 'aggregate') {
    // A scalar over aggregates: e.g. `summarize x = count() * 2` or `round(avg(x), 2)`.
    return compositeAggregate(item, table, by, context);
  }
  const name = expr.name;
  if (name === 'arg_max' || name === 'arg_min') {
    const sign = name === 'arg_max' ? 1 : -1;
    const target = lazyCompiled(expr.args[0]!, table, context);
    const firstArg = expr.args[0]!;
    const epochMs =
      firstArg.kind === 'column' ? table.columns.find((c) => c.name === firstArg.name)?.epochMs : undefined;
    const byNames = new Set(by.map((b) => b.name));
    let outputs: { name: string; fn: Compiled; type: KustoType }[] = [];
    const firstName = expr.args[0]!.kind === 'column' ? (expr.args[0] as { name: string }).name : item.name;
    outputs.push({
      name: firstName,
      fn: cellReader(expr.args[0]!, table, context),
      type: typeOfExpr(expr.args[0]!),
    });
    for (const arg of expr.args.slice(1)) {
      if (arg.kind === 'star') {
        for (const column of table.columns) {
          if (byNames.has(column.name) || column.name === firstName) continue;
          const read = column.cell ?? ((row: number) => column.values[row]);
          outputs.push({ name: column.name, fn: read, type: column.type });
        }
      } else {
        outputs.push({
          name: arg.kind === 'column' ? arg.name : 'Column',
          fn: cellReader(arg, table, context),
          type: typeOfExpr(arg),
        });
      }
    }
    outputs = outputs.filter((o, i) => i === 0 || !byNames.has(o.name));
    return {
      width: outputs.length,
      names: outputs.map((o) => o.name),
      types: outputs.map((o) => o.type),
      create: () => {
        let bestRow = -1;
        let best: unknown = null;
        if (epochMs) {
          // A datetime column loaded from epoch milliseconds: compare the doubles.
          let bestMs = 0;
          return {
            add(row) {
              const ms = epochMs[row]!;
              if (bestRow < 0 || (ms - bestMs) * sign > 0) {
                bestMs = ms;
                bestRow = row;
              }
            },
            result: () => bestRow,
          };
        }
        return {
          add(row) {
            const value = target(row);
            if (isNull(value)) {
              if (bestRow < 0) bestRow = row;
              return;
            }
            if (best === null || compareValues(value, best) * sign > 0) {
              best = value;
              bestRow = row;
            }
          },
          result: () => bestRow,
        };
      },
      explode: (row) => outputs.map((o) => ((row as number) < 0 ? null : o.fn(row as number))),
      ...(epochMs ? { grouped: (grouping: Grouping) => groupedBestRow(grouping, epochMs, sign) } : {}),
    };
  }
  if (name === 'percentiles' || name === 'percentile' || name === 'percentilesw' || name === 'percentilew') {
    const weighted = name.endsWith('w');
    const value = compile(expr.args[0]!, table, context);
    const weight = weighted ? compile(expr.args[1]!, table, context) : undefined;
    const percents = expr.args.slice(weighted ? 2 : 1).map((arg) => Number(constantOf(arg, context)));
    const type = typeOfExpr(expr.args[0]!);
    return {
      width: percents.length,
      names: percents.map((p) => `percentile_${String(p).replace('.', '_')}`),
      types: percents.map(() => type),
      create: () => {
        const values: unknown[] = [];
        return {
          add(row) {
            const v = value(row);
            if (isNull(v)) return;
            const w = weight ? Number(weight(row)) : 1;
            for (let i = 0; i < w; i++) values.push(v);
          },
          result: () => values,
        };
      },
      explode: (values) => {
        const sorted = (values as unknown[]).slice().sort(compareValues);
        return percents.map((p) => {
          if (sorted.length === 0) return null;
          const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
          return sorted[Math.min(sorted.length, rank) - 1];
        });
      },
    };
  }
  if (name === 'percentiles_array' || name === 'percentilesw_array') {
    // One dynamic array of the requested percentiles (given as numbers or as one dynamic array).
    const weighted = name === 'percentilesw_array';
    const value = compile(expr.args[0]!, table, context);
    const weight = weighted ? compile(expr.args[1]!, table, context) : undefined;
    const percents = expr.args
      .slice(weighted ? 2 : 1)
      .flatMap((arg) => {
        const constant = constantOf(arg, context);
        return Array.isArray(constant) ? constant : [constant];
      })
      .map(Number);
    const sourceType = typeOfExpr(expr.args[0]!);
    return {
      width: 1,
      names: [item.name],
      types: ['dynamic'],
      create: () => {
        const pairs: [unknown, number][] = [];
        return {
          add(row) {
            const v = value(row);
            if (!isNull(v)) pairs.push([v, weight ? Number(weight(row)) : 1]);
          },
          result: () => pairs,
        };
      },
      explode: (result) => {
        const pairs = (result as [unknown, number][]).slice().sort((a, b) => compareValues(a[0], b[0]));
        const total = pairs.reduce((sum, [, w]) => sum + w, 0);
        return [
          percents.map((p) => {
            if (total === 0) return null;
            const rank = Math.max(1, Math.ceil((p / 100) * total));
            let seen = 0;
            for (const [v, w] of pairs) {
              seen += w;
              if (seen >= rank) return toDynamic(v, sourceType);
            }
            return toDynamic(pairs[pairs.length - 1]![0], sourceType);
          }),
        ];
      },
    };
  }
  if (name === 'dcount_hll') throw unsupported(`aggregate '${name}'`, expr.span);
  const spec = AGGREGATES[name];
  if (!spec) throw unsupported(`aggregate '${name}'`, expr.span);
  const argFns = expr.args.map((arg) =>
    arg.kind === 'star' ? () => null : lazyCompiled(arg, table, context),
  );
  const constants = expr.args.map((arg) => (arg.kind === 'literal' ? arg.value : undefined));
  const argTypes = expr.args.map(typeOfExpr);
  const factory = spec.create(argTypes, constants, expr.type);
  const args = new Array<unknown>(argFns.length);
  const dynamicResult = expr.type === 'dynamic';
  const sourceType = argTypes[0] ?? 'dynamic';
  return {
    width: 1,
    names: [item.name],
    types: [expr.type],
    create: () => {
      const accumulator = factory();
      return {
        add(row) {
          for (let i = 0; i < argFns.length; i++) args[i] = argFns[i]!(row);
          accumulator.add(row, args);
        },
        result: () => accumulator.result(),
      };
    },
    explode: (result) => [
      dynamicResult && Array.isArray(result) && sourceType !== 'dynamic'
        ? result.map((v) => toDynamic(v, sourceType))
        : result,
    ],
    ...groupedForm(expr, table, context),
  };
}

/** Typed forms of common aggregates: count(), and dcount() of a dictionary column or an expression over one. */
function groupedForm(
  expr: Extract<Expr, { kind: 'aggregate' }>,
  table: Table,
  context: Context,
): Pick<AggregateRunner, 'grouped'> {
  if (expr.name === 'count' && expr.args.every((arg) => arg.kind === 'star')) {
    return { grouped: (grouping) => groupedCount(grouping) };
  }
  const distinctArgs = expr.name === 'dcount' ? 2 : expr.name === 'count_distinct' ? 1 : 0;
  if (distinctArgs > 0 && expr.args.length >= 1 && expr.args.length <= distinctArgs) {
    const values = dictionaryEncoderOf(expr.args[0]!, table, context);
    if (values) return { grouped: (grouping) => groupedDistinctCount(grouping, values) };
  }
  return {};
}

/** Scalar expression over aggregates: each inner aggregate is accumulated, then the expression is evaluated. */
function compositeAggregate(
  item: NamedExpr,
  table: Table,
  by: readonly NamedExpr[],
  context: Context,
): AggregateRunner {
  const inner: Expr[] = [];
  const collectAggregates = (expr: Expr) => {
    if (expr.kind === 'aggregate') inner.push(expr);
    else if (expr.kind === 'call') expr.args.forEach(collectAggregates);
  };
  collectAggregates(item.expr);
  const runners = inner.map((expr, i) => aggregateRunner({ name: `__agg${i}`, expr }, table, by, context));
  const holder: unknown[] = new Array(runners.length);
  const replaced = replaceAggregates(item.expr, inner);
  const one = makeTable(
    runners
      .map((_, i) => ({ name: `__agg${i}`, type: typeOfExpr(inner[i]!), values: holder }))
      .map((c, i) => ({
        ...c,
        values: [] as unknown[],
        get value() {
          return holder[i];
        },
      })),
    1,
  );
  const columnsHolder = one.columns;
  const fn = compile(replaced, one, context);
  return {
    width: 1,
    names: [item.name],
    types: [typeOfExpr(item.expr)],
    create: () => {
      const accumulators = runners.map((runner) => runner.create());
      return {
        add(row, args) {
          for (const accumulator of accumulators) accumulator.add(row, args);
        },
        result: () => accumulators.map((accumulator, i) => runners[i]!.explode(accumulator.result())[0]),
      };
    },
    explode: (results) => {
      (results as unknown[]).forEach((value, i) => (columnsHolder[i]!.values[0] = value));
      return [fn(0)];
    },
  };
}

function replaceAggregates(expr: Expr, inner: Expr[]): Expr {
  if (expr.kind === 'aggregate') {
    const index = inner.indexOf(expr);
    return { kind: 'column', name: `__agg${index}`, type: expr.type, span: expr.span };
  }
  if (expr.kind === 'call') return { ...expr, args: expr.args.map((arg) => replaceAggregates(arg, inner)) };
  return expr;
}

function summarize(
  input: Table,
  by: readonly NamedExpr[],
  aggregates: readonly NamedExpr[],
  context: Context,
  span: { start: number; length: number },
): Table {
  const encoders = by.map((item) => keyEncoder(item.expr, input, context, span));
  const grouping = groupRows(encoders, input.length);
  const groupCount = grouping.count;
  const runners = aggregates.map((item) => aggregateRunner(item, input, by, context));
  // Aggregates with a form over group numbers run as typed-array loops; the others keep one accumulator per group.
  const results: unknown[][] = runners.map((runner) => runner.grouped?.(grouping) ?? []);
  const perGroup = runners.map((_, k) => k).filter((k) => !runners[k]!.grouped);
  if (perGroup.length > 0) {
    const accumulators = perGroup.map((k) => {
      const runner = runners[k]!;
      return Array.from({ length: groupCount }, () => runner.create());
    });
    const { groupOf } = grouping;
    const width = perGroup.length;
    const noArgs: unknown[] = [];
    for (let row = 0; row < groupOf.length; row++) {
      const group = groupOf[row]!;
      for (let k = 0; k < width; k++) accumulators[k]![group]!.add(row, noArgs);
      if ((row & 4095) === 4095) context.check(span);
    }
    perGroup.forEach((k, index) => (results[k] = accumulators[index]!.map((a) => a.result())));
  }
  const columns: Column[] = by.map((item, index) => {
    const encoder = encoders[index]!;
    const ids = encoder.ids();
    const values = new Array<unknown>(groupCount);
    for (let group = 0; group < groupCount; group++)
      values[group] = encoder.valueOfId(ids[grouping.firstRows[group]!]!) ?? null;
    return { name: item.name, type: typeOfExpr(item.expr), values };
  });
  runners.forEach((runner, k) => {
    const start = columns.length;
    runner.names.forEach((name, i) => columns.push({ name, type: runner.types[i]!, values: [] }));
    for (let group = 0; group < groupCount; group++) {
      const values = runner.explode(results[k]![group]);
      for (let i = 0; i < runner.width; i++) columns[start + i]!.values.push(values[i] ?? null);
    }
  });
  for (const column of columns) {
    if (column.type === 'string') column.values.forEach((v, i) => (column.values[i] = v ?? ''));
  }
  return makeTable(columns, groupCount);
}

/** Integer ids for one `by` key: dictionary codes, time bins over epoch milliseconds, or else a map of the values. */
function keyEncoder(
  expr: Expr,
  table: Table,
  context: Context,
  span: { start: number; length: number },
): KeyEncoder {
  const dictionary = dictionaryEncoderOf(expr, table, context);
  if (dictionary) return dictionary;
  const fn = compile(expr, table, context);
  const bin = fn as { msKey?: (row: number) => number; spanMs?: number };
  if (bin.msKey && bin.spanMs) {
    const encoder = binEncoder(bin.msKey, bin.spanMs, table.length, (ms) => BigInt(ms) * TICKS_PER_MS);
    if (encoder) return encoder;
  }
  return valueEncoder(fn, table.length, () => context.check(span));
}

/** Ids per dictionary entry for a dictionary column or an expression over one (undefined otherwise). */
function dictionaryEncoderOf(expr: Expr, table: Table, context: Context): KeyEncoder | undefined {
  if (expr.kind === 'column') {
    const column = table.columns.find((c) => c.name === expr.name);
    const dictionary = column?.dictionary;
    if (!dictionary || column.type !== expr.type || dictionary.texts.length * 2 >= table.length)
      return undefined;
    const { texts, codes } = dictionary;
    return dictionaryEncoder(codes, table.length, texts.length, (entry) => texts[entry] ?? '');
  }
  const form = dictionaryFormOf(compile(expr, table, context));
  return form ? dictionaryEncoder(form.codes, table.length, form.size, form.valueOfEntry) : undefined;
}

/**
 * The join key of every row of a side: the value itself for one key (a dynamic value by its key text), the keys'
 * texts joined for several; null when a key is null (it matches nothing).
 */
function joinKeys(keyExprs: readonly Expr[], table: Table, context: Context): ArrayLike<unknown> {
  const only = keyExprs.length === 1 ? keyExprs[0]! : undefined;
  if (only?.kind === 'column') {
    const column = columnByName(table, only.name, only.span);
    // Strings are never null: a string column's values are its keys.
    if ((column.type === 'string' || column.type === 'guid') && column.type === only.type)
      return column.values;
  }
  const fns = keyExprs.map((key) => compile(key, table, context));
  const keys = new Array<unknown>(table.length);
  for (let row = 0; row < table.length; row++) {
    if (only) {
      const value = fns[0]!(row);
      keys[row] = isNull(value) ? null : typeof value === 'object' ? valueKey(value) : value;
      continue;
    }
    let key: string | null = '';
    for (const fn of fns) {
      const value = fn(row);
      if (isNull(value)) {
        key = null;
        break;
      }
      key += partKey(value) + '\u0001';
    }
    keys[row] = key;
  }
  return keys;
}

/** Grouping key of one value inside a composite key: columns are typed, so no type tag is needed. */
function partKey(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '\u0000';
  return typeof value === 'object' ? valueKey(value) : String(value);
}

// ---------- join / union ----------

function join(plan: Extract<Tabular, { op: 'join' }>, context: Context): Table {
  const left = run(plan.left, context);
  const right = run(plan.right, context);
  const check = () => context.check(plan.span);
  const all = (length: number) => {
    const rows = new Int32Array(length);
    for (let i = 0; i < length; i++) rows[i] = i;
    return rows;
  };
  const leftSide = {
    keys: joinKeys(plan.leftKeys, left, context),
    rows: all(left.length),
    length: left.length,
  };
  const rightSide = {
    keys: joinKeys(plan.rightKeys, right, context),
    rows: all(right.length),
    length: right.length,
  };
  const kind = plan.kind;
  if (kind === 'leftsemi' || kind === 'leftanti' || kind === 'rightsemi' || kind === 'rightanti') {
    const matched = matchFlags(leftSide, rightSide, check);
    const [table, flags, wanted] =
      kind === 'leftsemi' || kind === 'leftanti'
        ? [left, matched.left, kind === 'leftsemi' ? 1 : 0]
        : [right, matched.right, kind === 'rightsemi' ? 1 : 0];
    const rows: number[] = [];
    for (let row = 0; row < table.length; row++) if (flags[row] === wanted) rows.push(row);
    return gather(table, rows);
  }
  // innerunique: the left side is deduplicated on the key first. Kusto keeps an arbitrary row per key; this
  // engine keeps the first, so results are repeatable.
  const leftRows = kind === 'innerunique' ? firstRowPerKey(leftSide) : leftSide.rows;
  const width = left.columns.length + right.columns.length;
  const matches = matchPairs({ ...leftSide, rows: leftRows }, rightSide, check, (pairs) => {
    const unmatched = kind === 'inner' || kind === 'innerunique' ? 0 : left.length + right.length;
    // Two row-number arrays plus the gathered columns.
    context.budget.reserveRows('join', pairs + unmatched, width + 2, plan.span);
  });
  let pairsLeft: ArrayLike<number> = matches.left;
  let pairsRight: ArrayLike<number> = matches.right;
  if (kind === 'leftouter' || kind === 'rightouter' || kind === 'fullouter') {
    // Unmatched left rows take their place among the pairs (left and full outer); unmatched right rows follow.
    const outLeft: number[] = [];
    const outRight: number[] = [];
    const matchedRight = new Uint8Array(right.length);
    for (let i = 0; i < matches.right.length; i++) matchedRight[matches.right[i]!] = 1;
    let at = 0;
    for (let i = 0; i < leftRows.length; i++) {
      const row = leftRows[i]!;
      if (at < matches.left.length && matches.left[at] === row) {
        while (at < matches.left.length && matches.left[at] === row) {
          outLeft.push(row);
          outRight.push(matches.right[at++]!);
        }
      } else if (kind !== 'rightouter') {
        outLeft.push(row);
        outRight.push(-1);
      }
    }
    if (kind !== 'leftouter') {
      for (let row = 0; row < right.length; row++) {
        if (matchedRight[row] !== 1) {
          outLeft.push(-1);
          outRight.push(row);
        }
      }
    }
    pairsLeft = outLeft;
    pairsRight = outRight;
  }
  const withoutGaps = kind === 'inner' || kind === 'innerunique';
  const pick = (column: Column, rows: ArrayLike<number>, name = column.name): Column =>
    withoutGaps
      ? gatherColumn(column, rows, name)
      : lazyColumn(name, column.type, () => {
          const source = column.values;
          const empty = column.type === 'string' ? '' : null;
          const values = new Array<unknown>(rows.length);
          for (let i = 0; i < rows.length; i++) values[i] = rows[i]! < 0 ? empty : source[rows[i]!];
          return values;
        });
  const columns: Column[] = left.columns.map((column) => pick(column, pairsLeft));
  const leftNames = new Set(left.columns.map((c) => c.name));
  const rightKeyNames = new Set(plan.rightKeys.map((k) => (k.kind === 'column' ? k.name : '')));
  const leftKeyNames = plan.leftKeys.map((k) => (k.kind === 'column' ? k.name : ''));
  for (const column of right.columns) {
    if (plan.isLookup && rightKeyNames.has(column.name)) continue;
    let name = column.name;
    if (leftNames.has(name)) {
      let n = 1;
      while (leftNames.has(`${column.name}${n}`)) n++;
      name = `${column.name}${n}`;
    }
    leftNames.add(name);
    columns.push(pick(column, pairsRight, name));
  }
  if (plan.isLookup) {
    // lookup keeps the key from the left; a rightouter-like fill is not needed (lookup is left-based).
    void leftKeyNames;
  }
  return makeTable(columns, pairsLeft.length);
}

function union(plan: Extract<Tabular, { op: 'union' }>, context: Context): Table {
  const tables = plan.inputs.map((input) => ({ table: run(input.plan, context), name: input.name }));
  const schema = plan.schema;
  const names: string[] = [];
  const types = new Map<string, KustoType>();
  if (plan.withSource) {
    names.push(plan.withSource);
    types.set(plan.withSource, 'string');
  }
  for (const { table } of tables) {
    for (const column of table.columns) {
      const key = column.name;
      if (!types.has(key)) {
        names.push(key);
        types.set(key, column.type);
      } else if (types.get(key) !== column.type) {
        // Same name, different type: Kusto suffixes the type (x_long, x_string).
        const suffixed = `${column.name}_${column.type}`;
        if (!types.has(suffixed)) {
          names.push(suffixed);
          types.set(suffixed, column.type);
        }
      }
    }
  }
  context.budget.reserveRows(
    'union',
    tables.reduce((sum, { table }) => sum + table.length, 0),
    names.length,
    plan.span,
  );
  const columns: Column[] = names.map((name) => ({ name, type: types.get(name)!, values: [] }));
  for (const { table, name: tableName } of tables) {
    context.check(plan.span);
    const mapping = columns.map((column) => {
      if (plan.withSource && column.name === plan.withSource) return 'source';
      const exact = table.columns.find((c) => c.name === column.name && c.type === column.type);
      if (exact) return exact;
      return table.columns.find((c) => `${c.name}_${c.type}` === column.name) ?? null;
    });
    for (let row = 0; row < table.length; row++) {
      mapping.forEach((source, index) => {
        const column = columns[index]!;
        if (source === 'source') column.values.push(tableName);
        else column.values.push(source ? source.values[row] : column.type === 'string' ? '' : null);
      });
    }
  }
  const length = tables.reduce((sum, { table }) => sum + table.length, 0);
  const result = makeTable(columns, length);
  if (!plan.outer && schema) {
    const keep = schema
      .map((column) => columns.find((c) => c.name === column.name))
      .filter((c): c is Column => !!c);
    return makeTable(keep, length);
  }
  return result;
}

// ---------- mv-expand / mv-apply ----------

function expandValues(value: unknown, bagexpansion: 'bag' | 'array'): unknown[] {
  if (Array.isArray(value)) return value;
  if (value && typeof value === 'object') {
    return Object.entries(value).map(([k, v]) => (bagexpansion === 'array' ? [k, v] : { [k]: v }));
  }
  if (typeof value === 'string') {
    try {
      const parsed = JSON.parse(value) as unknown;
      if (parsed && typeof parsed === 'object') return expandValues(parsed, bagexpansion);
    } catch {
      // not JSON: a scalar expands to itself
    }
  }
  return [value];
}

function mvExpand(plan: Extract<Tabular, { op: 'mvexpand' }>, context: Context): Table {
  const input = run(plan.input, context);
  const fns = plan.items.map((item) => compile(item.expr, input, context));
  const limit = plan.limit ? Number(constantOf(plan.limit, context)) : Infinity;
  const sourceRows: number[] = [];
  const expanded: unknown[][] = plan.items.map(() => []);
  const indexes: number[] = [];
  let expandedRows = 0;
  for (let row = 0; row < input.length; row++) {
    const arrays = fns.map((fn) => {
      const value = fn(row);
      if (isNull(value)) return [];
      return expandValues(value, plan.bagexpansion);
    });
    const count = Math.min(limit, Math.max(0, ...arrays.map((a) => a.length)));
    if (count === 0 && arrays.every((a) => a.length === 0)) {
      // Kusto keeps a row whose array is empty? No: an empty array produces no row.
      continue;
    }
    // Asked before this row's expansion is pushed: the operator stops at the limit, not past it.
    expandedRows += count;
    context.budget.checkRows('mv-expand', expandedRows, plan.span);
    context.budget.charge('mv-expand', count * (plan.items.length + 2) * 8, plan.span);
    for (let i = 0; i < count; i++) {
      sourceRows.push(row);
      indexes.push(i);
      arrays.forEach((array, k) => expanded[k]!.push(i < array.length ? array[i] : null));
    }
    context.check(plan.span);
  }
  const base = gather(input, sourceRows);
  const columns = base.columns.slice();
  plan.items.forEach((item, k) => {
    const values =
      item.type === 'dynamic' ? expanded[k]! : expanded[k]!.map((v) => convertTo(v, item.type, 'dynamic'));
    const column: Column = { name: item.name, type: item.type, values };
    const index = columns.findIndex((c) => c.name === item.name);
    if (index >= 0) columns[index] = column;
    else columns.push(column);
  });
  if (plan.indexColumn) columns.push({ name: plan.indexColumn, type: 'long', values: indexes });
  return makeTable(columns, sourceRows.length);
}

function mvApply(plan: Extract<Tabular, { op: 'mvapply' }>, context: Context): Table {
  const input = run(plan.input, context);
  const fns = plan.items.map((item) => compile(item.expr, input, context));
  const outputs: { row: number; table: Table }[] = [];
  for (let row = 0; row < input.length; row++) {
    const arrays = fns.map((fn) => {
      const value = fn(row);
      return isNull(value) ? [] : expandValues(value, 'bag');
    });
    const count = Math.max(0, ...arrays.map((a) => a.length));
    context.budget.reserveRows('mv-apply', count, input.columns.length + plan.items.length + 1, plan.span);
    // The subquery sees the row's columns, with each expanded item replacing (or added beside) its source.
    // Fresh columns: a source column's dictionary codes or cell reader index the input's rows, not these.
    const columns: Column[] = input.columns.map((column) => ({
      name: column.name,
      type: column.type,
      values: new Array(count).fill(column.values[row]),
    }));
    plan.items.forEach((item, k) => {
      const column: Column = {
        name: item.name,
        type: item.type,
        values: Array.from({ length: count }, (_, i) => {
          const v = i < arrays[k]!.length ? arrays[k]![i] : null;
          return item.type === 'dynamic' ? v : convertTo(v, item.type, 'dynamic');
        }),
      };
      const index = columns.findIndex((c) => c.name === item.name);
      if (index >= 0) columns[index] = column;
      else columns.push(column);
    });
    if (plan.indexColumn) {
      columns.push({
        name: plan.indexColumn,
        type: 'long',
        values: Array.from({ length: count }, (_, i) => i),
      });
    }
    const rows = new Map([['__mvapply_rows', makeTable(columns, count)]]);
    outputs.push({ row, table: withTemp(context, rows, () => run(plan.subquery, context)) });
    context.check(plan.span);
  }
  // The output keeps the input's columns (less those expanded by plain name) in place, a subquery column of the same
  // name taking its slot, then the subquery's other columns, as Kusto.Language's result schema lays them out.
  const subColumns: readonly Column[] =
    outputs[0]?.table.columns ??
    (plan.subquery.schema ?? []).map((c) => ({ name: c.name, type: c.type, values: [] as unknown[] }));
  const subIndex = new Map(subColumns.map((c, k) => [c.name, k]));
  const consumed = new Set(plan.consumed);
  const contextColumns = input.columns.filter((c) => !consumed.has(c.name));
  const contextNames = new Set(contextColumns.map((c) => c.name));
  const sources: ({ from: 'row'; column: Column } | { from: 'sub'; index: number })[] = [
    ...contextColumns.map((column) => {
      const index = subIndex.get(column.name);
      return index === undefined ? { from: 'row' as const, column } : { from: 'sub' as const, index };
    }),
    ...subColumns.flatMap((c, index) => (contextNames.has(c.name) ? [] : [{ from: 'sub' as const, index }])),
  ];
  const columns: Column[] = sources.map((source) => {
    const like = source.from === 'row' ? source.column : subColumns[source.index]!;
    return { name: like.name, type: like.type, values: [] as unknown[] };
  });
  let length = 0;
  for (const { row, table } of outputs) {
    for (let i = 0; i < table.length; i++) {
      sources.forEach((source, k) => {
        columns[k]!.values.push(
          source.from === 'row' ? source.column.values[row] : table.columns[source.index]?.values[i],
        );
      });
      length++;
    }
  }
  return makeTable(columns, length);
}

// ---------- parse-kv ----------

function readQuoted(
  text: string,
  start: number,
  quote: string,
  escape: string | undefined,
): [string, number] {
  const close = quote.length > 1 ? quote[1]! : quote;
  let value = '';
  let i = start + 1;
  while (i < text.length && text[i] !== close) {
    if (escape && text[i] === escape && i + 1 < text.length) i++;
    value += text[i];
    i++;
  }
  return [value, i + 1];
}

function parseKeyValues(
  text: string,
  options: Readonly<Record<string, string>>,
  keys: readonly string[],
): Map<string, string> {
  const result = new Map<string, string>();
  const quote = options['quote'];
  const escape = options['escape'];
  if (options['regex']) {
    for (const { groups } of regex(options['regex']).matchAll(text)) {
      if (groups[1] !== undefined && !result.has(groups[1].trim()))
        result.set(groups[1].trim(), (groups[2] ?? '').trim());
    }
    return result;
  }
  const pairDelimiter = options['pair_delimiter'];
  const kvDelimiter = options['kv_delimiter'];
  if (!pairDelimiter || !kvDelimiter) {
    // Known keys: each key is followed by ':' or '=', its value runs to the next ',' or ';' (or is quoted).
    for (const key of keys) {
      const match = regex(`(?:^|[^\\w])${escapeRegex(key)}\\s*[:=]\\s*`).exec(text);
      if (!match) continue;
      const start = match.end;
      if (quote && quote.includes(text[start] ?? '\u0000')) {
        result.set(key, readQuoted(text, start, quote, escape)[0]);
      } else {
        result.set(key, /^[^,;]*/.exec(text.slice(start))![0].trim());
      }
    }
    return result;
  }
  const greedy = options['greedy'] === 'true' || options['greedy'] === 'True';
  let i = 0;
  while (i < text.length) {
    while (text.startsWith(pairDelimiter, i) || text[i] === ' ')
      i += text.startsWith(pairDelimiter, i) ? pairDelimiter.length : 1;
    let key: string;
    if (quote && quote.includes(text[i] ?? '\u0000')) {
      [key, i] = readQuoted(text, i, quote, escape);
    } else {
      const end = text.indexOf(kvDelimiter, i);
      if (end < 0) break;
      key = text.slice(i, end);
      i = end;
    }
    if (!text.startsWith(kvDelimiter, i)) break;
    i += kvDelimiter.length;
    let value: string;
    if (quote && quote.includes(text[i] ?? '\u0000')) {
      [value, i] = readQuoted(text, i, quote, escape);
    } else if (greedy) {
      // The value runs until the next pair that holds a key-value delimiter.
      let end = text.length;
      let search = text.indexOf(pairDelimiter, i);
      while (search >= 0) {
        const next = text.indexOf(pairDelimiter, search + pairDelimiter.length);
        const segment = text.slice(search + pairDelimiter.length, next < 0 ? text.length : next);
        if (segment.includes(kvDelimiter)) {
          end = search;
          break;
        }
        search = next;
      }
      value = text.slice(i, end);
      i = end;
    } else {
      const end = text.indexOf(pairDelimiter, i);
      value = text.slice(i, end < 0 ? text.length : end);
      i = end < 0 ? text.length : end;
      if (!greedy && end >= 0) {
        // Skip the rest of a non-greedy value up to the next key-value pair.
        let next = end;
        while (next >= 0) {
          const after = text.indexOf(pairDelimiter, next + pairDelimiter.length);
          const segment = text.slice(next + pairDelimiter.length, after < 0 ? text.length : after);
          if (segment.includes(kvDelimiter) || (quote && quote.includes(segment[0] ?? '\u0000'))) break;
          next = after;
        }
        i = next < 0 ? text.length : next;
      }
    }
    const trimmedKey = key.trim();
    if (!result.has(trimmedKey)) result.set(trimmedKey, value.trim());
  }
  return result;
}

// ---------- parse ----------

function parseOperator(plan: Extract<Tabular, { op: 'parse' }>, context: Context): Table {
  const input = run(plan.input, context);
  const source = compile(plan.source, input, context);
  const columnParts = plan.parts.filter(
    (p): p is Extract<ParsePart, { kind: 'column' }> => p.kind === 'column',
  );
  let pattern = '';
  let groupIndex = 0;
  // flags=U makes RE2 swap greedy and lazy quantifiers; the engine's own parts keep their meaning under it: `greedy`
  // and `lazy` are the suffixes that give a quantifier that meaning whatever the flags.
  const swapped = plan.mode === 'regex' && plan.flags.includes('U');
  const greedy = swapped ? '?' : '';
  const lazy = swapped ? '' : '?';
  const integer = `[-+]?${greedy}\\d+${greedy}`;
  const real = `[-+]?${greedy}\\d*${greedy}\\.?${greedy}\\d+${greedy}(?:[eE][-+]?${greedy}\\d+${greedy})?${greedy}`;
  plan.parts.forEach((part, index) => {
    const next = plan.parts[index + 1];
    if (part.kind === 'text') pattern += plan.mode === 'regex' ? part.text : escapeRegex(part.text);
    else if (part.kind === 'wildcard') pattern += `(?:.*${lazy})`;
    else {
      const last = !next || (next.kind !== 'text' && index === plan.parts.length - 1);
      let group: string;
      if (plan.mode === 'regex' && (part.type === 'long' || part.type === 'int')) group = integer;
      else if (plan.mode === 'regex' && (part.type === 'real' || part.type === 'decimal')) group = real;
      // In regex mode a string column is greedy unless flags=U (the documentation's examples show it); in simple
      // and relaxed mode every column stops at the next text part and is converted afterwards.
      else if (plan.mode === 'regex') group = '.*';
      else if (part.type === 'long' || part.type === 'int') group = last ? `${integer}|.*` : `${integer}|.*?`;
      else if (part.type === 'real' || part.type === 'decimal') group = `${real}|${last ? '.*' : '.*?'}`;
      else group = last ? '.*' : '.*?';
      pattern += `(?<c${groupIndex++}>${group})`;
    }
  });
  const compiled = plan.mode === 'regex' ? regex(pattern, plan.flags) : regex(`^${pattern}`, 's');
  const extracted: unknown[][] = columnParts.map(() => []);
  const rows: number[] = [];
  for (let row = 0; row < input.length; row++) {
    if ((row & 1023) === 1023) context.check(plan.span);
    const text = toStringValue(source(row), typeOfExpr(plan.source));
    let match = compiled.exec(text);
    if (match && plan.mode === 'simple') {
      // simple mode: the whole pattern must match the text from its start; a trailing text part anchors the end.
      const lastPart = plan.parts[plan.parts.length - 1];
      if (lastPart?.kind === 'text' && !text.slice(0, match.end).endsWith(lastPart.text)) match = null;
    }
    let ok = !!match;
    const values = columnParts.map((part, k) => {
      if (!match) return part.type === 'string' ? '' : null;
      const raw = match.named[`c${k}`];
      if (raw === undefined) return part.type === 'string' ? '' : null;
      const converted = part.type === 'string' ? raw : convertTo(raw, part.type, 'string');
      if (converted === null && part.type !== 'string' && plan.mode !== 'relaxed') ok = false;
      return converted;
    });
    if (plan.keepOnlyMatches && !ok) continue;
    if (!ok && plan.mode !== 'relaxed') {
      values.forEach((_, k) => (values[k] = columnParts[k]!.type === 'string' ? '' : null));
    }
    rows.push(row);
    values.forEach((v, k) => extracted[k]!.push(v));
  }
  const base = plan.keepOnlyMatches ? gather(input, rows) : input;
  const columns = base.columns.slice();
  columnParts.forEach((part, k) => {
    const column: Column = { name: part.name, type: part.type, values: extracted[k]! };
    const index = columns.findIndex((c) => c.name === part.name);
    if (index >= 0) columns[index] = column;
    else columns.push(column);
  });
  return makeTable(columns, base.length);
}

// ---------- make-series ----------

function makeSeries(plan: Extract<Tabular, { op: 'makeseries' }>, context: Context): Table {
  const input = run(plan.input, context);
  const axisFn = compile(plan.axis.expr, input, context);
  const step = constantOf(plan.step, context);
  let from = plan.from ? constantOf(plan.from, context) : undefined;
  let to = plan.to ? constantOf(plan.to, context) : undefined;
  if (from === undefined || to === undefined) {
    let min: unknown = null;
    let max: unknown = null;
    for (let row = 0; row < input.length; row++) {
      const v = axisFn(row);
      if (isNull(v)) continue;
      if (min === null || compareValues(v, min) < 0) min = v;
      if (max === null || compareValues(v, max) > 0) max = v;
    }
    from ??= min === null ? null : binValue(min, step, typeOfExpr(plan.axis.expr));
    if (to === undefined)
      to = max === null ? null : typeof max === 'bigint' ? max + 1n : (max as number) + Number.EPSILON;
  }
  const axisType = typeOfExpr(plan.axis.expr);
  const buckets: unknown[] = [];
  if (!isNull(from) && !isNull(to)) {
    // Each series holds one value per bin: the bins are counted (and the budget asked) before any is made.
    const positive = typeof step === 'bigint' ? step > 0n : Number(step) > 0;
    if (!positive)
      throw new EngineError('KQL_RANGE', 'make-series: the step must be greater than zero.', plan.span);
    const bins =
      typeof from === 'bigint'
        ? Number(((to as bigint) - from + (step as bigint) - 1n) / (step as bigint))
        : Math.ceil((Number(to) - Number(from)) / Number(step));
    if (bins > 0)
      context.budget.reserveRows(
        'make-series',
        bins,
        plan.aggregates.length + 1,
        plan.span,
        'bins per series',
      );
    if (typeof from === 'bigint') {
      const s = step as bigint;
      for (let v = from; v < (to as bigint); v += s) buckets.push(v);
    } else {
      const s = Number(step);
      for (let v = Number(from); v < Number(to); v += s) buckets.push(v);
    }
  }
  const bucketOf = (value: unknown): number => {
    if (isNull(value) || isNull(from)) return -1;
    if (typeof value === 'bigint') {
      const index = Number((value - (from as bigint)) / (step as bigint));
      return value < (from as bigint) ? -1 : index;
    }
    const v = value as number;
    if (v < Number(from)) return -1;
    return Math.floor((v - Number(from)) / Number(step));
  };
  const keyFns = plan.by.map((item) => compile(item.expr, input, context));
  const groups = new Map<string, { keys: unknown[]; rows: number[] }>();
  for (let row = 0; row < input.length; row++) {
    const keys = keyFns.map((fn) => fn(row));
    const key = keys.map(valueKey).join('\u0001');
    let group = groups.get(key);
    if (!group) {
      group = { keys, rows: [] };
      groups.set(key, group);
    }
    group.rows.push(row);
  }
  const columns: Column[] = plan.by.map((item) => ({
    name: item.name,
    type: typeOfExpr(item.expr),
    values: [],
  }));
  const aggregateColumns: Column[] = plan.aggregates.map((a) => ({
    name: a.name,
    type: 'dynamic',
    values: [],
  }));
  const axisColumn: Column = { name: plan.axis.name, type: 'dynamic', values: [] };
  const runners = plan.aggregates.map((a) =>
    aggregateRunner({ name: a.name, expr: a.expr }, input, [], context),
  );
  const defaults = plan.aggregates.map((a) => constantOf(a.defaultValue, context));
  for (const group of groups.values()) {
    plan.by.forEach((_, k) => columns[k]!.values.push(group.keys[k]));
    const perBucket = runners.map(() => new Map<number, Accumulator>());
    for (const row of group.rows) {
      const bucket = bucketOf(axisFn(row));
      if (bucket < 0 || bucket >= buckets.length) continue;
      runners.forEach((runner, k) => {
        let accumulator = perBucket[k]!.get(bucket);
        if (!accumulator) {
          accumulator = runner.create();
          perBucket[k]!.set(bucket, accumulator);
        }
        accumulator.add(row, []);
      });
    }
    runners.forEach((runner, k) => {
      const series = buckets.map((_, b) => {
        const accumulator = perBucket[k]!.get(b);
        if (!accumulator) return defaults[k] ?? null;
        const value = runner.explode(accumulator.result())[0];
        return isNull(value) ? (defaults[k] ?? null) : toDynamic(value, runner.types[0]!);
      });
      aggregateColumns[k]!.values.push(series);
    });
    axisColumn.values.push(buckets.map((b) => toDynamic(b, axisType)));
  }
  return makeTable([...columns, ...aggregateColumns, axisColumn], groups.size);
}

// ---------- bag_unpack / top-nested ----------

function bagUnpack(plan: Extract<Tabular, { op: 'bagunpack' }>, context: Context): Table {
  const input = run(plan.input, context);
  const fn = compile(plan.column, input, context);
  const sourceName = plan.column.kind === 'column' ? plan.column.name : '';
  const ignored = new Set(plan.ignoredProperties ?? []);
  const bags = Array.from({ length: input.length }, (_, row) => {
    const value = fn(row);
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  });
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const bag of bags) {
    for (const key of Object.keys(bag)) {
      if (seen.has(key) || ignored.has(key)) continue;
      seen.add(key);
      keys.push(key);
    }
  }
  const inputColumns = input.columns.filter((c) => c.name !== sourceName);
  // A property named like a remaining input column: an error by default, or replace / keep that column.
  const clashes = new Set(
    keys
      .filter((key) => inputColumns.some((c) => c.name === plan.prefix + key))
      .map((key) => plan.prefix + key),
  );
  const conflict = plan.columnsConflict ?? 'error';
  if (clashes.size > 0 && conflict === 'error') {
    throw new EngineError(
      'KQL_RUNTIME',
      `bag_unpack: the column '${[...clashes][0]}' already exists; pass columnsConflict='replace_source' or 'keep_source'.`,
      plan.span,
    );
  }
  const fromBag = (name: string, type: KustoType): Column => {
    const key = name.slice(plan.prefix.length);
    return {
      name,
      type,
      values: bags.map((bag) => (key in bag ? convertTo(bag[key], type, 'dynamic') : null)),
    };
  };
  const columns = inputColumns.map((column) =>
    clashes.has(column.name) && conflict === 'replace_source' ? fromBag(column.name, column.type) : column,
  );
  const added = keys.map((key) => plan.prefix + key).filter((name) => !clashes.has(name));
  if (plan.schema) {
    const outputColumns: Column[] = plan.schema.map(
      (column) => columns.find((c) => c.name === column.name) ?? fromBag(column.name, column.type),
    );
    if (
      plan.schema.length > columns.length &&
      added.every((name) => plan.schema!.some((c) => c.name === name))
    ) {
      return makeTable(outputColumns, input.length);
    }
  }
  for (const name of added.sort()) {
    const key = name.slice(plan.prefix.length);
    columns.push({
      name,
      type: 'dynamic',
      values: bags.map((bag) => (key in bag ? bag[key] : null)),
    });
  }
  return { columns, length: input.length };
}

function topNested(plan: Extract<Tabular, { op: 'topnested' }>, context: Context): Table {
  const input = run(plan.input, context);
  const levels = plan.levels.map((level) => ({
    level,
    of: compile(level.of.expr, input, context),
  }));
  type Row = unknown[];
  const output: Row[] = [];
  const recurse = (rows: number[], depth: number, prefix: Row) => {
    if (depth >= levels.length) {
      output.push(prefix);
      return;
    }
    const { level, of } = levels[depth]!;
    const groups = new Map<string, { key: unknown; rows: number[] }>();
    for (const row of rows) {
      const key = of(row);
      const k = valueKey(key);
      let group = groups.get(k);
      if (!group) {
        group = { key, rows: [] };
        groups.set(k, group);
      }
      group.rows.push(row);
    }
    const runner = aggregateRunner(level.aggregate, input, [], context);
    const scored = [...groups.values()].map((group) => {
      const accumulator = runner.create();
      for (const row of group.rows) accumulator.add(row, []);
      return { ...group, value: runner.explode(accumulator.result())[0] };
    });
    scored.sort((a, b) => (level.descending ? -1 : 1) * compareValues(a.value, b.value));
    const count = level.count ? Number(constantOf(level.count, context)) : scored.length;
    scored
      .slice(0, count)
      .forEach((group) => recurse(group.rows, depth + 1, [...prefix, group.key, group.value]));
  };
  recurse(
    Array.from({ length: input.length }, (_, i) => i),
    0,
    [],
  );
  const columns: Column[] = [];
  plan.levels.forEach((level, k) => {
    columns.push({
      name: level.of.name,
      type: typeOfExpr(level.of.expr),
      values: output.map((row) => row[2 * k]),
    });
    columns.push({
      name: level.aggregate.name,
      type: typeOfExpr(level.aggregate.expr),
      values: output.map((row) => row[2 * k + 1]),
    });
  });
  return makeTable(columns, output.length);
}

// ---------- expressions ----------

function compile(expr: Expr, table: Table, context: Context): Compiled {
  switch (expr.kind) {
    case 'literal': {
      const value = expr.value;
      return () => value;
    }
    case 'column': {
      const column = table.columns.find((c) => c.name === expr.name);
      if (!column)
        throw new EngineError(
          'KQL_UNKNOWN_COLUMN',
          `The column '${expr.name}' is not in the input.`,
          expr.span,
        );
      const values = column.values;
      if (column.type !== expr.type && expr.type !== 'dynamic' && column.type === 'dynamic') {
        return (row) => convertTo(values[row], expr.type, 'dynamic');
      }
      const accessor = column as Column & { value?: unknown };
      if ('value' in accessor) return () => accessor.values[0];
      return (row) => values[row];
    }
    case 'toscalar': {
      if (!context.scalars.has(expr)) {
        const result = run(expr.query, context);
        const value = result.length > 0 && result.columns.length > 0 ? result.columns[0]!.values[0] : null;
        const sourceType = result.columns[0]?.type ?? expr.type;
        context.scalars.set(expr, sourceType === expr.type ? value : convertTo(value, expr.type, sourceType));
        context.cachedFrom(expr.query, { scalar: expr });
      }
      const value = context.scalars.get(expr);
      return () => value;
    }
    case 'tabularList': {
      const result = run(expr.query, context);
      const values = result.columns[0]?.values ?? [];
      const dynamicValues = values.map((v) => toDynamic(v, result.columns[0]?.type ?? 'dynamic'));
      return () => dynamicValues;
    }
    case 'aggregate':
      throw new EngineError(
        'KQL_AGGREGATE',
        `The aggregate '${expr.name}' can only be used in summarize.`,
        expr.span,
      );
    case 'star':
      return () => null;
    case 'call': {
      // Over a dictionary column, compute once per distinct text (when there are fewer texts than rows).
      const dictionaryColumn = dictionaryInput(expr, table);
      if (dictionaryColumn && dictionaryColumn.dictionary!.texts.length * 2 < table.length)
        return compileOverDictionary(dictionaryColumn, (entries) => compileCall(expr, entries, context));
      return compileCall(expr, table, context);
    }
  }
}

const COMPARISONS = new Set(['<', '<=', '>', '>=']);

function compileCall(expr: Extract<Expr, { kind: 'call' }>, table: Table, context: Context): Compiled {
  const name = expr.name;
  const argTypes = expr.args.map(typeOfExpr);
  // Lazily evaluated forms first.
  switch (name) {
    case 'and': {
      const [a, b] = expr.args.map((arg) => compile(arg, table, context)) as [Compiled, Compiled];
      return (row) => {
        const x = a(row);
        if (x === false) return false;
        const y = b(row);
        if (y === false) return false;
        return x === true && y === true ? true : null;
      };
    }
    case 'or': {
      const [a, b] = expr.args.map((arg) => compile(arg, table, context)) as [Compiled, Compiled];
      return (row) => {
        const x = a(row);
        if (x === true) return true;
        const y = b(row);
        if (y === true) return true;
        return x === false && y === false ? false : null;
      };
    }
    case 'iff':
    case 'iif': {
      const [c, t, f] = expr.args.map((arg) => compile(arg, table, context)) as [
        Compiled,
        Compiled,
        Compiled,
      ];
      const resultType = expr.type;
      const tType = argTypes[1]!;
      const fType = argTypes[2]!;
      return (row) =>
        c(row) === true ? coerce(t(row), tType, resultType) : coerce(f(row), fType, resultType);
    }
    case 'case': {
      const fns = expr.args.map((arg) => compile(arg, table, context));
      const resultType = expr.type;
      return (row) => {
        for (let i = 0; i + 1 < fns.length; i += 2) {
          if (fns[i]!(row) === true) return coerce(fns[i + 1]!(row), argTypes[i + 1]!, resultType);
        }
        return coerce(fns[fns.length - 1]!(row), argTypes[fns.length - 1]!, resultType);
      };
    }
    case 'row_number': {
      const start = expr.args[0] ? Number(constantOf(expr.args[0], context)) : 1;
      const restart = expr.args[1] ? compile(expr.args[1], table, context) : undefined;
      let counter = start - 1;
      let lastRow = -1;
      return (row) => {
        if (row <= lastRow) counter = start - 1 + row - (lastRow - row) * 0;
        if (restart && row > 0 && restart(row) === true) counter = start - 1;
        if (row === 0) counter = start - 1;
        lastRow = row;
        return ++counter;
      };
    }
    case 'prev':
    case 'next': {
      const value = compile(expr.args[0]!, table, context);
      const offset = expr.args[1] ? Number(constantOf(expr.args[1], context)) : 1;
      const fallback = expr.args[2] ? compile(expr.args[2], table, context) : undefined;
      const sign = name === 'prev' ? -1 : 1;
      return (row) => {
        const target = row + sign * offset;
        if (target < 0 || target >= table.length)
          return fallback ? fallback(row) : argTypes[0] === 'string' ? '' : null;
        return value(target);
      };
    }
    case 'row_rank_dense':
    case 'row_rank_min': {
      const value = compile(expr.args[0]!, table, context);
      const restart = expr.args[1] ? compile(expr.args[1], table, context) : undefined;
      const dense = name === 'row_rank_dense';
      let rank = 0;
      let last: unknown = undefined;
      let lastRow = -1;
      let groupStart = 0;
      return (row) => {
        const v = value(row);
        if (row === 0 || row <= lastRow || (restart && restart(row) === true)) {
          rank = 1;
          last = v;
          lastRow = row;
          groupStart = row;
          return rank;
        }
        if (!valuesEqual(v, last) && !(isNull(v) && isNull(last)))
          rank = dense ? rank + 1 : row - groupStart + 1;
        last = v;
        lastRow = row;
        return rank;
      };
    }
    case 'row_window_session': {
      const value = compile(expr.args[0]!, table, context);
      const maxFromFirst = constantOf(expr.args[1]!, context) as bigint;
      const maxBetween = constantOf(expr.args[2]!, context) as bigint;
      const restart = expr.args[3] ? compile(expr.args[3], table, context) : undefined;
      let sessionStart: bigint | null = null;
      let previous: bigint | null = null;
      let lastRow = -1;
      return (row) => {
        const v = value(row) as bigint | null;
        const fresh = row === 0 || row <= lastRow || (restart !== undefined && restart(row) === true);
        lastRow = row;
        if (v === null) return sessionStart;
        if (
          fresh ||
          sessionStart === null ||
          previous === null ||
          v - sessionStart > maxFromFirst ||
          v - previous > maxBetween
        ) {
          sessionStart = v;
        }
        previous = v;
        return sessionStart;
      };
    }
    case 'row_cumsum': {
      const value = compile(expr.args[0]!, table, context);
      const restart = expr.args[1] ? compile(expr.args[1], table, context) : undefined;
      let sum: number | bigint = 0;
      let lastRow = -1;
      return (row) => {
        if (row <= lastRow || row === 0) sum = typeof sum === 'bigint' ? 0n : 0;
        if (restart && restart(row) === true) sum = typeof sum === 'bigint' ? 0n : 0;
        lastRow = row;
        const v = value(row);
        if (typeof v === 'bigint') sum = (typeof sum === 'bigint' ? sum : BigInt(sum)) + v;
        else if (typeof v === 'number') sum = (sum as number) + v;
        return sum;
      };
    }
    case '__search_any': {
      const term = String((expr.args[0] as { value: unknown }).value);
      const stringColumns = table.columns.filter((c) => c.type === 'string' || c.type === 'dynamic');
      return (row) => stringColumns.some((c) => hasTerm(toStringValue(c.values[row], c.type), term, false));
    }
    case '__tuple_item': {
      const value = compile(expr.args[0]!, table, context);
      const index = Number((expr.args[1] as { value: unknown }).value);
      const type = expr.type;
      return (row) => {
        const v = value(row);
        let item: unknown;
        if (Array.isArray(v)) item = v[index] ?? null;
        else if (v !== null && typeof v === 'object') item = Object.values(v)[index] ?? null;
        else item = index === 0 ? v : null;
        return type === 'dynamic' || isNull(item) ? item : convertTo(item, type, 'dynamic');
      };
    }
  }
  const fns = expr.args.map((arg) => compile(arg, table, context));
  const [a, b] = fns;
  const predicate = stringPredicate(name);
  if (predicate && fns.length === 2) {
    const [ta, tb] = argTypes;
    const right = expr.args[1]!;
    if (right.kind === 'literal') {
      const needle = toStringValue(right.value, tb);
      const matcher = termMatcher(name, needle);
      if (matcher) {
        return (row) => {
          const v = a!(row);
          return matcher(typeof v === 'string' ? v : toStringValue(v, ta));
        };
      }
      return (row) => {
        const v = a!(row);
        return predicate(typeof v === 'string' ? v : toStringValue(v, ta), needle);
      };
    }
    return (row) => predicate(toStringValue(a!(row), ta), toStringValue(b!(row), tb));
  }
  if (name === '==' || name === '!=') {
    const negate = name === '!=';
    const [ta, tb] = argTypes;
    const mixed = (ta === 'dynamic') !== (tb === 'dynamic');
    return (row) => {
      let x = a!(row);
      let y = b!(row);
      if (isNull(x) || isNull(y)) {
        // Kusto: null == null is null; null against a value is false for ==, true for !=.
        if (isNull(x) && isNull(y)) return null;
        return negate;
      }
      if (mixed) {
        if (ta === 'dynamic') x = convertTo(x, tb!, 'dynamic');
        else y = convertTo(y, ta!, 'dynamic');
      }
      const equal = typeof x === typeof y && typeof x !== 'object' ? x === y : valuesEqual(x, y);
      return negate ? !equal : equal;
    };
  }
  if (COMPARISONS.has(name)) {
    const [ta, tb] = argTypes;
    const convert = ta === 'dynamic' || tb === 'dynamic' || (ta === 'string') !== (tb === 'string');
    return (row) => {
      let x = a!(row);
      let y = b!(row);
      if (isNull(x) || isNull(y)) return null;
      if (convert) {
        if (typeof x === 'string' && typeof y !== 'string')
          x = typeof y === 'bigint' ? convertTo(x, tb === 'timespan' ? 'timespan' : 'datetime') : Number(x);
        if (typeof y === 'string' && typeof x !== 'string')
          y = typeof x === 'bigint' ? convertTo(y, ta === 'timespan' ? 'timespan' : 'datetime') : Number(y);
        if (isNull(x) || isNull(y)) return null;
      }
      const order = compareValues(x, y);
      if (typeof x === 'number' && typeof y === 'number' && (Number.isNaN(x) || Number.isNaN(y)))
        return false;
      switch (name) {
        case '<':
          return order < 0;
        case '<=':
          return order <= 0;
        case '>':
          return order > 0;
        default:
          return order >= 0;
      }
    };
  }
  if (name === '+' || name === '-' || name === '*' || name === '/' || name === '%') {
    return arithmetic(name, fns[0]!, fns[1]!, argTypes[0]!, argTypes[1]!, expr.type, expr.span);
  }
  if (name === 'neg') {
    return (row) => {
      const v = a!(row);
      return isNull(v) ? null : typeof v === 'bigint' ? -v : -(v as number);
    };
  }
  if (name === 'in' || name === '!in' || name === 'in~' || name === '!in~') {
    const caseless = name.endsWith('~');
    const negate = name.startsWith('!');
    const listFns = fns.slice(1);
    const constant = expr.args.slice(1).every((arg) => arg.kind === 'literal' || arg.kind === 'tabularList');
    const leftType = argTypes[0]!;
    const normalize = (v: unknown): unknown => {
      if (isNull(v)) return v;
      if (caseless) return toStringValue(v).toLowerCase();
      if (typeof v === 'bigint') return 't' + v.toString();
      return typeof v === 'object' ? valueKey(v) : v;
    };
    const collect = (row: number): Set<unknown> => {
      const set = new Set<unknown>();
      listFns.forEach((fn, k) => {
        const v = fn(row);
        const arg = expr.args[k + 1]!;
        if (
          (arg.kind === 'tabularList' || (argTypes[k + 1] === 'dynamic' && Array.isArray(v))) &&
          Array.isArray(v)
        ) {
          for (const item of v)
            set.add(normalize(leftType === 'dynamic' ? item : convertTo(item, leftType, 'dynamic')));
        } else set.add(normalize(v));
      });
      return set;
    };
    const fixed = constant ? collect(0) : undefined;
    return (row) => {
      const v = a!(row);
      if (isNull(v) && !caseless) return negate;
      const found = (fixed ?? collect(row)).has(normalize(v));
      return negate ? !found : found;
    };
  }
  if (name === 'has_any' || name === 'has_all') {
    const listFns = fns.slice(1);
    return (row) => {
      const text = toStringValue(a!(row), argTypes[0]);
      const needles: string[] = [];
      listFns.forEach((fn) => {
        const v = fn(row);
        if (Array.isArray(v)) for (const item of v) needles.push(toStringValue(item));
        else needles.push(toStringValue(v));
      });
      return name === 'has_any'
        ? needles.some((n) => hasTerm(text, n, false))
        : needles.every((n) => hasTerm(text, n, false));
    };
  }
  if (name === 'between' || name === '!between') {
    const negate = name === '!between';
    const [, lo, hi] = fns as [Compiled, Compiled, Compiled];
    const hiType = argTypes[2];
    const loType = argTypes[1];
    return (row) => {
      const v = a!(row);
      const low = lo(row);
      let high = hi(row);
      if (isNull(v) || isNull(low) || isNull(high)) return null;
      if (hiType === 'timespan' && loType === 'datetime') high = (low as bigint) + (high as bigint);
      const inside = compareValues(v, low) >= 0 && compareValues(v, high) <= 0;
      return negate ? !inside : inside;
    };
  }
  if (name === 'matches regex') {
    const right = expr.args[1]!;
    if (right.kind === 'literal') {
      let pattern: ReturnType<typeof regex>;
      try {
        pattern = regex(String(right.value));
      } catch (error) {
        throw error instanceof RegexSyntaxError ? regexError(error, expr.span) : error;
      }
      return (row) => pattern.test(toStringValue(a!(row), argTypes[0]));
    }
    return (row) => {
      try {
        return regex(toStringValue(b!(row))).test(toStringValue(a!(row), argTypes[0]));
      } catch (error) {
        throw error instanceof RegexSyntaxError ? regexError(error, expr.span) : error;
      }
    };
  }
  if (name === '__index') {
    return (row) => {
      const target = a!(row);
      const key = b!(row);
      return indexDynamic(target, typeof key === 'bigint' ? Number(key) : key);
    };
  }
  if (name === 'pack_all') {
    const names = (expr.args[0] as { value: string[] }).value;
    const ignoreEmpty = fns[1]!;
    const types = argTypes.slice(2);
    const valueFns = fns.slice(2);
    return (row) => {
      const bag: Record<string, unknown> = {};
      const skip = ignoreEmpty(row) === true;
      names.forEach((n, i) => {
        const v = valueFns[i]!(row);
        if (skip && (isNull(v) || v === '')) return;
        bag[n] = toDynamic(v, types[i]!);
      });
      return bag;
    };
  }
  const fn = FUNCTIONS[name];
  if (!fn) throw unsupported(`function '${name}()'`, expr.span);
  const callContext: CallContext = { argTypes, resultType: expr.type, nowTicks: context.nowTicks };
  if (name === 'bin' && expr.args[1]?.kind === 'literal') {
    const size = expr.args[1].value;
    const type = argTypes[0]!;
    if (type === 'datetime' && typeof size === 'bigint' && size > 0n && size % TICKS_PER_MS === 0n) {
      // Whole-millisecond bins: work in exact double milliseconds (|ms| < 2^53) and convert once.
      const spanMs = Number(size / TICKS_PER_MS);
      const originMs = Number(MIN_DATETIME_TICKS / TICKS_PER_MS);
      const source = expr.args[0]!;
      const epochMs =
        source.kind === 'column' ? table.columns.find((c) => c.name === source.name)?.epochMs : undefined;
      if (epochMs) {
        // The column kept its epoch milliseconds: no bigint arithmetic per row.
        const msKey = (row: number) => Math.floor((epochMs[row]! - originMs) / spanMs) * spanMs + originMs;
        const binned = (row: number) => BigInt(msKey(row)) * TICKS_PER_MS;
        return Object.assign(binned, { msKey, spanMs });
      }
      return (row) => {
        const v = a!(row);
        if (typeof v !== 'bigint') return null;
        let ms = Number(v / TICKS_PER_MS);
        if (v < 0n && v % TICKS_PER_MS !== 0n) ms -= 1;
        return BigInt(Math.floor((ms - originMs) / spanMs) * spanMs + originMs) * TICKS_PER_MS;
      };
    }
    return (row) => binValue(a!(row), size, type);
  }
  const args = new Array<unknown>(fns.length);
  const wantsDynamicString = expr.type === 'string';
  return (row) => {
    for (let i = 0; i < fns.length; i++) args[i] = fns[i]!(row);
    let result: unknown;
    try {
      result = fn(args.slice(), callContext);
    } catch (error) {
      throw functionError(error, name, expr.span);
    }
    if (result === undefined) return null;
    if (wantsDynamicString && isNull(result)) return '';
    return result;
  };
}

/**
 * What a scalar function's failure tells the user: an EngineError (KQL_UNSUPPORTED, KQL_NO_NETWORK...) keeps its code
 * and position; a library's "not supported yet: X" becomes KQL_UNSUPPORTED at the call; anything else is KQL_RUNTIME.
 */
function functionError(error: unknown, name: string, span: Span): EngineError {
  if (error instanceof EngineError) return error;
  if (error instanceof JsonDepthError)
    return new EngineError('KQL_LIMIT', `${name}(): ${error.message}`, span);
  if (error instanceof RegexSyntaxError) {
    const base = regexError(error, span);
    return new EngineError(base.code, `${name}(): ${base.message}`, span, base.hint);
  }
  const message = error instanceof Error ? error.message : String(error);
  if (message.startsWith(UNSUPPORTED_PREFIX))
    return unsupported(message.slice(UNSUPPORTED_PREFIX.length), span);
  return new EngineError('KQL_RUNTIME', `${name}(): ${message}`, span);
}

const UNSUPPORTED_PREFIX = 'not supported yet: ';

function coerce(value: unknown, from: KustoType, to: KustoType): unknown {
  if (from === to || isNull(value)) return value;
  return convertTo(value, to, from);
}

function arithmetic(
  op: string,
  a: Compiled,
  b: Compiled,
  ta: KustoType,
  tb: KustoType,
  result: KustoType,
  span: { start: number; length: number },
): Compiled {
  const ticksA = ta === 'datetime' || ta === 'timespan';
  const ticksB = tb === 'datetime' || tb === 'timespan';
  if (ticksA || ticksB) {
    return (row) => {
      let x = a(row);
      let y = b(row);
      if (isNull(x) || isNull(y)) return null;
      if (ta === 'dynamic') x = convertTo(x, tb, 'dynamic');
      if (tb === 'dynamic') y = convertTo(y, ta, 'dynamic');
      if (isNull(x) || isNull(y)) return null;
      if (typeof x === 'bigint' && typeof y === 'bigint') {
        switch (op) {
          case '+':
            return x + y;
          case '-':
            return x - y;
          case '/':
            return y === 0n ? null : Number(x) / Number(y);
          case '%':
            return y === 0n ? null : x % y;
          default:
            throw new EngineError('KQL_TYPE', `Cannot apply '${op}' to ${ta} and ${tb}.`, span);
        }
      }
      const ticks = typeof x === 'bigint' ? x : (y as bigint);
      const number = typeof x === 'bigint' ? (y as number) : (x as number);
      switch (op) {
        case '*':
          return BigInt(Math.round(Number(ticks) * number));
        case '/':
          if (typeof x !== 'bigint') throw new EngineError('KQL_TYPE', `Cannot divide ${ta} by ${tb}.`, span);
          return number === 0 ? null : BigInt(Math.round(Number(ticks) / number));
        case '+':
          return ticks + BigInt(Math.round(number));
        case '-':
          return typeof x === 'bigint'
            ? x - BigInt(Math.round(number))
            : BigInt(Math.round(number)) - (y as bigint);
        default:
          return null;
      }
    };
  }
  const integer = result === 'long' || result === 'int';
  return (row) => {
    let x = a(row);
    let y = b(row);
    if (isNull(x) || isNull(y)) return null;
    if (typeof x !== 'number') x = Number(x);
    if (typeof y !== 'number') y = Number(y);
    const p = x as number;
    const q = y as number;
    switch (op) {
      case '+':
        return p + q;
      case '-':
        return p - q;
      case '*':
        return p * q;
      case '/':
        if (integer) return q === 0 ? null : Math.trunc(p / q);
        return p / q;
      default:
        if (q === 0) return integer ? null : NaN;
        return p % q;
    }
  };
}

export { numeric, percentileOf, SPECIAL_AGGREGATES };
