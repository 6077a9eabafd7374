/**
 * `find [withsource=Name] in (Table, ...) where Predicate [project Col, ... [, pack_all()] | project-smart]`: the rows
 * of each table where the predicate holds, with the output columns Kusto.Language computes for the call: the source
 * column (the table's name; `source_` by default), the projected or common columns (null where a table lacks one),
 * and `pack_`, a bag of each row's other non-empty columns. A table the predicate cannot apply to (it lacks a
 * column the predicate reads) contributes no rows. `find` without `in (...)` and `project-away` are not supported.
 */
import { EngineError, unsupported } from '../errors';
import type { ColumnSchema, Expr, NamedExpr, Tabular } from '../plan';
import type { TranslateApi } from '../translateApi';
import type { OperatorSite } from './operator';

const PACK = 'pack_';

function readsColumns(expr: Expr, into: Set<string>): Set<string> {
  if (expr.kind === 'column') into.add(expr.name);
  if (expr.kind === 'call' || expr.kind === 'aggregate') for (const arg of expr.args) readsColumns(arg, into);
  return into;
}

function tableItems(
  table: { plan: Tabular; name: string },
  columns: readonly ColumnSchema[],
  sourceName: string,
  span: { start: number; length: number },
): NamedExpr[] {
  const have = table.plan.schema ?? [];
  const shown = new Set(columns.map((c) => c.name));
  const items: NamedExpr[] = columns.map((column) => {
    if (column.name === sourceName)
      return { name: column.name, expr: { kind: 'literal', type: 'string', value: table.name } };
    if (column.name === PACK) {
      const rest = have.filter((c) => !shown.has(c.name));
      const packed: Expr = {
        kind: 'call',
        name: 'pack_all',
        args: [
          { kind: 'literal', type: 'dynamic', value: rest.map((c) => c.name) },
          { kind: 'literal', type: 'bool', value: true },
          ...rest.map((c): Expr => ({ kind: 'column', name: c.name, type: c.type, span })),
        ],
        type: 'dynamic',
        span,
      };
      return { name: column.name, expr: packed };
    }
    const own = have.find((c) => c.name === column.name && c.type === column.type);
    const expr: Expr = own
      ? { kind: 'column', name: own.name, type: own.type, span }
      : { kind: 'literal', type: column.type, value: null };
    return { name: column.name, expr };
  });
  return items;
}

export function translate(site: OperatorSite, api: TranslateApi): Tabular {
  const { node, scope, schema, span } = site;
  if (!node.InClause) throw unsupported("find without 'in (Table, ...)'", span);
  if (node.ProjectAway) throw unsupported('find ... project-away', span);
  if (!schema) throw new EngineError('KQL_INTERNAL', 'find: Kusto.Language gave no result schema', span);
  const sourceName = schema[0]!.name;
  const inputs: { plan: Tabular; name: string }[] = [];
  for (const item of api.elements(node.InClause.Expressions)) {
    const plan = api.tabular(item, scope);
    const name = api.kind(item) === 'NameReference' ? String(item.SimpleName) : api.text(item).trim();
    let predicate: Expr;
    try {
      predicate = api.scalar(node.Condition, scope, plan.schema ?? []);
    } catch (error) {
      if (error instanceof EngineError) continue;
      throw error;
    }
    // The predicate reads a column this table lacks: the table has no matching row.
    const names = new Set((plan.schema ?? []).map((c) => c.name));
    if ([...readsColumns(predicate, new Set())].some((column) => !names.has(column))) continue;
    const filtered: Tabular = { op: 'where', input: plan, predicate, schema: plan.schema, span };
    inputs.push({
      plan: {
        op: 'project',
        input: filtered,
        items: tableItems({ plan, name }, schema, sourceName, span),
        schema,
        span,
      },
      name,
    });
  }
  if (inputs.length === 0)
    return {
      op: 'take',
      input: { op: 'print', items: [], span },
      count: { kind: 'literal', type: 'long', value: 0 },
      schema,
      span,
    };
  return { op: 'union', inputs, outer: true, schema, span };
}
