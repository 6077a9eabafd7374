/** Translates `evaluate name(args)` for the plugins in this folder: positional arguments over the input's columns. */
import { unsupported } from '../errors';
import type { ColumnSchema, Tabular } from '../plan';
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
  const args = api.elements(node.FunctionCall.ArgumentList.Expressions).map((arg) => {
    if (api.kind(arg) === 'SimpleNamedExpression')
      throw unsupported(`named argument '${api.text(arg).trim()}' of plugin '${name}'`, api.span(arg));
    return api.scalar(arg, scope, input.schema ?? []);
  });
  return { op: 'plugin', name, input, args, schema, span };
}
