/**
 * `assert-schema (Col:type, ...)`: the input unchanged when it has those columns with those types, otherwise an error
 * naming the first one that differs (a passthrough plan: no executor of its own).
 */
import { EngineError } from '../errors';
import type { Tabular } from '../plan';
import type { TranslateApi } from '../translateApi';
import type { OperatorSite } from './operator';

export function translate(site: OperatorSite, api: TranslateApi): Tabular {
  const { node, schema, span, need } = site;
  const input = need();
  const have = input.schema ?? [];
  for (const declaration of api.elements(node.Schema.Columns)) {
    if (api.kind(declaration) !== 'NameAndTypeDeclaration') continue;
    const name = String(declaration.Name.SimpleName);
    const type = api.typeName(declaration.Type);
    const column = have.find((c) => c.name === name);
    if (!column || column.type !== type)
      throw new EngineError(
        'KQL_RUNTIME',
        column
          ? `assert-schema: column '${name}' is ${column.type}, not ${type}.`
          : `assert-schema: the input has no column '${name}' (${type}).`,
        api.span(declaration),
      );
  }
  return { op: 'passthrough', input, schema: schema ?? have, span };
}
