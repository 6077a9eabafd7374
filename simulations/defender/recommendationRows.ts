import {
  CLUSTER_NAME,
  CLUSTER_RESOURCE_ID,
  REGION,
  REGISTRY_RESOURCE_ID,
  RESOURCE_GROUP,
  SUBSCRIPTION_ID,
  WORKSPACE_ID,
} from '../cluster/constants';
import { iso } from '../core/time';

/** An Azure resource Defender for Cloud assesses, as its recommendations name it. */
export interface AssessedResource {
  /** ARM id. */
  id: string;
  /** `Microsoft.ContainerService`. */
  provider: string;
  /** `managedClusters`. */
  type: string;
  name: string;
}

export const CLUSTER_RESOURCE: AssessedResource = {
  id: CLUSTER_RESOURCE_ID,
  provider: 'Microsoft.ContainerService',
  type: 'managedClusters',
  name: CLUSTER_NAME,
};

export const REGISTRY_RESOURCE: AssessedResource = {
  id: REGISTRY_RESOURCE_ID,
  provider: 'Microsoft.ContainerRegistry',
  type: 'registries',
  name: 'contoso',
};

/** The ARM id of an assessment of a resource. */
export function assessmentId(resource: AssessedResource, assessmentKey: string): string {
  return `${resource.id}/providers/Microsoft.Security/assessments/${assessmentKey}`;
}

/** One assessment of a resource at a time, as continuous export writes it to SecurityRecommendation. */
export interface RecommendationAssessment {
  /** ISO time of the assessment. */
  time: string;
  resource: AssessedResource;
  assessmentKey: string;
  displayName: string;
  description: string;
  severity: string;
  state: 'Healthy' | 'Unhealthy';
  /** The severity in `Properties.status` when it is not the recommendation's own (a registry's worst finding). */
  statusSeverity?: string;
  firstEvaluationMs: number;
  /** A scheduled snapshot (true) or an export of a change (false). */
  isSnapshot: boolean;
  /** Full ARM id of the Azure Policy definition behind it, or '' when there is none. */
  policyDefinitionId: string;
  /** Recommendation-specific fields of `Properties.metadata`, after its display name, severity and type. */
  metadata: Record<string, unknown>;
  /** `Properties.additionalData`. */
  additionalData: Record<string, unknown>;
  /** `RecommendationAdditionalData`. */
  recommendationAdditionalData: Record<string, unknown>;
}

/** A SecurityRecommendation row. */
export function securityRecommendationRow(assessment: RecommendationAssessment) {
  const { time, resource, displayName, severity, state } = assessment;
  return {
    TenantId: WORKSPACE_ID,
    TimeGenerated: time,
    Type: 'SecurityRecommendation',
    SourceSystem: 'Azure',
    _ResourceId: resource.id.toLowerCase(),
    _SubscriptionId: SUBSCRIPTION_ID,
    AssessedResourceId: resource.id,
    Description: assessment.description,
    DeviceId: '',
    DiscoveredTimeUTC: time,
    Environment: 'Azure',
    FirstEvaluationDate: iso(assessment.firstEvaluationMs),
    IsSnapshot: assessment.isSnapshot,
    PolicyDefinitionId: assessment.policyDefinitionId,
    ProviderName: 'Microsoft Defender for Cloud',
    RecommendationDisplayName: displayName,
    RecommendationId: assessmentId(resource, assessment.assessmentKey),
    RecommendationName: assessment.assessmentKey,
    RecommendationSeverity: severity,
    RecommendationState: state,
    ResolvedTimeUTC: null,
    ResourceRegion: REGION,
    StatusChangeDate: time,
    Properties: {
      resourceDetails: {
        Source: 'Azure',
        Id: resource.id,
        ResourceProvider: resource.provider,
        ResourceType: resource.type,
        ResourceName: resource.name,
      },
      displayName,
      status: { code: state, severity: assessment.statusSeverity ?? severity },
      metadata: { displayName, severity, assessmentType: 'BuiltIn', ...assessment.metadata },
      additionalData: assessment.additionalData,
    },
    RecommendationAdditionalData: assessment.recommendationAdditionalData,
  };
}

/** One vulnerability of an image, as a sub-assessment of a resource's image-scanning recommendation. */
export interface VulnerabilityFinding {
  time: string;
  resource: AssessedResource;
  /** The parent assessment (the registry or running-images recommendation). */
  assessmentKey: string;
  subAssessmentId: string;
  cve: string;
  description: string;
  severity: string;
  remediation: string;
  /** Where the image lives: `/repositories/<repository>/images/<digest>`. */
  repository: string;
  digest: string;
  isSnapshot: boolean;
  /** `AdditionalData`: the vulnerability, artifact and software details the parent recommendation reports. */
  additionalData: Record<string, unknown>;
}

/** A SecurityNestedRecommendation row (always Unhealthy: only findings are exported). */
export function securityNestedRecommendationRow(finding: VulnerabilityFinding) {
  const { time, resource, assessmentKey, cve, remediation } = finding;
  return {
    TenantId: WORKSPACE_ID,
    TimeGenerated: time,
    Type: 'SecurityNestedRecommendation',
    SourceSystem: 'Azure',
    AssessedResourceId: resource.id,
    _ResourceId: resource.id.toLowerCase(),
    _SubscriptionId: SUBSCRIPTION_ID,
    Category: 'Container',
    Cause: '',
    Description: finding.description,
    Id: `${assessmentId(resource, assessmentKey)}/subassessments/${finding.subAssessmentId}`,
    Impact: '',
    IsSnapshot: finding.isSnapshot,
    NestedRecommendationId: cve,
    ParentRecommendationId: assessmentKey,
    RecommendationLink: `https://portal.azure.com/#blade/Microsoft_Azure_Security/RecommendationsBlade/assessmentKey/${assessmentKey}`,
    RecommendationName: cve,
    RecommendationSeverity: finding.severity,
    RecommendationState: 'Unhealthy',
    RecommendationSubscriptionId: SUBSCRIPTION_ID,
    RemediationDescription: remediation,
    RemidiationDescription: remediation,
    ResourceGroup: RESOURCE_GROUP,
    ResourceProviderType: `${resource.provider}/${resource.type}`,
    SubAssessmentTimeGeneration: time,
    VulnerabilityId: cve,
    ResourceDetails: { id: `/repositories/${finding.repository}/images/${finding.digest}`, source: 'Azure' },
    AdditionalData: finding.additionalData,
  };
}
