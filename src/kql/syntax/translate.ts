/**
 * Translates Kusto.Language's analyzed syntax tree into the engine's plan (plan.ts): statements, tabular
 * expressions, user functions and scalar expressions here; each operator in its module of operators/ (looked up in
 * operators/index.ts). Names and types of result columns come from the analyzer. The plan holds only plain values.
 */
import { EngineError, unsupported } from '../errors';
import {
  LOCAL_DATABASE,
  kustoLanguage,
  symbolKindName,
  syntaxKindName,
  scalarTypeName,
  tableColumns,
  type KNode,
} from './kusto';
import { literal, type ColumnSchema, type Expr, type QueryPlan, type Span, type Tabular } from '../plan';
import type { KustoType } from '../types';
import { isAggregateName } from '../aggregates';
import type { DatabaseTable, TranslateApi } from '../translateApi';
import { OPERATOR_TRANSLATORS } from '../operators/index';
import { declarePattern, invokePattern } from '../statements/pattern';
import {
  databaseTarget,
  declareAlias,
  tableInDatabase,
  tableReference,
  type Aliases,
} from '../statements/alias';
import { graphPropertyReference, translateGraphFunction } from '../graph/translate';
import { columnNamesOfExpr } from '../operators/columnNamesOf';
import { inlineExternalTableError } from '../operators/inlineExternalTable';
import { dynamicLiteral, literalExpr } from './literals';
import { namedList, sortKeys } from './namedList';
import { Scope, type FunctionBinding } from './scope';

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

let sharedIds = 0;

class Translator {
  /** The view of this translator that operators/, graph/, plugins/ and statements/ use. */
  readonly api: TranslateApi;

  constructor(
    private readonly source: string,
    readonly tables: readonly DatabaseTable[],
  ) {
    this.api = this.createApi();
  }

  /** `set name=value;` options of the query, for the functions that read them (bin_auto). */
  private readonly queryOptions = new Map<string, KNode>();

  text(node: KNode): string {
    return textOf(this.source, node);
  }

  /** `alias database` statements seen so far: name -> cluster and database. */
  private readonly aliases: Aliases = new Map();

  private createApi(): TranslateApi {
    return {
      kind,
      span: spanOf,
      elements,
      text: (node) => this.text(node),
      typeName: (typeNode) => this.typeName(typeNode),
      typeOf,
      schemaOf,
      isTabular: (node) => this.isTabular(node),
      scalar: (node, scope, rowSchema, allowAggregates) =>
        this.scalar(node, scope, rowSchema, allowAggregates),
      tabular: (node, scope) => this.tabular(node, scope),
      literal: (node, type, scope) => {
        const literalKind = kind(node);
        const negated =
          literalKind === 'UnaryMinusExpression' && kind(node.Expression).endsWith('LiteralExpression');
        return literalKind.endsWith('LiteralExpression') || negated
          ? literalExpr(node, type, this.text(node))
          : this.scalar(node, scope, undefined);
      },
      namedList: (list, scope, rowSchema, outSchema, keptSchema) =>
        namedList(this.api, list, scope, rowSchema, outSchema, keptSchema),
      sortKeys: (list, scope, rowSchema) => sortKeys(this.api, list, scope, rowSchema),
      parameters: (list) => this.parameters(list),
      withRowState: (scope, name, prefix) => {
        const inner = new Scope(scope);
        inner.set(name, { kind: 'rowState', prefix });
        return inner;
      },
      withScalar: (scope, name, value) => {
        const inner = new Scope(scope);
        inner.set(name, { kind: 'scalar', expr: value });
        return inner;
      },
      withGraphVariables: (scope, variables) => {
        const inner = new Scope(scope);
        for (const variable of variables) inner.set(variable.name, { kind: 'graph', variable });
        return inner;
      },
      graphVariable: (scope, name) => {
        const binding = scope.get(name);
        return binding?.kind === 'graph' ? binding.variable : undefined;
      },
      bindTable: (scope, name, plan) => {
        const shared: Tabular = {
          op: 'shared',
          input: plan,
          id: ++sharedIds,
          schema: plan.schema,
          span: plan.span,
        };
        scope.set(name, { kind: 'tabular', plan: shared });
        return shared;
      },
      withEntity: (scope, name, entity) => {
        const inner = new Scope(scope);
        const target = databaseTarget(this.api, entity, this.aliases);
        inner.set(
          name,
          target ? { kind: 'database', target } : { kind: 'tabular', plan: this.tabular(entity, scope) },
        );
        return inner;
      },
      sharedId: () => ++sharedIds,
      pipelineOver: (node, input, scope) => this.pipelineOver(node, input, scope),
      block: (statements, scope, final) => this.block(statements, new Scope(scope), final),
      callUserFunction: (binding, args, call, scope, pipedInput) =>
        this.callUserFunction(binding, args, call, scope, pipedInput),
      tables: this.tables,
    };
  }

  parameters(list: KNode): Map<string, { text: string; node: KNode }> {
    const result = new Map<string, { text: string; node: KNode }>();
    for (const parameter of elements(list)) {
      if (kind(parameter) !== 'NamedParameter') continue;
      const name = (parameter.Name.SimpleName as string).toLowerCase();
      result.set(name, { text: this.text(parameter.Expression).trim(), node: parameter.Expression });
    }
    return result;
  }

  block(statements: KNode[], env: Scope, finalExpression?: KNode): Tabular[] {
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
        const pattern = declarePattern(this.api, statement, env);
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

  let(statement: KNode, env: Scope): void {
    const name = statement.Name.SimpleName as string;
    const value = statement.Expression;
    const valueKind = kind(value);
    if (valueKind === 'EntityGroupExpression') {
      env.set(name, { kind: 'entityGroup', node: value });
      return;
    }
    if (valueKind === 'FunctionDeclaration') {
      env.set(name, { kind: 'function', node: value, scope: env });
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

  tabular(node: KNode, env: Scope): Tabular {
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
      case 'PrintOperator':
      case 'RangeOperator':
      case 'UnionOperator':
      case 'SearchOperator':
      case 'FindOperator':
      case 'EvaluateOperator':
      case 'MacroExpandOperator':
        return this.operator(node, undefined, env, schema);
      case 'FunctionCallExpression':
        return this.tabularCall(node, env, undefined);
      case 'PathExpression': {
        const call = node.Expression;
        // `X.Table` inside macro-expand, X standing for a database of the entity group.
        const entity = kind(call) === 'NameReference' ? env.get(call.SimpleName) : undefined;
        if (entity?.kind === 'database')
          return tableInDatabase(this.api, entity.target, node, LOCAL_DATABASE, span);
        const binding = kind(call) === 'FunctionCallExpression' ? env.get(call.Name.SimpleName) : undefined;
        if (binding?.kind !== 'pattern') {
          const table = tableReference(this.api, node, this.aliases, LOCAL_DATABASE, span);
          if (table) return table;
          throw unsupported(`tabular expression '${nodeKind}'`, span);
        }
        const args = elements(call.ArgumentList.Expressions);
        return invokePattern(this.api, binding.pattern, args, node.Selector, env, span);
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

  tabularCall(node: KNode, env: Scope, input: Tabular | undefined): Tabular {
    const name = node.Name.SimpleName as string;
    const span = spanOf(node);
    const binding = env.get(name);
    if (binding?.kind === 'function')
      return this.callUserFunction(binding, elements(node.ArgumentList.Expressions), node, env, input);
    if (binding?.kind === 'tabular') return binding.plan;
    if (binding?.kind === 'pattern') {
      const args = elements(node.ArgumentList.Expressions);
      return invokePattern(this.api, binding.pattern, args, undefined, env, span);
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

  callUserFunction(
    binding: FunctionBinding,
    args: KNode[],
    call: KNode,
    env: Scope,
    pipedInput: Tabular | undefined,
  ): Tabular {
    const declaration = binding.node;
    const inner = new Scope(binding.scope);
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

  // ---------- operators ----------

  operator(node: KNode, input: Tabular | undefined, env: Scope, schema: ColumnSchema[] | undefined): Tabular {
    const span = spanOf(node);
    const nodeKind = kind(node);
    const translate = OPERATOR_TRANSLATORS[nodeKind];
    if (!translate) throw unsupported(`operator '${this.operatorName(node)}'`, span);
    const need = (): Tabular => {
      if (!input) throw unsupported(`'${nodeKind}' without input`, span);
      return input;
    };
    return translate(
      { node, input, scope: env, schema, span, inputSchema: input?.schema ?? [], need },
      this.api,
    );
  }

  operatorName(node: KNode): string {
    const first = node.GetChild(0);
    return first?.IsToken ? (first.Text as string) : kind(node);
  }

  pipelineOver(node: KNode, input: Tabular, env: Scope): Tabular {
    const nodeKind = kind(node);
    if (nodeKind === 'PipeExpression') {
      const inner = this.pipelineOver(node.Expression, input, env);
      return this.operator(node.Operator, inner, env, schemaOf(node));
    }
    if (nodeKind === 'ParenthesizedExpression') return this.pipelineOver(node.Expression, input, env);
    if (/Operator$/.test(nodeKind)) return this.operator(node, input, env, schemaOf(node));
    return this.tabular(node, env);
  }

  scalar(
    node: KNode,
    env: Scope,
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
        return literalExpr(node, type, this.text(node));
      case 'DynamicExpression':
        return literal(
          'dynamic',
          dynamicLiteral(node.Expression, (n) => this.text(n)),
        );
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

  nameRef(node: KNode, env: Scope, rowSchema: readonly ColumnSchema[] | undefined, type: KustoType): Expr {
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

  call(
    node: KNode,
    env: Scope,
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
    const graphCall = translateGraphFunction(this.api, node, env, lower);
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
        args: (rowSchema ?? []).map((c): Expr => ({ kind: 'column', name: c.name, type: c.type, span })),
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

  binAuto(args: Expr[], env: Scope, span: Span, type: KustoType): Expr {
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
    binding: FunctionBinding,
    argNodes: KNode[],
    node: KNode,
    env: Scope,
    rowSchema: readonly ColumnSchema[] | undefined,
    allowAggregates: boolean,
  ): Expr {
    const declaration = binding.node;
    const body = declaration.Body;
    if (this.isTabular(body.Expression ?? body)) {
      const plan = this.callUserFunction(binding, argNodes, node, env, undefined);
      return { kind: 'tabularList', query: plan, type: 'dynamic' };
    }
    const inner = new Scope(binding.scope);
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
  tables: readonly DatabaseTable[] = [],
): QueryPlan {
  const translator = new Translator(source, tables);
  const env = new Scope();
  const statements = elements(syntax.Statements);
  return { outputs: translator.block(statements, env) };
}

export { children };
