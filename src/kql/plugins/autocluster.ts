/**
 * `autocluster([SizeWeight [, WeightColumn [, NumSeeds [, CustomWildcard, ...]]]])`: a few patterns of column values
 * that together describe most of the input. Kusto documents the trade-off, not its algorithm: a pattern is worth more
 * the more rows it covers (size) and the more columns it fixes (informativeness), SizeWeight (default 0.5, 0–1)
 * weighing size against informativeness. This engine picks greedily: among the closed patterns covering at least 5%
 * of the rows, the one whose score size^SizeWeight · informativeness^(1 − SizeWeight) over the rows not yet covered
 * is highest, until no pattern covers 5% of the rows left or NumSeeds (default 25) patterns are picked. Each row:
 * SegmentId, Count (rows matching the pattern), Percent, and the columns with a wildcard where the pattern is open.
 */
import { EngineError } from '../errors';
import type { ExecuteApi } from '../executeApi';
import type { Table } from '../table';
import type { PluginInvocation } from './index';
import {
  constantOr,
  minePatterns,
  patternsTable,
  weightedInput,
  weightOf,
  wildcards,
  type Pattern,
} from './patterns';

const MIN_COVERAGE = 0.05;

export function autocluster({ input, args, span, schema }: PluginInvocation, api: ExecuteApi): Table {
  const sizeWeight = constantOr(args[0], api, 0.5);
  if (!(sizeWeight >= 0 && sizeWeight <= 1))
    throw new EngineError('KQL_PLUGIN_ARGS', 'autocluster: SizeWeight must be between 0 and 1.', span);
  const seeds = constantOr(args[2], api, 25);
  if (!(seeds >= 1))
    throw new EngineError('KQL_PLUGIN_ARGS', 'autocluster: NumSeeds must be 1 or more.', span);
  const { weights, total, dimensions, holdsShare } = weightedInput(input, args[1], 'autocluster', span);
  const candidates = minePatterns(dimensions, input.length, {
    frequent: (rows) => holdsShare(rows, MIN_COVERAGE),
    maxDimensions: dimensions.length,
    api,
    span,
  });
  const covered = new Uint8Array(input.length);
  const picked: Pattern[] = [];
  while (picked.length < seeds) {
    let best: Pattern | null = null;
    let bestScore = 0;
    for (const pattern of candidates) {
      if (picked.includes(pattern)) continue;
      let fresh = 0;
      for (const row of pattern.rows) if (!covered[row]) fresh += weights[row]!;
      if (fresh < MIN_COVERAGE * total) continue;
      const size = fresh / total;
      const informativeness = pattern.items.length / Math.max(1, dimensions.length);
      const score = size ** sizeWeight * informativeness ** (1 - sizeWeight);
      if (score > bestScore) {
        best = pattern;
        bestScore = score;
      }
    }
    if (!best) break;
    picked.push(best);
    for (const row of best.rows) covered[row] = 1;
    api.check(span);
  }
  const counted = picked
    .map((pattern) => ({ pattern, count: weightOf(pattern.rows, weights) }))
    .sort((a, b) => b.count - a.count);
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
