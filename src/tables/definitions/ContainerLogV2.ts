import type { TableDefinition } from '../tableDefinition';

export const ContainerLogV2: TableDefinition = {
  name: 'ContainerLogV2',
  description:
    'Kubernetes Container logs in V2 schema. This is the successor of ContainerLog. This has a friendlier schema, specifically for Kubernetes orchestrated containers in pods. With this feature enabled, previously split container logs are stitched together and sent as single entries to the ContainerLogV2 table. The schema now supports container log lines of up to to 64 KB. The schema also supports .NET and Go stack traces, which appear as single entries.',
  columns: [
    { name: '_BilledSize', type: 'real', description: 'The record size in bytes' },
    { name: 'Computer', type: 'string', description: 'Name of the Computer/Node generating the log.' },
    {
      name: 'ContainerId',
      type: 'string',
      description: 'Container ID of the log source as seen by the Container engine.',
    },
    { name: 'ContainerName', type: 'string', description: 'Name of the Container generating the log.' },
    {
      name: '_IsBillable',
      type: 'string',
      description:
        "Specifies whether ingesting the data is billable. When _IsBillable is `false` ingestion isn't billed to your Azure account",
    },
    {
      name: 'KubernetesMetadata',
      type: 'dynamic',
      description:
        'Kubernetes Metadata including podUid, podLabels, podAnnotations and container image details, etc.',
    },
    {
      name: 'LogLevel',
      type: 'string',
      description:
        'Categorize logs based on importance and severity. Possible values: CRITICAL, ERROR, WARNING, INFO, DEBUG, TRACE, UNKNOWN.',
    },
    {
      name: 'LogMessage',
      type: 'dynamic',
      description:
        'Log message from stdout or stderr. Being a dynamic field, json log messages can be queried without parse_json.',
    },
    {
      name: 'LogSource',
      type: 'string',
      description: 'Source of the Log message. Possible vlaues are stdout or stderr.',
    },
    {
      name: 'PodName',
      type: 'string',
      description: 'Kubernetes Pod name for the Container generating the log.',
    },
    { name: 'PodNamespace', type: 'string', description: "Kubernetes Namespace for the container's pod." },
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
    {
      name: 'TimeGenerated',
      type: 'datetime',
      description: 'The timestamp (UTC) of when the log was generated.',
    },
    { name: 'Type', type: 'string', description: 'The name of the table' },
  ],
};
