/**
 * `lookup`: a left-outer join that keeps the left side's key columns (executed by join.ts).
 */
import type { Tabular } from '../plan';
import type { TranslateApi } from '../translateApi';
import type { OperatorSite } from './operator';

import { translateJoin } from './join';

export function translate(site: OperatorSite, api: TranslateApi): Tabular {
  return translateJoin(site, api, true);
}
