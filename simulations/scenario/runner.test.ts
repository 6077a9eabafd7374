import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { findTableDefinition } from '../../src/tables/index';
import { validateRow } from '../core/rowValidator';
import { MemorySink, type Row, type Sink } from '../core/sink';
import { MINUTE } from '../core/time';
import { STORYLINES } from '../storylines/index';
import { SIMULATED_TABLE_NAMES } from '../tables';
import { simulate } from './runner';

// Each case generates a few hundred thousand audit rows a day (the cluster's own traffic): give generation time.
vi.setConfig({ testTimeout: 180_000 });
const catalogPath = join(import.meta.dirname, '../../../shared/reference/defender-k8s-alerts.json');
const haveCatalog = existsSync(catalogPath);
if (!haveCatalog)
  console.log('skipped: alerts vs Defender catalog (../shared/reference/defender-k8s-alerts.json not found)');

const API_SERVER_LATENCY_MS = 1000;

const runs = new Map<string, Promise<{ sink: MemorySink; result: Awaited<ReturnType<typeof simulate>> }>>();
function run(storyline: string, seed = 3, days = 1) {
  const key = `${storyline}:${seed}:${days}`;
  if (!runs.has(key)) {
    const sink = new MemorySink();
    runs.set(
      key,
      simulate({ scenario: storyline, seed, days, sink }).then((result) => ({ sink, result })),
    );
  }
  return runs.get(key)!;
}

class HashingSink implements Sink {
  private readonly hash = createHash('sha256');
  append(table: string, rows: readonly Row[]): void {
    for (const row of rows) this.hash.update(`${table}\t${JSON.stringify(row)}\n`);
  }
  flush(): void {}
  digest(): string {
    return this.hash.digest('hex');
  }
}

describe('scenario runner', () => {
  it('writes only rows that are valid against their table definitions, in every simulated table', async () => {
    const written = new Set<string>();
    for (const storyline of STORYLINES) {
      const { sink } = await run(storyline.id);
      for (const [table, rows] of sink.tables) {
        const definition = findTableDefinition(table);
        expect(definition, `unknown table ${table}`).toBeDefined();
        const problems = rows.flatMap((row) => validateRow(definition!, row));
        expect(problems.slice(0, 5), table).toEqual([]);
        if (rows.length > 0) written.add(table);
      }
    }
    // Written only under a scenario switch (background/systemTraffic.test.ts): ContainerLog on the legacy schema,
    // AzureDiagnostics when the diagnostic setting uses Azure diagnostics mode.
    expect([...written].sort()).toEqual(
      SIMULATED_TABLE_NAMES.filter((name) => name !== 'ContainerLog' && name !== 'AzureDiagnostics').sort(),
    );
  }, 600_000);

  it.runIf(haveCatalog)('raises only alerts whose name and type are in the Defender catalog', async () => {
    const reference = JSON.parse(readFileSync(catalogPath, 'utf8')) as {
      catalog: { alertType: string; displayName: string; severity: string }[];
    };
    const byType = new Map(reference.catalog.map((entry) => [entry.alertType, entry]));
    let checked = 0;
    for (const storyline of STORYLINES) {
      const { sink } = await run(storyline.id);
      for (const row of sink.rows('SecurityAlert')) {
        const entry = byType.get(String(row.AlertType));
        expect(entry, `alert type ${String(row.AlertType)}`).toBeDefined();
        expect(row.AlertName).toBe(entry!.displayName);
        expect(row.AlertSeverity).toBe(entry!.severity);
        expect(typeof row.ExtendedProperties).toBe('string');
        expect(Array.isArray(JSON.parse(String(row.Entities)))).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  for (const definition of STORYLINES) {
    it(`plays ${definition.id}: each expected alert at its step's virtual time, delivered with a realistic delay`, async () => {
      const { sink, result } = await run(definition.id);
      const rows = sink.rows('SecurityAlert');
      for (const expected of result.storyline.expectedAlerts) {
        const stepTime = result.stepTimes[expected.step]!;
        // A control-plane alert starts when the API server logged the request: up to 1 s of its latency later.
        const within = (expected.withinSeconds ?? 0) * 1000 + API_SERVER_LATENCY_MS;
        const match = rows.find((row) => {
          const start = Date.parse(String(row.StartTime));
          return row.AlertType === expected.alertType && start >= stepTime && start <= stepTime + within;
        });
        expect(
          match,
          `${expected.alertType} at step ${expected.step} (${new Date(stepTime).toISOString()})`,
        ).toBeDefined();
        const delay = Date.parse(String(match!.TimeGenerated)) - Date.parse(String(match!.StartTime));
        expect(delay).toBeGreaterThanOrEqual(2 * MINUTE);
        expect(delay).toBeLessThanOrEqual(60 * MINUTE);
      }
    });
  }

  it('lists the storyline steps in the manifest timeline at the virtual times they ran, in order', async () => {
    const { result } = await run('docker-sock-escape');
    const { timeline, virtualEnd, attackStart } = result.manifest;
    expect(timeline.map((entry) => entry.description)).toEqual(
      result.storyline.steps.map((step) => step.description),
    );
    expect(timeline[0]!.time).toBe(attackStart);
    const times = timeline.map((entry) => Date.parse(entry.time));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(Math.max(...times)).toBeLessThan(Date.parse(virtualEnd));
    expect(timeline.some((entry) => entry.description.includes(result.storyline.indicators!.job!))).toBe(
      true,
    );
  });

  it('gives byte-identical output for the same scenario and seed, and different output for another seed', async () => {
    const digest = async (seed: number) => {
      const sink = new HashingSink();
      await simulate({ scenario: 'privileged-pod-escape', seed, days: 1, sink });
      return sink.digest();
    };
    const first = await digest(9);
    expect(await digest(9)).toBe(first);
    expect(await digest(10)).not.toBe(first);
  });

  it("removes a deleted pod's runtime evidence, while telemetry about it remains", async () => {
    const { sink, result } = await run('privileged-pod-escape');
    const podName = result.storyline.indicators!.pod!.split('/')[1]!;
    expect(result.world.findPod('default', podName)).toBeUndefined();
    const former = [...result.world.formerPods.values()].find((pod) => pod.name === podName);
    expect(former).toBeDefined();
    const inventory = sink.rows('KubePodInventory').filter((row) => row.Name === podName);
    expect(inventory.length).toBeGreaterThan(0);
    expect(Math.max(...inventory.map((row) => Date.parse(String(row.TimeGenerated))))).toBeLessThan(
      former!.deletedAt + 6 * MINUTE,
    );
    expect(sink.rows('SecurityAlert').some((row) => String(row.ExtendedProperties).includes(podName))).toBe(
      true,
    );
  });

  it('replaces pods on rollouts under new names and drops the old pods’ runtime state', async () => {
    const { sink, result } = await run('docker-sock-escape', 5, 3);
    const created = sink
      .rows('AKSAudit')
      .filter(
        (row) =>
          row.Verb === 'create' &&
          (row.ObjectRef as Record<string, string> | null)?.resource === 'pods' &&
          String(row.RequestUri).includes('/namespaces/shop/'),
      );
    expect(created.length).toBeGreaterThan(0);
    const gone = [...result.world.formerPods.values()].filter((pod) => pod.namespace === 'shop');
    expect(gone.length).toBeGreaterThan(0);
    for (const pod of gone) expect(result.world.findPod(pod.namespace, pod.name)).toBeUndefined();
  });

  it('records admission denials as 403 audit events worded like the API server', async () => {
    const { sink } = await run('docker-sock-escape', 5, 3);
    const denied = sink
      .rows('AKSAudit')
      .filter((row) => (row.ResponseStatus as { code: number }).code === 403);
    const messages = denied.map((row) => String((row.ResponseStatus as { message?: string }).message));
    expect(
      messages.some((m) =>
        m.startsWith(
          'pods "debug" is forbidden: violates PodSecurity "baseline:v1.30": privileged (container "debug" must not set securityContext.privileged=true)',
        ),
      ),
    ).toBe(true);
    expect(
      messages.some((m) => m.startsWith('admission webhook "validation.gatekeeper.sh" denied the request:')),
    ).toBe(true);
  });

  it('turns a clean image vulnerable when a CVE reaches the feed later (daily rescan)', async () => {
    const { sink, result } = await run('docker-sock-escape', 5, 3);
    const findings = sink
      .rows('SecurityNestedRecommendation')
      .filter((row) => row.VulnerabilityId === 'CVE-2024-21907');
    expect(findings.length).toBeGreaterThan(0);
    const start = Date.parse(result.manifest.virtualStart);
    const firstFinding = Math.min(...findings.map((row) => Date.parse(String(row.TimeGenerated))));
    const earlierScans = sink
      .rows('SecurityRecommendation')
      .filter(
        (row) =>
          row.RecommendationName === 'c0b7cfc6-3172-465a-b378-53c7ff2cc0d5' &&
          Date.parse(String(row.TimeGenerated)) < firstFinding,
      );
    expect(earlierScans.length).toBeGreaterThan(0);
    expect(firstFinding).toBeGreaterThan(start + 36 * 3600_000);
  });
});

describe('cluster snapshot at the virtual now', () => {
  it('shows what the attacker left (RBAC objects, service account) and only live pods, with their runtime state', async () => {
    const { result } = await run('stolen-token-escalation');
    const snapshot = JSON.parse(JSON.stringify(result.snapshot)) as typeof result.snapshot;
    const drawn = result.storyline.indicators!;
    expect(snapshot.takenAt).toBe(result.manifest.virtualNow);
    expect(snapshot.bindings.find((b) => b.name === drawn.binding)?.roleName).toBe('cluster-admin');
    expect(snapshot.clusterRoles.some((r) => r.name === drawn.clusterRole)).toBe(true);
    expect(
      snapshot.serviceAccounts.some(
        (a) => `${a.namespace}/${a.name}` === drawn.serviceAccount && a.namespace === 'kube-system',
      ),
    ).toBe(true);
    const storefront = snapshot.pods.filter(
      (p) => p.namespace === 'shop' && p.name.startsWith('storefront-'),
    );
    expect(storefront.length).toBe(3);
    expect(
      storefront.some((p) =>
        p.runtime.processes.some((proc) => proc.cmdline.includes(`/dev/tcp/${drawn.attackerIp}/`)),
      ),
    ).toBe(true);
    const escaped = await run('privileged-pod-escape');
    const escapedPod = escaped.result.storyline.indicators!.pod!.split('/')[1];
    expect(escaped.result.snapshot.pods.some((p) => p.name === escapedPod)).toBe(false);
  });
});

describe('registry scanning', () => {
  it('scans on push, on first pull and daily, and exports findings with package, versions, CVSS, image and layer', async () => {
    const { sink } = await run('docker-sock-escape', 5, 3);
    const findings = sink.rows('SecurityNestedRecommendation');
    const scans = sink
      .rows('SecurityRecommendation')
      .filter((row) => row.RecommendationName === 'c0b7cfc6-3172-465a-b378-53c7ff2cc0d5');
    const triggers = new Set(
      scans.map((row) => (row.RecommendationAdditionalData as { scanTrigger: string }).scanTrigger),
    );
    expect(
      findings.some((row) => (row.AdditionalData as { scanTrigger: string }).scanTrigger === 'push'),
    ).toBe(true);
    expect([...triggers].sort()).toEqual(['daily', 'pull', 'push']);
    const phpunit = findings.find((row) => row.VulnerabilityId === 'CVE-2017-9841')!;
    const data = phpunit.AdditionalData as {
      vulnerabilityDetails: { cvss: Record<string, { base: number }>; severity: string };
      softwareDetails: {
        packageName: string;
        version: string;
        fixedVersion: string;
        evidence: { layerDigest: string }[];
      };
      artifactDetails: { repositoryName: string; digest: string };
    };
    expect(data.softwareDetails).toMatchObject({
      packageName: 'phpunit/phpunit',
      version: '5.6.2',
      fixedVersion: '5.6.3',
    });
    expect(data.vulnerabilityDetails.cvss['3.0']!.base).toBe(9.8);
    expect(data.vulnerabilityDetails.severity).toBe('Critical');
    expect(data.artifactDetails.repositoryName).toBe('shop/storefront');
    expect(data.softwareDetails.evidence[0]!.layerDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
    const parent = sink
      .rows('SecurityRecommendation')
      .find(
        (row) =>
          row.RecommendationDisplayName ===
          'Azure registry container images should have vulnerabilities resolved (powered by Microsoft Defender Vulnerability Management)',
      )!;
    expect(parent.Properties).toMatchObject({
      resourceDetails: { Source: 'Azure' },
      metadata: { severity: 'High' },
    });
  });
});

describe('Sentinel incidents', () => {
  it('puts each alert of severity Low or above in an incident, listed after the alert arrived, and the SOC closes known benign ones', async () => {
    const { sink } = await run('stolen-token-escalation');
    const alerts = sink.rows('SecurityAlert');
    const incidents = sink.rows('SecurityIncident');
    const reverseShell = alerts.find((row) => row.AlertType === 'K8S.NODE_ReverseShell')!;
    const incident = incidents.find((row) =>
      (row.AlertIds as string[]).includes(String(reverseShell.SystemAlertId)),
    )!;
    expect(['Medium', 'High']).toContain(incident.Severity);
    expect(Date.parse(String(incident.TimeGenerated))).toBeGreaterThan(
      Date.parse(String(reverseShell.TimeGenerated)),
    );
    const informational = alerts
      .filter((row) => row.AlertSeverity === 'Informational')
      .map((row) => String(row.SystemAlertId));
    expect(incidents.some((row) => (row.AlertIds as string[]).some((id) => informational.includes(id)))).toBe(
      false,
    );
    const { sink: week } = await run('docker-sock-escape', 5, 3);
    const closed = week.rows('SecurityIncident').filter((row) => row.Status === 'Closed');
    for (const row of closed)
      expect(row).toMatchObject({
        Classification: 'BenignPositive',
        Title: 'Access to cloud metadata service detected',
      });
  });
});

describe('background authorization', () => {
  it('denies only anonymous internet scanners and the developer hitting admission control', async () => {
    const { sink } = await run('docker-sock-escape', 5, 3);
    const denied = sink
      .rows('AKSAudit')
      .filter((row) => (row.ResponseStatus as { code: number }).code === 403);
    const users = new Set(denied.map((row) => (row.User as { username: string }).username));
    expect([...users].sort()).toEqual(['j.doe@contoso.com', 'system:anonymous']);
  });
});
