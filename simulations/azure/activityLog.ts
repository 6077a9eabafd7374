import {
  CLUSTER_NAME,
  CLUSTER_RESOURCE_ID,
  OPERATORS,
  RESOURCE_GROUP,
  SUBSCRIPTION_ID,
  TENANT_ID,
  WORKSPACE_ID,
} from '../cluster/constants';
import { DAY, HOUR, MINUTE } from '../core/time';
import type { ApiCall } from '../telemetry/auditLog';
import type { EmitContext } from '../telemetry/context';

/** An Azure Resource Manager operation on the cluster, as the Activity log records it. */
export interface ArmOperation {
  timeMs: number;
  caller: string;
  callerObjectId: string;
  callerIp: string;
  /** e.g. `Microsoft.ContainerService/managedClusters/listClusterUserCredential/action`. */
  operation: string;
  /** The operation's display name (OperationName). */
  displayName: string;
  method: 'POST' | 'PUT' | 'DELETE';
  scope: string;
  /** How long until the operation succeeded (long-running ones such as upgrades take minutes). */
  durationMs: number;
  properties?: Record<string, unknown>;
  /** The role that granted the caller the action, as the Activity log's evidence shows it. */
  role?: string;
}

const CLUSTER_OPERATIONS = {
  listUser: {
    operation: 'Microsoft.ContainerService/managedClusters/listClusterUserCredential/action',
    displayName: 'List clusterUser credential of a managed cluster',
  },
  listAdmin: {
    operation: 'Microsoft.ContainerService/managedClusters/listClusterAdminCredential/action',
    displayName: 'List clusterAdmin credential of a managed cluster',
  },
  agentPoolWrite: {
    operation: 'Microsoft.ContainerService/managedClusters/agentPools/write',
    displayName: 'Create or Update Agent Pool',
  },
  roleAssignmentWrite: {
    operation: 'Microsoft.Authorization/roleAssignments/write',
    displayName: 'Create role assignment',
  },
} as const;

/** Entra user object ids: a person's id is the same wherever they appear. */
function objectIdOf(upn: string): string {
  const operator = OPERATORS.find((entry) => entry.upn === upn);
  if (operator) return operator.oid;
  let hash = 2166136261;
  for (const char of upn) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
  const hex = (hash.toString(16).padStart(8, '0') + 'a1b2c3d4e5f60718293a4b5c').slice(0, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The subscription's Activity log for the cluster (AzureActivity): every person who reaches the API server
 * with an Entra ID account first fetched a kubeconfig (`az aks get-credentials`, listClusterUserCredential),
 * from the address they then use; plus the maintenance the platform team does (a node-image upgrade with
 * the admin credential, a role assignment for a new developer). Each operation is a Started and a Succeeded
 * event sharing one correlation id.
 */
export class ActivityLog {
  private readonly lastCredentialFetch = new Map<string, number>();

  constructor(
    private readonly ctx: EmitContext,
    private readonly startMs: number,
  ) {}

  /** A kubeconfig lasts a working session: a person fetches one again after a long pause or from a new place. */
  onApiCall(call: ApiCall): void {
    const upn = call.user.username;
    if (!upn.includes('@')) return;
    const key = `${upn}|${call.sourceIp}`;
    const last = this.lastCredentialFetch.get(key);
    this.lastCredentialFetch.set(key, call.time);
    if (last !== undefined && call.time - last < 10 * HOUR) return;
    const random = this.ctx.random;
    this.record({
      timeMs: call.time - random.int(25_000, 4 * MINUTE),
      caller: upn,
      callerObjectId: objectIdOf(upn),
      callerIp: call.sourceIp,
      ...CLUSTER_OPERATIONS.listUser,
      method: 'POST',
      scope: CLUSTER_RESOURCE_ID,
      durationMs: random.int(150, 900),
      role: 'Azure Kubernetes Service Cluster User Role',
    });
  }

  /** The platform team's maintenance: a node-image upgrade on the first day, a role assignment on the second. */
  scheduleMaintenance(): void {
    const random = this.ctx.random;
    const firstDay = Math.floor(this.startMs / DAY) * DAY;
    const ops = OPERATORS[0];
    const upgradeMs = firstDay + 13 * HOUR + random.int(0, 90 * MINUTE);
    this.ctx.clock.at(upgradeMs, () => {
      this.record({
        timeMs: upgradeMs,
        caller: ops.upn,
        callerObjectId: ops.oid,
        callerIp: ops.ip,
        ...CLUSTER_OPERATIONS.listAdmin,
        method: 'POST',
        scope: CLUSTER_RESOURCE_ID,
        durationMs: random.int(150, 900),
        role: 'Azure Kubernetes Service Cluster Admin Role',
      });
      this.record({
        timeMs: upgradeMs + random.int(2 * MINUTE, 6 * MINUTE),
        caller: ops.upn,
        callerObjectId: ops.oid,
        callerIp: ops.ip,
        ...CLUSTER_OPERATIONS.agentPoolWrite,
        method: 'PUT',
        scope: `${CLUSTER_RESOURCE_ID}/agentPools/nodepool1`,
        durationMs: random.int(14 * MINUTE, 32 * MINUTE),
        properties: {
          nodeImageVersion: 'AKSUbuntu-2204gen2containerd-202602.18.0',
          upgradeChannel: 'NodeImage',
        },
        role: 'Contributor',
      });
    });
    const assignmentMs = firstDay + DAY + 10 * HOUR + random.int(0, 4 * HOUR);
    if (assignmentMs < this.ctx.endMs)
      this.ctx.clock.at(assignmentMs, () =>
        this.record({
          timeMs: assignmentMs,
          caller: ops.upn,
          callerObjectId: ops.oid,
          callerIp: ops.ip,
          ...CLUSTER_OPERATIONS.roleAssignmentWrite,
          method: 'PUT',
          scope: `${CLUSTER_RESOURCE_ID}/providers/Microsoft.Authorization/roleAssignments/${random.uuid()}`,
          durationMs: random.int(300, 1500),
          properties: {
            requestbody: JSON.stringify({
              Id: random.uuid(),
              Properties: {
                PrincipalId: objectIdOf('a.okafor@contoso.com'),
                PrincipalType: 'User',
                RoleDefinitionId: `/subscriptions/${SUBSCRIPTION_ID}/providers/Microsoft.Authorization/roleDefinitions/4abbcc35-e782-43d8-92c5-2d3f1bd2253f`,
                Scope: CLUSTER_RESOURCE_ID,
              },
            }),
          },
          role: 'User Access Administrator',
        }),
      );
  }

  record(operation: ArmOperation): void {
    const random = this.ctx.random;
    const correlationId = random.uuid();
    const operationId = random.uuid();
    const claims = {
      aud: 'https://management.core.windows.net/',
      iss: `https://sts.windows.net/${TENANT_ID}/`,
      'http://schemas.microsoft.com/identity/claims/objectidentifier': operation.callerObjectId,
      'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn': operation.caller,
      'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name': operation.caller,
      ipaddr: operation.callerIp,
      appid: '04b07795-8ddb-461a-bbee-02f9e1bf7b46',
    };
    const authorization = {
      action: operation.operation,
      scope: operation.scope,
      ...(operation.role
        ? {
            evidence: {
              role: operation.role,
              roleAssignmentScope: `/subscriptions/${SUBSCRIPTION_ID}`,
              principalType: 'User',
            },
          }
        : {}),
    };
    const httpRequest = {
      clientRequestId: random.uuid(),
      clientIpAddress: operation.callerIp,
      method: operation.method,
    };
    const resource = operation.scope.split('/').pop() ?? CLUSTER_NAME;
    const stages: { status: string; value: string; substatus: string; atMs: number }[] = [
      { status: 'Started', value: 'Start', substatus: '', atMs: operation.timeMs },
      {
        status: 'Succeeded',
        value: 'Success',
        substatus:
          operation.method === 'PUT' ? 'Created (HTTP Status Code: 201)' : 'OK (HTTP Status Code: 200)',
        atMs: operation.timeMs + operation.durationMs,
      },
    ];
    for (const stage of stages) {
      // The Activity log reaches the workspace a few minutes after the event.
      const submittedMs = stage.atMs + random.int(40_000, 4 * MINUTE);
      if (submittedMs >= this.ctx.endMs) continue;
      const properties = {
        eventCategory: 'Administrative',
        entity: operation.scope,
        message: operation.operation,
        hierarchy: `${TENANT_ID}/${SUBSCRIPTION_ID}`,
        ...(stage.status === 'Succeeded' ? { statusCode: stage.substatus.split(' ')[0] } : {}),
        ...(operation.properties ?? {}),
      };
      const row = {
        TenantId: WORKSPACE_ID,
        Type: 'AzureActivity',
        SourceSystem: 'Azure',
        TimeGenerated: new Date(stage.atMs).toISOString(),
        EventSubmissionTimestamp: new Date(submittedMs).toISOString(),
        ActivityStatus: stage.status,
        ActivityStatusValue: stage.value,
        ActivitySubstatus: stage.substatus,
        ActivitySubstatusValue: stage.substatus,
        Authorization: JSON.stringify(authorization),
        Authorization_d: authorization,
        Caller: operation.caller,
        CallerIpAddress: operation.callerIp,
        Category: 'Administrative',
        CategoryValue: 'Administrative',
        Claims: JSON.stringify(claims),
        Claims_d: claims,
        CorrelationId: correlationId,
        EventDataId: random.uuid(),
        Hierarchy: `${TENANT_ID}/${SUBSCRIPTION_ID}`,
        HTTPRequest: JSON.stringify(httpRequest),
        Level: 'Informational',
        OperationId: operationId,
        OperationName: operation.displayName,
        OperationNameValue: operation.operation.toUpperCase(),
        Properties: JSON.stringify(properties),
        Properties_d: properties,
        Resource: resource,
        ResourceGroup: RESOURCE_GROUP.toUpperCase(),
        ResourceId: operation.scope,
        _ResourceId: operation.scope.toLowerCase(),
        ResourceProvider: operation.operation.split('/')[0]!,
        ResourceProviderValue: operation.operation.split('/')[0]!.toUpperCase(),
        SubscriptionId: SUBSCRIPTION_ID,
        _SubscriptionId: SUBSCRIPTION_ID,
      };
      // Written when it reaches the workspace, so a query at "now" never sees an event from the future.
      this.ctx.clock.at(Math.max(submittedMs, this.ctx.clock.now()), () =>
        this.ctx.writer.write('AzureActivity', row),
      );
    }
  }
}
