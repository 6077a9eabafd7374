/** The plan of Kusto's graph operators (make-graph, graph-match, graph-to-table): plain values, as in ../plan.ts. */
import type { ColumnSchema, Expr, NamedExpr, Span, Tabular } from '../plan';

/** `Edges | make-graph Source --> Target with Nodes1 on Key1, Nodes2 on Key2`. */
export interface MakeGraphPlan {
  readonly edges: Tabular;
  readonly sourceColumn: string;
  readonly targetColumn: string;
  readonly nodeTables: readonly { readonly table: Tabular; readonly keyColumn: string }[];
  /** `with_node_id=name`: no node tables; each node's one property `name` is its id. */
  readonly implicitIdColumn?: string;
  readonly span: Span;
}

/** A graph value: built by make-graph, then possibly marked by graph-mark-components. */
export type GraphSource =
  | { readonly kind: 'make'; readonly make: MakeGraphPlan }
  /** graph-mark-components: each node gets its (weak or strong) connected component's index as a property. */
  | {
      readonly kind: 'components';
      readonly input: GraphSource;
      readonly strong: boolean;
      readonly property: string;
      readonly span: Span;
    }
  /** Inside `make-graph ... partitioned-by column (subquery)`: the graph of the partition at hand. */
  | { readonly kind: 'partition'; readonly make: MakeGraphPlan };

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
  readonly graph: GraphSource;
  /** graph-shortest-paths: per pair of end nodes, the shortest matches only (`any`: one of them). */
  readonly shortest?: 'any' | 'all';
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
  | { readonly kind: 'graph'; readonly graph: GraphSource }
  | { readonly kind: 'match'; readonly match: GraphMatchPlan }
  | { readonly kind: 'nodes'; readonly graph: GraphSource; readonly nodeIdColumn?: string }
  | {
      readonly kind: 'edges';
      readonly graph: GraphSource;
      readonly sourceIdColumn?: string;
      readonly targetIdColumn?: string;
    }
  /** `make-graph ... partitioned-by column (subquery)`: the subquery over each partition's graph, unioned. */
  | {
      readonly kind: 'partitioned';
      readonly make: MakeGraphPlan;
      readonly partitionColumn: string;
      readonly subquery: GraphOperation;
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

/** Node functions (`node_id(n)`, `node_degree_in(n)`, `node_degree_out(n)`) read as extra node properties. */
export const NODE_FUNCTION_PROPERTIES = {
  node_id: '\u0001node_id',
  node_degree_in: '\u0001node_degree_in',
  node_degree_out: '\u0001node_degree_out',
} as const;
