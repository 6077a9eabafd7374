/**
 * Translates `evaluate name(args)` for the plugins in this folder: positional arguments over the input's columns. A
 * tabular argument (ipv4_lookup's lookup table) travels as a `tabularList` expression holding its plan, as it does
 * for scalar functions; an aggregate call (pivot's) as an `aggregate` expression.
 */
import { AGGREGATES } from '../aggregates';
import { unsupported } from '../errors';
import type { ColumnSchema, Expr, Tabular } from '../plan';
import type { Scope, TranslateApi } from '../translateApi';
import { checkPlugin } from './index';
import type { SyntaxNode } from '../syntax/node';

export function translatePlugin(
  api: TranslateApi,
  node: SyntaxNode,
  name: string,
  input: Tabular | undefined,
  scope: Scope,
  schema: ColumnSchema[] | undefined,
): Tabular {
  const span = api.span(node);
  checkPlugin(name, span);
  if (!input) throw unsupported(`plugin '${name}' without input`, span);
  const args = api.elements(node.FunctionCall.ArgumentList.Expressions).map((arg): Expr => {
    // sequence_detect names its steps (`e1 = (Event == "Start")`); Kusto.Language's schema carries the names.
    if (api.kind(arg) === 'SimpleNamedExpression' && name === 'sequence_detect')
      return api.scalar(arg.Expression, scope, input.schema ?? []);
    if (api.kind(arg) === 'SimpleNamedExpression')
      throw unsupported(`named argument '${api.text(arg).trim()}' of plugin '${name}'`, api.span(arg));
    if (api.kind(arg) !== 'FunctionCallExpression' && api.schemaOf(arg))
      return { kind: 'tabularList', query: api.tabular(arg, scope), type: 'dynamic' };
    if (api.kind(arg) === 'FunctionCallExpression') {
      const callee = String(arg.Name.SimpleName).toLowerCase();
      if (callee in AGGREGATES) {
        const callArgs = api
          .elements(arg.ArgumentList.Expressions)
          .map((inner) => api.scalar(inner, scope, input.schema ?? []));
        return {
          kind: 'aggregate',
          name: callee,
          args: callArgs,
          type: api.typeOf(arg),
          span: api.span(arg),
        };
      }
    }
    return api.scalar(arg, scope, input.schema ?? []);
  });
  return { op: 'plugin', name, input, args, schema, span };
}
