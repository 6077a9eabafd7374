import { describe, expect, it } from 'vitest';
import { ALERT_CATALOG } from '../../simulations/defender/catalog';
import { toClusterViews } from './clusters';
import { readDefenderOverview } from './defenderOverview';
import { filterAlerts, takeActionFor } from './securityAlerts';
import { engineWith } from './testData';

describe('Defender for Cloud views', () => {
  it('lists each alert once at its latest status, with its entities and its own facts', async () => {
    const { run } = engineWith();
    const { alerts } = await readDefenderOverview(run);
    expect(alerts.map((alert) => [alert.name, alert.status, alert.severity])).toEqual([
      ['Privileged container detected', 'New', 'Informational'],
      ['Access to cloud metadata service detected', 'Resolved', 'Medium'],
      ['Exposed Kubernetes dashboard detected', 'InProgress', 'High'],
    ]);
    const imds = alerts[1]!;
    expect(imds.entities.map((entity) => entity.kind)).toEqual([
      'Container image',
      'Container',
      'Kubernetes namespace',
      'Kubernetes pod',
      'Host',
      'Account',
      'File',
      'Process',
    ]);
    expect(imds.entities.find((entity) => entity.kind === 'Process')).toMatchObject({
      name: 'dotnet Contoso.Catalog.Api.dll',
      details: [
        'Host: aks-nodepool1-38425911-vmss000000',
        'Account: app',
        'Executable: /usr/bin/dotnet',
        'Process ID: 1',
      ],
    });
    expect(alerts[2]!.properties).toEqual([{ name: 'Namespace', value: 'kubernetes-dashboard' }]);
    expect(alerts[2]!.tactics).toEqual(['InitialAccess']);
    expect(
      filterAlerts(alerts, { severity: '', status: '', search: 'catalog-api' }).map((a) => a.id),
    ).toEqual(['a-imds']);
    expect(filterAlerts(alerts, { severity: 'High', status: '', search: '' }).map((a) => a.id)).toEqual([
      'a-dash',
    ]);
  });

  it('takes the mitigation from the alert catalog and the prevention from open recommendations on the resource', async () => {
    const { run } = engineWith();
    const { alerts, recommendations } = await readDefenderOverview(run);
    const dashboard = alerts.find((alert) => alert.alertType === 'K8S_ExposedDashboard')!;
    const action = takeActionFor(dashboard, recommendations);
    expect(action.mitigationSource).toBe('catalog');
    expect(action.mitigation).toEqual(ALERT_CATALOG.get('K8S_ExposedDashboard')!.remediation);
    expect(action.prevention.map((r) => [r.displayName, r.unhealthyItems])).toEqual([
      ['Privileged containers should be avoided', ['default/Pod/node-debugger']],
    ]);
    const unknown = takeActionFor({ ...dashboard, alertType: 'K8S_NotInTheCatalog' }, recommendations);
    expect(unknown).toMatchObject({
      mitigationSource: 'alert',
      mitigation: ['Step one of the row.', 'Step two of the row.'],
    });
  });

  it('groups recommendations with their affected resources at the latest assessment', async () => {
    const { run } = engineWith();
    const { recommendationGroups } = await readDefenderOverview(run);
    expect(
      recommendationGroups.map((group) => [
        group.displayName,
        group.unhealthyCount,
        group.resources.map(
          (resource) => `${resource.resourceType}/${resource.resourceName}: ${resource.state}`,
        ),
      ]),
    ).toEqual([
      [
        'Azure registry container images should have vulnerabilities resolved (powered by Microsoft Defender Vulnerability Management)',
        1,
        ['registries/contoso: Unhealthy'],
      ],
      ['Privileged containers should be avoided', 1, ['managedClusters/aks-contoso-prod: Unhealthy']],
    ]);
  });

  it('shows each registry image with the findings of its latest scan only', async () => {
    const { run } = engineWith();
    const { registries } = await readDefenderOverview(run);
    expect(registries).toHaveLength(1);
    const [contoso] = registries;
    expect(contoso).toMatchObject({ name: 'contoso', state: 'Unhealthy', findingCount: 2 });
    expect(contoso!.bySeverity).toEqual([
      { severity: 'Critical', count: 1 },
      { severity: 'High', count: 1 },
    ]);
    expect(contoso!.images.map((image) => [image.reference, image.findings.map((f) => f.cve)])).toEqual([
      ['contoso.azurecr.io/ci/azp-agent:3.236', ['CVE-2024-3094']],
      ['contoso.azurecr.io/shop/storefront:1.4.2', ['CVE-2017-9841']],
    ]);
    expect(contoso!.images[1]!.findings[0]).toMatchObject({
      packageName: 'phpunit/phpunit',
      version: '5.6.2',
      fixedVersion: '5.6.3',
      cvss: 9.8,
    });
  });

  it('derives a cluster’s protection from the sensor pods at the latest inventory', async () => {
    const { run } = engineWith();
    const { clusters } = await readDefenderOverview(run);
    expect(clusters).toHaveLength(1);
    expect(clusters[0]).toMatchObject({
      name: 'aks-contoso-prod',
      kubernetesVersion: 'v1.30.6',
      protection: 'Partially protected',
      unprotectedNodes: ['aks-nodepool1-38425911-vmss000002'],
      openAlerts: 2,
    });
    expect(clusters[0]!.sensorNodes).toHaveLength(2);
    expect(clusters[0]!.unhealthyRecommendations.map((r) => r.displayName)).toEqual([
      'Privileged containers should be avoided',
    ]);
  });
});

describe('cluster protection', () => {
  it('is Not protected without a sensor pod, Protected with one on every node', () => {
    const nodes = [{ ClusterId: '/c/A', ClusterName: 'a', Nodes: ['n1', 'n2'], KubernetesVersion: 'v1' }];
    expect(toClusterViews(nodes, [], [], [])[0]).toMatchObject({
      protection: 'Not protected',
      unprotectedNodes: ['n1', 'n2'],
    });
    // Cluster ids are compared without case, as Azure resource ids are.
    expect(
      toClusterViews(nodes, [{ ClusterId: '/C/a', SensorNodes: ['n2', 'n1'] }], [], [])[0],
    ).toMatchObject({
      protection: 'Protected',
      sensorNodes: ['n1', 'n2'],
      unprotectedNodes: [],
    });
  });
});
