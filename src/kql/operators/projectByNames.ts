/**
 * `project-by-names`: keeps input columns named by constants and orders them as named. A specifier is a column name
 * (a string), a `*` wildcard pattern, or a dynamic array of names or patterns (`column_names_of(T)` gives one). Names
 * that match no column are ignored; a column matched twice keeps its first place. This follows the operator's
 * documentation and the schema Kusto.Language computes for it (case-sensitive names, only `*` as wildcard,
 * non-string array elements ignored).
 */
import { unsupported } from '../errors';
import type { ExecuteApi } from '../executeApi';
import { makeTable } from '../kernel/tables';
import type { ColumnSchema, Expr, Span, Tabular } from '../plan';
import { syntaxKindName } from '../syntax/kusto';
import type { Table } from '../table';
import type { TranslateApi } from '../translateApi';
import type { OperatorSite, PlanOf } from './operator';
import type { SyntaxNode } from '../syntax/node';

export interface ColumnSpecifier {
  readonly expr: Expr;
  readonly span: Span;
}

/**
 * The specifier must be a constant: Kusto resolves it from the query text (a literal, a `let` constant, a function
 * argument, or `column_names_of()`), never from row values or a subquery.
 */
function isConstantSpecifier(expr: Expr): boolean {
  if (expr.kind === 'literal') return true;
  return expr.kind === 'toscalar' && expr.query.op === 'columnnames';
}

export function translate(site: OperatorSite, api: TranslateApi): Tabular {
  const { node, scope, schema, span, inputSchema } = site;
  return projectByNamesPlan(
    site.need(),
    api.elements(node.Expressions).map((item) => ({
      expr: api.scalar(item, scope, inputSchema),
      span: api.span(item),
    })),
    isInFunctionBody(node) ? undefined : schema,
    span,
  );
}

export function execute(plan: PlanOf<'projectbynames'>, api: ExecuteApi): Table {
  const input = api.run(plan.input);
  const values = plan.specifiers.map((specifier) => api.constant(specifier));
  return makeTable(pickColumnsByNames(input.columns, values), input.length);
}

function projectByNamesPlan(
  input: Tabular,
  specifiers: readonly ColumnSpecifier[],
  schema: readonly ColumnSchema[] | undefined,
  span: Span,
): Tabular {
  for (const specifier of specifiers) {
    if (!isConstantSpecifier(specifier.expr))
      throw unsupported(
        'project-by-names with a column specifier that is not a constant (give a string, a dynamic array of names or column_names_of())',
        specifier.span,
      );
  }
  return {
    op: 'projectbynames',
    input,
    specifiers: specifiers.map((specifier) => specifier.expr),
    span,
    ...(schema ? { schema } : {}),
  };
}

/**
 * Inside a function body Kusto.Language analyzes against the declared parameter schemas, not the caller's tables, so
 * its columns for project-by-names there are a guess; the executor then names the result from the actual input.
 */
export function isInFunctionBody(node: SyntaxNode): boolean {
  for (let parent = node?.Parent; parent; parent = parent.Parent) {
    if (syntaxKindName(parent) === 'FunctionDeclaration') return true;
  }
  return false;
}

/** The names and patterns one specifier value stands for. */
export function namesOfSpecifier(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return [];
}

function matcherOf(pattern: string): (name: string) => boolean {
  if (!pattern.includes('*')) return (name) => name === pattern;
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  const regex = new RegExp(`^${source}$`, 's');
  return (name) => regex.test(name);
}

/** The input columns the specifier values select, in the order they are named or matched. */
export function pickColumnsByNames<C extends { readonly name: string }>(
  columns: readonly C[],
  specifierValues: readonly unknown[],
): C[] {
  const picked: C[] = [];
  const taken = new Set<string>();
  for (const value of specifierValues) {
    for (const pattern of namesOfSpecifier(value)) {
      const matches = matcherOf(pattern);
      for (const column of columns) {
        if (taken.has(column.name) || !matches(column.name)) continue;
        taken.add(column.name);
        picked.push(column);
      }
    }
  }
  return picked;
}
