import { createLiveCluster, type LiveCluster } from '../live/liveCluster';

/**
 * A live cluster for a test file: the web-shell case (a compromised storefront pod with a reverse shell),
 * one day, seed 7. Each call builds a fresh one, so tests that change the cluster do not leak.
 */
export function webShellCluster(): Promise<LiveCluster> {
  return createLiveCluster({ scenario: 'web-shell-reverse-shell', seed: 7, days: 1 });
}

/** Cells of a kubectl table line (columns are separated by at least three spaces, or two in describe). */
export function cells(line: string): string[] {
  return line.trim().split(/ {2,}/);
}

/** The NAME column of a `get` table's rows. */
export function names(table: string): string[] {
  return table
    .trimEnd()
    .split('\n')
    .slice(1)
    .map((line) => line.split(/\s+/)[0]!);
}
