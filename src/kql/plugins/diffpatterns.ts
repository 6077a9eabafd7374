/**
 * `diffpatterns(SplitColumn, SplitValueA, SplitValueB [, WeightColumn [, Threshold [, MaxDimensions
 * [, CustomWildcard, ...]]]])`: the patterns of column values whose share of set A (rows where SplitColumn is
 * SplitValueA) and of set B differ by at least Threshold (default 0.05, 0.015–1). Rows in neither set are left out;
 * the split and weight columns are not dimensions. One row per closed pattern: SegmentId, CountA, CountB, PercentA,
 * PercentB, PercentDiffAB (|PercentA − PercentB|, the measure of how much the pattern tells the sets apart), then the
 * columns with a wildcard where the pattern is open. Largest difference first.
 */
import { EngineError } from '../errors';
import type { ExecuteApi } from '../executeApi';
import { toStringValue } from '../functions/helpers';
import type { Table } from '../table';
import type { PluginInvocation } from './index';
import { gatherRows } from './tables';
import {
  columnArgument,
  constantOr,
  minePatterns,
  patternsTable,
  weightedInput,
  weightOf,
  wildcards,
} from './patterns';

export function diffpatterns({ input, args, span, schema }: PluginInvocation, api: ExecuteApi): Table {
  if (args.length < 3)
    throw new EngineError(
      'KQL_PLUGIN_ARGS',
      'diffpatterns expects (SplitColumn, SplitValueA, SplitValueB [, WeightColumn, Threshold, MaxDimensions, CustomWildcard...]).',
      span,
    );
  const splitName = columnArgument(args[0]!, 'diffpatterns', 'SplitColumn', span);
  const valueA = toStringValue(api.constant(args[1]!));
  const valueB = toStringValue(api.constant(args[2]!));
  const threshold = constantOr(args[4], api, 0.05);
  if (!(threshold >= 0.015 && threshold <= 1))
    throw new EngineError('KQL_PLUGIN_ARGS', 'diffpatterns: Threshold must be between 0.015 and 1.', span);
  const maxDimensions = constantOr(args[5], api, Number.POSITIVE_INFINITY);
  const split = input.columns.find((c) => c.name === splitName)!;
  const inSets: number[] = [];
  for (let row = 0; row < input.length; row++) {
    const value = toStringValue(split.values[row], split.type);
    if (value === valueA || value === valueB) inSets.push(row);
  }
  const rows = gatherRows(input, inSets);
  const splitValues = rows.columns.find((c) => c.name === splitName)!.values;
  const inA = Uint8Array.from(splitValues, (v) => (toStringValue(v, split.type) === valueA ? 1 : 0));
  const { weights, dimensions } = weightedInput(rows, args[3], 'diffpatterns', span, [splitName]);
  const weightsA = weights.map((w, row) => (inA[row] ? w : 0));
  const weightsB = weights.map((w, row) => (inA[row] ? 0 : w));
  const totalA = weightsA.reduce((a, b) => a + b, 0);
  const totalB = weightsB.reduce((a, b) => a + b, 0);
  const shares = (matched: Int32Array): [number, number] => [
    totalA > 0 ? weightOf(matched, weightsA) / totalA : 0,
    totalB > 0 ? weightOf(matched, weightsB) / totalB : 0,
  ];
  const patterns = minePatterns(dimensions, rows.length, {
    // A difference of Threshold needs a share of at least Threshold in one of the sets.
    frequent: (matched) => Math.max(...shares(matched)) >= threshold,
    maxDimensions,
    api,
    span,
  });
  const differing = patterns
    .map((pattern) => {
      const [a, b] = shares(pattern.rows);
      return { pattern, a, b, diff: Math.abs(a - b) };
    })
    .filter((p) => p.diff >= threshold)
    .sort((x, y) => y.diff - x.diff || x.pattern.items.length - y.pattern.items.length);
  return patternsTable(
    [
      { name: 'CountA', type: 'long', values: differing.map((p) => weightOf(p.pattern.rows, weightsA)) },
      { name: 'CountB', type: 'long', values: differing.map((p) => weightOf(p.pattern.rows, weightsB)) },
      { name: 'PercentA', type: 'real', values: differing.map((p) => 100 * p.a) },
      { name: 'PercentB', type: 'real', values: differing.map((p) => 100 * p.b) },
      { name: 'PercentDiffAB', type: 'real', values: differing.map((p) => 100 * p.diff) },
    ],
    dimensions,
    differing.map((p) => p.pattern),
    wildcards(args.slice(6), api),
    schema,
  );
}
