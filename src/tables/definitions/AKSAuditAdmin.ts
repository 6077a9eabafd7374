import type { TableDefinition } from '../tableDefinition';

export const AKSAuditAdmin: TableDefinition = {
  name: 'AKSAuditAdmin',
  description:
    'Contains Kubernetes API Server audit logs excluding events with the get and list verbs. These events are useful for monitoring resource modification requests made to the Kubernetes API. To see all modifying and non-modifying operations see the AKSAudit table.',
  columns: [
    {
      name: 'Annotations',
      type: 'dynamic',
      description:
        'An unstructed key-value map associated with this audit event. These annotations are set by plugins as part of the request serving chain and are included at the Metadata event level.',
    },
    { name: 'AuditId', type: 'string', description: 'Unique audit ID that is generated for each request.' },
    { name: '_BilledSize', type: 'real', description: 'The record size in bytes' },
    {
      name: '_IsBillable',
      type: 'string',
      description:
        "Specifies whether ingesting the data is billable. When _IsBillable is `false` ingestion isn't billed to your Azure account",
    },
    {
      name: 'Level',
      type: 'string',
      description: 'Level (Metadata, Request, RequestResponse) of the audit event.',
    },
    {
      name: 'ObjectRef',
      type: 'dynamic',
      description:
        'The Kubernetes object reference this event was targeted for. This field does not apply for list requests nor non-resource requests.',
    },
    { name: 'PodName', type: 'string', description: 'Name of the pod emitting this audit event.' },
    {
      name: 'RequestObject',
      type: 'dynamic',
      description:
        'Kubernetes API object from the request in object format or the string "skipped-too-big-size-object". This is omitted for non-resource requests.',
    },
    {
      name: 'RequestReceivedTime',
      type: 'datetime',
      description: 'Time when the API Server first received the request.',
    },
    {
      name: 'RequestUri',
      type: 'string',
      description: 'The URI of the request made by the client to the server.',
    },
    {
      name: '_ResourceId',
      type: 'string',
      description: 'A unique identifier for the resource that the record is associated with',
    },
    {
      name: 'ResponseObject',
      type: 'dynamic',
      description:
        'Kubernetes API object from the response, in object format or the string "skipped-too-big-size-object". This is omitted for non-resource requests.',
    },
    {
      name: 'ResponseStatus',
      type: 'dynamic',
      description:
        'Response status for the request, which includes the response code. In error cases, this object will include the error message property.',
    },
    {
      name: 'SourceIps',
      type: 'dynamic',
      description: 'The list of source IP addresses for the originating client and intermediate proxies.',
    },
    {
      name: 'SourceSystem',
      type: 'string',
      description:
        'The type of agent the event was collected by. For example, `OpsManager` for Windows agent, either direct connect or Operations Manager, `Linux` for all Linux agents, or `Azure` for Azure Diagnostics',
    },
    {
      name: 'Stage',
      type: 'string',
      description:
        'The request handling stage (RequestReceived, ResponseStarted, ResponseComplete, Panic) at which this audit event was generated.',
    },
    {
      name: 'StageReceivedTime',
      type: 'datetime',
      description: 'Time when the request reached the current audit stage.',
    },
    {
      name: '_SubscriptionId',
      type: 'string',
      description: 'A unique identifier for the subscription that the record is associated with',
    },
    { name: 'TenantId', type: 'string', description: 'The Log Analytics workspace ID' },
    { name: 'TimeGenerated', type: 'datetime', description: 'Event generation time.' },
    { name: 'Type', type: 'string', description: 'The name of the table' },
    {
      name: 'User',
      type: 'dynamic',
      description:
        'Authenticated user metadata of the requesting client, including optional fields such as UID and groups.',
    },
    {
      name: 'UserAgent',
      type: 'string',
      description: 'The user agent string presented by the originating client.',
    },
    {
      name: 'Verb',
      type: 'string',
      description:
        'The Kubernetes verb associated with the request. For non-resource requests, this is the lower-cased HTTP method.',
    },
  ],
};
