/**
 * Operators whose only options are `hint.*` (where and how Kusto spreads the work): the hints change no result, so
 * they are accepted and ignored; any other option is not supported yet.
 */
import { unsupported } from '../errors';
import type { TranslateApi } from '../translateApi';
import type { SyntaxNode } from '../syntax/node';

export function acceptHintsOnly(api: TranslateApi, parameters: SyntaxNode, operator: string): void {
  for (const parameter of api.elements(parameters)) {
    const name =
      api.kind(parameter) === 'NamedParameter' ? api.text(parameter.Name).trim().toLowerCase() : '';
    if (!name.startsWith('hint.'))
      throw unsupported(`${operator} parameter '${api.text(parameter).trim()}'`, api.span(parameter));
  }
}
