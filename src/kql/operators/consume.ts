/** `consume`: reads its input and returns no rows (a take of 0 rows, so no executor of its own). */
import type { Tabular } from '../plan';
import type { TranslateApi } from '../translateApi';
import { acceptHintsOnly } from './hints';
import type { OperatorSite } from './operator';

export function translate(site: OperatorSite, api: TranslateApi): Tabular {
  const { node, schema, span, need } = site;
  acceptHintsOnly(api, node.Parameters, 'consume');
  return { op: 'take', input: need(), count: { kind: 'literal', type: 'long', value: 0 }, schema, span };
}
