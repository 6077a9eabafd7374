/**
 * `basket([Threshold [, WeightColumn [, MaxDimensions [, CustomWildcard, ...]]]])`: every frequent pattern of the
 * input's columns, that is every combination of column values held by at least Threshold (default 0.05, 0.015–1) of
 * the rows (or of the weight), with at most MaxDimensions (default 5) fixed columns. One row per closed pattern:
 * SegmentId, Count, Percent and the columns, a wildcard where the pattern leaves the column open. Largest first.
 */
import { EngineError } from '../errors';
import type { ExecuteApi } from '../executeApi';
import type { Table } from '../table';
import type { PluginInvocation } from './index';
import { constantOr, minePatterns, patternsTable, weightedInput, weightOf, wildcards } from './patterns';

export function basket({ input, args, span, schema }: PluginInvocation, api: ExecuteApi): Table {
  const threshold = constantOr(args[0], api, 0.05);
  if (!(threshold >= 0.015 && threshold <= 1))
    throw new EngineError('KQL_PLUGIN_ARGS', 'basket: Threshold must be between 0.015 and 1.', span);
  const maxDimensions = constantOr(args[2], api, 5);
  if (!(maxDimensions >= 1))
    throw new EngineError('KQL_PLUGIN_ARGS', 'basket: MaxDimensions must be 1 or more.', span);
  const { weights, total, dimensions, holdsShare } = weightedInput(input, args[1], 'basket', span);
  const patterns = minePatterns(dimensions, input.length, {
    frequent: (rows) => holdsShare(rows, threshold),
    maxDimensions,
    api,
    span,
  });
  const counted = patterns
    .map((pattern) => ({ pattern, count: weightOf(pattern.rows, weights) }))
    .sort((a, b) => b.count - a.count || a.pattern.items.length - b.pattern.items.length);
  return patternsTable(
    [
      { name: 'Count', type: 'long', values: counted.map((c) => c.count) },
      { name: 'Percent', type: 'real', values: counted.map((c) => (100 * c.count) / total) },
    ],
    dimensions,
    counted.map((c) => c.pattern),
    wildcards(args.slice(3), api),
    schema,
  );
}
