/**
 * Query operators that translate into plans the executor already runs (so they need no executor change):
 * `consume` (no rows), `sample-distinct N of Col` (N distinct values, sampled), `top-hitters N of Col [by Expr]` (the
 * most frequent values, or those with the largest sum of Expr; Kusto estimates, the engine counts exactly, within the
 * estimate's error), `assert-schema (Col:type, ...)` (the input when it has those columns, an error naming the first
 * one missing otherwise), `find` (find.ts) and the internal `__executeAndCache`. Operators that return several result tables (`fork`,
 * `facet`) say so: the engine returns one table per query.
 */
import { EngineError, unsupported } from '../errors';
import type { KNode } from '../kusto';
import type { ColumnSchema, Expr, Tabular } from '../plan';
import type { Scope, TranslateApi } from '../translateApi';
import { translateFind } from './find';
import { acceptHintsOnly } from './hints';

type Translate = (
  api: TranslateApi,
  node: KNode,
  input: Tabular,
  scope: Scope,
  schema: ColumnSchema[] | undefined,
) => Tabular;

const consume: Translate = (api, node, input, _scope, schema) => {
  const span = api.span(node);
  acceptHintsOnly(api, node.Parameters, 'consume');
  return { op: 'take', input, count: { kind: 'literal', type: 'long', value: 0 }, schema, span };
};

const sampleDistinct: Translate = (api, node, input, scope, schema) => {
  const span = api.span(node);
  acceptHintsOnly(api, node.Parameters, 'sample-distinct');
  const value = api.scalar(node.OfExpression, scope, input.schema);
  const name = schema?.[0]?.name ?? api.text(node.OfExpression).trim();
  const distinct: Tabular = { op: 'distinct', input, items: [{ name, expr: value }], schema, span };
  return {
    op: 'sample',
    input: distinct,
    count: api.scalar(node.Expression, scope, undefined),
    schema,
    span,
  };
};

const topHitters: Translate = (api, node, input, scope, schema) => {
  const span = api.span(node);
  const value = api.scalar(node.OfExpression, scope, input.schema);
  const byNode = node.ByClause?.Expression;
  const weight = byNode ? api.scalar(byNode, scope, input.schema) : undefined;
  const valueName = schema?.[0]?.name ?? api.text(node.OfExpression).trim();
  const countName = schema?.[1]?.name ?? (weight ? 'approximate_sum' : 'approximate_count');
  const measure: Expr = weight
    ? { kind: 'aggregate', name: 'sum', args: [weight], type: schema?.[1]?.type ?? 'long', span }
    : { kind: 'aggregate', name: 'count', args: [], type: 'long', span };
  const counted: Tabular = {
    op: 'summarize',
    input,
    aggregates: [{ name: countName, expr: measure }],
    by: [{ name: valueName, expr: value }],
    schema: [
      { name: valueName, type: value.kind === 'star' ? 'dynamic' : api.typeOf(node.OfExpression) },
      { name: countName, type: measure.type },
    ],
    span,
  };
  const countColumn: Expr = { kind: 'column', name: countName, type: measure.type, span };
  return {
    op: 'top',
    input: counted,
    count: api.scalar(node.Expression, scope, undefined),
    keys: [{ expr: countColumn, descending: true, nullsFirst: false }],
    schema,
    span,
  };
};

const assertSchema: Translate = (api, node, input, _scope, schema) => {
  const span = api.span(node);
  const have = input.schema ?? [];
  for (const declaration of api.elements(node.Schema.Columns)) {
    if (api.kind(declaration) !== 'NameAndTypeDeclaration') continue;
    const name = String(declaration.Name.SimpleName);
    const type = api.typeName(declaration.Type);
    const column = have.find((c) => c.name === name);
    if (!column || column.type !== type)
      throw new EngineError(
        'KQL_RUNTIME',
        column
          ? `assert-schema: column '${name}' is ${column.type}, not ${type}.`
          : `assert-schema: the input has no column '${name}' (${type}).`,
        api.span(declaration),
      );
  }
  return { op: 'passthrough', input, schema: schema ?? have, span };
};

const severalResults: Translate = (api, node) => {
  throw unsupported(
    `operator '${api.text(node).trim().split(/\s/)[0]}': it returns several result tables, and the engine returns one per query`,
    api.span(node),
  );
};

const OPERATORS: Readonly<Record<string, Translate>> = {
  ConsumeOperator: consume,
  SampleDistinctOperator: sampleDistinct,
  TopHittersOperator: topHitters,
  AssertSchemaOperator: assertSchema,
  ForkOperator: severalResults,
  FacetOperator: severalResults,
};

/** The plan of an operator this module translates, or undefined for any other operator. */
export function translateCatalogOperator(
  api: TranslateApi,
  node: KNode,
  input: Tabular | undefined,
  scope: Scope,
  schema: ColumnSchema[] | undefined,
): Tabular | undefined {
  if (api.kind(node) === 'FindOperator') return translateFind(api, node, scope, schema);
  const translate = OPERATORS[api.kind(node)];
  if (!translate) return undefined;
  if (!input) throw unsupported(`'${api.kind(node)}' without input`, api.span(node));
  return translate(api, node, input, scope, schema);
}
