import { findTableDefinition, type TableDefinition } from '../src/tables/index';

/** The tables the simulation writes (every row of each is valid against its definition). */
export const SIMULATED_TABLE_NAMES = [
  'AKSAudit',
  'AKSAuditAdmin',
  'AKSControlPlane',
  'AzureActivity',
  'AzureDiagnostics',
  'ContainerImageInventory',
  'ContainerInventory',
  'ContainerLog',
  'ContainerLogV2',
  'ContainerNodeInventory',
  'KubeEvents',
  'KubeNodeInventory',
  'KubePVInventory',
  'KubePodInventory',
  'KubeServices',
  'SecurityAlert',
  'SecurityAttackPathData',
  'SecurityIncident',
  'SecurityNestedRecommendation',
  'SecurityRecommendation',
  'SecurityRegulatoryCompliance',
] as const;

export const SIMULATED_TABLES: readonly TableDefinition[] = SIMULATED_TABLE_NAMES.map((name) => {
  const definition = findTableDefinition(name);
  if (!definition) throw new Error(`Table definition ${name} is missing from src/tables`);
  return definition;
});
