import {
  CLUSTER_NAME,
  CLUSTER_RESOURCE_ID,
  CLUSTER_RESOURCE_ID_LOWER,
  SUBSCRIPTION_ID,
  WORKSPACE_ID,
} from '../cluster/constants';

/** Columns every Container insights row carries. */
export function insightsBase(type: string) {
  return {
    TenantId: WORKSPACE_ID,
    SourceSystem: 'Containers',
    Type: type,
    _ResourceId: CLUSTER_RESOURCE_ID_LOWER,
    _SubscriptionId: SUBSCRIPTION_ID,
  };
}

export const CLUSTER_ID = CLUSTER_RESOURCE_ID;
export { CLUSTER_NAME };
