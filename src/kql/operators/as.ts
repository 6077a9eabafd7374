/**
 * `as`: binds the input under a name for the rest of the query (a shared result, computed once).
 */
import type { ExecuteApi } from '../executeApi';
import type { Tabular } from '../plan';
import type { Table } from '../table';
import type { TranslateApi } from '../translateApi';
import type { OperatorSite, PlanOf } from './operator';

export function translate(site: OperatorSite, api: TranslateApi): Tabular {
  const { node, scope, schema, span, need } = site;
  const plan: Tabular = { op: 'shared', input: need(), id: api.sharedId(), schema, span };
  scope.set(node.Name.SimpleName, { kind: 'tabular', plan });
  return plan;
}

/** A shared result (`let`, `as`, `materialize`): computed once per query, or once per temporary scope it reads. */
export function executeShared(plan: PlanOf<'shared'>, api: ExecuteApi): Table {
  return api.shared(plan.id, plan.input);
}
