import type { TableDefinition } from '../tableDefinition';

export const KubeServices: TableDefinition = {
  name: 'KubeServices',
  description: 'Table that stores Kubernetes services information.',
  columns: [
    { name: '_BilledSize', type: 'real', description: 'The record size in bytes' },
    {
      name: 'ClusterId',
      type: 'string',
      description: 'ID of the Kubernetes cluster from which the event was sourced.',
    },
    { name: 'ClusterIp', type: 'string', description: 'Cluster IP address of the service.' },
    {
      name: 'ClusterName',
      type: 'string',
      description: 'Name of the Kubernetes cluster from which the event was sourced.',
    },
    {
      name: '_IsBillable',
      type: 'string',
      description:
        "Specifies whether ingesting the data is billable. When _IsBillable is `false` ingestion isn't billed to your Azure account",
    },
    { name: 'Namespace', type: 'string', description: 'Kubernetes namespace for the service.' },
    {
      name: '_ResourceId',
      type: 'string',
      description: 'A unique identifier for the resource that the record is associated with',
    },
    { name: 'SelectorLabels', type: 'string', description: 'Selector labels for label based services.' },
    { name: 'ServiceName', type: 'string', description: 'Name of the Kubernetes service.' },
    {
      name: 'ServiceType',
      type: 'string',
      description: 'Type of Kubernetes service [ClusterIP/NodePort/LoadBalancer/ExternalName].',
    },
    {
      name: 'SourceSystem',
      type: 'string',
      description:
        'The type of agent the event was collected by. For example, `OpsManager` for Windows agent, either direct connect or Operations Manager, `Linux` for all Linux agents, or `Azure` for Azure Diagnostics',
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
