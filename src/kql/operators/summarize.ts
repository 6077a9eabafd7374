/**
 * `summarize`: groups rows by the `by` keys and runs the aggregates over each group (typed loops where an
 * aggregate has one, an accumulator per group otherwise).
 */
import type { ExecuteApi } from '../executeApi';
import { binEncoder, groupRows, type KeyEncoder, valueEncoder } from '../grouping';
import { aggregateRunner, dictionaryEncoderOf } from '../kernel/aggregateRunner';
import { typeOfExpr } from '../kernel/compile';
import { binOverEpochMs } from '../kernel/epochMs';
import { compileFilter } from '../kernel/filterBlocks';
import { makeTable } from '../kernel/tables';
import type { ColumnSchema, Expr, NamedExpr, Tabular } from '../plan';
import type { Column, Table } from '../table';
import type { TranslateApi } from '../translateApi';
import { TICKS_PER_MS } from '../values';
import type { OperatorSite, PlanOf } from './operator';

export function translate(site: OperatorSite, api: TranslateApi): Tabular {
  const { node, scope, schema } = site;
  const input = site.need();
  const span = api.span(node);
  const inputSchema = input.schema ?? [];
  const byItems = node.ByClause ? api.elements(node.ByClause.Expressions) : [];
  const aggregateItems = api.elements(node.Aggregates);
  const outSchema = schema ?? [];
  const by: NamedExpr[] = [];
  byItems.forEach((item, index) => {
    const named = api.kind(item) === 'SimpleNamedExpression';
    const expr = api.scalar(named ? item.Expression : item, scope, inputSchema);
    const name = named ? (item.Name.SimpleName as string) : (outSchema[index]?.name ?? `Column${index + 1}`);
    by.push({ name, expr });
  });
  const aggregates: NamedExpr[] = [];
  let column = byItems.length;
  for (const item of aggregateItems) {
    const named = api.kind(item) === 'SimpleNamedExpression';
    const compound = api.kind(item) === 'CompoundNamedExpression';
    const inner = named || compound ? item.Expression : item;
    const expr = api.scalar(inner, scope, inputSchema, true);
    const width = aggregateWidth(expr, inputSchema, by);
    const name = named
      ? (item.Name.SimpleName as string)
      : (outSchema[column]?.name ?? `Column${column + 1}`);
    aggregates.push({ name, expr });
    column += width;
  }
  return { op: 'summarize', input, aggregates, by, schema, span };
}

function aggregateWidth(expr: Expr, inputSchema: readonly ColumnSchema[], by: readonly NamedExpr[]): number {
  if (expr.kind !== 'aggregate') return 1;
  if (expr.name === 'arg_max' || expr.name === 'arg_min') {
    if (expr.args.some((arg) => arg.kind === 'star')) {
      const byNames = new Set(by.map((item) => item.name));
      return (
        1 +
        inputSchema.filter((column) => !byNames.has(column.name)).length -
        (expr.args[0]?.kind === 'column' && !byNames.has(expr.args[0].name) ? 1 : 0)
      );
    }
    return expr.args.length;
  }
  if (expr.name === 'percentiles' || expr.name === 'percentilesw')
    return Math.max(1, expr.args.length - (expr.name === 'percentilesw' ? 2 : 1));
  return 1;
}

export function execute(plan: PlanOf<'summarize'>, api: ExecuteApi): Table {
  const counted = countAfterFilter(plan, api);
  if (counted) return counted;
  return summarize(api.run(plan.input), plan.by, plan.aggregates, api, plan.span);
}

/** `where P | count` (or `| summarize count()`): the rows that pass are counted, never gathered into a table. */
function countAfterFilter(plan: PlanOf<'summarize'>, api: ExecuteApi): Table | undefined {
  const filter = plan.input;
  const onlyCounts = plan.aggregates.every(
    ({ expr }) =>
      expr.kind === 'aggregate' && expr.name === 'count' && expr.args.every((arg) => arg.kind === 'star'),
  );
  if (plan.by.length > 0 || !onlyCounts || filter.op !== 'where') return undefined;
  const source = api.run(filter.input);
  const count = compileFilter(filter.predicate, source, api).count(() => api.check(filter.span));
  return makeTable(
    plan.aggregates.map((item) => ({ name: item.name, type: typeOfExpr(item.expr), values: [count] })),
    1,
  );
}

function summarize(
  input: Table,
  by: readonly NamedExpr[],
  aggregates: readonly NamedExpr[],
  api: ExecuteApi,
  span: { start: number; length: number },
): Table {
  const encoders = by.map((item) => keyEncoder(item.expr, input, api, span));
  const grouping = groupRows(encoders, input.length);
  const groupCount = grouping.count;
  const runners = aggregates.map((item) => aggregateRunner(item, input, by, api));
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
      if ((row & 4095) === 4095) api.check(span);
    }
    perGroup.forEach((k, index) => (results[k] = accumulators[index]!.map((a) => a.result())));
  }
  const columns: Column[] = by.map((item, index) => {
    const encoder = encoders[index]!;
    const values = new Array<unknown>(groupCount);
    for (let group = 0; group < groupCount; group++)
      values[group] = encoder.valueOfId(encoder.idAt(grouping.firstRows[group]!)) ?? null;
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
  api: ExecuteApi,
  span: { start: number; length: number },
): KeyEncoder {
  const dictionary = dictionaryEncoderOf(expr, table, api);
  if (dictionary) return dictionary;
  const fn = api.compile(expr, table);
  const bin = binOverEpochMs(fn);
  if (bin) {
    const { epochMs, originMs, spanMs } = bin;
    const encoder = binEncoder(epochMs, originMs, spanMs, table.length, (ms) => BigInt(ms) * TICKS_PER_MS);
    if (encoder) return encoder;
  }
  return valueEncoder(fn, table.length, () => api.check(span));
}
