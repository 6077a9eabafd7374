import {
  CCP_NAMESPACE,
  CLUSTER_NAME,
  CLUSTER_RESOURCE_ID_LOWER,
  CLUSTER_RESOURCE_ID_UPPER,
  RESOURCE_GROUP,
  SUBSCRIPTION_ID,
  WORKSPACE_ID,
} from '../cluster/constants';

const RESOURCE_GROUP_UPPER = RESOURCE_GROUP.toUpperCase();
const CLUSTER_NAME_UPPER = CLUSTER_NAME.toUpperCase();

/**
 * One line of the cluster's diagnostic setting in Azure diagnostics mode: every category in the one
 * AzureDiagnostics table, the category in `Category` and the line (an audit event's JSON, or a component's
 * klog line) in `log_s`.
 */
export function azureDiagnosticsRow(
  category: string,
  timeGenerated: string,
  log: string,
  pod: string,
  stream: 'stdout' | 'stderr',
) {
  return {
    TenantId: WORKSPACE_ID,
    TimeGenerated: timeGenerated,
    ResourceId: CLUSTER_RESOURCE_ID_UPPER,
    Category: category,
    ResourceGroup: RESOURCE_GROUP_UPPER,
    SubscriptionId: SUBSCRIPTION_ID,
    ResourceProvider: 'MICROSOFT.CONTAINERSERVICE',
    Resource: CLUSTER_NAME_UPPER,
    ResourceType: 'MANAGEDCLUSTERS',
    OperationName: 'Microsoft.ContainerService/managedClusters/diagnosticLogs/Read',
    log_s: log,
    pod_s: pod,
    stream_s: stream,
    ccpNamespace_s: CCP_NAMESPACE,
    Cloud_s: 'AzureCloud',
    Environment_s: 'prod',
    UnderlayClass_s: 'hcp-underlay',
    UnderlayName_s: 'hcp-underlay-westeurope-cx-123',
    SourceSystem: 'Azure',
    Type: 'AzureDiagnostics',
    _ResourceId: CLUSTER_RESOURCE_ID_LOWER,
    _SubscriptionId: SUBSCRIPTION_ID,
  };
}
