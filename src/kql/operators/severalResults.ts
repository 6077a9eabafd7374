/** `fork` and `facet` return several result tables; the engine returns one per query, so they say so. */
import { unsupported } from '../errors';
import type { Tabular } from '../plan';
import type { TranslateApi } from '../translateApi';
import type { OperatorSite } from './operator';

export function translate(site: OperatorSite, api: TranslateApi): Tabular {
  const operator = api.text(site.node).trim().split(/\s/)[0];
  throw unsupported(
    `operator '${operator}': it returns several result tables, and the engine returns one per query`,
    site.span,
  );
}
