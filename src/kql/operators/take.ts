/**
 * `take` (and `limit`): the first rows.
 */
import type { ExecuteApi } from '../executeApi';
import { gather } from '../kernel/tables';
import type { Tabular } from '../plan';
import type { Table } from '../table';
import type { TranslateApi } from '../translateApi';
import type { OperatorSite, PlanOf } from './operator';

export function translate(site: OperatorSite, api: TranslateApi): Tabular {
  const { node, scope, schema, span, inputSchema, need } = site;
  return {
    op: 'take',
    input: need(),
    count: api.scalar(node.Expression, scope, inputSchema),
    schema,
    span,
  };
}

export function execute(plan: PlanOf<'take'>, api: ExecuteApi): Table {
  const input = api.run(plan.input);
  const count = Math.max(0, Number(api.constant(plan.count) ?? 0));
  if (count >= input.length) return input;
  return gather(
    input,
    Array.from({ length: count }, (_, i) => i),
  );
}
