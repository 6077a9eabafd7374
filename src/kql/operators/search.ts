/**
 * `search`: rows where a term or predicate holds, over the input or over every table (with `$table`).
 */
import type { ExecuteApi } from '../executeApi';
import { gather } from '../kernel/tables';
import { type ColumnSchema, type Expr, literal, type Tabular } from '../plan';
import { Scope } from '../syntax/scope';
import type { Table } from '../table';
import type { TranslateApi } from '../translateApi';
import type { OperatorSite, PlanOf } from './operator';
import type { SyntaxNode } from '../syntax/node';

export function translate(site: OperatorSite, api: TranslateApi): Tabular {
  const { node, scope, schema } = site;
  let input = site.input;
  const span = api.span(node);
  if (!input) {
    const tables: { plan: Tabular; name: string }[] = [];
    if (node.InClause) {
      for (const item of api.elements(node.InClause.Expressions))
        tables.push({ plan: api.tabular(item, scope), name: api.text(item).trim() });
    } else {
      // Every table of the database, and every view the query defines.
      for (const table of api.tables)
        tables.push({
          plan: { op: 'table', name: table.name, span, schema: table.columns },
          name: table.name,
        });
      for (const [name, binding] of scope.entries()) {
        if (
          binding.kind === 'function' &&
          binding.node.ViewKeyword &&
          api.elements(binding.node.Parameters.Parameters).length === 0
        ) {
          tables.push({ plan: api.callUserFunction(binding, [], node, scope, undefined), name });
        }
      }
    }
    input = { op: 'union', inputs: tables, outer: true, withSource: '$table', span, schema: undefined };
  }
  const predicate = searchPredicate(api, node.Condition, scope, input.schema ?? []);
  return { op: 'search', input, predicate, schema, span };
}

function searchPredicate(
  api: TranslateApi,
  node: SyntaxNode,
  scope: Scope,
  rowSchema: readonly ColumnSchema[],
): Expr {
  const nodeKind = api.kind(node);
  const span = api.span(node);
  if (nodeKind === 'StringLiteralExpression') {
    return {
      kind: 'call',
      name: '__search_any',
      args: [literal('string', node.LiteralValue)],
      type: 'bool',
      span,
    };
  }
  if (nodeKind === 'AndExpression' || nodeKind === 'OrExpression') {
    return {
      kind: 'call',
      name: nodeKind === 'AndExpression' ? 'and' : 'or',
      args: [
        searchPredicate(api, node.Left, scope, rowSchema),
        searchPredicate(api, node.Right, scope, rowSchema),
      ],
      type: 'bool',
      span,
    };
  }
  if (nodeKind === 'ParenthesizedExpression') return searchPredicate(api, node.Expression, scope, rowSchema);
  return api.scalar(node, scope, rowSchema);
}

export function execute(plan: PlanOf<'search'>, api: ExecuteApi): Table {
  const input = api.run(plan.input);
  const predicate = api.compile(plan.predicate, input);
  const rows: number[] = [];
  for (let i = 0; i < input.length; i++) if (predicate(i) === true) rows.push(i);
  return gather(input, rows);
}
