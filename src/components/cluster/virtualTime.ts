/** A virtual time as the cluster's views show it: UTC to the second, e.g. "2026-03-05 00:12:07 UTC". */
export function formatVirtual(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
