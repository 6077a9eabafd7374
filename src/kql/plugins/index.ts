/**
 * `evaluate` plugins beyond bag_unpack: each lives in its own module and is found here by name. A plugin runs over the
 * evaluated input (absent for a plugin that starts a query) with its arguments as plan expressions over that input.
 */
import { EngineError, unsupported } from '../errors';
import type { ExecuteApi } from '../executeApi';
import type { Expr, Span, Tabular } from '../plan';
import type { Table } from '../table';
import { activeUsersCount } from './activeUsersCount';
import { activityCountsMetrics } from './activityCountsMetrics';
import { activityEngagement } from './activityEngagement';
import { activityMetrics } from './activityMetrics';
import { autocluster } from './autocluster';
import { basket } from './basket';
import { diffpatterns } from './diffpatterns';
import { funnelSequence } from './funnelSequence';
import { funnelSequenceCompletion } from './funnelSequenceCompletion';
import { geoLookup } from './geoLookup';
import { ipLookup } from './ipLookup';
import { narrow } from './narrow';
import { newActivityMetrics } from './newActivityMetrics';
import { pivot } from './pivot';
import { preview } from './preview';
import { sequenceDetect } from './sequenceDetect';
import { sessionCount } from './sessionCount';
import { slidingWindowCounts } from './slidingWindowCounts';
import { OFFLINE_PLUGINS, offlineMessage } from '../offline';
import { dcountIntersect } from './dcountIntersect';
import { rollingPercentile } from './rollingPercentile';
import { rowsNear } from './rowsNear';

export interface PluginInvocation {
  readonly input: Table;
  readonly args: readonly Expr[];
  readonly span: Span;
  /** The output columns Kusto.Language computed for the call (names the plugin's results). */
  readonly schema?: readonly { readonly name: string; readonly type: string }[];
}

export type Plugin = (invocation: PluginInvocation, api: ExecuteApi) => Table;

const PLUGINS: Readonly<Record<string, Plugin>> = {
  active_users_count: activeUsersCount,
  activity_counts_metrics: activityCountsMetrics,
  activity_engagement: activityEngagement,
  activity_metrics: activityMetrics,
  autocluster,
  basket,
  diffpatterns,
  funnel_sequence_completion: funnelSequenceCompletion,
  // Its three result tables: plugins/translate.ts makes one plan per table (the names after ':' are not callable).
  funnel_sequence: funnelSequence('prev-sequence-next'),
  'funnel_sequence:prev-sequence': funnelSequence('prev-sequence'),
  'funnel_sequence:sequence-next': funnelSequence('sequence-next'),
  geo_line_lookup: geoLookup('line'),
  geo_polygon_lookup: geoLookup('polygon'),
  ipv4_lookup: ipLookup(4),
  ipv6_lookup: ipLookup(6),
  narrow,
  new_activity_metrics: newActivityMetrics,
  pivot,
  preview,
  sequence_detect: sequenceDetect,
  session_count: sessionCount,
  sliding_window_counts: slidingWindowCounts,
  dcount_intersect: dcountIntersect,
  rolling_percentile: rollingPercentile,
  rows_near: rowsNear,
};

/** Plugins that read outside storage: the lab works offline, so they answer a clear error rather than a result. */
const NETWORK_PLUGINS = new Set([
  'infer_storage_schema',
  'infer_storage_schema_with_suggestions',
  'sql_request',
  'cosmosdb_sql_request',
  'mysql_request',
  'postgresql_request',
  'http_request',
  'http_request_post',
  'azure_digital_twins_query_request',
  'ai_chat_completion',
  'ai_embed_text',
]);

/** Checked at translation: a plugin the engine cannot run answers before anything runs. */
export function checkPlugin(name: string, span: Span): void {
  if (NETWORK_PLUGINS.has(name))
    throw new EngineError(
      'KQL_NO_NETWORK',
      `The ${name} plugin cannot run here: the lab works offline and reaches no outside storage or service.`,
      span,
      'Put the data in a datatable or a let statement instead.',
    );
  const offlineReason = OFFLINE_PLUGINS[name];
  if (offlineReason) throw unsupported(offlineMessage(`the ${name} plugin`, offlineReason), span);
  if (!PLUGINS[name]) throw unsupported(`plugin '${name}'`, span);
}

export function runPlugin(plan: Extract<Tabular, { op: 'plugin' }>, api: ExecuteApi): Table {
  const plugin = PLUGINS[plan.name];
  if (!plugin) throw unsupported(`plugin '${plan.name}'`, plan.span);
  const input: Table = plan.input ? api.run(plan.input) : { columns: [], length: 0 };
  return plugin({ input, args: plan.args, span: plan.span, schema: plan.schema }, api);
}
