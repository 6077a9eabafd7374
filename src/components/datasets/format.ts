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

/** What the Datasets page reads from the simulation CLI's manifest.json. */
export interface DatasetManifestFile {
  scenario: string;
  seed: number;
  days: number;
  virtualStart: string;
  virtualEnd: string;
  virtualNow: string;
}

/** Reads manifest.json, saying which field is wrong when it is not a dataset manifest. */
export function parseManifest(text: string): DatasetManifestFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`manifest.json is not valid JSON (${(error as Error).message}).`, { cause: error });
  }
  const record = (data ?? {}) as Record<string, unknown>;
  const problems: string[] = [];
  if (typeof record['scenario'] !== 'string' || record['scenario'] === '') problems.push('scenario (text)');
  for (const key of ['seed', 'days']) {
    if (!Number.isSafeInteger(record[key])) problems.push(`${key} (whole number)`);
  }
  for (const key of ['virtualStart', 'virtualEnd', 'virtualNow']) {
    if (typeof record[key] !== 'string' || Number.isNaN(Date.parse(record[key] as string))) {
      problems.push(`${key} (ISO date)`);
    }
  }
  if (problems.length > 0) {
    throw new Error(`manifest.json is not a dataset manifest: missing or wrong ${problems.join(', ')}.`);
  }
  return record as unknown as DatasetManifestFile;
}
