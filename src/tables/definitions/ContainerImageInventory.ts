import type { TableDefinition } from '../tableDefinition';

export const ContainerImageInventory: TableDefinition = {
  name: 'ContainerImageInventory',
  description: 'Inventory of container images and their attributes that were discovered by the agent.',
  columns: [
    { name: '_BilledSize', type: 'real', description: 'The record size in bytes' },
    { name: 'Computer', type: 'string', description: 'Computer name/Node name' },
    {
      name: 'Failed',
      type: 'int',
      description: 'Count of containers with this image that are in failed state',
    },
    { name: 'Image', type: 'string', description: 'Name of Container Image' },
    { name: 'ImageID', type: 'string', description: 'Image ID of the container image' },
    {
      name: 'ImageSize',
      type: 'string',
      description:
        'Size of the container image [amount of data (on disk) that is used for the writable layer]',
    },
    { name: 'ImageTag', type: 'string', description: 'Tag of the container image' },
    {
      name: '_IsBillable',
      type: 'string',
      description:
        "Specifies whether ingesting the data is billable. When _IsBillable is `false` ingestion isn't billed to your Azure account",
    },
    {
      name: 'Paused',
      type: 'int',
      description: 'Count of containers with this image that are in paused state',
    },
    {
      name: 'Repository',
      type: 'string',
      description: 'Registry repository of the image, such as myregistry.azurecr.io/app.',
    },
    {
      name: '_ResourceId',
      type: 'string',
      description: 'A unique identifier for the resource that the record is associated with',
    },
    {
      name: 'Running',
      type: 'int',
      description: 'Count of containers with this image that are in running state',
    },
    {
      name: 'SourceSystem',
      type: 'string',
      description:
        'The type of agent the event was collected by. For example, `OpsManager` for Windows agent, either direct connect or Operations Manager, `Linux` for all Linux agents, or `Azure` for Azure Diagnostics',
    },
    {
      name: 'Stopped',
      type: 'int',
      description: 'Count of containers with this image that are in stopped state',
    },
    {
      name: '_SubscriptionId',
      type: 'string',
      description: 'A unique identifier for the subscription that the record is associated with',
    },
    { name: 'TimeGenerated', type: 'datetime', description: 'Date and time the record was created.' },
    { name: 'TotalContainer', type: 'long', description: 'Count of containers with this ContainerImage' },
    { name: 'Type', type: 'string', description: 'The name of the table' },
    {
      name: 'VirtualSize',
      type: 'string',
      description:
        'Virtual Size of the Container Image [Total amount of disk-space used for the read-only image data]',
    },
    {
      name: 'TenantId',
      type: 'string',
      description: 'The ID of the Log Analytics workspace that stores the record.',
    },
  ],
};
