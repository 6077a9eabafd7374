/**
 * `union`: the rows of several tables; same-named columns of different types get a type suffix; `kind=inner`
 * keeps the common columns, `withsource=` names the source table, `isfuzzy=true` skips unresolvable inputs.
 */
import { EngineError } from '../errors';
import type { ExecuteApi } from '../executeApi';
import { makeTable } from '../kernel/tables';
import type { Tabular } from '../plan';
import type { Column, Table } from '../table';
import type { TranslateApi } from '../translateApi';
import type { KustoType } from '../types';
import type { OperatorSite, PlanOf } from './operator';

export function translate(site: OperatorSite, api: TranslateApi): Tabular {
  const { node, scope, schema, input } = site;
  const span = api.span(node);
  const parameters = api.parameters(node.Parameters);
  const fuzzy = parameters.get('isfuzzy')?.text.toLowerCase() === 'true';
  const inputs: { plan: Tabular; name: string }[] = [];
  if (input) inputs.push({ plan: input, name: 'union_arg0' });
  for (const item of api.elements(node.Expressions)) {
    const itemKind = api.kind(item);
    if (
      itemKind === 'WildcardedNameReference' ||
      (itemKind === 'NameReference' && /\*/.test(api.text(item)))
    ) {
      const pattern = new RegExp(`^${api.text(item).trim().replace(/\*/g, '.*')}$`);
      const symbols = item.ReferencedSymbol;
      const names: string[] = [];
      if (symbols && symbols.Members) {
        for (let i = 0; i < symbols.Members.Count; i++) names.push(symbols.Members.getItem(i).Name);
      }
      for (const name of names.filter((n) => pattern.test(n))) {
        inputs.push({ plan: { op: 'table', name, span: api.span(item), schema: undefined }, name });
      }
      continue;
    }
    let plan: Tabular;
    try {
      plan = api.tabular(item, scope);
    } catch (error) {
      // isfuzzy=true: an input that cannot be resolved is left out, as Kusto does.
      if (fuzzy && error instanceof EngineError) continue;
      throw error;
    }
    const name = itemKind === 'NameReference' ? (item.SimpleName as string) : `union_arg${inputs.length}`;
    inputs.push({ plan, name });
  }
  const withSource = parameters.get('withsource')?.text;
  const outer = (parameters.get('kind')?.text.toLowerCase() ?? 'outer') === 'outer';
  return { op: 'union', inputs, outer, schema, span, ...(withSource ? { withSource } : {}) };
}

export function execute(plan: PlanOf<'union'>, api: ExecuteApi): Table {
  const tables = plan.inputs.map((input) => ({ table: api.run(input.plan), name: input.name }));
  const schema = plan.schema;
  const names: string[] = [];
  const types = new Map<string, KustoType>();
  if (plan.withSource) {
    names.push(plan.withSource);
    types.set(plan.withSource, 'string');
  }
  for (const { table } of tables) {
    for (const column of table.columns) {
      const key = column.name;
      if (!types.has(key)) {
        names.push(key);
        types.set(key, column.type);
      } else if (types.get(key) !== column.type) {
        // Same name, different type: Kusto suffixes the type (x_long, x_string).
        const suffixed = `${column.name}_${column.type}`;
        if (!types.has(suffixed)) {
          names.push(suffixed);
          types.set(suffixed, column.type);
        }
      }
    }
  }
  api.budget.reserveRows(
    'union',
    tables.reduce((sum, { table }) => sum + table.length, 0),
    names.length,
    plan.span,
  );
  const columns: Column[] = names.map((name) => ({ name, type: types.get(name)!, values: [] }));
  for (const { table, name: tableName } of tables) {
    api.check(plan.span);
    const mapping = columns.map((column) => {
      if (plan.withSource && column.name === plan.withSource) return 'source';
      const exact = table.columns.find((c) => c.name === column.name && c.type === column.type);
      if (exact) return exact;
      return table.columns.find((c) => `${c.name}_${c.type}` === column.name) ?? null;
    });
    for (let row = 0; row < table.length; row++) {
      mapping.forEach((source, index) => {
        const column = columns[index]!;
        if (source === 'source') column.values.push(tableName);
        else column.values.push(source ? source.values[row] : column.type === 'string' ? '' : null);
      });
    }
  }
  const length = tables.reduce((sum, { table }) => sum + table.length, 0);
  const result = makeTable(columns, length);
  if (!plan.outer && schema) {
    const keep = schema
      .map((column) => columns.find((c) => c.name === column.name))
      .filter((c): c is Column => !!c);
    return makeTable(keep, length);
  }
  if (!plan.outer) {
    // No schema from the analyzer (an inner macro-expand): the columns every input has, by name and type.
    const common = columns.filter((column) =>
      tables.every(({ table }) =>
        table.columns.some((c) => c.name === column.name && c.type === column.type),
      ),
    );
    return makeTable(common, length);
  }
  return result;
}
