import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

/**
 * A small, deterministic dataset that the lab's journeys and benchmark import through the Datasets page, made here
 * (not copied from anywhere): a day of SecurityAlert and KubeEvents rows ending at a fixed virtual time.
 */
export const LAB_SCENARIO = 'lab-journey';
export const LAB_SEED = 7;
export const VIRTUAL_END = Date.UTC(2026, 2, 2, 12, 0, 0);

const SEVERITIES = ['Low', 'Medium', 'High', 'Informational'];
const ALERTS = [
  'Privileged container detected',
  'Sensitive volume mount detected',
  'Exposed Kubernetes dashboard detected',
  'Digital currency mining container detected',
];
const REASONS = ['Scheduled', 'Pulled', 'Created', 'Started', 'BackOff', 'Killing', 'FailedMount'];

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

export function labTables(alerts = 400, events = 6000): Record<string, Record<string, unknown>[]> {
  const start = VIRTUAL_END - 24 * 3600_000;
  const securityAlerts = Array.from({ length: alerts }, (_, index) => {
    const at = start + Math.floor(((index + 0.5) / alerts) * 24 * 3600_000);
    return {
      TimeGenerated: iso(at),
      AlertName: ALERTS[index % ALERTS.length],
      AlertSeverity: SEVERITIES[(index * 7) % SEVERITIES.length],
      CompromisedEntity: `aks-prod-${index % 3}`,
      Description: index === 0 ? '<img src=x onerror=alert(1)>' : `Alert ${index} on pod web-${index % 11}`,
      ExtendedProperties: JSON.stringify({
        Namespace: index % 2 ? 'default' : 'kube-system',
        Pod: `web-${index % 11}`,
      }),
      ProductName: 'Microsoft Defender for Cloud',
      ConfidenceScore: (index % 10) / 10,
      IsIncident: false,
      StartTime: iso(at),
      EndTime: iso(at),
      Type: 'SecurityAlert',
    };
  });
  const kubeEvents = Array.from({ length: events }, (_, index) => {
    const at = start + Math.floor(((index + 0.5) / events) * 24 * 3600_000);
    return {
      TimeGenerated: iso(at),
      Namespace: index % 3 ? 'default' : 'kube-system',
      Name: `web-${index % 23}`,
      ObjectKind: 'Pod',
      Reason: REASONS[index % REASONS.length],
      Message: `Event ${index} for pod web-${index % 23}`,
      Count: (index % 5) + 1,
      FirstSeen: iso(at),
      LastSeen: iso(at),
      Type: 'KubeEvents',
    };
  });
  return { SecurityAlert: securityAlerts, KubeEvents: kubeEvents };
}

/** Imports the dataset through the Datasets page, as a learner would with NDJSON files. */
export async function importLabDataset(page: Page, tables = labTables()): Promise<void> {
  await page.goto('/datasets/');
  // Astro drops `ssr` from an island once React has hydrated it; typing before that would be lost.
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0, { timeout: 30_000 });
  const form = page.getByRole('region', { name: 'Import NDJSON' });
  await form.getByLabel('Scenario name').fill(LAB_SCENARIO);
  await form.getByLabel('Seed', { exact: true }).fill(String(LAB_SEED));
  await form.getByLabel('NDJSON files').setInputFiles(
    Object.entries(tables).map(([table, rows]) => ({
      name: `${table}.ndjson`,
      mimeType: 'application/x-ndjson',
      buffer: Buffer.from(rows.map((row) => JSON.stringify(row)).join('\n') + '\n'),
    })),
  );
  await form.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('rowheader', { name: LAB_SCENARIO }).first()).toBeVisible({ timeout: 30_000 });
}
