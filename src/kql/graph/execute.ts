/** Runs a graph operation of the plan (graph/plan.ts) with the executor's help (host.ts). */
import { unsupported } from '../errors';
import type { Span } from '../plan';
import type { Column, Table } from '../table';
import { buildGraph, markComponents, partitionRows, type Graph } from './graph';
import type { ExecuteApi } from '../executeApi';
import { graphMatch } from './match';
import type { GraphOperation, GraphSource, MakeGraphPlan } from './plan';
import { graphEdgesTable, graphNodesTable } from './toTable';

function subset(table: Table, rows: readonly number[]): Table {
  return {
    length: rows.length,
    columns: table.columns.map((c) => ({
      name: c.name,
      type: c.type,
      values: rows.map((row) => c.values[row]),
    })),
  };
}

interface Inputs {
  readonly edges: Table;
  readonly nodeTables: readonly { readonly table: Table; readonly keyColumn: string }[];
}

function inputsOf(make: MakeGraphPlan, host: ExecuteApi): Inputs {
  return {
    edges: host.run(make.edges),
    nodeTables: make.nodeTables.map(({ table, keyColumn }) => ({ table: host.run(table), keyColumn })),
  };
}

function buildFrom(make: MakeGraphPlan, inputs: Inputs): Graph {
  return buildGraph(
    inputs.edges,
    make.sourceColumn,
    make.targetColumn,
    inputs.nodeTables,
    make.span,
    make.implicitIdColumn,
  );
}

function graphOf(source: GraphSource, host: ExecuteApi, partition: Graph | undefined, span: Span): Graph {
  switch (source.kind) {
    case 'make':
      return buildFrom(source.make, inputsOf(source.make, host));
    case 'partition':
      if (!partition) throw unsupported('a partition graph outside make-graph partitioned-by', span);
      return partition;
    case 'components':
      return markComponents(graphOf(source.input, host, partition, span), source.strong, source.property);
  }
}

function run(operation: GraphOperation, span: Span, host: ExecuteApi, partition?: Graph): Table {
  switch (operation.kind) {
    case 'graph':
      throw unsupported(
        'a graph as a query result (follow make-graph with graph-match or graph-to-table)',
        span,
      );
    case 'bind':
      throw unsupported('graph-to-table of nodes and edges as a value', span);
    case 'match':
      return graphMatch(operation.match, graphOf(operation.match.graph, host, partition, span), host);
    case 'nodes':
      return graphNodesTable(graphOf(operation.graph, host, partition, span), operation.nodeIdColumn, span);
    case 'edges':
      return graphEdgesTable(
        graphOf(operation.graph, host, partition, span),
        operation.sourceIdColumn,
        operation.targetIdColumn,
        span,
      );
    case 'partitioned':
      return partitioned(operation, span, host);
  }
}

/** partitioned-by: one graph per value of the column (node tables without the column join every partition). */
function partitioned(
  operation: Extract<GraphOperation, { kind: 'partitioned' }>,
  span: Span,
  host: ExecuteApi,
): Table {
  const make = operation.make;
  const inputs = inputsOf(make, host);
  const edgePartitions = partitionRows(inputs.edges, operation.partitionColumn, make.span);
  const nodePartitions = inputs.nodeTables.map(({ table }) =>
    table.columns.some((c) => c.name === operation.partitionColumn)
      ? partitionRows(table, operation.partitionColumn, make.span)
      : undefined,
  );
  const keys = new Set<string>(edgePartitions.keys());
  for (const partitions of nodePartitions) for (const key of partitions?.keys() ?? []) keys.add(key);
  const results: Table[] = [];
  for (const key of keys) {
    host.check(span);
    const edges = subset(inputs.edges, edgePartitions.get(key)?.rows ?? []);
    const nodeTables = inputs.nodeTables.map(({ table, keyColumn }, i) => {
      const partitions = nodePartitions[i];
      return { table: partitions ? subset(table, partitions.get(key)?.rows ?? []) : table, keyColumn };
    });
    results.push(run(operation.subquery, span, host, buildFrom(make, { edges, nodeTables })));
  }
  return concatenate(results);
}

function concatenate(tables: readonly Table[]): Table {
  const first = tables[0];
  if (!first) return { columns: [], length: 0 };
  const columns: Column[] = first.columns.map((c, i) => ({
    name: c.name,
    type: c.type,
    values: tables.flatMap((t) => t.columns[i]?.values.slice(0, t.length) ?? []),
  }));
  return { columns, length: tables.reduce((sum, t) => sum + t.length, 0) };
}

export function runGraphOperation(operation: GraphOperation, span: Span, host: ExecuteApi): Table {
  return run(operation, span, host);
}
