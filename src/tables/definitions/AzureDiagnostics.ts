import type { TableDefinition } from '../tableDefinition';

export const AzureDiagnostics: TableDefinition = {
  name: 'AzureDiagnostics',
  description:
    'Stores resource logs for Azure services that use Azure Diagnostics mode. Columns with _s/_d/_b/_g suffixes are created on first use per workspace (string/double/bool/guid); max 500 columns then AdditionalFields.',
  columns: [
    { name: 'TenantId', type: 'string', description: 'The Log Analytics workspace ID' },
    { name: 'TimeGenerated', type: 'datetime', description: 'Time of the log entry (UTC).' },
    {
      name: 'ResourceId',
      type: 'string',
      description:
        'ARM id of the cluster, UPPER-CASE in AzureDiagnostics (e.g. /SUBSCRIPTIONS/<SUB>/RESOURCEGROUPS/<RG>/PROVIDERS/MICROSOFT.CONTAINERSERVICE/MANAGEDCLUSTERS/<NAME>).',
    },
    {
      name: 'Category',
      type: 'string',
      description:
        'Log category = diagnostic setting category: kube-audit, kube-audit-admin, kube-apiserver, kube-controller-manager, kube-scheduler, cluster-autoscaler, cloud-controller-manager, guard, csi-azuredisk-controller, csi-azurefile-controller, csi-snapshot-controller (+ fleet/karpenter categories).',
    },
    { name: 'ResourceGroup', type: 'string', description: 'Resource group of the cluster (upper-case).' },
    { name: 'SubscriptionId', type: 'string', description: 'Subscription ID for the cluster.' },
    {
      name: 'ResourceProvider',
      type: 'string',
      description: 'Resource provider of the log entry: MICROSOFT.CONTAINERSERVICE.',
    },
    { name: 'Resource', type: 'string', description: 'Name of the cluster (upper-case).' },
    { name: 'ResourceType', type: 'string', description: 'Resource type of the log entry: MANAGEDCLUSTERS.' },
    {
      name: 'OperationName',
      type: 'string',
      description: 'Microsoft.ContainerService/managedClusters/diagnosticLogs/Read',
    },
    {
      name: 'log_s',
      type: 'string',
      description:
        "The log line. For kube-audit/kube-audit-admin this is the complete audit.k8s.io/v1 Event serialized as JSON (newline-terminated); for other categories the component's text log line.",
    },
    {
      name: 'pod_s',
      type: 'string',
      description: 'Name of the control-plane pod that emitted the line (e.g. kube-apiserver-<hash>-<id>).',
    },
    { name: 'stream_s', type: 'string', description: 'Output stream: stdout / stderr.' },
    {
      name: 'containerID_s',
      type: 'string',
      description: 'Control-plane container id (present on some categories).',
    },
    {
      name: 'ccpNamespace_s',
      type: 'string',
      description: 'Hosted control plane namespace id (24 hex chars).',
    },
    { name: 'Cloud_s', type: 'string', description: 'Cloud type, e.g. AzureCloud.' },
    { name: 'Environment_s', type: 'string', description: 'Environment name, e.g. prod.' },
    { name: 'UnderlayClass_s', type: 'string', description: 'Underlay class, e.g. hcp-underlay.' },
    {
      name: 'UnderlayName_s',
      type: 'string',
      description: 'Underlay name, e.g. hcp-underlay-<region>-cx-<n>.',
    },
    {
      name: 'attrs_s',
      type: 'string',
      description: 'Listed in the AKS monitoring reference without description.',
    },
    {
      name: 'Computer',
      type: 'string',
      description: 'Listed in the AKS monitoring reference without description (usually empty).',
    },
    {
      name: 'CorrelationId',
      type: 'string',
      description: 'Listed in the AKS monitoring reference without description (usually empty).',
    },
    {
      name: 'RawData',
      type: 'string',
      description: 'Listed in the AKS monitoring reference without description (usually empty).',
    },
    {
      name: 'ResultDescription',
      type: 'string',
      description: 'Listed in the AKS monitoring reference without description (usually empty).',
    },
    {
      name: 'ResultType',
      type: 'string',
      description: 'Listed in the AKS monitoring reference without description (usually empty).',
    },
    { name: 'SourceSystem', type: 'string', description: 'Azure' },
    { name: 'Type', type: 'string', description: 'The name of the table: AzureDiagnostics' },
    {
      name: '_ResourceId',
      type: 'string',
      description:
        'A unique identifier for the resource that the record is associated with (lower-case ARM id).',
    },
    {
      name: '_SubscriptionId',
      type: 'string',
      description: 'A unique identifier for the subscription that the record is associated with',
    },
    {
      name: 'AdditionalFields',
      type: 'dynamic',
      description:
        "Overflow property bag used once a workspace's AzureDiagnostics table reaches 500 columns (then *_s values move here).",
    },
    { name: '_BilledSize', type: 'real', description: 'The record size in bytes' },
    { name: '_IsBillable', type: 'string', description: 'Specifies whether ingesting the data is billable.' },
  ],
};
