/**
 * `serialize`: marks the rows as ordered (window functions may follow) and extends like `extend`.
 */
import type { Tabular } from '../plan';
import type { TranslateApi } from '../translateApi';
import type { ExecuteApi } from '../executeApi';
import type { Table } from '../table';
import { extendOne } from './extend';
import type { OperatorSite, PlanOf } from './operator';

export function translate(site: OperatorSite, api: TranslateApi): Tabular {
  const { node, scope, schema, span, inputSchema, need } = site;
  return {
    op: 'serialize',
    input: need(),
    items: api.namedList(node.Expressions, scope, inputSchema, schema, inputSchema),
    schema,
    span,
  };
}

/** Rows keep their order; the items extend as `extend` does. */
export function execute(plan: PlanOf<'serialize'>, api: ExecuteApi): Table {
  let table = api.run(plan.input);
  for (const item of plan.items) table = extendOne(table, item, api, plan.span);
  return table;
}
