/** graph-to-table: a graph's nodes or edges as a table, with the node hash ids Kusto exports on request. */
import type { Span } from '../plan';
import type { Column, Table } from '../table';
import { nodeHashId, type Graph } from './graph';

function hashColumn(graph: Graph, name: string, nodes: ArrayLike<number>, span: Span): Column {
  const hashes = new Map<number, number | null>();
  const values = Array.from(nodes, (node) => {
    if (!hashes.has(node)) hashes.set(node, nodeHashId(graph, node, span));
    return hashes.get(node)!;
  });
  return { name, type: 'long', values };
}

export function graphNodesTable(graph: Graph, nodeIdColumn: string | undefined, span: Span): Table {
  const all = Array.from({ length: graph.nodeCount }, (_, node) => node);
  const ids = nodeIdColumn ? [hashColumn(graph, nodeIdColumn, all, span)] : [];
  return { columns: [...ids, ...graph.nodes.columns], length: graph.nodeCount };
}

export function graphEdgesTable(
  graph: Graph,
  sourceIdColumn: string | undefined,
  targetIdColumn: string | undefined,
  span: Span,
): Table {
  const ids: Column[] = [];
  if (sourceIdColumn) ids.push(hashColumn(graph, sourceIdColumn, graph.edgeSource, span));
  if (targetIdColumn) ids.push(hashColumn(graph, targetIdColumn, graph.edgeTarget, span));
  return { columns: [...ids, ...graph.edges.columns], length: graph.edges.length };
}
