/**
 * What plan operators (operators/), graph operators (graph/), plug-ins (plugins/) and statements (statements/) use
 * to translate their part of Kusto.Language's tree: the translator (syntax/translate.ts) implements it, and the
 * modules return plain plan values.
 */
import type { GraphVariable } from './graph/plan';
import type { ColumnSchema, Expr, NamedExpr, SortKey, Span, Tabular } from './plan';
import type { FunctionBinding, Scope } from './syntax/scope';
import type { KustoType } from './types';
import type { SyntaxNode } from './syntax/node';

export type { Scope } from './syntax/scope';

/** A table of the database, by the schema the query was analyzed against. */
export interface DatabaseTable {
  readonly name: string;
  readonly columns: readonly ColumnSchema[];
}

export interface TranslateApi {
  kind(node: SyntaxNode): string;
  span(node: SyntaxNode): Span;
  /** Elements of a syntax list, separators removed. */
  elements(list: SyntaxNode): SyntaxNode[];
  text(node: SyntaxNode): string;
  /** A type in the query text (`long`, `typeof(string)`). */
  typeName(typeNode: SyntaxNode): KustoType;
  /** The columns Kusto.Language computed for a tabular expression. */
  schemaOf(node: SyntaxNode): ColumnSchema[] | undefined;
  /** The scalar type Kusto.Language computed for an expression. */
  typeOf(node: SyntaxNode): KustoType;
  /** Whether Kusto.Language typed the expression as a table (or a group or graph). */
  isTabular(node: SyntaxNode): boolean;
  /** A scalar expression over the row's columns; aggregates are allowed where a summarize-like operator reads them. */
  scalar(
    node: SyntaxNode,
    scope: Scope,
    rowSchema: readonly ColumnSchema[] | undefined,
    allowAggregates?: boolean,
  ): Expr;
  /**
   * A constant of the given type written where the analyzer gives no type (a declared default: `x: long = -1`); any
   * other expression is translated as a scalar.
   */
  literal(node: SyntaxNode, type: KustoType, scope: Scope): Expr;
  tabular(node: SyntaxNode, scope: Scope): Tabular;
  /** Items of project/extend/print/by: each named by the item's own name or by the analyzer's schema. */
  namedList(
    list: SyntaxNode,
    scope: Scope,
    rowSchema: readonly ColumnSchema[] | undefined,
    outSchema: readonly ColumnSchema[] | undefined,
    keptSchema: readonly ColumnSchema[],
  ): NamedExpr[];
  /** `by` keys of sort/top with their direction and nulls placement. */
  sortKeys(list: SyntaxNode | SyntaxNode[], scope: Scope, rowSchema: readonly ColumnSchema[]): SortKey[];
  /** Named parameters of an operator (`kind=inner`, `with_itemindex=i`) as text, by lower-case name. */
  parameters(list: SyntaxNode): Map<string, { text: string; node: SyntaxNode }>;
  /**
   * A scope where `name.column` reads the column named `prefix + column` of the row being evaluated (scan reads its
   * steps' state this way).
   */
  withRowState(scope: Scope, name: string, prefix: string): Scope;
  /** A scope where `name` is the given scalar. */
  withScalar(scope: Scope, name: string, value: Expr): Scope;
  /** A scope where the graph pattern's variables are bound (graph-match's where and project). */
  withGraphVariables(scope: Scope, variables: readonly GraphVariable[]): Scope;
  graphVariable(scope: Scope, name: string): GraphVariable | undefined;
  /** Binds `plan` under `name` in `scope` as a shared result (computed once), and returns that shared plan. */
  bindTable(scope: Scope, name: string, plan: Tabular): Tabular;
  /**
   * A scope where `name` stands for one entity of a macro-expand entity group: a database (`database("d")`,
   * `cluster(c).database(d)`: `name.Table` reads its table) or a table (`name` reads it).
   */
  withEntity(scope: Scope, name: string, entity: SyntaxNode): Scope;
  /** A fresh id for a shared plan (`as`, `let`, materialize). */
  sharedId(): number;
  /** A subquery that starts with an operator (`sort by x | scan ...`), applied to `input`. */
  pipelineOver(node: SyntaxNode, input: Tabular, scope: Scope): Tabular;
  /** Translates statements (let, pattern...) in the scope, then `final`; the tabular results in order. */
  block(statements: SyntaxNode[], scope: Scope, final?: SyntaxNode): Tabular[];
  /** Expands a user-defined tabular function with its arguments (and piped input) bound. */
  callUserFunction(
    binding: FunctionBinding,
    args: SyntaxNode[],
    call: SyntaxNode,
    scope: Scope,
    pipedInput: Tabular | undefined,
  ): Tabular;
  /** The database's tables (search without `in` reads them all). */
  readonly tables: readonly DatabaseTable[];
}
