/** The graph operators (`make-graph`, `graph-match`, `graph-shortest-paths`, `graph-mark-components`, `graph-to-table`): graph/. */
import type { ExecuteApi } from '../executeApi';
import { runGraphOperation } from '../graph/execute';
import { translateGraphOperator } from '../graph/translate';
import type { Tabular } from '../plan';
import type { Table } from '../table';
import type { TranslateApi } from '../translateApi';
import type { OperatorSite, PlanOf } from './operator';

export function translate(site: OperatorSite, api: TranslateApi): Tabular {
  return translateGraphOperator(api, site.node, site.need(), site.scope, site.schema);
}

export function execute(plan: PlanOf<'graph'>, api: ExecuteApi): Table {
  return runGraphOperation(plan.operation, plan.span, api);
}
