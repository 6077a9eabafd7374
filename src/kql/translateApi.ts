/**
 * What the operator and plugin modules (operators/, plugins/) use to translate their part of Kusto.Language's tree.
 * translate.ts implements it; the modules see syntax nodes only through it, and return plain plan values.
 */
import type { KNode } from './kusto';
import type { ColumnSchema, Expr, Span, Tabular } from './plan';
import type { KustoType } from './types';

/** The names visible at a point of the query (opaque to the modules: they only pass it back). */
export interface Scope {
  readonly __scope: never;
}

export interface TranslateApi {
  kind(node: KNode): string;
  span(node: KNode): Span;
  /** Elements of a syntax list, separators removed. */
  elements(list: KNode): KNode[];
  text(node: KNode): string;
  /** A type in the query text (`long`, `typeof(string)`). */
  typeName(typeNode: KNode): KustoType;
  /** The columns Kusto.Language computed for a tabular expression. */
  schemaOf(node: KNode): ColumnSchema[] | undefined;
  /** The scalar type Kusto.Language computed for an expression. */
  typeOf(node: KNode): KustoType;
  scalar(node: KNode, scope: Scope, rowSchema: readonly ColumnSchema[] | undefined): Expr;
  /**
   * A constant of the given type written where the analyzer gives no type (a declared default: `x: long = -1`); any
   * other expression is translated as a scalar.
   */
  literal(node: KNode, type: KustoType, scope: Scope): Expr;
  tabular(node: KNode, scope: Scope): Tabular;
  /**
   * A scope where `name.column` reads the column named `prefix + column` of the row being evaluated (scan reads its
   * steps' state this way).
   */
  withRowState(scope: Scope, name: string, prefix: string): Scope;
  /** A scope where `name` is the given scalar. */
  withScalar(scope: Scope, name: string, value: Expr): Scope;
  /** A subquery that starts with an operator (`sort by x | scan ...`), applied to `input`. */
  pipelineOver(node: KNode, input: Tabular, scope: Scope): Tabular;
  /** Translates statements (let, pattern...) in the scope, then `final`; the tabular results in order. */
  block(statements: KNode[], scope: Scope, final?: KNode): Tabular[];
}
