import type { TableDefinition } from '../tableDefinition';

export const KubeNodeInventory: TableDefinition = {
  name: 'KubeNodeInventory',
  description: "Table that stores Kubernetes cluster's node information.",
  columns: [
    { name: '_BilledSize', type: 'real', description: 'The record size in bytes' },
    {
      name: 'ClusterId',
      type: 'string',
      description: 'ID of the Kubernetes cluster from which the event was sourced.',
    },
    {
      name: 'ClusterName',
      type: 'string',
      description: 'ID of the Kubernetes cluster from which the event was sourced.',
    },
    {
      name: 'Computer',
      type: 'string',
      description:
        'Computer/node name in the cluster for which the event applies. If not, computer/node name of sourcing computer.',
    },
    { name: 'CreationTimeStamp', type: 'datetime', description: 'Node created time.' },
    { name: 'DockerVersion', type: 'string', description: 'Container runtime version.' },
    {
      name: '_IsBillable',
      type: 'string',
      description:
        "Specifies whether ingesting the data is billable. When _IsBillable is `false` ingestion isn't billed to your Azure account",
    },
    { name: 'KubeletVersion', type: 'string', description: 'Version of Kubelet in the node.' },
    { name: 'KubeProxyVersion', type: 'string', description: 'Version of KubeProxy in the node.' },
    { name: 'KubernetesProviderID', type: 'string', description: 'Provider ID for Kubernetes.' },
    { name: 'Labels', type: 'string', description: 'Kubernetes Node Labels.' },
    {
      name: 'LastTransitionTimeReady',
      type: 'datetime',
      description: 'Last transition to or from ready condition for the node (no matter ready is true/false).',
    },
    { name: 'OperatingSystem', type: 'string', description: "Node's host OS Image." },
    {
      name: '_ResourceId',
      type: 'string',
      description: 'A unique identifier for the resource that the record is associated with',
    },
    {
      name: 'SourceSystem',
      type: 'string',
      description:
        'The type of agent the event was collected by. For example, `OpsManager` for Windows agent, either direct connect or Operations Manager, `Linux` for all Linux agents, or `Azure` for Azure Diagnostics',
    },
    {
      name: 'Status',
      type: 'string',
      description:
        "Comma separated list of node's status.conditions.type for conditions.status that are true.",
    },
    {
      name: '_SubscriptionId',
      type: 'string',
      description: 'A unique identifier for the subscription that the record is associated with',
    },
    { name: 'TimeGenerated', type: 'datetime', description: 'Date and time the record was created.' },
    { name: 'Type', type: 'string', description: 'The name of the table' },
    {
      name: 'TenantId',
      type: 'string',
      description: 'The ID of the Log Analytics workspace that stores the record.',
    },
  ],
};
