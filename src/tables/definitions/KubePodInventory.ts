import type { TableDefinition } from '../tableDefinition';

export const KubePodInventory: TableDefinition = {
  name: 'KubePodInventory',
  description: "Table that stores kubernetes cluster's Pod & container information",
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
        'Computer/node name in the cluster that has this pod/container. Unscheduled pods will have this as empty.',
    },
    { name: 'ContainerCreationTimeStamp', type: 'datetime', description: 'Container creation time' },
    { name: 'ContainerID', type: 'string', description: "Container's ID" },
    { name: 'ContainerLastStatus', type: 'string', description: "Container's last observed last status" },
    {
      name: 'ContainerName',
      type: 'string',
      description: 'Container name. This is in poduid/containername format.',
    },
    { name: 'ContainerRestartCount', type: 'int', description: 'Restart count for the container' },
    { name: 'ContainerStartTime', type: 'datetime', description: 'Time container started.' },
    {
      name: 'ContainerStatus',
      type: 'string',
      description: "Container's last observered current state [container.state]",
    },
    { name: 'ContainerStatusReason', type: 'string', description: "Reason if any for container's status." },
    {
      name: 'ControllerKind',
      type: 'string',
      description: "Container/Pod's controller kind. For example: ReplicaSet",
    },
    {
      name: 'ControllerName',
      type: 'string',
      description: "Container/Pod's controller Name. Ex;- kubernetes-dashboard-9f5bf9974",
    },
    { name: 'InstanceName', type: 'string', description: 'Not used currently[for future use]' },
    {
      name: '_IsBillable',
      type: 'string',
      description:
        "Specifies whether ingesting the data is billable. When _IsBillable is `false` ingestion isn't billed to your Azure account",
    },
    { name: 'Name', type: 'string', description: 'Kubernetes Pod Name' },
    { name: 'Namespace', type: 'string', description: 'Kubernetes Namespace for the pod/container' },
    { name: 'PodCreationTimeStamp', type: 'datetime', description: 'Pod creation time' },
    { name: 'PodIp', type: 'string', description: "Pod's IP Address" },
    { name: 'PodLabel', type: 'string', description: 'Pod Labels' },
    {
      name: 'PodRestartCount',
      type: 'int',
      description: 'Restart count for the pod. [Sum of all restarts of all containers in the pod]',
    },
    { name: 'PodStartTime', type: 'datetime', description: "Pod's start time (for started pods)" },
    { name: 'PodStatus', type: 'string', description: 'Last observed Pod Status [pod.status.phase]' },
    { name: 'PodUid', type: 'string', description: 'Unique ID of the pod' },
    {
      name: '_ResourceId',
      type: 'string',
      description: 'A unique identifier for the resource that the record is associated with',
    },
    { name: 'ServiceName', type: 'string', description: 'Kubernetes Service the pod belongs to (if any)' },
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
