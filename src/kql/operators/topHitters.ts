/**
 * `top-hitters N of Col [by Expr]`: the most frequent values, or those with the largest sum of Expr. Kusto estimates;
 * the engine counts exactly, which is within the estimate's error. A summarize under a top: no executor of its own.
 */
import type { Expr, Tabular } from '../plan';
import type { TranslateApi } from '../translateApi';
import type { OperatorSite } from './operator';

export function translate(site: OperatorSite, api: TranslateApi): Tabular {
  const { node, scope, schema, span, need } = site;
  const input = need();
  const value = api.scalar(node.OfExpression, scope, input.schema);
  const byNode = node.ByClause ? node.ByClause.Expression : undefined;
  const weight = byNode ? api.scalar(byNode, scope, input.schema) : undefined;
  const valueName = schema?.[0]?.name ?? api.text(node.OfExpression).trim();
  const countName = schema?.[1]?.name ?? (weight ? 'approximate_sum' : 'approximate_count');
  const measure: Expr = weight
    ? { kind: 'aggregate', name: 'sum', args: [weight], type: schema?.[1]?.type ?? 'long', span }
    : { kind: 'aggregate', name: 'count', args: [], type: 'long', span };
  const counted: Tabular = {
    op: 'summarize',
    input,
    aggregates: [{ name: countName, expr: measure }],
    by: [{ name: valueName, expr: value }],
    schema: [
      { name: valueName, type: value.kind === 'star' ? 'dynamic' : api.typeOf(node.OfExpression) },
      { name: countName, type: measure.type },
    ],
    span,
  };
  const countColumn: Expr = { kind: 'column', name: countName, type: measure.type, span };
  return {
    op: 'top',
    input: counted,
    count: api.scalar(node.Expression, scope, undefined),
    keys: [{ expr: countColumn, descending: true, nullsFirst: false }],
    schema,
    span,
  };
}
