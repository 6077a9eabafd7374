/**
 * `where` (and `filter`): keeps the rows whose predicate is true.
 */
import type { ExecuteApi } from '../executeApi';
import { compileFilter } from '../kernel/filterBlocks';
import { gather } from '../kernel/tables';
import type { Tabular } from '../plan';
import type { Table } from '../table';
import type { TranslateApi } from '../translateApi';
import { filterBelowInnerunique } from './joinFilter';
import type { OperatorSite, PlanOf } from './operator';

export function translate(site: OperatorSite, api: TranslateApi): Tabular {
  const { node, scope, schema, span, inputSchema, need } = site;
  const predicate = api.scalar(node.Condition, scope, inputSchema);
  return (
    filterBelowInnerunique(need(), predicate, span) ?? {
      op: 'where',
      input: need(),
      predicate,
      schema,
      span,
    }
  );
}

export function execute(plan: PlanOf<'where'>, api: ExecuteApi): Table {
  const input = api.run(plan.input);
  const rows = compileFilter(plan.predicate, input, api).select(() => api.check(plan.span));
  return rows.length === input.length ? input : gather(input, rows);
}
