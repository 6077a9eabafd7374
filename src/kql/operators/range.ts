/**
 * `range x from a to b step s`: one column of values (numbers, datetimes or timespans).
 */
import { EngineError } from '../errors';
import type { ExecuteApi } from '../executeApi';
import { isNull } from '../functions/helpers';
import { typeOfExpr } from '../kernel/compile';
import { makeTable } from '../kernel/tables';
import type { Tabular } from '../plan';
import type { Table } from '../table';
import type { TranslateApi } from '../translateApi';
import type { OperatorSite, PlanOf } from './operator';

export function translate(site: OperatorSite, api: TranslateApi): Tabular {
  const { node, scope, schema, span } = site;
  return {
    op: 'range',
    name: node.Name.SimpleName,
    from: api.scalar(node.From, scope, undefined),
    to: api.scalar(node.To, scope, undefined),
    step: api.scalar(node.Step, scope, undefined),
    schema,
    span,
  };
}

export function execute(plan: PlanOf<'range'>, api: ExecuteApi): Table {
  const from = api.constant(plan.from);
  const to = api.constant(plan.to);
  const step = api.constant(plan.step);
  const values: unknown[] = [];
  if (isNull(from) || isNull(to) || isNull(step))
    return makeTable([{ name: plan.name, type: typeOfExpr(plan.from), values }], 0);
  if (typeof from === 'bigint') {
    const s = BigInt(step as bigint);
    if (s === 0n) throw new EngineError('KQL_RANGE', 'range: the step must not be zero.', plan.span);
    const count = (to as bigint) - from;
    api.budget.reserveRows('range', count / s < 0n ? 0 : Number(count / s) + 1, 1, plan.span);
    for (let v = from; s > 0n ? v <= (to as bigint) : v >= (to as bigint); v += s) values.push(v);
  } else {
    const s = Number(step);
    if (s === 0 || Number.isNaN(s))
      throw new EngineError('KQL_RANGE', 'range: the step must not be zero.', plan.span);
    const count = (Number(to) - Number(from)) / s;
    api.budget.reserveRows('range', count < 0 ? 0 : Math.floor(count) + 1, 1, plan.span);
    for (let v = Number(from); s > 0 ? v <= Number(to) : v >= Number(to); v += s) values.push(v);
  }
  const type = plan.schema?.[0]?.type ?? typeOfExpr(plan.from);
  return makeTable([{ name: plan.name, type, values }], values.length);
}
