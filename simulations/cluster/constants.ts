/**
 * Names, addresses and user agents shared by every storyline (the lab's one fictional tenant), so that
 * an IP or a pod name means the same thing in every scenario.
 */
export const TENANT_ID = '7f0c8a3e-2b4d-4c61-9e0a-5d1f3b2c4a6e';
export const WORKSPACE_ID = 'c4b2a1f0-9e8d-4c7b-a6f5-e4d3c2b1a098';
export const SUBSCRIPTION_ID = '3c5e7a91-4b2d-4f6e-8a0c-1d3f5b7e9a2c';
export const RESOURCE_GROUP = 'rg-contoso-prod';
export const CLUSTER_NAME = 'aks-contoso-prod';
export const REGION = 'westeurope';
export const NODE_RESOURCE_GROUP = `MC_${RESOURCE_GROUP}_${CLUSTER_NAME}_${REGION}`;
export const KUBERNETES_VERSION = 'v1.30.6';
export const PSS_LATEST_VERSION = 'v1.30';
export const CLUSTER_RESOURCE_ID = `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/${RESOURCE_GROUP}/providers/Microsoft.ContainerService/managedClusters/${CLUSTER_NAME}`;
export const CLUSTER_RESOURCE_ID_LOWER = CLUSTER_RESOURCE_ID.toLowerCase();
export const CLUSTER_RESOURCE_ID_UPPER = CLUSTER_RESOURCE_ID.toUpperCase();
export const API_SERVER_FQDN = 'aks-contoso-prod-dns-7f3c2a1b.hcp.westeurope.azmk8s.io';
export const API_SERVER_POD = 'kube-apiserver-7c9d8f6b5d-q4wzt';
export const CCP_NAMESPACE = '65e8a1c0f2d4b30001a9c7e2';
export const REGISTRY_HOST = 'contoso.azurecr.io';
export const REGISTRY_RESOURCE_ID = `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/${RESOURCE_GROUP}/providers/Microsoft.ContainerRegistry/registries/contoso`;

/** Where kube-controller-manager and kube-scheduler call the API server from (the hosted control plane). */
export const CONTROL_PLANE_IP = '172.31.14.9';

export const IP = {
  apiServerService: '10.0.0.1',
  kubeDns: '10.0.0.10',
  imds: '169.254.169.254',
  ingressPublic: '192.0.2.10',
  dashboardPublic: '192.0.2.20',
  clusterEgress: '192.0.2.77',
  corporateEgress: '192.0.2.100',
  dashboardVisitor: '198.51.100.23',
  torExit: '198.51.100.200',
  attacker: '203.0.113.66',
  miningPool: '203.0.113.50',
} as const;

/**
 * Anonymising proxies and TOR exits on the threat-intelligence feed Defender for Containers matches API calls
 * against (K8S_TI_Proxy). Storylines whose attacker hides behind one pick it from this list.
 */
export const ANONYMISING_PROXY_IPS: readonly string[] = [
  IP.torExit,
  '198.51.100.147',
  '198.51.100.219',
  '203.0.113.174',
  '203.0.113.201',
  '192.0.2.213',
];

export const USER_AGENT = {
  kubectl: 'kubectl/v1.30.2 (linux/amd64) kubernetes/3968350',
  curl: 'curl/7.88.1',
  pythonRequests: 'python-requests/2.31.0',
  kubeControllerManager:
    'kube-controller-manager/v1.30.6 (linux/amd64) kubernetes/3a4b5c6/system:serviceaccount:kube-system:',
  kubeScheduler: 'kube-scheduler/v1.30.6 (linux/amd64) kubernetes/3a4b5c6/leader-election',
  kubelet: 'kubelet/v1.30.6 (linux/amd64) kubernetes/3a4b5c6',
  helm: 'Helm/3.14.4',
  azurePipelines: 'kubectl/v1.29.3 (linux/amd64) kubernetes/6813625',
  amaLogs: 'ama-logs/3.1.22 (linux/amd64)',
  defender: 'microsoft-defender-collector/1.0.176',
  coredns: 'coredns/v1.11.3 (linux/amd64) kubernetes/v1.11.3',
  metricsServer: 'metrics-server/v0.7.2 (linux/amd64) kubernetes/$Format',
  dashboard: 'dashboard/v2.7.0',
  prometheusOperator: 'PrometheusOperator/0.75.2',
} as const;

/** People and pipelines that touch the cluster in the background. */
export const OPERATORS = [
  { upn: 'ops@contoso.com', oid: '2b7c4e9a-1f3d-4a5b-8c6e-0d9f1a2b3c4d', ip: IP.corporateEgress },
  { upn: 'priya.nair@contoso.com', oid: '5d1e3f7a-9b2c-4d6e-8f0a-1b3c5d7e9f2a', ip: IP.corporateEgress },
  { upn: 'm.keller@contoso.com', oid: '8a2c4e6f-0b1d-4f3a-9c5e-7d9f1b3d5e7a', ip: '192.0.2.101' },
] as const;

export const ENTRA_GROUP_AKS_ADMINS = '4e6a8c0e-2a4c-4e6a-8c0e-2a4c6e8a0c2e';
