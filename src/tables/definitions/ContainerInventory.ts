import type { TableDefinition } from '../tableDefinition';

export const ContainerInventory: TableDefinition = {
  name: 'ContainerInventory',
  description: 'Inventory of containers and their attributes that are monitored by the agent',
  columns: [
    { name: '_BilledSize', type: 'real', description: 'The record size in bytes' },
    {
      name: 'Command',
      type: 'string',
      description: 'entrypoint and the command executed for all running containers',
    },
    {
      name: 'ComposeGroup',
      type: 'string',
      description: 'Docker Compose Project name. Comes from container label : com.docker.compose.project',
    },
    { name: 'Computer', type: 'string', description: 'Computer name/Node name' },
    {
      name: 'ContainerHostname',
      type: 'string',
      description: 'Hostname of the container as seen inside it (by default the pod name).',
    },
    { name: 'ContainerID', type: 'string', description: 'Unique ContainerID' },
    { name: 'ContainerState', type: 'string', description: 'Last known state of the container' },
    { name: 'CreatedTime', type: 'datetime', description: 'Container creation time' },
    { name: 'EnvironmentVar', type: 'string', description: "Container's environment variables" },
    { name: 'ExitCode', type: 'int', description: 'Container exit code' },
    { name: 'FinishedTime', type: 'datetime', description: 'Container termination time' },
    { name: 'Image', type: 'string', description: 'Container Image Name' },
    { name: 'ImageID', type: 'string', description: 'Container Image ID' },
    { name: 'ImageTag', type: 'string', description: 'Container Image Tag' },
    {
      name: '_IsBillable',
      type: 'string',
      description:
        "Specifies whether ingesting the data is billable. When _IsBillable is `false` ingestion isn't billed to your Azure account",
    },
    { name: 'Links', type: 'string', description: "Container's legacy Hostconfig links" },
    { name: 'Name', type: 'string', description: 'Name of the container' },
    { name: 'Ports', type: 'string', description: "Container's port bindings" },
    { name: 'Repository', type: 'string', description: "Container's Remote repository" },
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
    { name: 'StartedTime', type: 'datetime', description: 'Container start time' },
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
