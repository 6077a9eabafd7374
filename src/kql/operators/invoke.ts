/**
 * `invoke`: calls a user-defined tabular function with the piped input as its first argument.
 */
import { unsupported } from '../errors';
import type { Tabular } from '../plan';
import type { TranslateApi } from '../translateApi';
import type { OperatorSite } from './operator';

export function translate(site: OperatorSite, api: TranslateApi): Tabular {
  const { node, scope, span, need } = site;
  const call = node.Function;
  if (api.kind(call) !== 'FunctionCallExpression') throw unsupported('invoke of this expression', span);
  const binding = scope.get(call.Name.SimpleName);
  if (binding?.kind !== 'function') throw unsupported(`invoke of '${call.Name.SimpleName}'`, span);
  return api.callUserFunction(binding, api.elements(call.ArgumentList.Expressions), call, scope, need());
}
