/**
 * Translates make-graph, graph-match and graph-to-table from Kusto.Language's tree into the graph plan (plan.ts). The
 * translator lends, through TranslateApi, its scalar and tabular translation; graph variables live in its scopes.
 */
import { unsupported } from '../errors';
import { syntaxKindName, tableColumns } from '../syntax/kusto';
import type { ColumnSchema, Expr, NamedExpr, Span, Tabular } from '../plan';
import type { Scope, TranslateApi } from '../translateApi';
import {
  GRAPH_FUNCTION_CALLS,
  graphColumnName,
  NODE_FUNCTION_PROPERTIES,
  isGraphFunctionCall,
  type CyclesMode,
  type EdgeDirection,
  type GraphOperation,
  type GraphVariable,
  type GraphSource,
  type MakeGraphPlan,
  type PatternEdge,
} from './plan';
import type { SyntaxNode } from '../syntax/node';

const kind = (node: SyntaxNode): string => syntaxKindName(node);

function spanOf(node: SyntaxNode): Span {
  return { start: node.TextStart as number, length: Math.max(1, node.Width as number) };
}

function elements(list: SyntaxNode): SyntaxNode[] {
  const result: SyntaxNode[] = [];
  if (!list) return result;
  for (let i = 0; i < list.ChildCount; i++) {
    const child = list.GetChild(i);
    if (child) result.push(kind(child) === 'SeparatedElement' ? child.Element : child);
  }
  return result;
}

function graphPlan(operation: GraphOperation, span: Span, schema?: readonly ColumnSchema[]): Tabular {
  return schema ? { op: 'graph', operation, span, schema } : { op: 'graph', operation, span };
}

/** The graph behind a graph-valued input (through let bindings and materialize). */
export function graphInput(input: Tabular, span: Span): GraphSource {
  let plan = input;
  while (plan.op === 'shared' || plan.op === 'passthrough') plan = plan.input;
  if (plan.op !== 'graph' || plan.operation.kind !== 'graph')
    throw unsupported('a graph operator over a table (make-graph builds its graph)', span);
  return plan.operation.graph;
}

/** make-graph, graph-mark-components, graph-match, graph-shortest-paths and graph-to-table. */
export function translateGraphOperator(
  api: TranslateApi,
  node: SyntaxNode,
  input: Tabular,
  scope: Scope,
  schema: readonly ColumnSchema[] | undefined,
): Tabular {
  switch (kind(node)) {
    case 'MakeGraphOperator':
      return translateMakeGraph(api, node, input, scope, schema);
    case 'GraphMarkComponentsOperator':
      return translateMarkComponents(node, input);
    case 'GraphMatchOperator':
    case 'GraphShortestPathsOperator':
      return translateGraphMatch(api, node, input, scope, schema);
    case 'GraphToTableOperator':
      return translateGraphToTable(api, node, input, scope, schema);
    default:
      throw unsupported(`'${kind(node)}' in a graph subquery`, spanOf(node));
  }
}

function parameterValue(parameter: SyntaxNode): string {
  const expression = parameter.Expression;
  return String(
    expression?.LiteralValue ?? expression?.SimpleName ?? expression?.GetChild?.(0)?.Text ?? '',
  ).trim();
}

function translateMakeGraph(
  api: TranslateApi,
  node: SyntaxNode,
  input: Tabular,
  scope: Scope,
  schema: readonly ColumnSchema[] | undefined,
): Tabular {
  const span = spanOf(node);
  const direction = node.DirectionToken?.Text as string | undefined;
  if (direction !== '-->') throw unsupported(`make-graph with '${direction ?? ''}' edges`, span);
  for (const parameter of elements(node.Parameters)) {
    const name = String(parameter.Name?.SimpleName ?? '').toLowerCase();
    if (!name.startsWith('hint.')) throw unsupported(`make-graph parameter '${name}'`, spanOf(parameter));
  }
  const columnName = (reference: SyntaxNode): string => {
    if (kind(reference) !== 'NameReference')
      throw unsupported('make-graph with a computed column', spanOf(reference));
    return reference.SimpleName as string;
  };
  const withClause = node.WithClause;
  const implicit = withClause && kind(withClause) === 'MakeGraphWithImplicitIdClause';
  const nodeTables =
    withClause && !implicit
      ? elements(withClause.TablesAndKeys).map((clause) => ({
          table: api.tabular(clause.Table, scope),
          keyColumn: columnName(clause.Column),
        }))
      : [];
  const make: MakeGraphPlan = {
    edges: input,
    sourceColumn: columnName(node.SourceColumn),
    targetColumn: columnName(node.TargetColumn),
    nodeTables,
    span,
    ...(implicit ? { implicitIdColumn: withClause.Name.SimpleName as string } : {}),
  };
  const partitioned = node.PartitionedByClause;
  if (!partitioned) return graphPlan({ kind: 'graph', graph: { kind: 'make', make } }, span);
  const partitionInput = graphPlan({ kind: 'graph', graph: { kind: 'partition', make } }, span);
  const subquery = translateSubquery(api, partitioned.Subquery, partitionInput, scope);
  if (subquery.op !== 'graph' || !['match', 'nodes', 'edges'].includes(subquery.operation.kind))
    throw unsupported('a partitioned-by subquery that does not end in a graph-to-table or graph-match', span);
  return graphPlan(
    {
      kind: 'partitioned',
      make,
      partitionColumn: columnName(partitioned.Entity),
      subquery: subquery.operation,
    },
    span,
    schema,
  );
}

function translateSubquery(api: TranslateApi, node: SyntaxNode, input: Tabular, scope: Scope): Tabular {
  const nodeKind = kind(node);
  if (nodeKind === 'ParenthesizedExpression') return translateSubquery(api, node.Expression, input, scope);
  if (nodeKind === 'PipeExpression') {
    const inner = translateSubquery(api, node.Expression, input, scope);
    return translateGraphOperator(api, node.Operator, inner, scope, undefined);
  }
  return translateGraphOperator(api, node, input, scope, undefined);
}

function translateMarkComponents(node: SyntaxNode, input: Tabular): Tabular {
  const span = spanOf(node);
  let strong = false;
  let property = 'ComponentId';
  for (const parameter of elements(node.Parameters)) {
    const name = String(parameter.Name?.SimpleName ?? '').toLowerCase();
    const value = parameterValue(parameter);
    if (name === 'kind' && (value.toLowerCase() === 'weak' || value.toLowerCase() === 'strong'))
      strong = value.toLowerCase() === 'strong';
    else if (name === 'with_component_id' && value) property = value;
    else throw unsupported(`graph-mark-components parameter '${name}=${value}'`, spanOf(parameter));
  }
  const graph: GraphSource = { kind: 'components', input: graphInput(input, span), strong, property, span };
  return graphPlan({ kind: 'graph', graph }, span);
}

function makeOf(graph: GraphSource): MakeGraphPlan {
  return graph.kind === 'components' ? makeOf(graph.input) : graph.make;
}

function nodeProperties(graph: GraphSource): ColumnSchema[] {
  if (graph.kind === 'components') {
    const inner = nodeProperties(graph.input).filter((p) => p.name !== graph.property);
    return [...inner, { name: graph.property, type: 'long' }];
  }
  const make = graph.make;
  const properties: ColumnSchema[] = [];
  if (make.implicitIdColumn) {
    const idType = make.edges.schema?.find((c) => c.name === make.sourceColumn)?.type ?? 'string';
    properties.push({ name: make.implicitIdColumn, type: idType });
  }
  for (const { table } of make.nodeTables) {
    for (const column of table.schema ?? []) {
      if (!properties.some((p) => p.name === column.name)) properties.push(column);
    }
  }
  return properties;
}

function edgeProperties(graph: GraphSource): readonly ColumnSchema[] {
  return makeOf(graph).edges.schema ?? [];
}

const CYCLES: Record<string, CyclesMode> = { unique_edges: 'unique_edges', none: 'none', all: 'all' };

function edgeDirection(edge: SyntaxNode): EdgeDirection {
  const first = (edge.FirstToken?.Text as string | undefined) ?? '';
  const last = (edge.LastToken?.Text as string | undefined) ?? first;
  if (first.startsWith('<')) return 'backward';
  if (last.endsWith('>')) return 'forward';
  return 'any';
}

function rangeBound(node: SyntaxNode): number {
  const value = Number(node?.LiteralValue);
  if (!node || !/LiteralExpression$/.test(kind(node)) || !Number.isInteger(value) || value < 0)
    throw unsupported('a variable length edge without whole-number bounds', spanOf(node));
  return value;
}

function translateGraphMatch(
  api: TranslateApi,
  node: SyntaxNode,
  input: Tabular,
  scope: Scope,
  schema: readonly ColumnSchema[] | undefined,
): Tabular {
  const span = spanOf(node);
  const graph = graphInput(input, span);
  const shortestPaths = kind(node) === 'GraphShortestPathsOperator';
  let cycles: CyclesMode = shortestPaths ? 'none' : 'unique_edges';
  let shortest: 'any' | 'all' | undefined = shortestPaths ? 'any' : undefined;
  for (const parameter of elements(node.Parameters)) {
    const name = (parameter.Name?.SimpleName as string | undefined)?.toLowerCase();
    const value = parameterValue(parameter).toLowerCase();
    if (!shortestPaths && name === 'cycles' && CYCLES[value]) cycles = CYCLES[value];
    else if (shortestPaths && name === 'output' && (value === 'any' || value === 'all')) shortest = value;
    else
      throw unsupported(
        `${shortestPaths ? 'graph-shortest-paths' : 'graph-match'} parameter '${name ?? ''}=${value}'`,
        spanOf(parameter),
      );
  }

  const nodeSchema = nodeProperties(graph);
  const edgeSchema = edgeProperties(graph);
  const variables = new Map<string, GraphVariable>();
  const nodes: string[] = [];
  const edges: PatternEdge[] = [];
  let anonymous = 0;
  const declare = (nameNode: SyntaxNode | undefined, element: GraphVariable['element'], at: Span): string => {
    const name = nameNode ? (nameNode.SimpleName as string) : `\u0001${element}${++anonymous}`;
    const known = variables.get(name);
    if (known) {
      if (known.element !== 'node' || element !== 'node')
        throw unsupported(`a pattern that names the edge '${name}' twice`, at);
      return name;
    }
    variables.set(name, { name, element, properties: element === 'node' ? nodeSchema : edgeSchema });
    if (element === 'node') nodes.push(name);
    return name;
  };

  for (const pattern of elements(node.Patterns)) {
    const parts = elements(pattern.PatternElements);
    let left = declare(parts[0]?.Name, 'node', spanOf(parts[0] ?? pattern));
    for (let i = 1; i + 1 < parts.length; i += 2) {
      const edge = parts[i]!;
      const edgeSpan = spanOf(edge);
      const range = edge.Range;
      const variableLength = Boolean(range);
      const variable = declare(edge.Name, variableLength ? 'path' : 'edge', edgeSpan);
      const right = declare(parts[i + 1]!.Name, 'node', spanOf(parts[i + 1]!));
      const min = variableLength ? rangeBound(range.RangeStart) : 1;
      const max = variableLength ? rangeBound(range.RangeEnd) : 1;
      if (max < min) throw unsupported('a variable length edge whose maximum is below its minimum', edgeSpan);
      edges.push({
        variable,
        left,
        right,
        direction: edgeDirection(edge),
        variableLength,
        min,
        max,
        span: edgeSpan,
      });
      left = right;
    }
  }

  if (shortestPaths) {
    if (elements(node.Patterns).length !== 1)
      throw unsupported('graph-shortest-paths over several pattern sequences', span);
    if (!edges.some((edge) => edge.variableLength))
      throw unsupported('graph-shortest-paths without a variable length edge', span);
  }
  const inner = api.withGraphVariables(scope, [...variables.values()]);
  const pathVariables = [...variables.values()].filter((v) => v.element === 'path').map((v) => v.name);
  const conditions = node.WhereClause
    ? conjuncts(api.scalar(node.WhereClause.Condition, inner, undefined)).map((condition) =>
        perEdge(condition, pathVariables, GRAPH_FUNCTION_CALLS.all, 'bool', span),
      )
    : [];
  if (!node.ProjectClause) throw unsupported('graph-match without a project clause', span);
  const items = elements(node.ProjectClause.Expressions);
  const project: NamedExpr[] = items.map((item, index) => {
    const named = kind(item) === 'SimpleNamedExpression';
    const expression = named ? item.Expression : item;
    const resultType = expression.ResultType;
    if (resultType && tableColumns(resultType) && !named)
      throw unsupported('projecting a whole graph node or edge', spanOf(item));
    const expr = api.scalar(expression, inner, undefined);
    const name = named ? (item.Name.SimpleName as string) : (schema?.[index]?.name ?? `Column${index + 1}`);
    return { name, expr: perEdge(expr, pathVariables, GRAPH_FUNCTION_CALLS.map, 'dynamic', spanOf(item)) };
  });
  if (schema && schema.length !== project.length)
    throw unsupported('projecting a whole graph node or edge', spanOf(node.ProjectClause));

  return graphPlan(
    {
      kind: 'match',
      match: {
        graph,
        nodes,
        edges,
        pathVariables,
        cycles,
        conditions,
        project,
        span,
        ...(shortest ? { shortest } : {}),
      },
    },
    span,
  );
}

function conjuncts(expr: Expr): Expr[] {
  if (expr.kind === 'call' && expr.name === 'and') return expr.args.flatMap(conjuncts);
  return [expr];
}

/** Path variables whose properties `expr` reads directly (outside map/all/any). */
function pathReferences(expr: Expr, pathVariables: readonly string[], found: Set<string>): void {
  if (expr.kind === 'column') {
    const variable = pathVariables.find((name) => expr.name.startsWith(graphColumnName(name, '')));
    if (variable) found.add(variable);
  } else if (expr.kind === 'call' && !isGraphFunctionCall(expr.name)) {
    for (const arg of expr.args) pathReferences(arg, pathVariables, found);
  }
}

/**
 * Kusto reads a variable length edge's properties once per edge: in the where clause every edge must satisfy the
 * condition, in the project clause the values come back as an array (one item per edge).
 */
function perEdge(
  expr: Expr,
  pathVariables: readonly string[],
  call: string,
  type: 'bool' | 'dynamic',
  span: Span,
): Expr {
  const found = new Set<string>();
  pathReferences(expr, pathVariables, found);
  if (found.size === 0) return expr;
  if (found.size > 1)
    throw unsupported('one expression over the properties of several variable length edges', span);
  const [variable] = [...found];
  return {
    kind: 'call',
    name: call,
    args: [
      { kind: 'literal', type: 'string', value: variable },
      { kind: 'literal', type: 'string', value: 'edges' },
      expr,
    ],
    type,
    span,
  };
}

/** What the graph function whose argument is being translated runs over (translation is synchronous). */
const lambdaScopes: ('edges' | 'inner_nodes')[] = [];

/** `variable.property` inside graph-match. */
export function graphPropertyReference(variable: GraphVariable, property: string, span: Span): Expr {
  const column = variable.properties.find((p) => p.name === property);
  if (!column) throw unsupported(`the property '${property}' of '${variable.name}'`, span);
  return { kind: 'column', name: graphColumnName(variable.name, property), type: column.type, span };
}

/**
 * `map(e, expr)`, `all(inner_nodes(e), cond)` and `any(...)` over a variable length edge `e`, or undefined when the
 * call is not over a graph variable (then it is the ordinary function of that name).
 */
export function translateGraphFunction(
  api: TranslateApi,
  node: SyntaxNode,
  scope: Scope,
  name: string,
): Expr | undefined {
  const span = spanOf(node);
  const args = node.ArgumentList ? elements(node.ArgumentList.Expressions) : [];
  const variableOf = (argument: SyntaxNode | undefined): GraphVariable | undefined =>
    argument && kind(argument) === 'NameReference'
      ? api.graphVariable(scope, argument.SimpleName as string)
      : undefined;
  if (name === 'inner_nodes') {
    if (variableOf(args[0])) throw unsupported('inner_nodes() outside all(), any() or map()', span);
    return undefined;
  }
  if (name in NODE_FUNCTION_PROPERTIES) {
    const property = NODE_FUNCTION_PROPERTIES[name as keyof typeof NODE_FUNCTION_PROPERTIES];
    const type = name === 'node_id' ? 'string' : 'long';
    if (args.length === 0) {
      // node_degree_out() inside map(inner_nodes(e), ...): the inner node at hand.
      if (lambdaScopes[lambdaScopes.length - 1] !== 'inner_nodes')
        throw unsupported(`${name}() without a node outside all(), any() or map() over inner_nodes()`, span);
      return { kind: 'column', name: property, type, span };
    }
    const variable = variableOf(args[0]);
    if (!variable) return undefined;
    if (variable.element !== 'node')
      throw unsupported(`${name}() of '${variable.name}', which is not a node`, span);
    return { kind: 'column', name: graphColumnName(variable.name, property), type, span };
  }
  if (name === 'labels') {
    // make-graph gives its nodes and edges no labels.
    if (args.length === 0 ? lambdaScopes.length > 0 : variableOf(args[0]))
      return { kind: 'literal', type: 'dynamic', value: [] };
    return undefined;
  }
  if (!(name in GRAPH_FUNCTION_CALLS)) return undefined;
  const first = args[0];
  let variable: GraphVariable | undefined;
  let over: 'edges' | 'inner_nodes' = 'edges';
  if (
    first &&
    kind(first) === 'FunctionCallExpression' &&
    String(first.Name?.SimpleName).toLowerCase() === 'inner_nodes'
  ) {
    variable = variableOf(elements(first.ArgumentList.Expressions)[0]);
    over = 'inner_nodes';
    if (!variable) return undefined;
  } else {
    variable = variableOf(first);
    if (!variable) return undefined;
  }
  if (variable.element !== 'path')
    throw unsupported(`${name}() over '${variable.name}', which is not a variable length edge`, span);
  if (args.length !== 2) throw unsupported(`${name}() with ${args.length} arguments`, span);
  lambdaScopes.push(over);
  let lambda: Expr;
  try {
    lambda = api.scalar(args[1]!, scope, undefined);
  } finally {
    lambdaScopes.pop();
  }
  return {
    kind: 'call',
    name: GRAPH_FUNCTION_CALLS[name as keyof typeof GRAPH_FUNCTION_CALLS],
    args: [
      { kind: 'literal', type: 'string', value: variable.name },
      { kind: 'literal', type: 'string', value: over },
      lambda,
    ],
    type: name === 'map' ? 'dynamic' : 'bool',
    span,
  };
}

function translateGraphToTable(
  api: TranslateApi,
  node: SyntaxNode,
  input: Tabular,
  scope: Scope,
  schema: readonly ColumnSchema[] | undefined,
): Tabular {
  const span = spanOf(node);
  const graph = graphInput(input, span);
  const clauses = elements(node.OutputClause);
  const outputs = clauses.map((clause) => {
    const entity = (clause.EntityKeyword?.Text as string | undefined)?.toLowerCase();
    const parameters = new Map<string, string>();
    for (const parameter of elements(clause.Parameters)) {
      const name = (parameter.Name?.SimpleName as string | undefined)?.toLowerCase() ?? '';
      const value = (parameter.Expression?.SimpleName as string | undefined) ?? '';
      parameters.set(name, value);
    }
    const known = entity === 'nodes' ? ['with_node_id'] : ['with_source_id', 'with_target_id'];
    for (const name of parameters.keys()) {
      if (!known.includes(name))
        throw unsupported(`graph-to-table ${entity ?? ''} parameter '${name}'`, spanOf(clause));
    }
    const operation: GraphOperation =
      entity === 'nodes'
        ? { kind: 'nodes', graph, nodeIdColumn: parameters.get('with_node_id') }
        : {
            kind: 'edges',
            graph,
            sourceIdColumn: parameters.get('with_source_id'),
            targetIdColumn: parameters.get('with_target_id'),
          };
    return { operation, as: clause.AsClause?.Name?.SimpleName as string | undefined, span: spanOf(clause) };
  });
  if (outputs.length === 1) {
    const [output] = outputs;
    const plan: Tabular = {
      ...graphPlan(output!.operation, span),
      schema: schema ?? tableSchema(output!.operation),
    };
    return output!.as ? api.bindTable(scope, output!.as, plan) : plan;
  }
  for (const output of outputs) {
    if (!output.as) throw unsupported('graph-to-table of nodes and edges without names (as)', output.span);
    const schema = tableSchema(output.operation);
    api.bindTable(scope, output.as, { op: 'graph', operation: output.operation, span: output.span, schema });
  }
  return graphPlan({ kind: 'bind' }, span);
}

/** The columns graph-to-table exports: the hash id columns asked for, then the node or edge properties. */
function tableSchema(operation: GraphOperation): ColumnSchema[] | undefined {
  const ids = (...names: (string | undefined)[]): ColumnSchema[] =>
    names.filter((name): name is string => Boolean(name)).map((name) => ({ name, type: 'long' }));
  if (operation.kind === 'nodes') return [...ids(operation.nodeIdColumn), ...nodeProperties(operation.graph)];
  if (operation.kind === 'edges')
    return [...ids(operation.sourceIdColumn, operation.targetIdColumn), ...edgeProperties(operation.graph)];
  return undefined;
}
