/** Runs a graph operation of the plan (graph/plan.ts) with the executor's help (host.ts). */
import { unsupported } from '../errors';
import type { Span } from '../plan';
import type { Table } from '../table';
import { buildGraph, type Graph } from './graph';
import type { GraphExecutionHost } from './host';
import { graphMatch } from './match';
import type { GraphOperation, MakeGraphPlan } from './plan';
import { graphEdgesTable, graphNodesTable } from './toTable';

function build(plan: MakeGraphPlan, host: GraphExecutionHost): Graph {
  const edges = host.run(plan.edges);
  const nodeTables = plan.nodeTables.map(({ table, keyColumn }) => ({ table: host.run(table), keyColumn }));
  return buildGraph(edges, plan.sourceColumn, plan.targetColumn, nodeTables, plan.span);
}

export function runGraphOperation(operation: GraphOperation, span: Span, host: GraphExecutionHost): Table {
  switch (operation.kind) {
    case 'make':
      throw unsupported(
        'a graph as a query result (follow make-graph with graph-match or graph-to-table)',
        span,
      );
    case 'bind':
      throw unsupported('graph-to-table of nodes and edges as a value', span);
    case 'match':
      return graphMatch(operation.match, build(operation.match.graph, host), host);
    case 'nodes':
      return graphNodesTable(build(operation.graph, host), operation.nodeIdColumn, span);
    case 'edges':
      return graphEdgesTable(
        build(operation.graph, host),
        operation.sourceIdColumn,
        operation.targetIdColumn,
        span,
      );
  }
}
