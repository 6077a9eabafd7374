/** `2026-11-26 10:00:00 UTC` from epoch ms; "—" when unknown. */
export function formatVirtualTime(ms: number | undefined): string {
  if (ms === undefined) return '—';
  return new Date(ms)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, ' UTC');
}

export function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}

/** `AKSAudit.ndjson` etc. → table name; undefined for a file that is not NDJSON. */
export function tableOfFile(fileName: string): string | undefined {
  const match = /^([A-Za-z_][A-Za-z0-9_]*)\.(ndjson|jsonl)$/i.exec(fileName);
  return match?.[1];
}
