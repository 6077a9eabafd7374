/**
 * The graph that make-graph builds: every edge row becomes an edge whose properties are the row's columns; every row of
 * the node tables becomes a node whose properties are its columns (rows with the same id merge into one node); an id
 * that only appears in the edges becomes a node whose only property is its id, under the first node table's key.
 */
import { valueKey } from '../compare';
import { EngineError, unsupported } from '../errors';
import { kustoXxhash64 } from '../functions/hash';
import type { Span } from '../plan';
import { convertTo, toStringValue } from '../functions/helpers';
import { lazyColumn, type Column, type Table } from '../table';
import { NODE_FUNCTION_PROPERTIES } from './plan';
import type { KustoType } from '../types';

export interface Graph {
  readonly nodeCount: number;
  /** The id of each node, and its type (the source and target columns' type). */
  readonly nodeIds: readonly unknown[];
  readonly nodeIdType: KustoType;
  /** One row per node: the union of the node tables' columns. */
  readonly nodes: Table;
  /** One row per edge: the edge table as it came in. */
  readonly edges: Table;
  readonly edgeSource: Int32Array;
  readonly edgeTarget: Int32Array;
  /** Edges leaving (out) and entering (in) each node: `edges[offsets[n] .. offsets[n + 1])`. */
  readonly outgoing: Adjacency;
  readonly incoming: Adjacency;
}

export interface Adjacency {
  readonly offsets: Int32Array;
  readonly edges: Int32Array;
}

export interface NodeTableInput {
  readonly table: Table;
  readonly keyColumn: string;
}

const isEmpty = (value: unknown): boolean => value === null || value === undefined || value === '';

function columnOf(table: Table, name: string, span: Span): Column {
  const column = table.columns.find((c) => c.name === name);
  if (!column)
    throw new EngineError('KQL_UNKNOWN_COLUMN', `make-graph: no column '${name}' in its input.`, span);
  return column;
}

function adjacency(nodeCount: number, ends: Int32Array): Adjacency {
  const offsets = new Int32Array(nodeCount + 1);
  for (const node of ends) offsets[node + 1]!++;
  for (let n = 0; n < nodeCount; n++) offsets[n + 1]! += offsets[n]!;
  const fill = offsets.slice(0, nodeCount);
  const edges = new Int32Array(ends.length);
  ends.forEach((node, edge) => {
    edges[fill[node]!++] = edge;
  });
  return { offsets, edges };
}

export function buildGraph(
  edges: Table,
  sourceColumn: string,
  targetColumn: string,
  nodeTables: readonly NodeTableInput[],
  span: Span,
  implicitIdColumn?: string,
): Graph {
  const source = columnOf(edges, sourceColumn, span);
  const target = columnOf(edges, targetColumn, span);
  const index = new Map<string, number>();
  const nodeIds: unknown[] = [];
  const nodeOf = (id: unknown): number => {
    const key = valueKey(id);
    let node = index.get(key);
    if (node === undefined) {
      node = nodeIds.length;
      index.set(key, node);
      nodeIds.push(id);
    }
    return node;
  };

  // Property columns: the node tables' columns, in order, each name once (a later table's same-named column merges in).
  const propertyColumns: { name: string; type: KustoType; values: unknown[] }[] = [];
  const propertyIndex = new Map<string, number>();
  if (implicitIdColumn) {
    propertyIndex.set(implicitIdColumn, 0);
    propertyColumns.push({ name: implicitIdColumn, type: source.type, values: [] });
  }
  for (const { table } of nodeTables) {
    for (const column of table.columns) {
      if (propertyIndex.has(column.name)) continue;
      propertyIndex.set(column.name, propertyColumns.length);
      propertyColumns.push({ name: column.name, type: column.type, values: [] });
    }
  }
  for (const { table, keyColumn } of nodeTables) {
    const keys = columnOf(table, keyColumn, span).values;
    const columns = table.columns.map((column) => ({
      target: propertyColumns[propertyIndex.get(column.name)!]!,
      column,
    }));
    for (let row = 0; row < table.length; row++) {
      const node = nodeOf(keys[row]);
      for (const { target: property, column } of columns) {
        if (!isEmpty(property.values[node])) continue;
        const value = column.values[row];
        property.values[node] =
          column.type === property.type || value === null
            ? value
            : convertTo(value, property.type, column.type);
      }
    }
  }

  const edgeSource = new Int32Array(edges.length);
  const edgeTarget = new Int32Array(edges.length);
  for (let edge = 0; edge < edges.length; edge++) {
    edgeSource[edge] = nodeOf(source.values[edge]);
    edgeTarget[edge] = nodeOf(target.values[edge]);
  }

  const nodeCount = nodeIds.length;
  const firstKeyName = implicitIdColumn ?? nodeTables[0]?.keyColumn;
  const firstKey = firstKeyName !== undefined ? propertyColumns[propertyIndex.get(firstKeyName)!] : undefined;
  for (const property of propertyColumns) {
    for (let node = 0; node < nodeCount; node++) {
      if (property.values[node] !== undefined) continue;
      // A node known only from the edges: its id is its one property.
      property.values[node] = property === firstKey ? nodeIds[node] : property.type === 'string' ? '' : null;
    }
  }

  return {
    nodeCount,
    nodeIds,
    nodeIdType: source.type,
    nodes: { columns: propertyColumns, length: nodeCount },
    edges,
    edgeSource,
    edgeTarget,
    outgoing: adjacency(nodeCount, edgeSource),
    incoming: adjacency(nodeCount, edgeTarget),
  };
}

/** The node hash id graph-to-table exports (`with_node_id`): Kusto's hash() (xxHash64) of the node id, as a long. */
export function nodeHashId(graph: Graph, node: number, span: Span): number | null {
  const id = graph.nodeIds[node];
  if (id === null || id === undefined) return null;
  if (typeof id !== 'string' && typeof id !== 'bigint')
    throw unsupported(`node hash ids of ${graph.nodeIdType} node ids (only string and datetime ids)`, span);
  return Number(kustoXxhash64(id, graph.nodeIdType));
}

const withFunctions = new WeakMap<Graph, Table>();

/** The node properties plus node_id(), node_degree_in() and node_degree_out() as columns. */
export function nodePropertiesAndFunctions(graph: Graph): Table {
  let table = withFunctions.get(graph);
  if (table) return table;
  const degree = (adjacency: Adjacency) =>
    Array.from(
      { length: graph.nodeCount },
      (_, node) => adjacency.offsets[node + 1]! - adjacency.offsets[node]!,
    );
  table = {
    length: graph.nodeCount,
    columns: [
      ...graph.nodes.columns,
      lazyColumn(NODE_FUNCTION_PROPERTIES.node_id, 'string', () =>
        graph.nodeIds.map((id) => toStringValue(id, graph.nodeIdType)),
      ),
      lazyColumn(NODE_FUNCTION_PROPERTIES.node_degree_in, 'long', () => degree(graph.incoming)),
      lazyColumn(NODE_FUNCTION_PROPERTIES.node_degree_out, 'long', () => degree(graph.outgoing)),
    ],
  };
  withFunctions.set(graph, table);
  return table;
}

/**
 * graph-mark-components: the graph with one more node property, the index of the node's connected component (weak:
 * ignoring edge direction; strong: reachable both ways). Components are numbered from 0 in order of their first node.
 */
export function markComponents(graph: Graph, strong: boolean, property: string): Graph {
  const component = strong ? strongComponents(graph) : weakComponents(graph);
  const columns = graph.nodes.columns.filter((c) => c.name !== property);
  return {
    ...graph,
    nodes: {
      length: graph.nodeCount,
      columns: [...columns, { name: property, type: 'long', values: Array.from(component) }],
    },
  };
}

/** Renumbers component labels 0, 1, 2... in order of each component's first node. */
function renumber(labels: Int32Array): Int32Array {
  const next = new Map<number, number>();
  return labels.map((label) => {
    let index = next.get(label);
    if (index === undefined) {
      index = next.size;
      next.set(label, index);
    }
    return index;
  });
}

function weakComponents(graph: Graph): Int32Array {
  const parent = Int32Array.from({ length: graph.nodeCount }, (_, i) => i);
  const find = (node: number): number => {
    let root = node;
    while (parent[root] !== root) root = parent[root]!;
    while (parent[node] !== root) {
      const up = parent[node]!;
      parent[node] = root;
      node = up;
    }
    return root;
  };
  for (let edge = 0; edge < graph.edgeSource.length; edge++) {
    const a = find(graph.edgeSource[edge]!);
    const b = find(graph.edgeTarget[edge]!);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  }
  return renumber(Int32Array.from({ length: graph.nodeCount }, (_, node) => find(node)));
}

/** Tarjan's algorithm, iterative so that long chains do not overflow the stack. */
function strongComponents(graph: Graph): Int32Array {
  const count = graph.nodeCount;
  const index = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  const onStack = new Uint8Array(count);
  const label = new Int32Array(count).fill(-1);
  const stack: number[] = [];
  let counter = 0;
  const { offsets, edges } = graph.outgoing;
  for (let root = 0; root < count; root++) {
    if (index[root] !== -1) continue;
    const work: { node: number; next: number }[] = [{ node: root, next: offsets[root]! }];
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const node = frame.node;
      if (frame.next < offsets[node + 1]!) {
        const target = graph.edgeTarget[edges[frame.next++]!]!;
        if (index[target] === -1) {
          index[target] = low[target] = counter++;
          stack.push(target);
          onStack[target] = 1;
          work.push({ node: target, next: offsets[target]! });
        } else if (onStack[target]) low[node] = Math.min(low[node]!, index[target]!);
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parentNode = work[work.length - 1]!.node;
        low[parentNode] = Math.min(low[parentNode]!, low[node]!);
      }
      if (low[node] === index[node]) {
        let member: number;
        do {
          member = stack.pop()!;
          onStack[member] = 0;
          label[member] = node;
        } while (member !== node);
      }
    }
  }
  return renumber(label);
}

/** The rows of each partition of a column, in order of first appearance. */
export function partitionRows(
  table: Table,
  column: string,
  span: Span,
): Map<string, { value: unknown; rows: number[] }> {
  const values = columnOf(table, column, span).values;
  const partitions = new Map<string, { value: unknown; rows: number[] }>();
  for (let row = 0; row < table.length; row++) {
    const key = valueKey(values[row]);
    let partition = partitions.get(key);
    if (!partition) partitions.set(key, (partition = { value: values[row], rows: [] }));
    partition.rows.push(row);
  }
  return partitions;
}
