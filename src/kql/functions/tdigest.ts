/**
 * Functions over tdigest() results: percentile_tdigest, percentiles_array_tdigest, rank_tdigest, merge_tdigest.
 */
import { arrayOf, type ScalarFunction } from './helpers';

function digestPairs(digest: unknown): [number, number][] {
  return (arrayOf(digest) ?? [])
    .map(
      (pair) =>
        (Array.isArray(pair) ? [Number(pair[0]), Number(pair[1] ?? 1)] : [Number(pair), 1]) as [
          number,
          number,
        ],
    )
    .sort((a, b) => a[0] - b[0]);
}

const mergeTdigest: ScalarFunction = (args) => args.flatMap((digest) => arrayOf(digest) ?? []);

export const TDIGEST_FUNCTIONS: Record<string, ScalarFunction> = {
  percentile_tdigest: ([digest, percent]) => {
    const pairs = digestPairs(digest);
    const total = pairs.reduce((sum, [, weight]) => sum + weight, 0);
    if (total === 0) return null;
    const rank = Math.max(1, Math.ceil((Number(percent) / 100) * total));
    let seen = 0;
    for (const [value, weight] of pairs) {
      seen += weight;
      if (seen >= rank) return value;
    }
    return pairs[pairs.length - 1]![0];
  },
  percentiles_array_tdigest: (args, c) => {
    const [digest, ...percents] = args;
    const list = percents.flatMap((p) => (Array.isArray(p) ? p : [p]));
    return list.map((p) => TDIGEST_FUNCTIONS['percentile_tdigest']!([digest, p], c));
  },
  rank_tdigest: ([digest, value]) => {
    const v = Number(value);
    return digestPairs(digest).reduce((sum, [x, weight]) => (x <= v ? sum + weight : sum), 0);
  },
  merge_tdigest: mergeTdigest,
  // The older name Kusto.Language still knows.
  tdigest_merge: mergeTdigest,
};
