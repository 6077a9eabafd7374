/**
 * Translates Kusto.Language's analyzed syntax tree into the engine's plan (plan.ts). Bridge.NET objects stay in this
 * file and kusto.ts: the plan holds only plain values. Names and types of result columns come from the analyzer.
 */
import { EngineError, unsupported } from './errors';
import {
  LOCAL_DATABASE,
  kustoLanguage,
  symbolKindName,
  syntaxKindName,
  scalarTypeName,
  tableColumns,
  type KNode,
} from './kusto';
import type {
  ColumnSchema,
  Expr,
  JoinKind,
  NamedExpr,
  ParsePart,
  QueryPlan,
  SortKey,
  Span,
  Tabular,
} from './plan';
import type { KustoType } from './types';
import { formatDatetime, formatTimespan, parseDatetime, parseTimespan, TICKS_PER_DAY } from './values';
import { isAggregateName } from './aggregates';
import type { Scope, TranslateApi } from './translateApi';
import { translateScan } from './operators/scan';
import { translateCatalogOperator } from './operators/catalogOperators';
import { translatePartition } from './operators/partition';
import { translateReduce } from './operators/reduce';
import { filterBelowInnerunique } from './operators/joinFilter';
import { translatePlugin } from './plugins/translate';
import { declarePattern, invokePattern, type PatternDeclaration } from './statements/pattern';
import { declareAlias, tableReference, type Aliases } from './statements/alias';
import type { GraphVariable } from './graph/plan';
import {
  graphPropertyReference,
  translateGraphFunction,
  translateGraphOperator,
  type GraphTranslateHost,
} from './graph/translate';
import { isInFunctionBody, projectByNamesPlan } from './operators/projectByNames';
import { columnNamesOfExpr } from './operators/columnNamesOf';
import { inlineExternalTableError } from './operators/inlineExternalTable';

type Binding =
  | { readonly kind: 'scalar'; readonly expr: Expr }
  | { readonly kind: 'tabular'; readonly plan: Tabular }
  | { readonly kind: 'function'; readonly node: KNode; readonly env: Env }
  /** `name.column` reads the row's column `prefix + column` (a scan step's state). */
  | { readonly kind: 'rowState'; readonly prefix: string }
  | { readonly kind: 'pattern'; readonly pattern: PatternDeclaration }
  | { readonly kind: 'graph'; readonly variable: GraphVariable };

interface ColumnSchemaTable {
  readonly name: string;
  readonly columns: readonly ColumnSchema[];
}

class Env {
  private readonly names = new Map<string, Binding>();
  constructor(readonly parent?: Env) {}
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

const kind = (node: KNode): string => syntaxKindName(node);
const spanOf = (node: KNode): Span => ({
  start: node.TextStart as number,
  length: Math.max(1, node.Width as number),
});

/** Elements of a SyntaxList, unwrapping SeparatedElement. */
function elements(list: KNode): KNode[] {
  if (!list) return [];
  const result: KNode[] = [];
  for (let i = 0; i < list.ChildCount; i++) {
    const child = list.GetChild(i);
    if (!child) continue;
    result.push(kind(child) === 'SeparatedElement' ? child.Element : child);
  }
  return result;
}

function children(node: KNode): KNode[] {
  const result: KNode[] = [];
  for (let i = 0; i < node.ChildCount; i++) {
    const child = node.GetChild(i);
    if (child) result.push(child);
  }
  return result;
}

function typeOf(node: KNode): KustoType {
  return scalarTypeName(node?.ResultType) ?? 'dynamic';
}

function schemaOf(node: KNode): ColumnSchema[] | undefined {
  return tableColumns(node?.ResultType);
}

function textOf(source: string, node: KNode): string {
  return source.slice(node.TextStart, node.TextStart + node.Width);
}

const BINARY_OPERATORS: Record<string, string> = {
  AddExpression: '+',
  SubtractExpression: '-',
  MultiplyExpression: '*',
  DivideExpression: '/',
  ModuloExpression: '%',
  LessThanExpression: '<',
  LessThanOrEqualExpression: '<=',
  GreaterThanExpression: '>',
  GreaterThanOrEqualExpression: '>=',
  EqualExpression: '==',
  NotEqualExpression: '!=',
  EqualTildeExpression: '=~',
  BangTildeExpression: '!~',
  AndExpression: 'and',
  OrExpression: 'or',
};

const JOIN_KINDS: Record<string, JoinKind> = {
  innerunique: 'innerunique',
  inner: 'inner',
  leftouter: 'leftouter',
  rightouter: 'rightouter',
  fullouter: 'fullouter',
  outer: 'fullouter',
  leftanti: 'leftanti',
  anti: 'leftanti',
  leftantisemi: 'leftanti',
  rightanti: 'rightanti',
  rightantisemi: 'rightanti',
  leftsemi: 'leftsemi',
  semi: 'leftsemi',
  rightsemi: 'rightsemi',
};

function literal(type: KustoType, value: unknown): Expr {
  return { kind: 'literal', type, value };
}

let sharedIds = 0;

class Translator {
  constructor(
    private readonly source: string,
    private readonly tables: readonly ColumnSchemaTable[],
  ) {}

  /** `set name=value;` options of the query, for the functions that read them (bin_auto). */
  private readonly queryOptions = new Map<string, KNode>();

  text(node: KNode): string {
    return textOf(this.source, node);
  }

  /** `alias database` statements seen so far: name -> cluster and database. */
  private readonly aliases: Aliases = new Map();

  /** The view of this translator that the modules in operators/ and plugins/ use. */
  readonly api: TranslateApi = {
    kind,
    span: spanOf,
    elements,
    text: (node) => this.text(node),
    typeName: (typeNode) => this.typeName(typeNode),
    typeOf,
    schemaOf,
    scalar: (node, scope, rowSchema) => this.scalar(node, scope as unknown as Env, rowSchema),
    tabular: (node, scope) => this.tabular(node, scope as unknown as Env),
    literal: (node, type, scope) => {
      const literalKind = kind(node);
      const negated =
        literalKind === 'UnaryMinusExpression' && kind(node.Expression).endsWith('LiteralExpression');
      return literalKind.endsWith('LiteralExpression') || negated
        ? this.literalExpr(node, type)
        : this.scalar(node, scope as unknown as Env, undefined);
    },
    withRowState: (scope, name, prefix) => {
      const inner = new Env(scope as unknown as Env);
      inner.set(name, { kind: 'rowState', prefix });
      return inner as unknown as Scope;
    },
    withScalar: (scope, name, value) => {
      const inner = new Env(scope as unknown as Env);
      inner.set(name, { kind: 'scalar', expr: value });
      return inner as unknown as Scope;
    },
    pipelineOver: (node, input, scope) => this.pipelineOver(node, input, scope as unknown as Env),
    block: (statements, scope, final) => this.block(statements, new Env(scope as unknown as Env), final),
  };

  /** Named parameters (`kind=inner`, `with_itemindex=i`) as text. */
  parameters(list: KNode): Map<string, { text: string; node: KNode }> {
    const result = new Map<string, { text: string; node: KNode }>();
    for (const parameter of elements(list)) {
      if (kind(parameter) !== 'NamedParameter') continue;
      const name = (parameter.Name.SimpleName as string).toLowerCase();
      result.set(name, { text: this.text(parameter.Expression).trim(), node: parameter.Expression });
    }
    return result;
  }

  // ---------- statements ----------

  block(statements: KNode[], env: Env, finalExpression?: KNode): Tabular[] {
    const outputs: Tabular[] = [];
    for (const statement of statements) {
      const statementKind = kind(statement);
      if (statementKind === 'LetStatement') this.let(statement, env);
      else if (statementKind === 'ExpressionStatement') {
        const plan = this.tabular(statement.Expression, env);
        // graph-to-table nodes as N, edges as E: binds N and E for the statements that follow.
        if (plan.op !== 'graph' || plan.operation.kind !== 'bind') outputs.push(plan);
      } else if (statementKind === 'AliasStatement') {
        declareAlias(this.api, statement, this.aliases);
      } else if (statementKind === 'PatternStatement') {
        const pattern = declarePattern(this.api, statement, env as unknown as Scope);
        env.set(pattern.name, { kind: 'pattern', pattern });
      } else if (statementKind === 'SetOptionStatement') {
        const value = statement.ValueClause?.Expression;
        if (value) this.queryOptions.set(String(statement.Name.SimpleName).toLowerCase(), value);
      } else if (statementKind === 'QueryParametersStatement') {
        continue;
      } else {
        throw unsupported(`statement '${statementKind}'`, spanOf(statement));
      }
    }
    if (finalExpression) outputs.push(this.tabular(finalExpression, env));
    return outputs;
  }

  let(statement: KNode, env: Env): void {
    const name = statement.Name.SimpleName as string;
    const value = statement.Expression;
    const valueKind = kind(value);
    if (valueKind === 'FunctionDeclaration') {
      env.set(name, { kind: 'function', node: value, env });
      return;
    }
    if (this.isTabular(value)) {
      const plan = this.tabular(value, env);
      env.set(name, {
        kind: 'tabular',
        plan: { op: 'shared', input: plan, id: ++sharedIds, span: plan.span, schema: plan.schema },
      });
    } else {
      env.set(name, { kind: 'scalar', expr: this.scalar(value, env, undefined) });
    }
  }

  isTabular(node: KNode): boolean {
    const type = node.ResultType;
    if (!type) return false;
    const name = symbolKindName(type);
    return name === 'Table' || name === 'Group' || name === 'Graph';
  }

  // ---------- tabular ----------

  tabular(node: KNode, env: Env): Tabular {
    const nodeKind = kind(node);
    const schema = schemaOf(node);
    const span = spanOf(node);
    switch (nodeKind) {
      case 'ParenthesizedExpression':
        return this.tabular(node.Expression, env);
      case 'PipeExpression': {
        const input = this.tabular(node.Expression, env);
        return this.operator(node.Operator, input, env, schemaOf(node));
      }
      case 'NameReference':
      case 'BracketedExpression': {
        const name =
          nodeKind === 'NameReference'
            ? (node.SimpleName as string)
            : (node.Expression?.LiteralValue as string);
        const binding = env.get(name);
        if (binding?.kind === 'tabular') return binding.plan;
        if (binding?.kind === 'function') return this.callUserFunction(binding, [], node, env, undefined);
        const symbol = node.ReferencedSymbol;
        if (symbol && symbolKindName(symbol) === 'Table')
          return { op: 'table', name: symbol.Name, schema, span };
        throw unsupported(`tabular reference '${name}'`, span);
      }
      case 'MaterializeExpression': {
        const input = this.tabular(node.Expression, env);
        return { op: 'shared', input, id: ++sharedIds, span, schema };
      }
      case 'DataTableExpression':
        return this.datatable(node, env, schema);
      case 'PrintOperator':
        return {
          op: 'print',
          items: this.namedList(node.Expressions, env, undefined, schema, []),
          schema,
          span,
        };
      case 'RangeOperator':
        return {
          op: 'range',
          name: node.Name.SimpleName,
          from: this.scalar(node.From, env, undefined),
          to: this.scalar(node.To, env, undefined),
          step: this.scalar(node.Step, env, undefined),
          schema,
          span,
        };
      case 'UnionOperator':
      case 'SearchOperator':
      case 'FindOperator':
      case 'EvaluateOperator':
        return this.operator(node, undefined, env, schema);
      case 'FunctionCallExpression':
        return this.tabularCall(node, env, undefined);
      case 'PathExpression': {
        const call = node.Expression;
        const binding = kind(call) === 'FunctionCallExpression' ? env.get(call.Name.SimpleName) : undefined;
        if (binding?.kind !== 'pattern') {
          const table = tableReference(this.api, node, this.aliases, LOCAL_DATABASE, span);
          if (table) return table;
          throw unsupported(`tabular expression '${nodeKind}'`, span);
        }
        const args = elements(call.ArgumentList.Expressions);
        return invokePattern(this.api, binding.pattern, args, node.Selector, env as unknown as Scope, span);
      }
      case 'ExternalDataExpression':
        throw new EngineError(
          'KQL_NO_NETWORK',
          'externaldata cannot run here: the lab works offline and fetches nothing from outside.',
          span,
          'Put the data in a datatable or a let statement instead.',
        );
      case 'InlineExternalTableExpression':
        throw inlineExternalTableError(node, span);
      case 'ContextualDataTableExpression':
        throw unsupported('contextual datatable', span);
      default:
        throw unsupported(`tabular expression '${nodeKind}'`, span);
    }
  }

  tabularCall(node: KNode, env: Env, input: Tabular | undefined): Tabular {
    const name = node.Name.SimpleName as string;
    const span = spanOf(node);
    const binding = env.get(name);
    if (binding?.kind === 'function')
      return this.callUserFunction(binding, elements(node.ArgumentList.Expressions), node, env, input);
    if (binding?.kind === 'tabular') return binding.plan;
    if (binding?.kind === 'pattern') {
      const args = elements(node.ArgumentList.Expressions);
      return invokePattern(this.api, binding.pattern, args, undefined, env as unknown as Scope, span);
    }
    const lower = name.toLowerCase();
    if (lower === 'table' || lower === 'view') {
      const args = elements(node.ArgumentList.Expressions);
      const tableName = args[0]?.LiteralValue as string | undefined;
      if (tableName) {
        const bound = env.get(tableName);
        if (bound?.kind === 'tabular') return bound.plan;
        return { op: 'table', name: tableName, schema: schemaOf(node), span };
      }
    }
    throw unsupported(`function '${name}' as a table`, span);
  }

  /** Expands a user-defined function (let f = (a:long, T:(x:string)) {...}) with its arguments bound. */
  callUserFunction(
    binding: Extract<Binding, { kind: 'function' }>,
    args: KNode[],
    call: KNode,
    env: Env,
    pipedInput: Tabular | undefined,
  ): Tabular {
    const declaration = binding.node;
    const inner = new Env(binding.env);
    const parameters = elements(declaration.Parameters.Parameters);
    let argIndex = 0;
    parameters.forEach((parameter, index) => {
      const name = parameter.NameAndType.Name.SimpleName as string;
      const typeNode = parameter.NameAndType.Type;
      const isTabularParameter = kind(typeNode) === 'SchemaTypeExpression';
      if (isTabularParameter && pipedInput && index === 0) {
        inner.set(name, { kind: 'tabular', plan: pipedInput });
        return;
      }
      const arg = args[argIndex++];
      if (!arg) {
        const defaultValue = parameter.DefaultValue?.Value;
        inner.set(name, {
          kind: 'scalar',
          expr: defaultValue
            ? this.scalar(defaultValue, env, undefined)
            : literal(this.typeName(typeNode), null),
        });
        return;
      }
      if (isTabularParameter || this.isTabular(arg))
        inner.set(name, { kind: 'tabular', plan: this.tabular(arg, env) });
      else inner.set(name, { kind: 'scalar', expr: this.scalar(arg, env, undefined) });
    });
    const body = declaration.Body;
    const outputs = this.block(elements(body.Statements), inner, body.Expression);
    const result = outputs[outputs.length - 1];
    if (!result) throw unsupported('a function without a tabular result', spanOf(call));
    return result;
  }

  typeName(typeNode: KNode): KustoType {
    const text = this.text(typeNode)
      .trim()
      .toLowerCase()
      .replace(/^typeof\s*\(\s*(\w+)\s*\)$/, '$1');
    return scalarTypeName({ Name: text }) ?? 'dynamic';
  }

  datatable(node: KNode, env: Env, schema: ColumnSchema[] | undefined): Tabular {
    const columns: ColumnSchema[] = elements(node.Schema.Columns).map((column) => ({
      name: column.Name.SimpleName,
      type: this.typeName(column.Type),
    }));
    const values = elements(node.Values).map((value) => this.scalar(value, env, undefined));
    return { op: 'datatable', columns, values, schema: schema ?? columns, span: spanOf(node) };
  }

  // ---------- operators ----------

  operator(node: KNode, input: Tabular | undefined, env: Env, schema: ColumnSchema[] | undefined): Tabular {
    const span = spanOf(node);
    const nodeKind = kind(node);
    const inputSchema = input?.schema ?? [];
    const need = (): Tabular => {
      if (!input) throw unsupported(`'${nodeKind}' without input`, span);
      return input;
    };
    switch (nodeKind) {
      case 'FilterOperator': {
        const predicate = this.scalar(node.Condition, env, inputSchema);
        return (
          filterBelowInnerunique(need(), predicate, span) ?? {
            op: 'where',
            input: need(),
            predicate,
            schema,
            span,
          }
        );
      }
      case 'ExtendOperator':
        return {
          op: 'extend',
          input: need(),
          items: this.namedList(node.Expressions, env, inputSchema, schema, inputSchema),
          schema,
          span,
        };
      case 'ProjectOperator':
        return {
          op: 'project',
          input: need(),
          items: this.namedList(node.Expressions, env, inputSchema, schema, []),
          schema,
          span,
        };
      case 'ProjectAwayOperator':
      case 'ProjectKeepOperator':
      case 'ProjectReorderOperator':
        // The analyzer already resolved wildcards and order: pick its output columns from the input.
        return {
          op: 'select',
          input: need(),
          picks: (schema ?? []).map((column) => ({ from: column.name, as: column.name })),
          schema,
          span,
        };
      case 'ProjectByNamesOperator':
        return projectByNamesPlan(
          need(),
          elements(node.Expressions).map((item) => ({
            expr: this.scalar(item, env, inputSchema),
            span: spanOf(item),
          })),
          isInFunctionBody(node) ? undefined : schema,
          span,
        );
      case 'ProjectRenameOperator': {
        const renames = new Map<string, string>();
        for (const item of elements(node.Expressions)) {
          renames.set(item.Expression.SimpleName ?? this.text(item.Expression), item.Name.SimpleName);
        }
        const picks = inputSchema.map((column) => ({
          from: column.name,
          as: renames.get(column.name) ?? column.name,
        }));
        return { op: 'select', input: need(), picks, schema, span };
      }
      case 'SummarizeOperator':
        return this.summarize(node, need(), env, schema);
      case 'CountOperator':
        return {
          op: 'summarize',
          input: need(),
          aggregates: [
            { name: 'Count', expr: { kind: 'aggregate', name: 'count', args: [], type: 'long', span } },
          ],
          by: [],
          schema,
          span,
        };
      case 'DistinctOperator': {
        const items = elements(node.Expressions);
        if (items.length === 1 && kind(items[0]) === 'StarExpression') {
          return {
            op: 'distinct',
            input: need(),
            items: inputSchema.map((column) => ({
              name: column.name,
              expr: { kind: 'column', name: column.name, type: column.type, span },
            })),
            schema,
            span,
          };
        }
        return {
          op: 'distinct',
          input: need(),
          items: this.namedList(node.Expressions, env, inputSchema, schema, []),
          schema,
          span,
        };
      }
      case 'TakeOperator':
        return {
          op: 'take',
          input: need(),
          count: this.scalar(node.Expression, env, inputSchema),
          schema,
          span,
        };
      case 'SortOperator':
        return {
          op: 'sort',
          input: need(),
          keys: this.sortKeys(node.Expressions, env, inputSchema),
          schema,
          span,
        };
      case 'TopOperator':
        return {
          op: 'top',
          input: need(),
          count: this.scalar(node.Expression, env, inputSchema),
          keys: this.sortKeys([node.ByExpression], env, inputSchema),
          schema,
          span,
        };
      case 'JoinOperator':
      case 'LookupOperator':
        return this.join(node, need(), env, schema, nodeKind === 'LookupOperator');
      case 'UnionOperator':
        return this.union(node, input, env, schema);
      case 'MvExpandOperator':
        return this.mvExpand(node, need(), env, schema);
      case 'MvApplyOperator':
        return this.mvApply(node, need(), env, schema);
      case 'ParseOperator':
      case 'ParseWhereOperator':
        return this.parse(node, need(), env, schema, nodeKind === 'ParseWhereOperator');
      case 'MakeSeriesOperator':
        return this.makeSeries(node, need(), env, schema);
      case 'RenderOperator':
        return this.render(node, need(), schema);
      case 'SerializeOperator':
        return {
          op: 'serialize',
          input: need(),
          items: this.namedList(node.Expressions, env, inputSchema, schema, inputSchema),
          schema,
          span,
        };
      case 'GetSchemaOperator':
        return { op: 'getschema', input: need(), schema, span };
      case 'ParseKvOperator': {
        const keys = elements(node.Keys.Columns).map((column) => ({
          name: column.Name.SimpleName as string,
          type: this.typeName(column.Type),
        }));
        const options: Record<string, string> = {};
        if (node.WithClause) {
          for (const parameter of elements(node.WithClause.Properties)) {
            if (kind(parameter) !== 'NamedParameter') continue;
            const value = parameter.Expression;
            options[(parameter.Name.SimpleName as string).toLowerCase()] = String(
              value.IsLiteral ? value.LiteralValue : this.text(value).trim(),
            );
          }
        }
        return {
          op: 'parsekv',
          input: need(),
          source: this.scalar(node.Expression, env, inputSchema),
          keys,
          options,
          schema,
          span,
        };
      }
      case 'AsOperator': {
        const plan: Tabular = { op: 'shared', input: need(), id: ++sharedIds, schema, span };
        env.set(node.Name.SimpleName, { kind: 'tabular', plan });
        return plan;
      }
      case 'InvokeOperator': {
        const call = node.Function;
        if (kind(call) !== 'FunctionCallExpression') throw unsupported('invoke of this expression', span);
        const binding = env.get(call.Name.SimpleName);
        if (binding?.kind !== 'function') throw unsupported(`invoke of '${call.Name.SimpleName}'`, span);
        return this.callUserFunction(binding, elements(call.ArgumentList.Expressions), call, env, need());
      }
      case 'SampleOperator':
        return {
          op: 'sample',
          input: need(),
          count: this.scalar(node.Expression, env, inputSchema),
          schema,
          span,
        };
      case 'EvaluateOperator':
        return this.evaluate(node, input, env, schema);
      case 'TopNestedOperator':
        return this.topNested(node, need(), env, schema);
      case 'SearchOperator':
        return this.search(node, input, env, schema);
      case 'ExecuteAndCacheOperator':
        return need();
      case 'PartitionOperator':
        return translatePartition(this.api, node, need(), env as unknown as Scope, schema);
      case 'ScanOperator':
        return translateScan(this.api, node, need(), env as unknown as Scope);
      case 'ReduceByOperator':
        return translateReduce(this.api, node, need(), env as unknown as Scope, schema);
      case 'MakeGraphOperator':
      case 'GraphMarkComponentsOperator':
      case 'GraphMatchOperator':
      case 'GraphShortestPathsOperator':
      case 'GraphToTableOperator':
        return translateGraphOperator(this.graphHost(), node, need(), env, schema);
      default: {
        const added = translateCatalogOperator(this.api, node, input, env as unknown as Scope, schema);
        if (added) return added;
        throw unsupported(`operator '${this.operatorName(node)}'`, span);
      }
    }
  }

  graphHost(): GraphTranslateHost<Env> {
    return {
      scalar: (node, env, rowSchema) => this.scalar(node, env, rowSchema),
      tabular: (node, env) => this.tabular(node, env),
      withGraphVariables: (env, variables) => {
        const inner = new Env(env);
        for (const variable of variables) inner.set(variable.name, { kind: 'graph', variable });
        return inner;
      },
      graphVariable: (env, name) => {
        const binding = env.get(name);
        return binding?.kind === 'graph' ? binding.variable : undefined;
      },
      bindTable: (env, name, plan) => {
        const shared: Tabular = {
          op: 'shared',
          input: plan,
          id: ++sharedIds,
          schema: plan.schema,
          span: plan.span,
        };
        env.set(name, { kind: 'tabular', plan: shared });
        return shared;
      },
    };
  }

  operatorName(node: KNode): string {
    const first = node.GetChild(0);
    return first?.IsToken ? (first.Text as string) : kind(node);
  }

  /** Items of project/extend/print/summarize-by: each named by the item's own name or by the analyzer's schema. */
  namedList(
    list: KNode,
    env: Env,
    rowSchema: readonly ColumnSchema[] | undefined,
    outSchema: readonly ColumnSchema[] | undefined,
    keptSchema: readonly ColumnSchema[],
  ): NamedExpr[] {
    const items = elements(list);
    const kept = new Set(keptSchema.map((column) => column.name));
    // Names the analyzer gave to columns that are not passed-through input columns, in order.
    const generated = (outSchema ?? [])
      .filter((column) => !kept.has(column.name))
      .map((column) => column.name);
    let generatedIndex = 0;
    const result: NamedExpr[] = [];
    items.forEach((item, index) => {
      const itemKind = kind(item);
      if (itemKind === 'SimpleNamedExpression') {
        const name = item.Name.SimpleName as string;
        result.push({ name, expr: this.scalar(item.Expression, env, rowSchema) });
        if (generated[generatedIndex] === name) generatedIndex++;
        return;
      }
      if (itemKind === 'CompoundNamedExpression') {
        const names = elements(item.Names.Names).map((name) => name.SimpleName as string);
        const expr = this.scalar(item.Expression, env, rowSchema);
        names.forEach((name, position) => {
          result.push({
            name,
            expr: {
              kind: 'call',
              name: '__tuple_item',
              args: [expr, literal('long', position)],
              type: 'dynamic',
              span: spanOf(item),
            },
          });
        });
        return;
      }
      if (itemKind === 'StarExpression') {
        for (const column of rowSchema ?? []) {
          result.push({
            name: column.name,
            expr: { kind: 'column', name: column.name, type: column.type, span: spanOf(item) },
          });
        }
        return;
      }
      const expr = this.scalar(item, env, rowSchema);
      const tuple =
        item.ResultType && symbolKindName(item.ResultType) === 'Tuple'
          ? tableColumns(item.ResultType)
          : undefined;
      if (tuple && tuple.length > 0) {
        // A function with several results (series_stats, array_sort_asc over several arrays) adds one column each.
        tuple.forEach((column, position) => {
          result.push({
            name: column.name,
            expr: {
              kind: 'call',
              name: '__tuple_item',
              args: [expr, literal('long', position)],
              type: column.type,
              span: spanOf(item),
            },
          });
          if (generated[generatedIndex] === column.name) generatedIndex++;
        });
        return;
      }
      let name: string | undefined;
      if (expr.kind === 'column') name = expr.name;
      if (
        !name ||
        (outSchema && keptSchema.length === 0 && outSchema[index] && outSchema.length === items.length)
      ) {
        name =
          keptSchema.length === 0 && outSchema?.length === items.length ? outSchema[index]!.name : undefined;
      }
      if (
        !name ||
        (kept.size > 0 &&
          !kept.has(name) &&
          generated[generatedIndex] !== undefined &&
          generated[generatedIndex] !== name)
      ) {
        name =
          name && !kept.has(name) && generated.includes(name)
            ? name
            : (generated[generatedIndex] ?? name ?? `Column${index + 1}`);
      }
      if (generated[generatedIndex] === name) generatedIndex++;
      result.push({ name, expr });
    });
    return result;
  }

  sortKeys(list: KNode | KNode[], env: Env, rowSchema: readonly ColumnSchema[]): SortKey[] {
    const items = Array.isArray(list) ? list : elements(list);
    return items.map((item) => {
      let expression = item;
      let descending = true;
      let nullsFirst: boolean | undefined;
      if (kind(item) === 'OrderedExpression') {
        expression = item.Expression;
        const ordering = item.Ordering;
        if (ordering) {
          const direction = (ordering.AscOrDescKeyword?.Text as string | undefined)?.toLowerCase();
          if (direction === 'asc') descending = false;
          const nulls = (ordering.NullsClause?.FirstOrLastKeyword?.Text as string | undefined)?.toLowerCase();
          if (nulls) nullsFirst = nulls === 'first';
        }
      }
      return {
        expr: this.scalar(expression, env, rowSchema),
        descending,
        // Kusto: nulls last when descending, first when ascending, unless told.
        nullsFirst: nullsFirst ?? !descending,
      };
    });
  }

  summarize(node: KNode, input: Tabular, env: Env, schema: ColumnSchema[] | undefined): Tabular {
    const span = spanOf(node);
    const inputSchema = input.schema ?? [];
    const byItems = node.ByClause ? elements(node.ByClause.Expressions) : [];
    const aggregateItems = elements(node.Aggregates);
    const outSchema = schema ?? [];
    const by: NamedExpr[] = [];
    byItems.forEach((item, index) => {
      const named = kind(item) === 'SimpleNamedExpression';
      const expr = this.scalar(named ? item.Expression : item, env, inputSchema);
      const name = named
        ? (item.Name.SimpleName as string)
        : (outSchema[index]?.name ?? `Column${index + 1}`);
      by.push({ name, expr });
    });
    const aggregates: NamedExpr[] = [];
    let column = byItems.length;
    for (const item of aggregateItems) {
      const named = kind(item) === 'SimpleNamedExpression';
      const compound = kind(item) === 'CompoundNamedExpression';
      const inner = named || compound ? item.Expression : item;
      const expr = this.scalar(inner, env, inputSchema, true);
      const width = this.aggregateWidth(expr, inputSchema, by);
      const name = named
        ? (item.Name.SimpleName as string)
        : (outSchema[column]?.name ?? `Column${column + 1}`);
      aggregates.push({ name, expr });
      column += width;
    }
    return { op: 'summarize', input, aggregates, by, schema, span };
  }

  /** How many output columns an aggregate produces (arg_max(x, *) and percentiles(x, 50, 95) produce several). */
  aggregateWidth(expr: Expr, inputSchema: readonly ColumnSchema[], by: readonly NamedExpr[]): number {
    if (expr.kind !== 'aggregate') return 1;
    if (expr.name === 'arg_max' || expr.name === 'arg_min') {
      if (expr.args.some((arg) => arg.kind === 'star')) {
        const byNames = new Set(by.map((item) => item.name));
        return (
          1 +
          inputSchema.filter((column) => !byNames.has(column.name)).length -
          (expr.args[0]?.kind === 'column' && !byNames.has(expr.args[0].name) ? 1 : 0)
        );
      }
      return expr.args.length;
    }
    if (expr.name === 'percentiles' || expr.name === 'percentilesw')
      return Math.max(1, expr.args.length - (expr.name === 'percentilesw' ? 2 : 1));
    return 1;
  }

  join(node: KNode, left: Tabular, env: Env, schema: ColumnSchema[] | undefined, isLookup: boolean): Tabular {
    const span = spanOf(node);
    const parameters = this.parameters(node.Parameters);
    const kindText = parameters.get('kind')?.text.toLowerCase() ?? (isLookup ? 'leftouter' : 'innerunique');
    const joinKind = JOIN_KINDS[kindText];
    if (!joinKind) throw unsupported(`join kind '${kindText}'`, span);
    const right = this.tabular(node.Expression, env);
    const clause = isLookup ? node.LookupClause : node.ConditionClause;
    if (!clause || kind(clause) !== 'JoinOnClause') throw unsupported('join with a where clause', span);
    const leftKeys: Expr[] = [];
    const rightKeys: Expr[] = [];
    const leftSchema = left.schema ?? [];
    const rightSchema = right.schema ?? [];
    for (const condition of elements(clause.Expressions)) {
      const conditionKind = kind(condition);
      if (conditionKind === 'NameReference' || conditionKind === 'BracketedExpression') {
        const name =
          (condition.SimpleName as string | undefined) ?? (condition.Expression?.LiteralValue as string);
        leftKeys.push(this.columnRef(name, leftSchema, condition));
        rightKeys.push(this.columnRef(name, rightSchema, condition));
      } else if (conditionKind === 'EqualExpression') {
        const sides = [condition.Left, condition.Right].map((side) => this.joinSide(side));
        const leftSide = sides.find((side) => side.side === 'left') ?? sides[0]!;
        const rightSide = sides.find((side) => side !== leftSide)!;
        leftKeys.push(this.columnRef(leftSide.name, leftSchema, condition));
        rightKeys.push(this.columnRef(rightSide.name, rightSchema, condition));
      } else {
        throw unsupported(`join condition '${this.text(condition)}'`, spanOf(condition));
      }
    }
    return { op: 'join', left, right, kind: joinKind, leftKeys, rightKeys, isLookup, schema, span };
  }

  joinSide(node: KNode): { side: 'left' | 'right' | 'none'; name: string } {
    if (kind(node) === 'PathExpression') {
      const target = (this.text(node.Expression) as string).trim();
      const name = node.Selector.SimpleName ?? node.Selector.Expression?.LiteralValue;
      if (target === '$left') return { side: 'left', name };
      if (target === '$right') return { side: 'right', name };
    }
    if (kind(node) === 'NameReference') return { side: 'none', name: node.SimpleName };
    throw unsupported(`join condition '${this.text(node)}'`, spanOf(node));
  }

  columnRef(name: string, schema: readonly ColumnSchema[], node: KNode): Expr {
    const column = schema.find((c) => c.name === name);
    return { kind: 'column', name, type: column?.type ?? 'dynamic', span: spanOf(node) };
  }

  union(node: KNode, input: Tabular | undefined, env: Env, schema: ColumnSchema[] | undefined): Tabular {
    const span = spanOf(node);
    const parameters = this.parameters(node.Parameters);
    const fuzzy = parameters.get('isfuzzy')?.text.toLowerCase() === 'true';
    const inputs: { plan: Tabular; name: string }[] = [];
    if (input) inputs.push({ plan: input, name: 'union_arg0' });
    for (const item of elements(node.Expressions)) {
      const itemKind = kind(item);
      if (
        itemKind === 'WildcardedNameReference' ||
        (itemKind === 'NameReference' && /\*/.test(this.text(item)))
      ) {
        const pattern = new RegExp(`^${this.text(item).trim().replace(/\*/g, '.*')}$`);
        const symbols = item.ReferencedSymbol;
        const names: string[] = [];
        if (symbols && symbols.Members) {
          for (let i = 0; i < symbols.Members.Count; i++) names.push(symbols.Members.getItem(i).Name);
        }
        for (const name of names.filter((n) => pattern.test(n))) {
          inputs.push({ plan: { op: 'table', name, span: spanOf(item), schema: undefined }, name });
        }
        continue;
      }
      let plan: Tabular;
      try {
        plan = this.tabular(item, env);
      } catch (error) {
        // isfuzzy=true: an input that cannot be resolved is left out, as Kusto does.
        if (fuzzy && error instanceof EngineError) continue;
        throw error;
      }
      const name = itemKind === 'NameReference' ? (item.SimpleName as string) : `union_arg${inputs.length}`;
      inputs.push({ plan, name });
    }
    const withSource = parameters.get('withsource')?.text;
    const outer = (parameters.get('kind')?.text.toLowerCase() ?? 'outer') === 'outer';
    return { op: 'union', inputs, outer, schema, span, ...(withSource ? { withSource } : {}) };
  }

  expandItems(
    list: KNode,
    env: Env,
    rowSchema: readonly ColumnSchema[],
  ): { name: string; expr: Expr; type: KustoType; aliased: boolean }[] {
    return elements(list).map((item) => {
      let expression = item.Expression;
      let name: string | undefined;
      if (kind(expression) === 'SimpleNamedExpression') {
        name = expression.Name.SimpleName;
        expression = expression.Expression;
      }
      const aliased = name !== undefined;
      const expr = this.scalar(expression, env, rowSchema);
      if (!name) name = expr.kind === 'column' ? expr.name : this.text(expression).trim();
      const type = item.ToTypeOf
        ? this.typeName(item.ToTypeOf.TypeOf.Type ?? item.ToTypeOf.TypeOf)
        : 'dynamic';
      return { name, expr, type, aliased };
    });
  }

  mvExpand(node: KNode, input: Tabular, env: Env, schema: ColumnSchema[] | undefined): Tabular {
    const parameters = this.parameters(node.Parameters);
    const items = this.expandItems(node.Expressions, env, input.schema ?? []);
    const fixed = items.map(({ name, expr, type }) => {
      const fromSchema = schema?.find((column) => column.name === name);
      return { name, expr, type: type !== 'dynamic' ? type : (fromSchema?.type ?? 'dynamic') };
    });
    const limit = node.RowLimitClause ? this.scalar(node.RowLimitClause.RowLimit, env, undefined) : undefined;
    const indexColumn = parameters.get('with_itemindex')?.text;
    return {
      op: 'mvexpand',
      input,
      items: fixed,
      bagexpansion:
        (parameters.get('bagexpansion')?.text ?? parameters.get('kind')?.text) === 'array' ? 'array' : 'bag',
      schema,
      span: spanOf(node),
      ...(limit ? { limit } : {}),
      ...(indexColumn ? { indexColumn } : {}),
    };
  }

  mvApply(node: KNode, input: Tabular, env: Env, schema: ColumnSchema[] | undefined): Tabular {
    const parameters = this.parameters(node.Parameters);
    const items = this.expandItems(node.Expressions, env, input.schema ?? []);
    const indexColumn = parameters.get('with_itemindex')?.text;
    const inner = new Env(env);
    const rowsSchema: ColumnSchema[] = (input.schema ?? []).slice();
    for (const item of items) {
      const index = rowsSchema.findIndex((column) => column.name === item.name);
      if (index >= 0) rowsSchema[index] = { name: item.name, type: item.type };
      else rowsSchema.push({ name: item.name, type: item.type });
    }
    if (indexColumn) rowsSchema.push({ name: indexColumn, type: 'long' });
    const rowsPlan: Tabular = { op: 'table', name: '__mvapply_rows', schema: rowsSchema, span: spanOf(node) };
    const subqueryRoot = node.Subquery.Expression;
    const subquery = this.pipelineOver(subqueryRoot, rowsPlan, inner);
    const limit = node.RowLimitClause ? this.scalar(node.RowLimitClause.RowLimit, env, undefined) : undefined;
    // Kusto drops an input column expanded by its plain name (`mv-apply Arr on`), with or without `to typeof()`;
    // `x = Arr` keeps Arr beside the subquery's columns.
    const consumed = items.flatMap((item) =>
      !item.aliased && item.expr.kind === 'column' ? [item.expr.name] : [],
    );
    return {
      op: 'mvapply',
      input,
      items: items.map(({ name, expr, type }) => ({ name, expr, type })),
      consumed,
      subquery,
      schema,
      span: spanOf(node),
      ...(indexColumn ? { indexColumn } : {}),
      ...(limit ? { limit } : {}),
    };
  }

  /** Translates a subquery that starts with an operator (`summarize ...`, `top 1 by x | ...`) over a given input. */
  pipelineOver(node: KNode, input: Tabular, env: Env): Tabular {
    const nodeKind = kind(node);
    if (nodeKind === 'PipeExpression') {
      const inner = this.pipelineOver(node.Expression, input, env);
      return this.operator(node.Operator, inner, env, schemaOf(node));
    }
    if (nodeKind === 'ParenthesizedExpression') return this.pipelineOver(node.Expression, input, env);
    if (/Operator$/.test(nodeKind)) return this.operator(node, input, env, schemaOf(node));
    return this.tabular(node, env);
  }

  parse(
    node: KNode,
    input: Tabular,
    env: Env,
    schema: ColumnSchema[] | undefined,
    keepOnlyMatches: boolean,
  ): Tabular {
    const parameters = this.parameters(node.Parameters);
    const modeText = parameters.get('kind')?.text.toLowerCase() ?? 'simple';
    const mode = modeText === 'regex' ? 'regex' : modeText === 'relaxed' ? 'relaxed' : 'simple';
    const flags = parameters.get('flags')?.text ?? '';
    const parts: ParsePart[] = [];
    for (const pattern of elements(node.Patterns)) {
      const patternKind = kind(pattern);
      if (patternKind === 'StarExpression') parts.push({ kind: 'wildcard' });
      else if (patternKind === 'NameAndTypeDeclaration') {
        parts.push({ kind: 'column', name: pattern.Name.SimpleName, type: this.typeName(pattern.Type) });
      } else if (patternKind === 'NameDeclaration') {
        parts.push({ kind: 'column', name: pattern.SimpleName, type: 'string' });
      } else if (pattern.IsLiteral || /LiteralExpression$/.test(patternKind)) {
        parts.push({ kind: 'text', text: String(pattern.LiteralValue ?? '') });
      } else {
        const resolved = this.scalar(pattern, env, undefined);
        if (resolved.kind !== 'literal')
          throw unsupported(`parse pattern '${this.text(pattern)}'`, spanOf(pattern));
        parts.push({ kind: 'text', text: String(resolved.value) });
      }
    }
    return {
      op: 'parse',
      input,
      source: this.scalar(node.Expression, env, input.schema ?? []),
      mode,
      parts,
      flags,
      keepOnlyMatches,
      schema,
      span: spanOf(node),
    };
  }

  makeSeries(node: KNode, input: Tabular, env: Env, schema: ColumnSchema[] | undefined): Tabular {
    const span = spanOf(node);
    const rowSchema = input.schema ?? [];
    const outSchema = schema ?? [];
    const aggregates = elements(node.Aggregates).map((item, index) => {
      let expression = item.Expression;
      let name: string | undefined;
      if (kind(expression) === 'SimpleNamedExpression') {
        name = expression.Name.SimpleName;
        expression = expression.Expression;
      }
      const expr = this.scalar(expression, env, rowSchema, true);
      const defaultValue = item.DefaultExpression
        ? this.scalar(item.DefaultExpression.Expression, env, undefined)
        : literal(expr.kind === 'aggregate' ? expr.type : 'long', 0);
      return { name: name ?? outSchema[index]?.name ?? `Column${index + 1}`, expr, defaultValue };
    });
    let axisExpression = node.OnClause.Expression;
    let axisName: string | undefined;
    if (kind(axisExpression) === 'SimpleNamedExpression') {
      axisName = axisExpression.Name.SimpleName;
      axisExpression = axisExpression.Expression;
    }
    const axisExpr = this.scalar(axisExpression, env, rowSchema);
    const axis = {
      name: axisName ?? (axisExpr.kind === 'column' ? axisExpr.name : 'Column'),
      expr: axisExpr,
    };
    const range = node.RangeClause;
    let from: Expr | undefined;
    let to: Expr | undefined;
    let step: Expr;
    if (kind(range) === 'MakeSeriesInRangeClause') {
      const args = elements(range.Arguments.Expressions).map((arg) => this.scalar(arg, env, undefined));
      [from, to] = args;
      step = args[2]!;
    } else {
      if (range.MakeSeriesFromClause)
        from = this.scalar(range.MakeSeriesFromClause.Expression, env, undefined);
      if (range.MakeSeriesToClause) to = this.scalar(range.MakeSeriesToClause.Expression, env, undefined);
      step = this.scalar(range.MakeSeriesStepClause.Expression, env, undefined);
    }
    const by = node.ByClause ? this.namedList(node.ByClause.Expressions, env, rowSchema, undefined, []) : [];
    return {
      op: 'makeseries',
      input,
      aggregates,
      axis,
      step,
      by,
      schema,
      span,
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
    };
  }

  render(node: KNode, input: Tabular, schema: ColumnSchema[] | undefined): Tabular {
    const properties: Record<string, string | number | boolean | string[]> = {};
    const collect = (list: KNode) => {
      for (const parameter of elements(list)) {
        if (kind(parameter) !== 'NamedParameter') continue;
        const name = parameter.Name.SimpleName as string;
        const value = parameter.Expression;
        const valueKind = kind(value);
        if (valueKind === 'ExpressionList' || valueKind === 'ParenthesizedExpression') {
          properties[name] = this.text(value)
            .replace(/[()]/g, '')
            .split(',')
            .map((part) => part.trim());
        } else if (value.IsLiteral && value.LiteralValue !== null && typeof value.LiteralValue !== 'object') {
          properties[name] = value.LiteralValue as string | number | boolean;
        } else {
          const text = this.text(value).trim();
          properties[name] = text.includes(',') ? text.split(',').map((part) => part.trim()) : text;
        }
      }
    };
    collect(node.Parameters);
    if (node.WithClause) collect(node.WithClause.Properties);
    return {
      op: 'render',
      input,
      kind: (node.ChartType?.Text as string) ?? 'table',
      properties,
      schema,
      span: spanOf(node),
    };
  }

  evaluate(node: KNode, input: Tabular | undefined, env: Env, schema: ColumnSchema[] | undefined): Tabular {
    const call = node.FunctionCall;
    const name = (call.Name.SimpleName as string).toLowerCase();
    const span = spanOf(node);
    if (name === 'bag_unpack' && input) {
      // bag_unpack(column [, prefix] [, columnsConflict] [, ignoredProperties]), positionally or by name.
      const args = elements(call.ArgumentList.Expressions);
      const options = new Map<string, KNode>();
      const positional = ['prefix', 'columnsconflict', 'ignoredproperties'];
      args.slice(1).forEach((arg, index) => {
        if (kind(arg) === 'SimpleNamedExpression')
          options.set(String(arg.Name.SimpleName).toLowerCase(), arg.Expression);
        else if (positional[index]) options.set(positional[index], arg);
      });
      const constant = (key: string): unknown => {
        const option = options.get(key);
        if (!option) return undefined;
        const expr = this.scalar(option, env, undefined);
        if (expr.kind !== 'literal')
          throw unsupported(`a bag_unpack ${key} that is not a constant`, spanOf(option));
        return expr.value;
      };
      const column = this.scalar(args[0], env, input.schema ?? []);
      const prefix = String(constant('prefix') ?? '');
      const conflict = String(constant('columnsconflict') ?? 'error').toLowerCase();
      if (conflict !== 'error' && conflict !== 'replace_source' && conflict !== 'keep_source') {
        throw new EngineError(
          'KQL_BAD_ARGUMENT',
          `bag_unpack: columnsConflict must be 'error', 'replace_source' or 'keep_source', not '${conflict}'.`,
          spanOf(options.get('columnsconflict')),
        );
      }
      const ignored = constant('ignoredproperties');
      const ignoredProperties = Array.isArray(ignored) ? ignored.map(String) : [];
      return {
        op: 'bagunpack',
        input,
        column,
        prefix,
        columnsConflict: conflict,
        ignoredProperties,
        schema,
        span,
      };
    }
    return translatePlugin(this.api, node, name, input, env as unknown as Scope, schema);
  }

  topNested(node: KNode, input: Tabular, env: Env, schema: ColumnSchema[] | undefined): Tabular {
    const rowSchema = input.schema ?? [];
    const levels = elements(node.Clauses).map((clause, index) => {
      const ofNamed = kind(clause.OfExpression) === 'SimpleNamedExpression';
      const ofExpr = this.scalar(
        ofNamed ? clause.OfExpression.Expression : clause.OfExpression,
        env,
        rowSchema,
      );
      const ofName = ofNamed
        ? clause.OfExpression.Name.SimpleName
        : ofExpr.kind === 'column'
          ? ofExpr.name
          : `Column${index + 1}`;
      let byNode = clause.ByExpression;
      let descending = true;
      if (kind(byNode) === 'OrderedExpression') {
        descending = (byNode.Ordering?.AscOrDescKeyword?.Text ?? 'desc').toLowerCase() !== 'asc';
        byNode = byNode.Expression;
      }
      const byNamed = kind(byNode) === 'SimpleNamedExpression';
      const aggExpr = this.scalar(byNamed ? byNode.Expression : byNode, env, rowSchema, true);
      const aggName = byNamed ? byNode.Name.SimpleName : `aggregated_${ofName}`;
      return {
        ...(clause.Expression ? { count: this.scalar(clause.Expression, env, undefined) } : {}),
        of: { name: ofName, expr: ofExpr },
        aggregate: { name: aggName, expr: aggExpr },
        ...(clause.WithOthersClause
          ? { others: this.scalar(clause.WithOthersClause.Expression, env, undefined) }
          : {}),
        descending,
      };
    });
    return { op: 'topnested', input, levels, schema, span: spanOf(node) };
  }

  search(node: KNode, input: Tabular | undefined, env: Env, schema: ColumnSchema[] | undefined): Tabular {
    const span = spanOf(node);
    if (!input) {
      const tables: { plan: Tabular; name: string }[] = [];
      if (node.InClause) {
        for (const item of elements(node.InClause.Expressions))
          tables.push({ plan: this.tabular(item, env), name: this.text(item).trim() });
      } else {
        // Every table of the database, and every view the query defines.
        for (const table of this.tables)
          tables.push({
            plan: { op: 'table', name: table.name, span, schema: table.columns },
            name: table.name,
          });
        for (const [name, binding] of env.entries()) {
          if (
            binding.kind === 'function' &&
            binding.node.ViewKeyword &&
            elements(binding.node.Parameters.Parameters).length === 0
          ) {
            tables.push({ plan: this.callUserFunction(binding, [], node, env, undefined), name });
          }
        }
      }
      input = { op: 'union', inputs: tables, outer: true, withSource: '$table', span, schema: undefined };
    }
    const predicate = this.searchPredicate(node.Condition, env, input.schema ?? []);
    return { op: 'search', input, predicate, schema, span };
  }

  /** A bare string term in `search` means "any string column has the term". */
  searchPredicate(node: KNode, env: Env, rowSchema: readonly ColumnSchema[]): Expr {
    const nodeKind = kind(node);
    const span = spanOf(node);
    if (nodeKind === 'StringLiteralExpression') {
      return {
        kind: 'call',
        name: '__search_any',
        args: [literal('string', node.LiteralValue)],
        type: 'bool',
        span,
      };
    }
    if (nodeKind === 'AndExpression' || nodeKind === 'OrExpression') {
      return {
        kind: 'call',
        name: nodeKind === 'AndExpression' ? 'and' : 'or',
        args: [
          this.searchPredicate(node.Left, env, rowSchema),
          this.searchPredicate(node.Right, env, rowSchema),
        ],
        type: 'bool',
        span,
      };
    }
    if (nodeKind === 'ParenthesizedExpression') return this.searchPredicate(node.Expression, env, rowSchema);
    return this.scalar(node, env, rowSchema);
  }

  // ---------- scalar expressions ----------

  scalar(
    node: KNode,
    env: Env,
    rowSchema: readonly ColumnSchema[] | undefined,
    allowAggregates = false,
  ): Expr {
    const nodeKind = kind(node);
    const span = spanOf(node);
    const type = typeOf(node);
    const recurse = (child: KNode) => this.scalar(child, env, rowSchema, allowAggregates);
    if (BINARY_OPERATORS[nodeKind]) {
      return {
        kind: 'call',
        name: BINARY_OPERATORS[nodeKind],
        args: [recurse(node.Left), recurse(node.Right)],
        type,
        span,
      };
    }
    switch (nodeKind) {
      case 'ParenthesizedExpression':
        return recurse(node.Expression);
      case 'LongLiteralExpression':
      case 'IntLiteralExpression':
      case 'RealLiteralExpression':
      case 'DecimalLiteralExpression':
      case 'BooleanLiteralExpression':
      case 'StringLiteralExpression':
      case 'CompoundStringLiteralExpression':
      case 'DateTimeLiteralExpression':
      case 'TimespanLiteralExpression':
      case 'GuidLiteralExpression':
      case 'NullLiteralExpression':
      case 'TypeOfLiteralExpression':
        return this.literalExpr(node, type);
      case 'DynamicExpression':
        return literal('dynamic', this.dynamicLiteral(node.Expression));
      case 'UnaryMinusExpression':
        return { kind: 'call', name: 'neg', args: [recurse(node.Expression)], type, span };
      case 'UnaryPlusExpression':
        return recurse(node.Expression);
      case 'NameReference':
      case 'BracketedExpression':
        return this.nameRef(node, env, rowSchema, type);
      case 'BracketedName':
        return this.nameRef(node, env, rowSchema, type);
      case 'PathExpression': {
        const boundName =
          kind(node.Expression) === 'NameReference'
            ? env.get(node.Expression.SimpleName as string)
            : undefined;
        if (boundName?.kind === 'rowState')
          return { kind: 'column', name: boundName.prefix + this.text(node.Selector).trim(), type, span };
        if (boundName?.kind === 'graph')
          return graphPropertyReference(boundName.variable, this.text(node.Selector).trim(), span);
        const symbol = node.ReferencedSymbol;
        if (symbol && symbolKindName(symbol) === 'Column' && !this.isDynamic(node.Expression)) {
          const target = this.text(node.Expression).trim();
          if (target === '$left' || target === '$right')
            return { kind: 'column', name: symbol.Name, type, span };
        }
        const selector = node.Selector;
        const key =
          kind(selector) === 'BracketedExpression'
            ? recurse(selector.Expression)
            : literal('string', (selector.SimpleName as string | undefined) ?? this.text(selector).trim());
        return {
          kind: 'call',
          name: '__index',
          args: [recurse(node.Expression), key],
          type: 'dynamic',
          span,
        };
      }
      case 'ElementExpression': {
        const selector = node.Selector;
        const key =
          kind(selector) === 'BracketedExpression' ? recurse(selector.Expression) : recurse(selector);
        return {
          kind: 'call',
          name: '__index',
          args: [recurse(node.Expression), key],
          type: 'dynamic',
          span,
        };
      }
      case 'FunctionCallExpression':
        return this.call(node, env, rowSchema, allowAggregates, type);
      case 'ToScalarExpression': {
        if (!this.isTabular(node.Expression)) return recurse(node.Expression);
        const query = this.tabular(node.Expression, env);
        return { kind: 'toscalar', query, type };
      }
      case 'InExpression':
      case 'HasAnyExpression':
      case 'HasAllExpression': {
        const operator = (node.Operator.Text as string).toLowerCase();
        const items: Expr[] = [];
        for (const item of elements(node.Right.Expressions)) {
          if (this.isTabular(item))
            items.push({ kind: 'tabularList', query: this.tabular(item, env), type: 'dynamic' });
          else items.push(recurse(item));
        }
        return { kind: 'call', name: operator, args: [recurse(node.Left), ...items], type: 'bool', span };
      }
      case 'BetweenExpression':
      case 'NotBetweenExpression': {
        const operator = (node.Operator.Text as string).toLowerCase();
        return {
          kind: 'call',
          name: operator.startsWith('!') ? '!between' : 'between',
          args: [recurse(node.Left), recurse(node.Right.First), recurse(node.Right.Second)],
          type: 'bool',
          span,
        };
      }
      case 'StarExpression':
        return { kind: 'star' };
      case 'MaterializeExpression':
        return recurse(node.Expression);
      case 'SimpleNamedExpression':
        return recurse(node.Expression);
      case 'ConditionedExpression':
      default:
        if (node.Operator && node.Left && node.Right && kind(node.Right) === 'ExpressionList') {
          const operator = (node.Operator.Text as string).toLowerCase();
          const items: Expr[] = [];
          for (const item of elements(node.Right.Expressions)) {
            if (this.isTabular(item))
              items.push({ kind: 'tabularList', query: this.tabular(item, env), type: 'dynamic' });
            else items.push(recurse(item));
          }
          return { kind: 'call', name: operator, args: [recurse(node.Left), ...items], type: 'bool', span };
        }
        if (node.Operator && node.Left && node.Right) {
          const operator = (node.Operator.Text as string).toLowerCase().replace(/\s+/g, ' ');
          return {
            kind: 'call',
            name: operator,
            args: [recurse(node.Left), recurse(node.Right)],
            type,
            span,
          };
        }
        throw unsupported(`expression '${this.text(node).slice(0, 40)}'`, span);
    }
  }

  isDynamic(node: KNode): boolean {
    return typeOf(node) === 'dynamic';
  }

  nameRef(node: KNode, env: Env, rowSchema: readonly ColumnSchema[] | undefined, type: KustoType): Expr {
    const span = spanOf(node);
    const nodeKind = kind(node);
    const name: string =
      nodeKind === 'BracketedExpression' ? String(node.Expression.LiteralValue) : (node.SimpleName as string);
    const symbol = node.ReferencedSymbol;
    const symbolKind = symbol ? symbolKindName(symbol) : '';
    const binding = env.get(name);
    // A scalar bound under a column's name stands for it where the rows lack that column (`toscalar(Key)` in a
    // legacy partition query reads the partition's key).
    const columnAbsent = !rowSchema?.some((column) => column.name === name);
    if (symbolKind === 'Column' && !(binding?.kind === 'scalar' && columnAbsent))
      return { kind: 'column', name: symbol.Name, type, span };
    if (binding?.kind === 'scalar') return binding.expr;
    if (binding?.kind === 'tabular') return { kind: 'tabularList', query: binding.plan, type: 'dynamic' };
    if (binding?.kind === 'function') return this.call(node, env, rowSchema, false, type);
    if (binding?.kind === 'graph') throw unsupported(`the graph element '${name}' as a value`, span);
    if (rowSchema?.some((column) => column.name === name)) return { kind: 'column', name, type, span };
    throw new EngineError(
      'KQL_UNKNOWN_NAME',
      `The name '${name}' does not refer to a known column or variable.`,
      span,
    );
  }

  literalExpr(node: KNode, type: KustoType): Expr {
    const text = this.text(node).trim();
    const inner = /^[a-z]+\s*\(([\s\S]*)\)$/i.exec(text)?.[1]?.trim();
    if (inner !== undefined && inner.toLowerCase() === 'null') return literal(type, null);
    switch (type) {
      case 'string':
        return literal('string', String(node.LiteralValue ?? ''));
      case 'bool':
        return literal('bool', /true/i.test(inner ?? text));
      case 'long':
      case 'int':
      case 'real':
      case 'decimal': {
        const source = inner ?? text;
        const value = /^[-+]?0x/i.test(source) ? Number.parseInt(source, 16) : Number(source);
        if (Number.isNaN(value) && !/nan/i.test(source)) {
          const fromValue = Number(String(node.LiteralValue));
          return literal(type, Number.isNaN(fromValue) ? null : fromValue);
        }
        if (type === 'long' && Math.abs(value) > Number.MAX_SAFE_INTEGER && !holdsExactly(source, value)) {
          throw new EngineError(
            'KQL_LONG_RANGE',
            `The long ${source} is beyond 2^53, which this engine cannot hold exactly (a documented limit).`,
            spanOf(node),
          );
        }
        return literal(type, value);
      }
      case 'datetime': {
        const value = parseDatetime(commaDatetimeToIso(inner ?? text));
        if (value === null)
          throw new EngineError('KQL_BAD_LITERAL', `Cannot read the datetime '${text}'.`, spanOf(node));
        return literal('datetime', value);
      }
      case 'timespan': {
        const value = parseTimespan(inner ?? text);
        if (value === null)
          throw new EngineError('KQL_BAD_LITERAL', `Cannot read the timespan '${text}'.`, spanOf(node));
        return literal('timespan', value);
      }
      case 'guid':
        return literal('guid', (inner ?? text).toLowerCase());
      default:
        return literal(type, node.LiteralValue ?? null);
    }
  }

  dynamicLiteral(node: KNode): unknown {
    const nodeKind = kind(node);
    switch (nodeKind) {
      case 'JsonArrayExpression':
        return elements(node.Values).map((value) => this.dynamicLiteral(value));
      case 'JsonObjectExpression': {
        const result: Record<string, unknown> = {};
        for (const pair of elements(node.Pairs))
          result[String(pair.Name.ValueText ?? pair.Name.Value ?? pair.Name.Text).replace(/^"|"$/g, '')] =
            this.dynamicLiteral(pair.Value);
        return result;
      }
      case 'NullLiteralExpression':
        return null;
      case 'DynamicExpression':
        return this.dynamicLiteral(node.Expression);
      case 'UnaryMinusExpression': {
        const value = this.dynamicLiteral(node.Expression);
        return typeof value === 'number' ? -value : value;
      }
      default: {
        const expr = this.literalExpr(node, typeOf(node));
        if (expr.kind !== 'literal') return null;
        if (typeof expr.value === 'bigint') {
          return typeOf(node) === 'timespan' ? formatTimespan(expr.value) : formatDatetime(expr.value);
        }
        return expr.value;
      }
    }
  }

  call(
    node: KNode,
    env: Env,
    rowSchema: readonly ColumnSchema[] | undefined,
    allowAggregates: boolean,
    type: KustoType,
  ): Expr {
    const span = spanOf(node);
    const name = node.Name?.SimpleName ?? (node.SimpleName as string);
    const argNodes = node.ArgumentList ? elements(node.ArgumentList.Expressions) : [];
    const binding = env.get(name);
    if (binding?.kind === 'function') {
      return this.callUserScalar(binding, argNodes, node, env, rowSchema, allowAggregates);
    }
    if (binding?.kind === 'scalar') return binding.expr;
    const lower = name.toLowerCase();
    const graphCall = translateGraphFunction(this.graphHost(), node, env, lower);
    if (graphCall) return graphCall;
    if (lower === 'column_ifexists') {
      // The name may be a literal or a function's string parameter (time_weighted_avg_fl(T, 'ts', ...)).
      const nameExpr = argNodes[0] ? this.scalar(argNodes[0], env, undefined) : undefined;
      if (nameExpr && nameExpr.kind !== 'literal')
        throw unsupported('column_ifexists() with a computed column name', spanOf(argNodes[0]));
      const columnName = String(nameExpr?.value ?? '');
      const column = rowSchema?.find((c) => c.name === columnName);
      if (column) return { kind: 'column', name: column.name, type: column.type, span };
      return this.scalar(argNodes[1], env, rowSchema, allowAggregates);
    }
    if (lower === 'column_names_of' && argNodes.length === 1 && this.isTabular(argNodes[0]))
      return columnNamesOfExpr(this.tabular(argNodes[0], env), span);
    // estimate_data_size(*) measures every column of the row.
    if (lower === 'estimate_data_size' && argNodes.length === 1 && kind(argNodes[0]) === 'StarExpression')
      return {
        kind: 'call',
        name: lower,
        args: (rowSchema ?? []).map((c) => ({ kind: 'column', name: c.name, type: c.type, span })),
        type,
        span,
      };
    const args = argNodes.map((arg) => {
      if (kind(arg) === 'StarExpression') return { kind: 'star' } as Expr;
      if (this.isTabular(arg))
        return { kind: 'tabularList', query: this.tabular(arg, env), type: 'dynamic' } as Expr;
      return this.scalar(arg, env, rowSchema, allowAggregates);
    });
    const symbol = node.ReferencedSymbol;
    // An aggregate Kusto.Language knows and the engine lacks (covariance...) must not run as a scalar call.
    if (allowAggregates && !isAggregateName(lower) && kustoAggregateNames().has(lower))
      throw unsupported(`aggregate '${name}'`, span);
    if (isAggregateName(lower) && (!symbol || this.isAggregateSymbol(symbol) || allowAggregates)) {
      if (!allowAggregates && !['count'].includes(lower)) {
        throw unsupported(`aggregate '${name}' outside summarize`, span);
      }
      return { kind: 'aggregate', name: lower, args, type, span };
    }
    if (lower === 'bin_auto') return this.binAuto(args, env, span, type);
    if (lower === 'bag_pack_columns') {
      const pairs: Expr[] = [];
      args.forEach((arg) => {
        if (arg.kind === 'column') pairs.push(literal('string', arg.name), arg);
      });
      return { kind: 'call', name: 'bag_pack', args: pairs, type, span };
    }
    if (lower === 'pack_all' || lower === 'bag_pack_columns') {
      if (lower === 'pack_all') {
        const columns = (rowSchema ?? []).map(
          (column) => ({ kind: 'column', name: column.name, type: column.type, span }) as Expr,
        );
        return {
          kind: 'call',
          name: 'pack_all',
          args: [
            literal(
              'dynamic',
              (rowSchema ?? []).map((c) => c.name),
            ),
            args[0] ?? literal('bool', false),
            ...columns,
          ],
          type,
          span,
        };
      }
    }
    return { kind: 'call', name: lower, args, type, span };
  }

  /** bin_auto(x): bin_at(x, query_bin_auto_size, query_bin_auto_at), or bin() when no fixed point is set. */
  binAuto(args: Expr[], env: Env, span: Span, type: KustoType): Expr {
    const sizeNode = this.queryOptions.get('query_bin_auto_size');
    if (!sizeNode) {
      throw new EngineError(
        'KQL_BAD_ARGUMENT',
        'bin_auto() needs the bin size: set query_bin_auto_size=<size>; before the query.',
        span,
      );
    }
    const size = this.scalar(sizeNode, env, undefined, false);
    const atNode = this.queryOptions.get('query_bin_auto_at');
    if (!atNode) return { kind: 'call', name: 'bin', args: [args[0]!, size], type, span };
    const at = this.scalar(atNode, env, undefined, false);
    return { kind: 'call', name: 'bin_at', args: [args[0]!, size, at], type, span };
  }

  isAggregateSymbol(symbol: KNode): boolean {
    const K = (globalThis as KNode).Kusto.Language;
    return symbol.IsAggregate === true || K.Aggregates.GetAggregate?.(symbol.Name) != null;
  }

  callUserScalar(
    binding: Extract<Binding, { kind: 'function' }>,
    argNodes: KNode[],
    node: KNode,
    env: Env,
    rowSchema: readonly ColumnSchema[] | undefined,
    allowAggregates: boolean,
  ): Expr {
    const declaration = binding.node;
    const body = declaration.Body;
    if (this.isTabular(body.Expression ?? body)) {
      const plan = this.callUserFunction(binding, argNodes, node, env, undefined);
      return { kind: 'tabularList', query: plan, type: 'dynamic' };
    }
    const inner = new Env(binding.env);
    const parameters = elements(declaration.Parameters.Parameters);
    const named = new Map<string, KNode>();
    const positional = argNodes.filter((arg) => {
      if (kind(arg) !== 'SimpleNamedExpression') return true;
      named.set(arg.Name.SimpleName as string, arg.Expression);
      return false;
    });
    parameters.forEach((parameter, index) => {
      const name = parameter.NameAndType.Name.SimpleName as string;
      const arg = named.get(name) ?? positional[index];
      if (arg) {
        inner.set(
          name,
          this.isTabular(arg)
            ? { kind: 'tabular', plan: this.tabular(arg, env) }
            : { kind: 'scalar', expr: this.scalar(arg, env, rowSchema, allowAggregates) },
        );
      } else {
        const defaultValue = parameter.DefaultValue?.Value;
        inner.set(name, {
          kind: 'scalar',
          expr: defaultValue
            ? this.scalar(defaultValue, env, rowSchema)
            : literal(this.typeName(parameter.NameAndType.Type), null),
        });
      }
    });
    for (const statement of elements(body.Statements)) {
      if (kind(statement) === 'LetStatement') this.let(statement, inner);
    }
    return this.scalar(body.Expression, inner, rowSchema, allowAggregates);
  }
}

let aggregateNames: Set<string> | undefined;

/** The aggregate functions Kusto.Language knows, by lower-case name. */
function kustoAggregateNames(): Set<string> {
  if (!aggregateNames) {
    aggregateNames = new Set<string>();
    const all = (kustoLanguage() as KNode).Aggregates.All;
    const symbols: KNode[] = Array.isArray(all) ? all : [];
    if (!Array.isArray(all)) {
      const items = all.GetEnumerator();
      while (items.moveNext()) symbols.push(items.Current);
    }
    for (const symbol of symbols) aggregateNames.add(String(symbol.Name).toLowerCase());
  }
  return aggregateNames;
}

export function translateQuery(
  syntax: KNode,
  source: string,
  tables: readonly ColumnSchemaTable[] = [],
): QueryPlan {
  const translator = new Translator(source, tables);
  const env = new Env();
  const statements = elements(syntax.Statements);
  return { outputs: translator.block(statements, env) };
}

export { TICKS_PER_DAY, children };

/** The literal form `datetime(2025, 6, 14[, h, m, s])`: year, month, day and optional time parts, comma separated. */
function commaDatetimeToIso(text: string): string {
  const parts =
    /^\s*(\d{4})\s*,\s*(\d{1,2})\s*,\s*(\d{1,2})(?:\s*,\s*(\d{1,2})(?:\s*,\s*(\d{1,2})(?:\s*,\s*(\d{1,2}(?:\.\d+)?))?)?)?\s*$/.exec(
      text,
    );
  if (!parts) return text;
  const [, year, month, day, hour, minute, second] = parts;
  const two = (part: string | undefined) => (part ?? '0').padStart(2, '0');
  const [whole, fraction] = (second ?? '0').split('.');
  return `${year}-${two(month)}-${two(day)}T${two(hour)}:${two(minute)}:${two(whole)}${fraction ? `.${fraction}` : ''}Z`;
}

/** Whether the double read from an integer literal is that integer exactly (true of 1546300800000000000, not 2^53+1). */
function holdsExactly(source: string, value: number): boolean {
  if (!Number.isInteger(value)) return false;
  const digits = source.replace(/^\+/, '');
  if (!/^-?(?:\d+|0x[0-9a-f]+)$/i.test(digits)) return false;
  const negative = digits.startsWith('-');
  const exact = BigInt(negative ? digits.slice(1) : digits);
  return BigInt(value) === (negative ? -exact : exact);
}
