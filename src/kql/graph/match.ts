/**
 * graph-match: finds every binding of the pattern's variables to nodes, edges and paths of the graph, keeps those that
 * satisfy the where clause and projects one row per match.
 *
 * Matches grow one pattern edge at a time, as columns of partial bindings (one entry per partial match). Each where
 * conjunct is checked as soon as its variables are bound; conjuncts over a single node or edge become masks computed
 * once over the whole graph. Cycles follow Kusto's `cycles` option: `unique_edges` (default) never uses an edge twice
 * in a match, `none` also never visits a node twice, `all` allows both.
 */
import { EngineError, unsupported } from '../errors';
import { toDynamic } from '../functions/helpers';
import type { Expr, Span } from '../plan';
import { lazyColumn, type Column, type Table } from '../table';
import type { KustoType } from '../types';
import { nodePropertiesAndFunctions, type Graph } from './graph';
import type { ExecuteApi } from '../executeApi';
import { graphColumnName, isGraphFunctionCall, type GraphMatchPlan, type PatternEdge } from './plan';

/** Partial matches beyond this many stop the query with a clear message instead of exhausting memory. */
const MAX_PARTIAL_MATCHES = 5_000_000;

interface Path {
  /** Edges in pattern order (from the edge's left node to its right node). */
  readonly edges: readonly number[];
  /** The nodes between those edges, in the same order. */
  readonly inner: readonly number[];
}

interface Matches {
  length: number;
  readonly nodes: Map<string, number[]>;
  readonly edges: Map<string, number[]>;
  readonly paths: Map<string, Path[]>;
}

interface Condition {
  readonly expr: Expr;
  readonly variables: ReadonlySet<string>;
  readonly hasGraphCall: boolean;
}

type Mask = Uint8Array | undefined;

class Matcher {
  private readonly nodeMasks = new Map<string, Uint8Array>();
  private readonly edgeMasks = new Map<string, Uint8Array>();
  private readonly innerMasks = new Map<string, Uint8Array>();
  private readonly pending: Condition[] = [];
  private readonly elementOf = new Map<string, 'node' | 'edge' | 'path'>();

  constructor(
    private readonly plan: GraphMatchPlan,
    private readonly graph: Graph,
    private readonly host: ExecuteApi,
  ) {
    for (const node of plan.nodes) this.elementOf.set(node, 'node');
    for (const edge of plan.edges) this.elementOf.set(edge.variable, edge.variableLength ? 'path' : 'edge');
    for (const expr of plan.conditions) this.classify(expr);
  }

  // ---------- where clause ----------

  private variablesOf(expr: Expr, found: Set<string>): boolean {
    let hasGraphCall = false;
    const visit = (e: Expr): void => {
      if (e.kind === 'column') {
        const variable = this.variableOfColumn(e.name);
        if (variable) found.add(variable);
      } else if (e.kind === 'call') {
        if (isGraphFunctionCall(e.name)) {
          hasGraphCall = true;
          found.add(String((e.args[0] as { value: unknown }).value));
        }
        e.args.forEach(visit);
      }
    };
    visit(expr);
    return hasGraphCall;
  }

  private variableOfColumn(name: string): string | undefined {
    let best: string | undefined;
    for (const variable of this.elementOf.keys()) {
      if (name.startsWith(graphColumnName(variable, '')) && (!best || variable.length > best.length))
        best = variable;
    }
    return best;
  }

  private classify(expr: Expr): void {
    const variables = new Set<string>();
    const hasGraphCall = this.variablesOf(expr, variables);
    const [only] = variables;
    if (variables.size === 1 && !hasGraphCall) {
      const element = this.elementOf.get(only!)!;
      if (element === 'node') {
        this.nodeMasks.set(only!, and(this.nodeMasks.get(only!), this.mask(expr, this.nodeTable(only!))));
        return;
      }
      if (element === 'edge') {
        this.edgeMasks.set(only!, and(this.edgeMasks.get(only!), this.mask(expr, this.edgeTable(only!))));
        return;
      }
    }
    // all(e, cond) / all(inner_nodes(e), cond) over the element alone: a per-edge or per-node mask for the path.
    if (expr.kind === 'call' && expr.name === '__graph_all' && variables.size === 1) {
      const lambda = expr.args[2]!;
      const inside = new Set<string>();
      const nested = this.variablesOf(lambda, inside);
      const over = String((expr.args[1] as { value: unknown }).value);
      if (!nested && [...inside].every((v) => v === only)) {
        if (over === 'edges') {
          this.edgeMasks.set(
            only!,
            and(this.edgeMasks.get(only!), this.mask(lambda, this.edgeTable(only!, true))),
          );
          return;
        }
        if (inside.size === 0) {
          this.innerMasks.set(
            only!,
            and(this.innerMasks.get(only!), this.mask(lambda, this.nodeTable(undefined))),
          );
          return;
        }
      }
    }
    this.pending.push({ expr, variables, hasGraphCall });
  }

  /** The graph's node properties as columns named `@variable.property` (or by the bare property name). */
  private nodeTable(variable: string | undefined): Table {
    const nodes = nodePropertiesAndFunctions(this.graph);
    return {
      length: nodes.length,
      columns: nodes.columns.map((c) => ({
        name: variable === undefined ? c.name : graphColumnName(variable, c.name),
        type: c.type,
        values: c.values,
      })),
    };
  }

  private edgeTable(variable: string, alsoBare = false): Table {
    const edges = this.graph.edges;
    const named = edges.columns.map((c) => ({
      name: graphColumnName(variable, c.name),
      type: c.type,
      values: c.values,
    }));
    return { length: edges.length, columns: alsoBare ? [...edges.columns, ...named] : named };
  }

  private mask(expr: Expr, table: Table): Uint8Array {
    const fn = this.host.compile(expr, table);
    const mask = new Uint8Array(table.length);
    for (let i = 0; i < table.length; i++) {
      mask[i] = fn(i) === true ? 1 : 0;
      if ((i & 4095) === 4095) this.host.check(this.plan.span);
    }
    return mask;
  }

  // ---------- matching ----------

  run(): Matches {
    const plan = this.plan;
    const start = this.startNode();
    const startMask = this.nodeMasks.get(start);
    const first: number[] = [];
    for (let n = 0; n < this.graph.nodeCount; n++) if (!startMask || startMask[n]) first.push(n);
    let matches: Matches = {
      length: first.length,
      nodes: new Map([[start, first]]),
      edges: new Map(),
      paths: new Map(),
    };
    matches = this.applyConditions(matches);
    const remaining = [...plan.edges];
    while (remaining.length > 0) {
      const bound = (v: string) => matches.nodes.has(v);
      let index = remaining.findIndex((e) => bound(e.left) && bound(e.right));
      if (index < 0) index = remaining.findIndex((e) => bound(e.left) || bound(e.right));
      if (index < 0) throw unsupported('a graph-match pattern of unconnected parts', remaining[0]!.span);
      const [edge] = remaining.splice(index, 1);
      matches = this.expand(matches, edge!);
      matches = this.applyConditions(matches);
    }
    const unbound = plan.nodes.find((node) => !matches.nodes.has(node));
    if (unbound !== undefined) throw unsupported('a graph-match pattern of unconnected parts', plan.span);
    return matches;
  }

  /** Starts from the node variable with the fewest candidate nodes (a where condition narrows it). */
  private startNode(): string {
    let best = this.plan.nodes[0]!;
    let bestCount = Number.POSITIVE_INFINITY;
    for (const node of this.plan.nodes) {
      const mask = this.nodeMasks.get(node);
      if (!mask) continue;
      let count = 0;
      for (const bit of mask) count += bit;
      if (count < bestCount) {
        best = node;
        bestCount = count;
      }
    }
    return best;
  }

  private applyConditions(matches: Matches): Matches {
    const ready = this.pending.filter((c) =>
      [...c.variables].every((v) => matches.nodes.has(v) || matches.edges.has(v) || matches.paths.has(v)),
    );
    if (ready.length === 0) return matches;
    for (const condition of ready) this.pending.splice(this.pending.indexOf(condition), 1);
    const keep: number[] = [];
    const fns = ready.map((condition) =>
      evaluate(condition.expr, matches, this.graph, this.host, this.plan.span),
    );
    for (let row = 0; row < matches.length; row++) {
      if (fns.every((values) => values[row] === true)) keep.push(row);
    }
    return select(matches, keep);
  }

  private usedEdges(matches: Matches, row: number, into: Set<number>): Set<number> {
    into.clear();
    for (const column of matches.edges.values()) into.add(column[row]!);
    for (const column of matches.paths.values()) for (const edge of column[row]!.edges) into.add(edge);
    return into;
  }

  private usedNodes(matches: Matches, row: number, into: Set<number>): Set<number> {
    into.clear();
    for (const column of matches.nodes.values()) into.add(column[row]!);
    for (const column of matches.paths.values()) for (const node of column[row]!.inner) into.add(node);
    return into;
  }

  /** The edges to follow from `node` and where each leads, walking the pattern edge from `fromLeft`'s side. */
  private steps(
    node: number,
    edge: PatternEdge,
    fromLeft: boolean,
    visit: (edge: number, next: number) => void,
  ) {
    const graph = this.graph;
    const forward = edge.direction === 'forward' ? fromLeft : !fromLeft;
    const walk = (outgoing: boolean) => {
      const adjacency = outgoing ? graph.outgoing : graph.incoming;
      for (let k = adjacency.offsets[node]!; k < adjacency.offsets[node + 1]!; k++) {
        const g = adjacency.edges[k]!;
        const next = outgoing ? graph.edgeTarget[g]! : graph.edgeSource[g]!;
        // A self loop is one edge, met once even when both directions are walked.
        if (edge.direction === 'any' && !outgoing && graph.edgeSource[g] === graph.edgeTarget[g]) continue;
        visit(g, next);
      }
    };
    if (edge.direction === 'any') {
      walk(true);
      walk(false);
    } else walk(forward);
  }

  private expand(matches: Matches, edge: PatternEdge): Matches {
    const fromLeft = matches.nodes.has(edge.left);
    const from = matches.nodes.get(fromLeft ? edge.left : edge.right)!;
    const toVariable = fromLeft ? edge.right : edge.left;
    const to = matches.nodes.get(toVariable);
    const toMask: Mask = this.nodeMasks.get(toVariable);
    const edgeMask: Mask = this.edgeMasks.get(edge.variable);
    const innerMask: Mask = this.innerMasks.get(edge.variable);
    const cycles = this.plan.cycles;
    const uniqueEdges = cycles !== 'all';
    const uniqueNodes = cycles === 'none';
    const sources: number[] = [];
    const targets: number[] = [];
    const found: (number | Path)[] = [];
    const usedEdges = new Set<number>();
    const usedNodes = new Set<number>();
    const push = (row: number, target: number, element: number | Path) => {
      sources.push(row);
      targets.push(target);
      found.push(element);
      if ((sources.length & 4095) === 0) {
        this.host.check(edge.span);
        if (sources.length > MAX_PARTIAL_MATCHES)
          throw new EngineError(
            'KQL_LIMIT',
            `graph-match: more than ${MAX_PARTIAL_MATCHES.toLocaleString('en-US')} partial matches.`,
            edge.span,
            'Narrow the pattern with a where condition on its first node, or shorten variable length edges.',
          );
      }
    };
    for (let row = 0; row < matches.length; row++) {
      const start = from[row]!;
      const bound = to?.[row];
      if (uniqueEdges) this.usedEdges(matches, row, usedEdges);
      if (uniqueNodes) this.usedNodes(matches, row, usedNodes);
      const acceptsEnd = (node: number): boolean =>
        bound !== undefined
          ? node === bound
          : (!toMask || toMask[node] === 1) && !(uniqueNodes && usedNodes.has(node));
      if (!edge.variableLength) {
        this.steps(start, edge, fromLeft, (g, next) => {
          if (edgeMask && !edgeMask[g]) return;
          if (uniqueEdges && usedEdges.has(g)) return;
          if (acceptsEnd(next)) push(row, next, g);
        });
        continue;
      }
      const pathEdges: number[] = [];
      const pathNodes: number[] = [];
      const onPathEdges = new Set<number>();
      const onPathNodes = new Set<number>();
      const dfs = (node: number) => {
        const depth = pathEdges.length;
        if (depth >= edge.min && acceptsEnd(node) && !(uniqueNodes && onPathNodes.has(node))) {
          const edges = fromLeft ? pathEdges.slice() : pathEdges.slice().reverse();
          const inner = fromLeft ? pathNodes.slice() : pathNodes.slice().reverse();
          push(row, node, { edges, inner });
        }
        if (depth >= edge.max) return;
        if (depth > 0) {
          // Going on makes this node an inner node of the path.
          if (innerMask && !innerMask[node]) return;
          if (uniqueNodes && (usedNodes.has(node) || onPathNodes.has(node))) return;
          pathNodes.push(node);
          onPathNodes.add(node);
        }
        this.steps(node, edge, fromLeft, (g, next) => {
          if (edgeMask && !edgeMask[g]) return;
          if (uniqueEdges && (usedEdges.has(g) || onPathEdges.has(g))) return;
          pathEdges.push(g);
          onPathEdges.add(g);
          dfs(next);
          pathEdges.pop();
          onPathEdges.delete(g);
        });
        if (depth > 0) {
          pathNodes.pop();
          onPathNodes.delete(node);
        }
      };
      dfs(start);
    }
    const result = select(matches, sources);
    if (!to) result.nodes.set(toVariable, targets);
    if (edge.variableLength) result.paths.set(edge.variable, found as Path[]);
    else result.edges.set(edge.variable, found as number[]);
    return result;
  }
}

function and(a: Uint8Array | undefined, b: Uint8Array): Uint8Array {
  if (!a) return b;
  return a.map((bit, i) => bit & b[i]!);
}

/** The matches at the given rows (a row may repeat: one partial match grows into several). */
function select(matches: Matches, rows: readonly number[]): Matches {
  const pick = <T>(column: readonly T[]): T[] => rows.map((row) => column[row]!);
  return {
    length: rows.length,
    nodes: new Map([...matches.nodes].map(([k, v]) => [k, pick(v)])),
    edges: new Map([...matches.edges].map(([k, v]) => [k, pick(v)])),
    paths: new Map([...matches.paths].map(([k, v]) => [k, pick(v)])),
  };
}

function gathered(name: string, type: KustoType, source: Column, rows: readonly number[]): Column {
  return lazyColumn(name, type, () => rows.map((row) => source.values[row]));
}

/** Columns `@variable.property` for every bound node and edge variable, read through `owner` (default: row i). */
function bindingColumns(matches: Matches, graph: Graph, owner?: readonly number[]): Column[] {
  const columns: Column[] = [];
  const through = (indices: readonly number[]) => (owner ? owner.map((row) => indices[row]!) : indices);
  for (const [variable, indices] of matches.nodes) {
    const rows = through(indices);
    for (const c of nodePropertiesAndFunctions(graph).columns)
      columns.push(gathered(graphColumnName(variable, c.name), c.type, c, rows));
  }
  for (const [variable, indices] of matches.edges) {
    const rows = through(indices);
    for (const c of graph.edges.columns)
      columns.push(gathered(graphColumnName(variable, c.name), c.type, c, rows));
  }
  return columns;
}

/** Replaces map()/all()/any() over variable length edges by columns computed per match. */
function withGraphCalls(
  expr: Expr,
  matches: Matches,
  graph: Graph,
  host: ExecuteApi,
  span: Span,
  extra: Column[],
): Expr {
  if (expr.kind !== 'call') return expr;
  if (!isGraphFunctionCall(expr.name)) {
    const args = expr.args.map((arg) => withGraphCalls(arg, matches, graph, host, span, extra));
    return args.every((arg, i) => arg === expr.args[i]) ? expr : { ...expr, args };
  }
  const variable = String((expr.args[0] as { value: unknown }).value);
  const over = String((expr.args[1] as { value: unknown }).value);
  const lambda = expr.args[2]!;
  const paths = matches.paths.get(variable);
  if (!paths) throw unsupported(`a graph function over '${variable}' here`, expr.span);
  const owner: number[] = [];
  const element: number[] = [];
  paths.forEach((path, row) => {
    for (const item of over === 'edges' ? path.edges : path.inner) {
      owner.push(row);
      element.push(item);
    }
  });
  const elementColumns: Column[] = [];
  const source = over === 'edges' ? graph.edges : nodePropertiesAndFunctions(graph);
  for (const c of source.columns) {
    elementColumns.push(gathered(c.name, c.type, c, element));
    if (over === 'edges')
      elementColumns.push(gathered(graphColumnName(variable, c.name), c.type, c, element));
  }
  const exploded: Table = {
    length: owner.length,
    columns: [...elementColumns, ...bindingColumns(matches, graph, owner)],
  };
  if (containsGraphCall(lambda)) throw unsupported('a graph function inside another', expr.span);
  const fn = host.compile(lambda, exploded);
  const lambdaType = typeOf(lambda);
  const values: unknown[] =
    expr.name === '__graph_map'
      ? paths.map(() => [] as unknown[])
      : paths.map(() => expr.name === '__graph_all');
  for (let i = 0; i < owner.length; i++) {
    const value = fn(i);
    const row = owner[i]!;
    if (expr.name === '__graph_map') (values[row] as unknown[]).push(toDynamic(value, lambdaType));
    else if (expr.name === '__graph_all') values[row] = values[row] === true && value === true;
    else values[row] = values[row] === true || value === true;
    if ((i & 4095) === 4095) host.check(span);
  }
  const name = `@@graph${extra.length}`;
  const type: KustoType = expr.name === '__graph_map' ? 'dynamic' : 'bool';
  extra.push({ name, type, values });
  return { kind: 'column', name, type, span: expr.span };
}

function containsGraphCall(expr: Expr): boolean {
  return expr.kind === 'call' && (isGraphFunctionCall(expr.name) || expr.args.some(containsGraphCall));
}

function typeOf(expr: Expr): KustoType {
  return 'type' in expr ? expr.type : 'dynamic';
}

/** An expression's value for every match. */
function evaluate(expr: Expr, matches: Matches, graph: Graph, host: ExecuteApi, span: Span): unknown[] {
  const extra: Column[] = [];
  const rewritten = withGraphCalls(expr, matches, graph, host, span, extra);
  const table: Table = { length: matches.length, columns: [...bindingColumns(matches, graph), ...extra] };
  const fn = host.compile(rewritten, table);
  const values = new Array<unknown>(matches.length);
  for (let row = 0; row < matches.length; row++) {
    values[row] = fn(row);
    if ((row & 4095) === 4095) host.check(span);
  }
  return values;
}

/**
 * graph-shortest-paths: per pair of end nodes (the pattern's first and last node), the matches with the fewest edges;
 * `any` keeps the first of them.
 */
function shortestOnly(plan: GraphMatchPlan, matches: Matches): Matches {
  const first = matches.nodes.get(plan.nodes[0]!)!;
  const last = matches.nodes.get(plan.edges[plan.edges.length - 1]?.right ?? plan.nodes[0]!)!;
  const lengthOf = (row: number): number => {
    let length = matches.edges.size;
    for (const paths of matches.paths.values()) length += paths[row]!.edges.length;
    return length;
  };
  const best = new Map<string, { length: number; rows: number[] }>();
  for (let row = 0; row < matches.length; row++) {
    const key = `${first[row]}:${last[row]}`;
    const length = lengthOf(row);
    const current = best.get(key);
    if (!current || length < current.length) best.set(key, { length, rows: [row] });
    else if (length === current.length && plan.shortest === 'all') current.rows.push(row);
  }
  return select(
    matches,
    [...best.values()].flatMap((entry) => entry.rows).sort((a, b) => a - b),
  );
}

export function graphMatch(plan: GraphMatchPlan, graph: Graph, host: ExecuteApi): Table {
  const all = new Matcher(plan, graph, host).run();
  const matches = plan.shortest ? shortestOnly(plan, all) : all;
  const columns: Column[] = plan.project.map((item) => ({
    name: item.name,
    type: typeOf(item.expr),
    values: evaluate(item.expr, matches, graph, host, plan.span),
  }));
  return { columns, length: matches.length };
}
