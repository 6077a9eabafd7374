/**
 * `evaluate bag_unpack(column [, prefix] [, columnsConflict] [, ignoredProperties])`: one column per property of
 * the bags (typed by the analyzer's schema when it knows them).
 */
import { EngineError, unsupported } from '../errors';
import type { ExecuteApi } from '../executeApi';
import { convertTo } from '../functions/helpers';
import { makeTable } from '../kernel/tables';
import type { Tabular } from '../plan';
import type { Column, Table } from '../table';
import type { TranslateApi } from '../translateApi';
import type { KustoType } from '../types';
import type { OperatorSite, PlanOf } from './operator';
import type { SyntaxNode } from '../syntax/node';

export function translate(site: OperatorSite, api: TranslateApi): Tabular {
  const { node, scope, schema, span } = site;
  const input = site.need();
  const call = node.FunctionCall;
  // bag_unpack(column [, prefix] [, columnsConflict] [, ignoredProperties]), positionally or by name.
  const args = api.elements(call.ArgumentList.Expressions);
  const options = new Map<string, SyntaxNode>();
  const positional = ['prefix', 'columnsconflict', 'ignoredproperties'];
  args.slice(1).forEach((arg, index) => {
    if (api.kind(arg) === 'SimpleNamedExpression')
      options.set(String(arg.Name.SimpleName).toLowerCase(), arg.Expression);
    else if (positional[index]) options.set(positional[index], arg);
  });
  const constant = (key: string): unknown => {
    const option = options.get(key);
    if (!option) return undefined;
    const expr = api.scalar(option, scope, undefined);
    if (expr.kind !== 'literal')
      throw unsupported(`a bag_unpack ${key} that is not a constant`, api.span(option));
    return expr.value;
  };
  const column = api.scalar(args[0]!, scope, input.schema ?? []);
  const prefix = String(constant('prefix') ?? '');
  const conflict = String(constant('columnsconflict') ?? 'error').toLowerCase();
  if (conflict !== 'error' && conflict !== 'replace_source' && conflict !== 'keep_source') {
    throw new EngineError(
      'KQL_BAD_ARGUMENT',
      `bag_unpack: columnsConflict must be 'error', 'replace_source' or 'keep_source', not '${conflict}'.`,
      api.span(options.get('columnsconflict')!),
    );
  }
  const ignored = constant('ignoredproperties');
  const ignoredProperties = Array.isArray(ignored) ? ignored.map(String) : [];
  return {
    op: 'bagunpack',
    input,
    column,
    prefix,
    columnsConflict: conflict,
    ignoredProperties,
    schema,
    span,
  };
}

export function execute(plan: PlanOf<'bagunpack'>, api: ExecuteApi): Table {
  const input = api.run(plan.input);
  const fn = api.compile(plan.column, input);
  const sourceName = plan.column.kind === 'column' ? plan.column.name : '';
  const ignored = new Set(plan.ignoredProperties ?? []);
  const bags = Array.from({ length: input.length }, (_, row) => {
    const value = fn(row);
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  });
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const bag of bags) {
    for (const key of Object.keys(bag)) {
      if (seen.has(key) || ignored.has(key)) continue;
      seen.add(key);
      keys.push(key);
    }
  }
  const inputColumns = input.columns.filter((c) => c.name !== sourceName);
  // A property named like a remaining input column: an error by default, or replace / keep that column.
  const clashes = new Set(
    keys
      .filter((key) => inputColumns.some((c) => c.name === plan.prefix + key))
      .map((key) => plan.prefix + key),
  );
  const conflict = plan.columnsConflict ?? 'error';
  if (clashes.size > 0 && conflict === 'error') {
    throw new EngineError(
      'KQL_RUNTIME',
      `bag_unpack: the column '${[...clashes][0]}' already exists; pass columnsConflict='replace_source' or 'keep_source'.`,
      plan.span,
    );
  }
  const fromBag = (name: string, type: KustoType): Column => {
    const key = name.slice(plan.prefix.length);
    return {
      name,
      type,
      values: bags.map((bag) => (key in bag ? convertTo(bag[key], type, 'dynamic') : null)),
    };
  };
  const columns = inputColumns.map((column) =>
    clashes.has(column.name) && conflict === 'replace_source' ? fromBag(column.name, column.type) : column,
  );
  const added = keys.map((key) => plan.prefix + key).filter((name) => !clashes.has(name));
  if (plan.schema) {
    const outputColumns: Column[] = plan.schema.map(
      (column) => columns.find((c) => c.name === column.name) ?? fromBag(column.name, column.type),
    );
    if (
      plan.schema.length > columns.length &&
      added.every((name) => plan.schema!.some((c) => c.name === name))
    ) {
      return makeTable(outputColumns, input.length);
    }
  }
  for (const name of added.sort()) {
    const key = name.slice(plan.prefix.length);
    columns.push({
      name,
      type: 'dynamic',
      values: bags.map((bag) => (key in bag ? bag[key] : null)),
    });
  }
  return { columns, length: input.length };
}
