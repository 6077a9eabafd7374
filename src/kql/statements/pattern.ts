/**
 * The pattern statement: `declare pattern name [= (arg:string, ...)[path:string] { (values).[path] = { query }; ... }]`
 * maps string tuples to tabular expressions; `name(values).path` runs the query mapped to exactly those strings
 * (wildcards get no special treatment). An invocation without a mapping is an error that names the missing reference,
 * as Kusto reports it.
 */
import { EngineError } from '../errors';
import type { Expr, Span, Tabular } from '../plan';
import type { Scope, TranslateApi } from '../translateApi';
import type { SyntaxNode } from '../syntax/node';

export interface PatternDeclaration {
  readonly name: string;
  readonly parameters: readonly string[];
  readonly pathParameter?: string;
  readonly mappings: readonly {
    readonly values: readonly string[];
    readonly path?: string;
    readonly body: SyntaxNode;
  }[];
  readonly scope: Scope;
}

function stringValue(api: TranslateApi, node: SyntaxNode, scope: Scope): string {
  const expr: Expr = api.scalar(node, scope, undefined);
  if (expr.kind !== 'literal' || typeof expr.value !== 'string')
    throw new EngineError('KQL_PATTERN', 'A pattern argument must be a string literal.', api.span(node));
  return expr.value;
}

export function declarePattern(api: TranslateApi, statement: SyntaxNode, scope: Scope): PatternDeclaration {
  const name = api.text(statement.Name).trim();
  const pattern = statement.Pattern;
  if (!pattern) return { name, parameters: [], mappings: [], scope };
  const parameters = api.elements(pattern.Parameters).map((p) => api.text(p.Name).trim());
  const pathParameter = pattern.PathParameter
    ? api.text(pattern.PathParameter.Parameter.Name).trim()
    : undefined;
  const mappings = api.elements(pattern.Patterns).map((match) => ({
    values: api.elements(match.ParameterValues.Expressions).map((value) => stringValue(api, value, scope)),
    path: match.PathValue ? stringValue(api, match.PathValue.Value, scope) : undefined,
    body: match.Body,
  }));
  return { name, parameters, pathParameter, mappings, scope };
}

/** `pattern(args)` or `pattern(args).path` (path: a name or a bracketed string). */
export function invokePattern(
  api: TranslateApi,
  pattern: PatternDeclaration,
  argNodes: readonly SyntaxNode[],
  pathNode: SyntaxNode | undefined,
  callScope: Scope,
  span: Span,
): Tabular {
  const values = argNodes.map((arg) => stringValue(api, arg, callScope));
  let path: string | undefined;
  if (pathNode) {
    // A name (`.Data`) or a bracketed name (`.['Data']`, a NameReference whose SimpleName is the string).
    path =
      api.kind(pathNode) === 'BracketedExpression'
        ? stringValue(api, pathNode.Expression, callScope)
        : ((pathNode.SimpleName as string | undefined) ?? api.text(pathNode).trim());
  }
  const mapping = pattern.mappings.find(
    (candidate) =>
      candidate.path === path &&
      candidate.values.length === values.length &&
      candidate.values.every((value, i) => value === values[i]),
  );
  if (!mapping) {
    const quote = (text: string) => `'${text.replace(/'/g, "\\'")}'`;
    const reference = `${pattern.name}(${values.map(quote).join(', ')})${path === undefined ? '' : `.[${quote(path)}]`}`;
    throw new EngineError(
      'KQL_PATTERN',
      `One or more pattern references were not declared. Detected pattern references: ["${reference}"]`,
      span,
    );
  }
  let scope = pattern.scope;
  pattern.parameters.forEach((parameter, i) => {
    scope = api.withScalar(scope, parameter, { kind: 'literal', type: 'string', value: values[i] ?? '' });
  });
  if (pattern.pathParameter && path !== undefined)
    scope = api.withScalar(scope, pattern.pathParameter, { kind: 'literal', type: 'string', value: path });
  const outputs = api.block(api.elements(mapping.body.Statements), scope, mapping.body.Expression);
  const result = outputs[outputs.length - 1];
  if (!result)
    throw new EngineError('KQL_PATTERN', `The pattern ${pattern.name} maps to no tabular expression.`, span);
  return result;
}
