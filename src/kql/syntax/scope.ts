/** The names visible at a point of a query: let values, tables, user functions, patterns, graph variables. */
import type { GraphVariable } from '../graph/plan';
import type { Expr, Tabular } from '../plan';
import type { DatabaseTarget } from '../statements/alias';
import type { PatternDeclaration } from '../statements/pattern';
import type { SyntaxNode } from './node';

export type Binding =
  | { readonly kind: 'scalar'; readonly expr: Expr }
  | { readonly kind: 'tabular'; readonly plan: Tabular }
  | { readonly kind: 'function'; readonly node: SyntaxNode; readonly scope: Scope }
  /** `name.column` reads the row's column `prefix + column` (a scan step's state). */
  | { readonly kind: 'rowState'; readonly prefix: string }
  | { readonly kind: 'pattern'; readonly pattern: PatternDeclaration }
  | { readonly kind: 'graph'; readonly variable: GraphVariable }
  /** `let G = entity_group [...]`: the group's syntax, expanded by macro-expand. */
  | { readonly kind: 'entityGroup'; readonly node: SyntaxNode }
  /** A macro-expand identifier standing for a database of its entity group: `X.Table` reads that database's table. */
  | { readonly kind: 'database'; readonly target: DatabaseTarget };

export type FunctionBinding = Extract<Binding, { kind: 'function' }>;

export class Scope {
  private readonly names = new Map<string, Binding>();
  constructor(readonly parent?: Scope) {}
  /** Every binding visible here, innermost first. */
  entries(): [string, Binding][] {
    const own = [...this.names.entries()];
    const outer = this.parent ? this.parent.entries().filter(([name]) => !this.names.has(name)) : [];
    return [...own, ...outer];
  }
  get(name: string): Binding | undefined {
    return this.names.get(name) ?? this.parent?.get(name);
  }
  set(name: string, binding: Binding): void {
    this.names.set(name, binding);
  }
}
