/**
 * `count`: the number of input rows (a summarize of count()).
 */
import type { Tabular } from '../plan';
import type { TranslateApi } from '../translateApi';
import type { OperatorSite } from './operator';

export function translate(site: OperatorSite, _api: TranslateApi): Tabular {
  const { schema, span, need } = site;
  return {
    op: 'summarize',
    input: need(),
    aggregates: [{ name: 'Count', expr: { kind: 'aggregate', name: 'count', args: [], type: 'long', span } }],
    by: [],
    schema,
    span,
  };
}
