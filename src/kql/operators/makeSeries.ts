/**
 * `make-series`: one series per group, a value per step of the axis (the default where a bin has no row).
 */
import type { Accumulator } from '../aggregates';
import { compareValues, valueKey } from '../compare';
import { EngineError } from '../errors';
import type { ExecuteApi } from '../executeApi';
import { binValue, isNull, toDynamic } from '../functions/helpers';
import { aggregateRunner } from '../kernel/aggregateRunner';
import { typeOfExpr } from '../kernel/compile';
import { makeTable } from '../kernel/tables';
import { type Expr, literal, type Tabular } from '../plan';
import type { Column, Table } from '../table';
import type { TranslateApi } from '../translateApi';
import type { OperatorSite, PlanOf } from './operator';

export function translate(site: OperatorSite, api: TranslateApi): Tabular {
  const { node, scope, schema } = site;
  const input = site.need();
  const span = api.span(node);
  const rowSchema = input.schema ?? [];
  const outSchema = schema ?? [];
  const aggregates = api.elements(node.Aggregates).map((item, index) => {
    let expression = item.Expression;
    let name: string | undefined;
    if (api.kind(expression) === 'SimpleNamedExpression') {
      name = expression.Name.SimpleName;
      expression = expression.Expression;
    }
    const expr = api.scalar(expression, scope, rowSchema, true);
    const defaultValue = item.DefaultExpression
      ? api.scalar(item.DefaultExpression.Expression, scope, undefined)
      : literal(expr.kind === 'aggregate' ? expr.type : 'long', 0);
    return { name: name ?? outSchema[index]?.name ?? `Column${index + 1}`, expr, defaultValue };
  });
  let axisExpression = node.OnClause.Expression;
  let axisName: string | undefined;
  if (api.kind(axisExpression) === 'SimpleNamedExpression') {
    axisName = axisExpression.Name.SimpleName;
    axisExpression = axisExpression.Expression;
  }
  const axisExpr = api.scalar(axisExpression, scope, rowSchema);
  const axis = {
    name: axisName ?? (axisExpr.kind === 'column' ? axisExpr.name : 'Column'),
    expr: axisExpr,
  };
  const range = node.RangeClause;
  let from: Expr | undefined;
  let to: Expr | undefined;
  let step: Expr;
  if (api.kind(range) === 'MakeSeriesInRangeClause') {
    const args = api.elements(range.Arguments.Expressions).map((arg) => api.scalar(arg, scope, undefined));
    [from, to] = args;
    step = args[2]!;
  } else {
    if (range.MakeSeriesFromClause)
      from = api.scalar(range.MakeSeriesFromClause.Expression, scope, undefined);
    if (range.MakeSeriesToClause) to = api.scalar(range.MakeSeriesToClause.Expression, scope, undefined);
    step = api.scalar(range.MakeSeriesStepClause.Expression, scope, undefined);
  }
  const by = node.ByClause ? api.namedList(node.ByClause.Expressions, scope, rowSchema, undefined, []) : [];
  return {
    op: 'makeseries',
    input,
    aggregates,
    axis,
    step,
    by,
    schema,
    span,
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
}

export function execute(plan: PlanOf<'makeseries'>, api: ExecuteApi): Table {
  const input = api.run(plan.input);
  const axisFn = api.compile(plan.axis.expr, input);
  const step = api.constant(plan.step);
  let from = plan.from ? api.constant(plan.from) : undefined;
  let to = plan.to ? api.constant(plan.to) : undefined;
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
      api.budget.reserveRows('make-series', bins, plan.aggregates.length + 1, plan.span, 'bins per series');
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
  const keyFns = plan.by.map((item) => api.compile(item.expr, input));
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
  const runners = plan.aggregates.map((a) => aggregateRunner({ name: a.name, expr: a.expr }, input, [], api));
  const defaults = plan.aggregates.map((a) => api.constant(a.defaultValue));
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
