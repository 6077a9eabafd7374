/**
 * The graph that make-graph builds: every edge row becomes an edge whose properties are the row's columns; every row of
 * the node tables becomes a node whose properties are its columns (rows with the same id merge into one node); an id
 * that only appears in the edges becomes a node whose only property is its id, under the first node table's key.
 */
import { valueKey } from '../compare';
import { EngineError, unsupported } from '../errors';
import { convertTo } from '../functions';
import { kustoXxhash64 } from '../library/hash';
import type { Span } from '../plan';
import type { Column, Table } from '../table';
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
  const firstKey = nodeTables[0] ? propertyColumns[propertyIndex.get(nodeTables[0].keyColumn)!] : undefined;
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
