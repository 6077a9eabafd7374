/** A table read by name (a database table, or a temporary one: mv-apply rows, a partition), and a plan passed through. */
import type { ExecuteApi } from '../executeApi';
import type { Table } from '../table';
import type { PlanOf } from './operator';

export function execute(plan: PlanOf<'table'>, api: ExecuteApi): Table {
  return api.table(plan.name);
}

export function executePassthrough(plan: PlanOf<'passthrough'>, api: ExecuteApi): Table {
  return api.run(plan.input);
}
