import type { TableDefinition } from '../tableDefinition';
import { AKSAudit } from './AKSAudit';

/** The same columns as AKSAudit: Azure writes the modifying subset of the same audit events here. */
export const AKSAuditAdmin: TableDefinition = {
  name: 'AKSAuditAdmin',
  description:
    'Contains Kubernetes API Server audit logs excluding events with the get and list verbs. These events are useful for monitoring resource modification requests made to the Kubernetes API. To see all modifying and non-modifying operations see the AKSAudit table.',
  columns: AKSAudit.columns,
};
