import type { TableDefinition } from '../tableDefinition';

export const KubePVInventory: TableDefinition = {
  name: 'KubePVInventory',
  description: 'Kubernetes persistent volumes and their properties.',
  columns: [
    { name: '_BilledSize', type: 'real', description: 'The record size in bytes' },
    {
      name: 'ClusterId',
      type: 'string',
      description: 'The ID of the Kubernetes cluster of the persistent volume',
    },
    {
      name: 'ClusterName',
      type: 'string',
      description: 'The name of the Kubernetes cluster of the persistent volume',
    },
    {
      name: '_IsBillable',
      type: 'string',
      description:
        "Specifies whether ingesting the data is billable. When _IsBillable is `false` ingestion isn't billed to your Azure account",
    },
    {
      name: 'PVAccessModes',
      type: 'string',
      description: 'A comma separated list of access modes of the persistent volume',
    },
    {
      name: 'PVCapacityBytes',
      type: 'real',
      description: 'The capacity of the persistent volume measured in bytes',
    },
    { name: 'PVCName', type: 'string', description: 'The Kubernetes persistent volume claim name' },
    {
      name: 'PVCNamespace',
      type: 'string',
      description: 'The Kubernetes namespace of the persistent volume claim',
    },
    {
      name: 'PVCreationTimeStamp',
      type: 'datetime',
      description: 'The Kubernetes persistent volume creation time',
    },
    { name: 'PVName', type: 'string', description: 'The Kubernetes persistent volume name' },
    {
      name: 'PVStatus',
      type: 'string',
      description: 'The status of the persistent volume: Available, Bound, Released, or Failed',
    },
    {
      name: 'PVStorageClassName',
      type: 'string',
      description: 'The name of the storage class of the persistent volume',
    },
    {
      name: 'PVType',
      type: 'string',
      description: 'The type of persistent volume from the list of Kubernetes supported volume plugins',
    },
    {
      name: 'PVTypeInfo',
      type: 'dynamic',
      description: 'The specific dimensions relating to the type of the persistent volume',
    },
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
      name: '_SubscriptionId',
      type: 'string',
      description: 'A unique identifier for the subscription that the record is associated with',
    },
    { name: 'TenantId', type: 'string', description: 'The Log Analytics workspace ID' },
    { name: 'TimeGenerated', type: 'datetime', description: 'The date and time the record was created' },
    { name: 'Type', type: 'string', description: 'The name of the table' },
  ],
};
