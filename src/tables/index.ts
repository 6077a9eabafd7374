import type { TableDefinition } from './tableDefinition';
import { AKSAudit } from './definitions/AKSAudit';
import { AKSAuditAdmin } from './definitions/AKSAuditAdmin';
import { AKSControlPlane } from './definitions/AKSControlPlane';
import { AzureActivity } from './definitions/AzureActivity';
import { AzureDiagnostics } from './definitions/AzureDiagnostics';
import { ContainerImageInventory } from './definitions/ContainerImageInventory';
import { ContainerInventory } from './definitions/ContainerInventory';
import { ContainerLog } from './definitions/ContainerLog';
import { ContainerLogV2 } from './definitions/ContainerLogV2';
import { ContainerNodeInventory } from './definitions/ContainerNodeInventory';
import { KubeEvents } from './definitions/KubeEvents';
import { KubeNodeInventory } from './definitions/KubeNodeInventory';
import { KubePVInventory } from './definitions/KubePVInventory';
import { KubePodInventory } from './definitions/KubePodInventory';
import { KubeServices } from './definitions/KubeServices';
import { SecurityAlert } from './definitions/SecurityAlert';
import { SecurityAttackPathData } from './definitions/SecurityAttackPathData';
import { SecurityIncident } from './definitions/SecurityIncident';
import { SecurityNestedRecommendation } from './definitions/SecurityNestedRecommendation';
import { SecurityRecommendation } from './definitions/SecurityRecommendation';
import { SecurityRegulatoryCompliance } from './definitions/SecurityRegulatoryCompliance';

export type { ColumnDefinition, KustoColumnType, TableDefinition } from './tableDefinition';
export { KUSTO_COLUMN_TYPES } from './tableDefinition';

/** Every simulated table, by name. */
export const TABLE_DEFINITIONS: readonly TableDefinition[] = [
  AKSAudit,
  AKSAuditAdmin,
  AKSControlPlane,
  AzureActivity,
  AzureDiagnostics,
  ContainerImageInventory,
  ContainerInventory,
  ContainerLog,
  ContainerLogV2,
  ContainerNodeInventory,
  KubeEvents,
  KubeNodeInventory,
  KubePVInventory,
  KubePodInventory,
  KubeServices,
  SecurityAlert,
  SecurityAttackPathData,
  SecurityIncident,
  SecurityNestedRecommendation,
  SecurityRecommendation,
  SecurityRegulatoryCompliance,
];

const byName = new Map(TABLE_DEFINITIONS.map((table) => [table.name, table]));

export function findTableDefinition(name: string): TableDefinition | undefined {
  return byName.get(name);
}
