/**
 * `sample`: N rows picked by a seeded shuffle, so the same query on the same data repeats its sample.
 */
import type { ExecuteApi } from '../executeApi';
import { gather } from '../kernel/tables';
import type { Tabular } from '../plan';
import { seededRandom } from '../../shared/random';
import type { Table } from '../table';
import type { TranslateApi } from '../translateApi';
import type { OperatorSite, PlanOf } from './operator';

export function translate(site: OperatorSite, api: TranslateApi): Tabular {
  const { node, scope, schema, span, inputSchema, need } = site;
  return {
    op: 'sample',
    input: need(),
    count: api.scalar(node.Expression, scope, inputSchema),
    schema,
    span,
  };
}

export function execute(plan: PlanOf<'sample'>, api: ExecuteApi): Table {
  const input = api.run(plan.input);
  const count = Math.min(input.length, Math.max(0, Number(api.constant(plan.count) ?? 0)));
  // Seeded so the same query on the same data gives the same sample.
  const random = seededRandom(0x2545f491);
  const indices = Array.from({ length: input.length }, (_, i) => i);
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (input.length - i));
    [indices[i], indices[j]] = [indices[j]!, indices[i]!];
  }
  return gather(input, indices.slice(0, count));
}
