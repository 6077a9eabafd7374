/**
 * `project-away`, `project-keep`, `project-reorder` and `project-rename`: input columns picked and renamed
 * (the `select` plan; the analyzer has already resolved wildcards and order).
 */
import type { ExecuteApi } from '../executeApi';
import { columnByName, makeTable } from '../kernel/tables';
import type { Tabular } from '../plan';
import { renamedColumn, type Table } from '../table';
import type { TranslateApi } from '../translateApi';
import type { OperatorSite, PlanOf } from './operator';

export function translateKeep(site: OperatorSite, _api: TranslateApi): Tabular {
  const { schema, span, need } = site;
  // The analyzer already resolved wildcards and order: pick its output columns from the input.
  return {
    op: 'select',
    input: need(),
    picks: (schema ?? []).map((column) => ({ from: column.name, as: column.name })),
    schema,
    span,
  };
}

export function translateRename(site: OperatorSite, api: TranslateApi): Tabular {
  const { node, schema, span, inputSchema, need } = site;
  const renames = new Map<string, string>();
  for (const item of api.elements(node.Expressions)) {
    renames.set(item.Expression.SimpleName ?? api.text(item.Expression), item.Name.SimpleName);
  }
  const picks = inputSchema.map((column) => ({
    from: column.name,
    as: renames.get(column.name) ?? column.name,
  }));
  return { op: 'select', input: need(), picks, schema, span };
}

export function execute(plan: PlanOf<'select'>, api: ExecuteApi): Table {
  const input = api.run(plan.input);
  const columns = plan.picks.map((pick) => {
    const column = columnByName(input, pick.from, plan.span);
    return column.name === pick.as ? column : renamedColumn(column, pick.as);
  });
  return makeTable(columns, input.length);
}
