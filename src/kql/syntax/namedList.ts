/** The items of project/extend/print/by and the keys of sort/top, named and ordered as the analyzer computed them. */
import { literal, type ColumnSchema, type NamedExpr, type SortKey } from '../plan';
import type { TranslateApi } from '../translateApi';
import { symbolKindName, syntaxKindName, tableColumns, type KNode } from './kusto';
import type { Scope } from './scope';

const kind = (node: KNode): string => syntaxKindName(node);
const spanOf = (node: KNode) => ({
  start: node.TextStart as number,
  length: Math.max(1, node.Width as number),
});
const elements = (list: KNode): KNode[] => {
  if (!list) return [];
  const result: KNode[] = [];
  for (let i = 0; i < list.ChildCount; i++) {
    const child = list.GetChild(i);
    if (child) result.push(kind(child) === 'SeparatedElement' ? child.Element : child);
  }
  return result;
};

export function namedList(
  api: TranslateApi,
  list: KNode,
  env: Scope,
  rowSchema: readonly ColumnSchema[] | undefined,
  outSchema: readonly ColumnSchema[] | undefined,
  keptSchema: readonly ColumnSchema[],
): NamedExpr[] {
  const items = elements(list);
  const kept = new Set(keptSchema.map((column) => column.name));
  // Names the analyzer gave to columns that are not passed-through input columns, in order.
  const generated = (outSchema ?? []).filter((column) => !kept.has(column.name)).map((column) => column.name);
  let generatedIndex = 0;
  const result: NamedExpr[] = [];
  items.forEach((item, index) => {
    const itemKind = kind(item);
    if (itemKind === 'SimpleNamedExpression') {
      const name = item.Name.SimpleName as string;
      result.push({ name, expr: api.scalar(item.Expression, env, rowSchema) });
      if (generated[generatedIndex] === name) generatedIndex++;
      return;
    }
    if (itemKind === 'CompoundNamedExpression') {
      const names = elements(item.Names.Names).map((name) => name.SimpleName as string);
      const expr = api.scalar(item.Expression, env, rowSchema);
      names.forEach((name, position) => {
        result.push({
          name,
          expr: {
            kind: 'call',
            name: '__tuple_item',
            args: [expr, literal('long', position)],
            type: 'dynamic',
            span: spanOf(item),
          },
        });
      });
      return;
    }
    if (itemKind === 'StarExpression') {
      for (const column of rowSchema ?? []) {
        result.push({
          name: column.name,
          expr: { kind: 'column', name: column.name, type: column.type, span: spanOf(item) },
        });
      }
      return;
    }
    const expr = api.scalar(item, env, rowSchema);
    const tuple =
      item.ResultType && symbolKindName(item.ResultType) === 'Tuple'
        ? tableColumns(item.ResultType)
        : undefined;
    if (tuple && tuple.length > 0) {
      // A function with several results (series_stats, array_sort_asc over several arrays) adds one column each.
      tuple.forEach((column, position) => {
        result.push({
          name: column.name,
          expr: {
            kind: 'call',
            name: '__tuple_item',
            args: [expr, literal('long', position)],
            type: column.type,
            span: spanOf(item),
          },
        });
        if (generated[generatedIndex] === column.name) generatedIndex++;
      });
      return;
    }
    let name: string | undefined;
    if (expr.kind === 'column') name = expr.name;
    if (
      !name ||
      (outSchema && keptSchema.length === 0 && outSchema[index] && outSchema.length === items.length)
    ) {
      name =
        keptSchema.length === 0 && outSchema?.length === items.length ? outSchema[index]!.name : undefined;
    }
    if (
      !name ||
      (kept.size > 0 &&
        !kept.has(name) &&
        generated[generatedIndex] !== undefined &&
        generated[generatedIndex] !== name)
    ) {
      name =
        name && !kept.has(name) && generated.includes(name)
          ? name
          : (generated[generatedIndex] ?? name ?? `Column${index + 1}`);
    }
    if (generated[generatedIndex] === name) generatedIndex++;
    result.push({ name, expr });
  });
  return result;
}

export function sortKeys(
  api: TranslateApi,
  list: KNode | KNode[],
  env: Scope,
  rowSchema: readonly ColumnSchema[],
): SortKey[] {
  const items = Array.isArray(list) ? list : elements(list);
  return items.map((item) => {
    let expression = item;
    let descending = true;
    let nullsFirst: boolean | undefined;
    if (kind(item) === 'OrderedExpression') {
      expression = item.Expression;
      const ordering = item.Ordering;
      if (ordering) {
        const direction = (ordering.AscOrDescKeyword?.Text as string | undefined)?.toLowerCase();
        if (direction === 'asc') descending = false;
        const nulls = (ordering.NullsClause?.FirstOrLastKeyword?.Text as string | undefined)?.toLowerCase();
        if (nulls) nullsFirst = nulls === 'first';
      }
    }
    return {
      expr: api.scalar(expression, env, rowSchema),
      descending,
      // Kusto: nulls last when descending, first when ascending, unless told.
      nullsFirst: nullsFirst ?? !descending,
    };
  });
}
