/**
 * How the cluster's logs are collected, per scenario. The defaults are what a new AKS cluster gets: Container
 * insights' default data collection (Warning events only, kube-system excluded from container logs, the
 * ContainerLogV2 schema) and the API server's audit at a 3-node cluster's real request rates; the cluster's
 * diagnostic setting writes in resource-specific mode, as Microsoft recommends.
 */
export interface CollectionSettings {
  /** Multiplier on the system traffic's request rates (1: leases renewed every 10 s); lower values thin it out. */
  auditRate: number;
  /** `warning`: Container insights' default (Normal events dropped); `all`: `collect_all_kube_events` on. */
  kubeEvents: 'warning' | 'all';
  /** Whether kube-system's container logs are collected (Container insights excludes the namespace by default). */
  kubeSystemLogs: boolean;
  /** `v2`: ContainerLogV2 (the default for new clusters); `v1`: the legacy ContainerLog table. */
  containerLogSchema: 'v2' | 'v1';
  /**
   * Where the AKS diagnostic setting sends the audit and control-plane logs. A workspace gets one or the other:
   * `resource-specific` (AKSAudit, AKSAuditAdmin, AKSControlPlane; what Microsoft recommends and the cases query)
   * or `azure-diagnostics` (the legacy AzureDiagnostics table, the category in `Category`, the line in `log_s`).
   */
  diagnosticDestination: DiagnosticDestination;
}

export type DiagnosticDestination = 'resource-specific' | 'azure-diagnostics';

export const DEFAULT_COLLECTION: CollectionSettings = {
  auditRate: 1,
  kubeEvents: 'warning',
  kubeSystemLogs: false,
  containerLogSchema: 'v2',
  diagnosticDestination: 'resource-specific',
};

/** The settings a scenario asks for, every omitted one at its default; a rate out of range is refused by name. */
export function resolveCollection(partial: Partial<CollectionSettings> | undefined): CollectionSettings {
  const settings = { ...DEFAULT_COLLECTION, ...(partial ?? {}) };
  if (!Number.isFinite(settings.auditRate) || settings.auditRate <= 0 || settings.auditRate > 4)
    throw new Error(`collection.auditRate must be a number above 0 and at most 4, got ${settings.auditRate}`);
  return settings;
}
