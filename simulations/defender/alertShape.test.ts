import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemorySink, type Row } from '../core/sink';
import { simulate } from '../scenario/runner';

const referencePath = join(import.meta.dirname, '../../../shared/reference/defender-k8s-alerts.json');
const haveReference = existsSync(referencePath);
if (!haveReference)
  console.log(
    'skipped: SecurityAlert rows vs sample rows (../shared/reference/defender-k8s-alerts.json not found)',
  );

interface Reference {
  example_securityalert_rows: { rows: Row[] };
}

const entityTypes = (row: Row) =>
  (JSON.parse(String(row.Entities)) as { Type?: string }[]).map((e) => e.Type);

describe.runIf(haveReference)('SecurityAlert rows next to the reference samples', () => {
  it('have the sample rows’ columns and value families, and a privileged container carries the same entities', async () => {
    const samples = (JSON.parse(readFileSync(referencePath, 'utf8')) as Reference).example_securityalert_rows
      .rows;
    const sink = new MemorySink();
    await simulate({ scenario: 'privileged-pod-escape', seed: 3, days: 1, sink });
    const rows = sink.rows('SecurityAlert');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      for (const key of Object.keys(samples[0]!)) expect(row, key).toHaveProperty(key);
      for (const key of ['ProviderName', 'VendorName', 'ProductName', 'ProductComponentName', 'SourceSystem'])
        expect(row[key], key).toBe(samples[0]![key]);
      expect(String(row.ResourceId)).toBe(String(row.ResourceId).toUpperCase());
      expect(String(row.VendorOriginalId)).toMatch(/^\d{19}_[0-9a-f-]{36}$/);
      expect(['New', 'InProgress', 'Resolved']).toContain(row.Status);
    }
    const privileged = rows.find((row) => row.AlertType === 'K8S_PrivilegedContainer');
    const sample = samples.find((row) => row.AlertType === 'K8S_PrivilegedContainer')!;
    expect(privileged).toBeDefined();
    expect(entityTypes(privileged!)).toEqual(entityTypes(sample));
  }, 60_000);
});
