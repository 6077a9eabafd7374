import type { TableDefinition } from '../tableDefinition';

export const AKSControlPlane: TableDefinition = {
  name: 'AKSControlPlane',
  description:
    'Contains diagnostic logs for the Kubernetes API Server, Controller Manager, Scheduler, Cluster Autoscaler, Cloud Controller Manager, Guard, and the Azure CSI storage drivers. These diagnostic logs have distinct Category entries corresponding their diagnostic log setting (e.g. kube-apiserver, kube-audit-admin).',
  columns: [
    { name: '_BilledSize', type: 'real', description: 'The record size in bytes' },
    {
      name: 'Category',
      type: 'string',
      description: 'Service log category describing the service logging the message.',
    },
    {
      name: '_IsBillable',
      type: 'string',
      description:
        "Specifies whether ingesting the data is billable. When _IsBillable is `false` ingestion isn't billed to your Azure account",
    },
    { name: 'Level', type: 'string', description: 'Level (Fatal, Error, Warning, Info) of the log message.' },
    { name: 'Message', type: 'string', description: 'Log message body.' },
    { name: 'PodName', type: 'string', description: 'Name of the pod logging the request.' },
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
      name: 'Stream',
      type: 'string',
      description: 'Output stream (stdout, stderr) source of the log message.',
    },
    {
      name: '_SubscriptionId',
      type: 'string',
      description: 'A unique identifier for the subscription that the record is associated with',
    },
    { name: 'TenantId', type: 'string', description: 'The Log Analytics workspace ID' },
    { name: 'TimeGenerated', type: 'datetime', description: 'Event generation time.' },
    { name: 'Type', type: 'string', description: 'The name of the table' },
  ],
};
