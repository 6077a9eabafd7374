/** The plan of Kusto's graph operators (make-graph, graph-match, graph-to-table): plain values, as in ../plan.ts. */
import type { ColumnSchema, Expr, NamedExpr, Span, Tabular } from '../plan';

/** `Edges | make-graph Source --> Target with Nodes1 on Key1, Nodes2 on Key2`. */
export interface MakeGraphPlan {
  readonly edges: Tabular;
  readonly sourceColumn: string;
  readonly targetColumn: string;
  readonly nodeTables: readonly { readonly table: Tabular; readonly keyColumn: string }[];
  readonly span: Span;
}

/** A named (or anonymous, given a generated name) node or edge of a graph-match pattern. */
export interface GraphVariable {
  readonly name: string;
  /** `path` is a variable length edge: its properties are read per edge. */
  readonly element: 'node' | 'edge' | 'path';
  readonly properties: readonly ColumnSchema[];
}

export type EdgeDirection = 'forward' | 'backward' | 'any';

/** One edge of the pattern between two node variables, as written from left to right. */
export interface PatternEdge {
  readonly variable: string;
  readonly left: string;
  readonly right: string;
  /** forward: `-[e]->` (left is the source); backward: `<-[e]-`; any: `-[e]-`. */
  readonly direction: EdgeDirection;
  readonly variableLength: boolean;
  readonly min: number;
  readonly max: number;
  readonly span: Span;
}

export type CyclesMode = 'unique_edges' | 'none' | 'all';

export interface GraphMatchPlan {
  readonly graph: MakeGraphPlan;
  /** Node variables, each once, in order of first appearance. */
  readonly nodes: readonly string[];
  readonly edges: readonly PatternEdge[];
  readonly pathVariables: readonly string[];
  readonly cycles: CyclesMode;
  /** The where clause's conjuncts (its top-level `and` terms), each evaluated as soon as its variables are bound. */
  readonly conditions: readonly Expr[];
  readonly project: readonly NamedExpr[];
  readonly span: Span;
}

export type GraphOperation =
  | { readonly kind: 'make'; readonly graph: MakeGraphPlan }
  | { readonly kind: 'match'; readonly match: GraphMatchPlan }
  | { readonly kind: 'nodes'; readonly graph: MakeGraphPlan; readonly nodeIdColumn?: string }
  | {
      readonly kind: 'edges';
      readonly graph: MakeGraphPlan;
      readonly sourceIdColumn?: string;
      readonly targetIdColumn?: string;
    }
  /** `graph-to-table nodes as N, edges as E`: binds N and E for the next statements and returns nothing itself. */
  | { readonly kind: 'bind' };

/** The column that holds property `property` of graph variable `variable` while a match is evaluated. */
export function graphColumnName(variable: string, property: string): string {
  return `@${variable}.${property}`;
}

/** Graph functions over a variable length edge: `map(e, expr)`, `all(inner_nodes(e), cond)`, `any(...)`. */
export const GRAPH_FUNCTION_CALLS = {
  map: '__graph_map',
  all: '__graph_all',
  any: '__graph_any',
} as const;

export type GraphFunctionCall = (typeof GRAPH_FUNCTION_CALLS)[keyof typeof GRAPH_FUNCTION_CALLS];

export function isGraphFunctionCall(name: string): name is GraphFunctionCall {
  return name === '__graph_map' || name === '__graph_all' || name === '__graph_any';
}
