/** `sample-distinct N of Col`: N distinct values, sampled (a distinct under a seeded sample; no executor of its own). */
import type { Tabular } from '../plan';
import type { TranslateApi } from '../translateApi';
import { acceptHintsOnly } from './hints';
import type { OperatorSite } from './operator';

export function translate(site: OperatorSite, api: TranslateApi): Tabular {
  const { node, scope, schema, span, need } = site;
  const input = need();
  acceptHintsOnly(api, node.Parameters, 'sample-distinct');
  const value = api.scalar(node.OfExpression, scope, input.schema);
  const name = schema?.[0]?.name ?? api.text(node.OfExpression).trim();
  const distinct: Tabular = { op: 'distinct', input, items: [{ name, expr: value }], schema, span };
  return {
    op: 'sample',
    input: distinct,
    count: api.scalar(node.Expression, scope, undefined),
    schema,
    span,
  };
}
