/**
 * For the portal's unit tests: rows shaped as the simulation writes them (a few of each table the views read) and a
 * KqlRunner over the real engine, so the tests check the views' KQL and their mapping together.
 */
import { createKqlEngine } from '../kql/index';
import type { KqlRunner } from './kqlSource';
import { describeQueryError, PortalQueryError } from './kqlSource';

export const NOW = Date.UTC(2026, 2, 3, 12, 0, 0);
const CLUSTER_ID =
  '/subscriptions/3c5e7a91-4b2d-4f6e-8a0c-1d3f5b7e9a2c/resourceGroups/rg-contoso-prod/providers/Microsoft.ContainerService/managedClusters/aks-contoso-prod';
const REGISTRY_ID =
  '/subscriptions/3c5e7a91-4b2d-4f6e-8a0c-1d3f5b7e9a2c/resourceGroups/rg-contoso-prod/providers/Microsoft.ContainerRegistry/registries/contoso';

const at = (hoursBeforeNow: number) => new Date(NOW - hoursBeforeNow * 3_600_000).toISOString();

const UNASSIGNED = { objectId: null, email: null, assignedTo: null, userPrincipalName: null };
const SOC = {
  objectId: '3d5f7a9c-1e2b-4c6d-8f0a-2c4e6a8c0e1f',
  email: 'soc.analyst@contoso.com',
  assignedTo: 'SOC Analyst',
  userPrincipalName: 'soc.analyst@contoso.com',
};

const DASHBOARD_ENTITIES = [
  {
    $id: '2',
    ResourceId: CLUSTER_ID,
    ResourceType: 'Kubernetes Service',
    ResourceName: 'aks-contoso-prod',
    Asset: true,
    Type: 'azure-resource',
  },
  { $id: '3', CloudResource: { $ref: '2' }, Asset: false, Type: 'K8s-cluster' },
  { $id: '4', Name: 'kubernetes-dashboard', Cluster: { $ref: '3' }, Type: 'K8s-namespace' },
  { $id: '5', Name: 'kubernetes-dashboard', Namespace: { $ref: '4' }, Type: 'K8s-service' },
];

const IMDS_ENTITIES = [
  { $id: '2', ImageId: 'contoso.azurecr.io/shop/catalog-api:2.3.0', Type: 'container-image' },
  { $id: '3', Name: 'catalog-api', Image: { $ref: '2' }, Type: 'container' },
  { $id: '4', Name: 'shop', Type: 'K8s-namespace' },
  { $id: '5', Name: 'catalog-api-5c8d7b6f9-w6k2j', Namespace: { $ref: '4' }, Type: 'K8s-pod' },
  { $id: '6', HostName: 'aks-nodepool1-38425911-vmss000000', OSFamily: 'Linux', Type: 'host' },
  { $id: '7', Name: 'app', Host: { $ref: '6' }, Type: 'account' },
  { $id: '8', Directory: '/usr/bin', Name: 'dotnet', Type: 'file' },
  {
    $id: '9',
    ProcessId: '1',
    CommandLine: 'dotnet Contoso.Catalog.Api.dll',
    ImageFile: { $ref: '8' },
    Account: { $ref: '7' },
    Host: { $ref: '6' },
    Type: 'process',
  },
];

function alert(
  id: string,
  alertType: string,
  name: string,
  severity: string,
  status: string,
  hoursAgo: number,
  entities: unknown[],
) {
  return {
    TimeGenerated: at(hoursAgo),
    SystemAlertId: id,
    AlertName: name,
    DisplayName: name,
    AlertType: alertType,
    AlertSeverity: severity,
    Status: status,
    ProviderName: 'Azure Security Center',
    ProductName: 'Azure Security Center',
    ProductComponentName: 'Containers',
    StartTime: at(hoursAgo + 0.1),
    EndTime: at(hoursAgo + 0.1),
    CompromisedEntity: 'aks-contoso-prod',
    ResourceId: CLUSTER_ID.toUpperCase(),
    Description: `${name}: description from the alert reference.`,
    RemediationSteps: JSON.stringify(['Step one of the row.', 'Step two of the row.']),
    Tactics: 'InitialAccess',
    Techniques: '["T1133"]',
    ExtendedProperties: JSON.stringify({ Namespace: 'kubernetes-dashboard' }),
    Entities: JSON.stringify(entities),
    Type: 'SecurityAlert',
  };
}

function incident(
  number: number,
  name: string,
  status: string,
  owner: object,
  hoursAgo: number,
  alertIds: string[],
  extra: Record<string, unknown> = {},
) {
  return {
    TimeGenerated: at(hoursAgo),
    LastModifiedTime: at(hoursAgo),
    CreatedTime: at(10),
    FirstModifiedTime: at(10),
    FirstActivityTime: at(10.5),
    LastActivityTime: at(10.5),
    IncidentNumber: number,
    IncidentName: name,
    Title:
      number === 1208 ? 'Exposed Kubernetes dashboard detected' : 'Access to cloud metadata service detected',
    Description: 'From the opening alert.',
    Severity: number === 1208 ? 'High' : 'Medium',
    Status: status,
    Owner: owner,
    ModifiedBy: 'Microsoft Defender for Cloud',
    AlertIds: alertIds,
    BookmarkIds: [],
    Comments: [],
    Labels: [],
    Tasks: [],
    AdditionalData: { alertsCount: alertIds.length, tactics: ['InitialAccess'], techniques: ['T1133'] },
    Classification: '',
    ClassificationReason: '',
    ClassificationComment: '',
    ClosedTime: null,
    ProviderName: 'Azure Sentinel',
    Type: 'SecurityIncident',
    ...extra,
  };
}

export const TEST_TABLES: Record<string, Record<string, unknown>[]> = {
  SecurityAlert: [
    alert(
      'a-dash',
      'K8S_ExposedDashboard',
      'Exposed Kubernetes dashboard detected',
      'High',
      'New',
      9,
      DASHBOARD_ENTITIES,
    ),
    alert(
      'a-dash',
      'K8S_ExposedDashboard',
      'Exposed Kubernetes dashboard detected',
      'High',
      'InProgress',
      8,
      DASHBOARD_ENTITIES,
    ),
    alert(
      'a-imds',
      'K8S.NODE_ImdsCall',
      'Access to cloud metadata service detected',
      'Medium',
      'Resolved',
      7,
      IMDS_ENTITIES,
    ),
    alert(
      'a-priv',
      'K8S_PrivilegedContainer',
      'Privileged container detected',
      'Informational',
      'New',
      6,
      DASHBOARD_ENTITIES.slice(0, 3),
    ),
  ],
  SecurityIncident: [
    incident(1207, 'inc-imds', 'New', UNASSIGNED, 9.5, ['a-imds']),
    incident(1207, 'inc-imds', 'Closed', SOC, 7, ['a-imds'], {
      Classification: 'BenignPositive',
      ClassificationReason: 'SuspiciousButExpected',
      ClassificationComment: 'Known managed-identity call.',
      ClosedTime: at(7),
      ModifiedBy: 'soc.analyst@contoso.com',
    }),
    incident(1208, 'inc-dash', 'New', UNASSIGNED, 8.5, ['a-dash']),
  ],
  SecurityRecommendation: [
    {
      TimeGenerated: at(30),
      RecommendationDisplayName: 'Privileged containers should be avoided',
      RecommendationName: '5d90913f-a1c5-4429-ad54-2c6c17fb3c73',
      RecommendationId: `${CLUSTER_ID}/providers/Microsoft.Security/assessments/5d90913f-a1c5-4429-ad54-2c6c17fb3c73`,
      RecommendationSeverity: 'Medium',
      RecommendationState: 'Healthy',
      AssessedResourceId: CLUSTER_ID,
      Description: 'To prevent unrestricted host access, avoid privileged containers whenever possible.',
      Properties: {
        resourceDetails: {
          ResourceType: 'managedClusters',
          ResourceName: 'aks-contoso-prod',
          Id: CLUSTER_ID,
        },
        additionalData: { unhealthyWorkloads: [] },
      },
      RecommendationAdditionalData: { unhealthyWorkloads: [] },
      Type: 'SecurityRecommendation',
    },
    {
      TimeGenerated: at(6),
      RecommendationDisplayName: 'Privileged containers should be avoided',
      RecommendationName: '5d90913f-a1c5-4429-ad54-2c6c17fb3c73',
      RecommendationId: `${CLUSTER_ID}/providers/Microsoft.Security/assessments/5d90913f-a1c5-4429-ad54-2c6c17fb3c73`,
      RecommendationSeverity: 'Medium',
      RecommendationState: 'Unhealthy',
      AssessedResourceId: CLUSTER_ID,
      Description: 'To prevent unrestricted host access, avoid privileged containers whenever possible.',
      Properties: {
        resourceDetails: {
          ResourceType: 'managedClusters',
          ResourceName: 'aks-contoso-prod',
          Id: CLUSTER_ID,
        },
      },
      RecommendationAdditionalData: { unhealthyWorkloads: ['default/Pod/node-debugger'] },
      Type: 'SecurityRecommendation',
    },
    {
      TimeGenerated: at(5),
      RecommendationDisplayName:
        'Azure registry container images should have vulnerabilities resolved (powered by Microsoft Defender Vulnerability Management)',
      RecommendationName: 'c0b7cfc6-3172-465a-b378-53c7ff2cc0d5',
      RecommendationId: `${REGISTRY_ID}/providers/Microsoft.Security/assessments/c0b7cfc6-3172-465a-b378-53c7ff2cc0d5`,
      RecommendationSeverity: 'High',
      RecommendationState: 'Unhealthy',
      AssessedResourceId: REGISTRY_ID,
      Description: 'Container image vulnerability assessment scans your registry.',
      Properties: {
        resourceDetails: { ResourceType: 'registries', ResourceName: 'contoso', Id: REGISTRY_ID },
        additionalData: { unhealthyImages: ['contoso.azurecr.io/shop/storefront:1.4.2'] },
      },
      RecommendationAdditionalData: {},
      Type: 'SecurityRecommendation',
    },
  ],
  SecurityNestedRecommendation: [
    {
      TimeGenerated: at(20),
      AssessedResourceId: REGISTRY_ID,
      ResourceProviderType: 'Microsoft.ContainerRegistry/registries',
      Id: `${REGISTRY_ID}/providers/Microsoft.Security/assessments/c0b7cfc6/subassessments/old`,
      VulnerabilityId: 'CVE-2017-9841',
      RecommendationName: 'CVE-2017-9841',
      RecommendationSeverity: 'Critical',
      RecommendationState: 'Unhealthy',
      Description: 'PHPUnit eval-stdin.',
      RemediationDescription: 'Upgrade phpunit/phpunit to version 5.6.3 or later and rebuild the image.',
      AdditionalData: {
        artifactDetails: {
          registryHost: 'contoso.azurecr.io',
          repositoryName: 'shop/storefront',
          digest: 'sha256:8868',
          tags: ['1.4.2'],
        },
        softwareDetails: { packageName: 'phpunit/phpunit', version: '5.6.2', fixedVersion: '5.6.3' },
        cvssV30Score: 9.8,
      },
      Type: 'SecurityNestedRecommendation',
    },
    {
      TimeGenerated: at(5),
      AssessedResourceId: REGISTRY_ID,
      ResourceProviderType: 'Microsoft.ContainerRegistry/registries',
      Id: `${REGISTRY_ID}/providers/Microsoft.Security/assessments/c0b7cfc6/subassessments/new`,
      VulnerabilityId: 'CVE-2017-9841',
      RecommendationName: 'CVE-2017-9841',
      RecommendationSeverity: 'Critical',
      RecommendationState: 'Unhealthy',
      Description: 'PHPUnit eval-stdin.',
      RemediationDescription: 'Upgrade phpunit/phpunit to version 5.6.3 or later and rebuild the image.',
      AdditionalData: {
        artifactDetails: {
          registryHost: 'contoso.azurecr.io',
          repositoryName: 'shop/storefront',
          digest: 'sha256:8868',
          tags: ['1.4.2'],
        },
        softwareDetails: { packageName: 'phpunit/phpunit', version: '5.6.2', fixedVersion: '5.6.3' },
        cvssV30Score: 9.8,
      },
      Type: 'SecurityNestedRecommendation',
    },
    {
      TimeGenerated: at(5),
      AssessedResourceId: REGISTRY_ID,
      ResourceProviderType: 'Microsoft.ContainerRegistry/registries',
      Id: `${REGISTRY_ID}/providers/Microsoft.Security/assessments/c0b7cfc6/subassessments/agent`,
      VulnerabilityId: 'CVE-2024-3094',
      RecommendationName: 'CVE-2024-3094',
      RecommendationSeverity: 'High',
      RecommendationState: 'Unhealthy',
      Description: 'xz backdoor.',
      RemediationDescription: 'Upgrade xz-utils.',
      AdditionalData: {
        artifactDetails: {
          registryHost: 'contoso.azurecr.io',
          repositoryName: 'ci/azp-agent',
          digest: 'sha256:aaaa',
          tags: ['3.236'],
        },
        softwareDetails: { packageName: 'xz-utils', version: '5.6.0', fixedVersion: '5.6.1' },
        cvssV30Score: 10,
      },
      Type: 'SecurityNestedRecommendation',
    },
  ],
  KubeNodeInventory: ['000000', '000001', '000002'].flatMap((node) =>
    [30, 2].map((hoursAgo) => ({
      TimeGenerated: at(hoursAgo),
      ClusterId: CLUSTER_ID,
      ClusterName: 'aks-contoso-prod',
      Computer: `aks-nodepool1-38425911-vmss${node}`,
      KubeletVersion: 'v1.30.6',
      Status: 'Ready',
      Type: 'KubeNodeInventory',
    })),
  ),
  KubePodInventory: [
    // The sensor ran on every node a day ago; on node 2 it is gone now.
    ...['000000', '000001', '000002'].map((node, index) => ({
      TimeGenerated: at(30),
      ClusterId: CLUSTER_ID,
      ClusterName: 'aks-contoso-prod',
      Computer: `aks-nodepool1-38425911-vmss${node}`,
      Namespace: 'kube-system',
      Name: `microsoft-defender-collector-ds-${index}`,
      ControllerName: 'microsoft-defender-collector-ds',
      PodStatus: 'Running',
      Type: 'KubePodInventory',
    })),
    ...['000000', '000001'].map((node, index) => ({
      TimeGenerated: at(2),
      ClusterId: CLUSTER_ID,
      ClusterName: 'aks-contoso-prod',
      Computer: `aks-nodepool1-38425911-vmss${node}`,
      Namespace: 'kube-system',
      Name: `microsoft-defender-collector-ds-${index}`,
      ControllerName: 'microsoft-defender-collector-ds',
      PodStatus: 'Running',
      Type: 'KubePodInventory',
    })),
    {
      TimeGenerated: at(2),
      ClusterId: CLUSTER_ID,
      ClusterName: 'aks-contoso-prod',
      Computer: 'aks-nodepool1-38425911-vmss000002',
      Namespace: 'shop',
      Name: 'storefront-1',
      ControllerName: 'storefront-7d9',
      PodStatus: 'Running',
      Type: 'KubePodInventory',
    },
  ],
};

/** A runner over the real engine holding `tables`; `append` adds rows as the store would. */
export function engineWith(tables: Record<string, Record<string, unknown>[]> = TEST_TABLES) {
  const engine = createKqlEngine();
  for (const [table, rows] of Object.entries(tables)) engine.loadTable(table, rows);
  const queries: string[] = [];
  const run: KqlRunner = async (text) => {
    queries.push(text);
    const outcome = engine.query(text, { now: new Date(NOW) });
    if (!outcome.ok) throw new PortalQueryError('test view', describeQueryError(outcome));
    return { columns: outcome.columns, rows: outcome.rows() };
  };
  const append = async (table: string, rows: Record<string, unknown>[]) => {
    engine.appendRows(table, rows);
    return { rows: rows.length };
  };
  return { engine, run, append, queries };
}
