import type { TableDefinition } from '../tableDefinition';

export const KubeEvents: TableDefinition = {
  name: 'KubeEvents',
  description: 'Table that stores Kubernetes events',
  columns: [
    { name: '_BilledSize', type: 'real', description: 'The record size in bytes' },
    {
      name: 'ClusterId',
      type: 'string',
      description: 'ID of the kubernetes cluster from which the event was sourced',
    },
    {
      name: 'ClusterName',
      type: 'string',
      description: 'ID of the kubernetes cluster from which the event was sourced',
    },
    {
      name: 'Computer',
      type: 'string',
      description:
        'Computer/node name in the cluster for which the event applies. If not, computer/node name of sourcing computer',
    },
    {
      name: 'Count',
      type: 'real',
      description: 'Cumulative count of the number of occurences of a specific event [event.count] .',
    },
    {
      name: 'FirstSeen',
      type: 'datetime',
      description:
        'Date and time the event was first observed by Kubernetes (repeated events increase Count).',
    },
    {
      name: '_IsBillable',
      type: 'string',
      description:
        "Specifies whether ingesting the data is billable. When _IsBillable is `false` ingestion isn't billed to your Azure account",
    },
    {
      name: 'KubeEventType',
      type: 'string',
      description: "Type of kubernetes event [event.type]. Ex;- 'Normal'",
    },
    { name: 'LastSeen', type: 'datetime', description: 'Time event was last observed [event.lastTimestamp]' },
    { name: 'Message', type: 'string', description: 'Event message [event.message]' },
    {
      name: 'Name',
      type: 'string',
      description:
        "Involved kubernetes object's name [event.InvolvedObject.name]. Ex;- 'autoschedulejob-158393400-gkv4g'",
    },
    {
      name: 'Namespace',
      type: 'string',
      description:
        "Involved kubernetes object's namespace [event.InvolvedObject.namespace]. Ex;- 'kube-system'",
    },
    {
      name: 'ObjectKind',
      type: 'string',
      description:
        'Kind of kubernetes object applicable for the event [event.InvolvedObject.kind] . Ex;- pod',
    },
    { name: 'Reason', type: 'string', description: 'Reason as seen in kubernetes event [event.reason]' },
    {
      name: '_ResourceId',
      type: 'string',
      description: 'A unique identifier for the resource that the record is associated with',
    },
    {
      name: 'SourceComponent',
      type: 'string',
      description:
        'Source component that generated the event [event.source.component] . Ex;- default-scheduler',
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
