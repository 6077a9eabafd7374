import type { TableDefinition } from '../tableDefinition';

export const ContainerNodeInventory: TableDefinition = {
  name: 'ContainerNodeInventory',
  description: 'Table that stores Container host/node information',
  columns: [
    { name: '_BilledSize', type: 'real', description: 'The record size in bytes' },
    {
      name: 'Computer',
      type: 'string',
      description:
        'Computer/node name in the cluster for which the event applies. If not, computer/node name of sourcing computer',
    },
    { name: 'DockerVersion', type: 'string', description: 'Container runtime version' },
    {
      name: '_IsBillable',
      type: 'string',
      description:
        "Specifies whether ingesting the data is billable. When _IsBillable is `false` ingestion isn't billed to your Azure account",
    },
    { name: 'OperatingSystem', type: 'string', description: 'Nodes host OS Image' },
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
    { name: 'TimeGenerated', type: 'datetime', description: 'Date and time the record was created.' },
    { name: 'Type', type: 'string', description: 'The name of the table' },
    {
      name: 'TenantId',
      type: 'string',
      description: 'The ID of the Log Analytics workspace that stores the record.',
    },
  ],
};
