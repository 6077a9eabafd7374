/**
 * `top-nested`: the top values of each level within each group of the level above (with an aggregate per level).
 */
import { compareValues, valueKey } from '../compare';
import type { ExecuteApi } from '../executeApi';
import { aggregateRunner } from '../kernel/aggregateRunner';
import { typeOfExpr } from '../kernel/compile';
import { makeTable } from '../kernel/tables';
import type { Tabular } from '../plan';
import type { Column, Table } from '../table';
import type { TranslateApi } from '../translateApi';
import type { OperatorSite, PlanOf } from './operator';

export function translate(site: OperatorSite, api: TranslateApi): Tabular {
  const { node, scope, schema } = site;
  const input = site.need();
  const rowSchema = input.schema ?? [];
  const levels = api.elements(node.Clauses).map((clause, index) => {
    const ofNamed = api.kind(clause.OfExpression) === 'SimpleNamedExpression';
    const ofExpr = api.scalar(
      ofNamed ? clause.OfExpression.Expression : clause.OfExpression,
      scope,
      rowSchema,
    );
    const ofName = ofNamed
      ? clause.OfExpression.Name.SimpleName
      : ofExpr.kind === 'column'
        ? ofExpr.name
        : `Column${index + 1}`;
    let byNode = clause.ByExpression;
    let descending = true;
    if (api.kind(byNode) === 'OrderedExpression') {
      descending = (byNode.Ordering?.AscOrDescKeyword?.Text ?? 'desc').toLowerCase() !== 'asc';
      byNode = byNode.Expression;
    }
    const byNamed = api.kind(byNode) === 'SimpleNamedExpression';
    const aggExpr = api.scalar(byNamed ? byNode.Expression : byNode, scope, rowSchema, true);
    const aggName = byNamed ? byNode.Name.SimpleName : `aggregated_${ofName}`;
    return {
      ...(clause.Expression ? { count: api.scalar(clause.Expression, scope, undefined) } : {}),
      of: { name: ofName, expr: ofExpr },
      aggregate: { name: aggName, expr: aggExpr },
      ...(clause.WithOthersClause
        ? { others: api.scalar(clause.WithOthersClause.Expression, scope, undefined) }
        : {}),
      descending,
    };
  });
  return { op: 'topnested', input, levels, schema, span: api.span(node) };
}

export function execute(plan: PlanOf<'topnested'>, api: ExecuteApi): Table {
  const input = api.run(plan.input);
  const levels = plan.levels.map((level) => ({
    level,
    of: api.compile(level.of.expr, input),
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
    const runner = aggregateRunner(level.aggregate, input, [], api);
    const scored = [...groups.values()].map((group) => {
      const accumulator = runner.create();
      for (const row of group.rows) accumulator.add(row, []);
      return { ...group, value: runner.explode(accumulator.result())[0] };
    });
    scored.sort((a, b) => (level.descending ? -1 : 1) * compareValues(a.value, b.value));
    const count = level.count ? Number(api.constant(level.count)) : scored.length;
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
