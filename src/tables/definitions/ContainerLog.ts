import type { TableDefinition } from '../tableDefinition';

export const ContainerLog: TableDefinition = {
  name: 'ContainerLog',
  description: 'Log lines collected from stdout and stderr streams for containers.',
  columns: [
    { name: '_BilledSize', type: 'real', description: 'The record size in bytes' },
    { name: 'Computer', type: 'string', description: "Computer/node that's generating the log." },
    {
      name: 'ContainerID',
      type: 'string',
      description: 'Container ID for log source as seen by Docker engine.',
    },
    {
      name: 'Image',
      type: 'string',
      description: 'Container Image for log source as seen by Docker engine.',
    },
    {
      name: 'ImageTag',
      type: 'string',
      description: 'Used by Container solution only. Not populated by Azure Monitor for Containers.',
    },
    {
      name: '_IsBillable',
      type: 'string',
      description:
        "Specifies whether ingesting the data is billable. When _IsBillable is `false` ingestion isn't billed to your Azure account",
    },
    { name: 'LogEntry', type: 'string', description: 'Actual log line.' },
    {
      name: 'LogEntrySource',
      type: 'string',
      description: 'Source of the log line. Possible values are stdout or stderr.',
    },
    {
      name: 'Name',
      type: 'string',
      description: 'Unique name of the container the form PODUid/ContainerName.',
    },
    {
      name: 'Repository',
      type: 'string',
      description: 'Used by Container solution only. Not populated by Azure Monitor for Containers.',
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
    { name: 'TimeGenerated', type: 'datetime', description: 'Date and time the record was created.' },
    {
      name: 'TimeOfCommand',
      type: 'datetime',
      description:
        'Time that the agent processed the log. This is an optional field mainly useful for troubleshooting latency issues on the agent.',
    },
    { name: 'Type', type: 'string', description: 'The name of the table' },
    {
      name: 'TenantId',
      type: 'string',
      description: 'The ID of the Log Analytics workspace that stores the record.',
    },
  ],
};
