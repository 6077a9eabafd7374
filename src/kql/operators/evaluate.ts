/** `evaluate`: `bag_unpack` (bagUnpack.ts) or a plug-in of plugins/. */
import type { ExecuteApi } from '../executeApi';
import type { Tabular } from '../plan';
import { runPlugin } from '../plugins/index';
import { translatePlugin } from '../plugins/translate';
import type { Table } from '../table';
import type { TranslateApi } from '../translateApi';
import * as bagUnpack from './bagUnpack';
import type { OperatorSite, PlanOf } from './operator';

export function translate(site: OperatorSite, api: TranslateApi): Tabular {
  const { node, scope, schema, input } = site;
  const name = (node.FunctionCall.Name.SimpleName as string).toLowerCase();
  if (name === 'bag_unpack' && input) return bagUnpack.translate(site, api);
  return translatePlugin(api, node, name, input, scope, schema);
}

export function execute(plan: PlanOf<'plugin'>, api: ExecuteApi): Table {
  return runPlugin(plan, api);
}
