import { beforeAll, describe, expect, it } from 'vitest';
import { findTableDefinition } from '../../src/tables/index';
import { validateRow } from '../core/rowValidator';
import { MemorySink, type Row } from '../core/sink';
import { REGISTRY_VA_ASSESSMENT, REGISTRY_VA_NAME } from '../registry/scanner';
import { RUNNING_VA_ASSESSMENT, RUNNING_VA_NAME } from '../registry/runningImages';
import { simulate } from '../scenario/runner';

const sink = new MemorySink();
beforeAll(async () => {
  await simulate({ scenario: 'crypto-miner-daemonset', seed: 4, days: 3, sink });
}, 120_000);

const NEW_TABLES = [
  'AKSControlPlane',
  'AzureActivity',
  'SecurityAttackPathData',
  'SecurityRegulatoryCompliance',
] as const;
const username = (row: Row) => (row.User as { username: string }).username;
const sourceIp = (row: Row) => (row.SourceIps as string[])[0]!;

describe('tables the cluster now fills', () => {
  it.each(NEW_TABLES)('%s has rows, each valid against its definition', (table) => {
    const rows = sink.rows(table);
    expect(rows.length).toBeGreaterThan(0);
    const definition = findTableDefinition(table)!;
    expect(rows.flatMap((row) => validateRow(definition, row))).toEqual([]);
    for (const row of rows) expect(row.Type).toBe(table);
  });

  it('AzureActivity: every Entra ID user reaching the API server listed the cluster user credential before, from the same address', () => {
    const activity = sink.rows('AzureActivity');
    const listings = activity.filter(
      (row) =>
        row.OperationNameValue ===
          'MICROSOFT.CONTAINERSERVICE/MANAGEDCLUSTERS/LISTCLUSTERUSERCREDENTIAL/ACTION' &&
        row.ActivityStatusValue === 'Success',
    );
    const people = sink.rows('AKSAudit').filter((row) => username(row).includes('@'));
    expect(people.length).toBeGreaterThan(0);
    for (const request of people) {
      const listed = listings.some(
        (row) =>
          row.Caller === username(request) &&
          row.CallerIpAddress === sourceIp(request) &&
          Date.parse(String(row.TimeGenerated)) <= Date.parse(String(request.TimeGenerated)),
      );
      expect(listed, `${username(request)} from ${sourceIp(request)}`).toBe(true);
    }
    const operations = new Set(activity.map((row) => String(row.OperationNameValue)));
    expect([...operations].sort()).toEqual([
      'MICROSOFT.AUTHORIZATION/ROLEASSIGNMENTS/WRITE',
      'MICROSOFT.CONTAINERSERVICE/MANAGEDCLUSTERS/AGENTPOOLS/WRITE',
      'MICROSOFT.CONTAINERSERVICE/MANAGEDCLUSTERS/LISTCLUSTERADMINCREDENTIAL/ACTION',
      'MICROSOFT.CONTAINERSERVICE/MANAGEDCLUSTERS/LISTCLUSTERUSERCREDENTIAL/ACTION',
    ]);
    // Started then Succeeded, one correlation id per operation.
    const byCorrelation = new Map<string, string[]>();
    for (const row of activity)
      byCorrelation.set(String(row.CorrelationId), [
        ...(byCorrelation.get(String(row.CorrelationId)) ?? []),
        String(row.ActivityStatusValue),
      ]);
    for (const statuses of byCorrelation.values()) expect(statuses.sort()).toEqual(['Start', 'Success']);
  });

  it('AKSControlPlane: the scheduler binds each new pod the controllers create, guard logs each person', () => {
    const rows = sink.rows('AKSControlPlane');
    const categories = new Set(rows.map((row) => String(row.Category)));
    expect([...categories].sort()).toEqual([
      'guard',
      'kube-apiserver',
      'kube-controller-manager',
      'kube-scheduler',
    ]);
    const miner = sink
      .rows('KubePodInventory')
      .find(
        (row) =>
          row.ControllerKind === 'DaemonSet' &&
          row.Namespace === 'kube-system' &&
          !/ama-logs|kube-proxy|csi|cloud-node|ip-masq|defender/.test(String(row.Name)),
      );
    expect(miner).toBeDefined();
    expect(
      rows.some(
        (row) =>
          row.Category === 'kube-scheduler' &&
          String(row.Message).includes(`pod="kube-system/${String(miner!.Name)}"`),
      ),
    ).toBe(true);
    for (const row of rows)
      expect(String(row.Message)).toMatch(/^[IWE]\d{4} \d\d:\d\d:\d\d\.\d{6} +1 [\w.]+:\d+\] /);
    const people = new Set(
      sink
        .rows('AKSAudit')
        .map(username)
        .filter((user) => user.includes('@')),
    );
    for (const person of people)
      expect(
        rows.some((row) => row.Category === 'guard' && String(row.Message).includes(`"${person}"`)),
        person,
      ).toBe(true);
  });

  it('SecurityAttackPathData: the internet-exposed storefront running an image with a remotely exploitable CVE', () => {
    const paths = sink.rows('SecurityAttackPathData');
    const storefront = paths.find((row) => String(row.Description).includes("namespace 'shop'"));
    expect(storefront).toMatchObject({
      DisplayName: 'Internet exposed Kubernetes pod is running a container with RCE vulnerabilities',
      RiskLevel: 'Critical',
    });
    expect(JSON.stringify(storefront!.Assessments)).toContain('CVE-2017-9841');
    // Nothing unexposed: every path's entry point is a pod behind a load balancer, node port or the ingress.
    for (const row of paths) expect(String(row.Description)).toMatch(/^Internet exposed Kubernetes pod/);
  });

  it('SecurityRegulatoryCompliance: one row per posture recommendation a day, Failed exactly when it is Unhealthy', () => {
    const compliance = sink.rows('SecurityRegulatoryCompliance');
    const posture = sink
      .rows('SecurityRecommendation')
      .filter((row) => row.AssessedResourceId === compliance[0]!.AssessedResourceId);
    for (const row of compliance) {
      const same = posture.find(
        (rec) => rec.RecommendationName === row.RecommendationId && rec.TimeGenerated === row.TimeGenerated,
      );
      expect(same, String(row.RecommendationName)).toBeDefined();
      expect(row.State).toBe(same!.RecommendationState === 'Unhealthy' ? 'Failed' : 'Passed');
      expect(row.FailedResources).toBe(
        (same!.RecommendationAdditionalData as { unhealthyWorkloads: string[] }).unhealthyWorkloads.length,
      );
    }
    expect(compliance.length % 5).toBe(0);
  });
});

describe('recommendations by their Defender for Cloud names and keys', () => {
  it('names the registry recommendation as MDVM does, under its key', () => {
    const registry = sink
      .rows('SecurityRecommendation')
      .filter((row) => row.RecommendationName === REGISTRY_VA_ASSESSMENT);
    expect(registry.length).toBeGreaterThan(0);
    for (const row of registry) expect(row.RecommendationDisplayName).toBe(REGISTRY_VA_NAME);
    expect(REGISTRY_VA_NAME).toBe(
      'Azure registry container images should have vulnerabilities resolved (powered by Microsoft Defender Vulnerability Management)',
    );
  });

  it('ties each running image CVE to the pods that run it', () => {
    const running = sink
      .rows('SecurityRecommendation')
      .filter((row) => row.RecommendationName === RUNNING_VA_ASSESSMENT);
    expect(running.length).toBe(3);
    for (const row of running) expect(row.RecommendationDisplayName).toBe(RUNNING_VA_NAME);
    const findings = sink
      .rows('SecurityNestedRecommendation')
      .filter((row) => row.ParentRecommendationId === RUNNING_VA_ASSESSMENT);
    const podNames = new Set(sink.rows('KubePodInventory').map((row) => String(row.Name)));
    expect(findings.some((row) => row.VulnerabilityId === 'CVE-2017-9841')).toBe(true);
    for (const finding of findings) {
      const context = (
        finding.AdditionalData as {
          kubernetesContext: { clusters: { namespaces: { pods: { name: string }[] }[] }[] };
        }
      ).kubernetesContext;
      const pods = context.clusters.flatMap((cluster) =>
        cluster.namespaces.flatMap((ns) => ns.pods.map((pod) => pod.name)),
      );
      expect(pods.length).toBeGreaterThan(0);
      for (const pod of pods) expect(podNames.has(pod), pod).toBe(true);
    }
  });
});
