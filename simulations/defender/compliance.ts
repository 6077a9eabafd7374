import { CLUSTER_RESOURCE_ID, SUBSCRIPTION_ID, WORKSPACE_ID } from '../cluster/constants';
import type { EmitContext } from '../telemetry/context';
import type { PostureResult } from './posture';

/** Defender for Cloud's default standard, as its regulatory compliance export names it. */
const STANDARD = 'Microsoft-cloud-security-benchmark';
/** The benchmark control each Kubernetes workload-hardening recommendation is assessed under. */
const CONTROL = { id: 'PV.2', name: 'Audit and enforce secure configurations' };

/**
 * Regulatory compliance (SecurityRegulatoryCompliance): each day's posture results exported per standard,
 * control and recommendation, Failed while any workload violates it, with the counts of workloads that passed
 * and failed. The state follows the posture the cluster really has, so a fix shows up the next day.
 */
export class RegulatoryCompliance {
  constructor(private readonly ctx: EmitContext) {}

  onAssessed(results: readonly PostureResult[], timeMs: number): void {
    if (timeMs >= this.ctx.endMs) return;
    const time = new Date(timeMs).toISOString();
    for (const result of results) {
      const key = result.recommendation.assessmentKey;
      const failed = result.unhealthy.length;
      const passed = Math.max(0, result.assessedWorkloads - failed);
      const state = failed > 0 ? 'Failed' : 'Passed';
      const assessmentId = `/subscriptions/${SUBSCRIPTION_ID}/providers/Microsoft.Security/regulatoryComplianceStandards/${STANDARD}/regulatoryComplianceControls/${CONTROL.id}/regulatoryComplianceAssessments/${key}`;
      this.ctx.writer.write('SecurityRegulatoryCompliance', {
        TenantId: WORKSPACE_ID,
        TimeGenerated: time,
        Type: 'SecurityRegulatoryCompliance',
        SourceSystem: 'Azure',
        _ResourceId: assessmentId.toLowerCase(),
        _SubscriptionId: SUBSCRIPTION_ID,
        AssessedResourceId: CLUSTER_RESOURCE_ID,
        ComplianceStandard: STANDARD,
        ComplianceControl: CONTROL.id,
        RecommendationId: key,
        RecommendationName: result.recommendation.displayName,
        RecommendationLink: `https://portal.azure.com/#blade/Microsoft_Azure_Security/RecommendationsBlade/assessmentKey/${key}`,
        RegulatoryComplianceSubscriptionId: SUBSCRIPTION_ID,
        ResourceProviderType: 'Microsoft.ContainerService/managedClusters',
        State: state,
        PassedResources: passed,
        FailedResources: failed,
        SkippedResources: 0,
        IsSnapshot: true,
        Properties: {
          id: assessmentId,
          name: key,
          type: 'Microsoft.Security/regulatoryComplianceStandards/regulatoryComplianceControls/regulatoryComplianceAssessments',
          properties: {
            description: result.recommendation.displayName,
            state,
            passedResources: passed,
            failedResources: failed,
            skippedResources: 0,
            assessmentType: 'BuiltIn',
            assessmentDetailsLink: `/subscriptions/${SUBSCRIPTION_ID}/providers/Microsoft.Security/assessments/${key}`,
          },
          controlName: CONTROL.name,
          unhealthyWorkloads: result.unhealthy.map((o) => `${o.namespace}/${o.kind}/${o.owner}`),
        },
      });
    }
  }
}
