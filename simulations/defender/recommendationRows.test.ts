import { describe, expect, it } from 'vitest';
import { findTableDefinition } from '../../src/tables/index';
import { validateRow } from '../core/rowValidator';
import {
  CLUSTER_RESOURCE,
  REGISTRY_RESOURCE,
  securityNestedRecommendationRow,
  securityRecommendationRow,
} from './recommendationRows';

describe('recommendation row builders', () => {
  it('build SecurityRecommendation rows whose ids, resource details and status follow the assessed resource', () => {
    const row = securityRecommendationRow({
      time: '2026-03-04T04:12:00.000Z',
      resource: REGISTRY_RESOURCE,
      assessmentKey: 'c0b7cfc6-3172-465a-b378-53c7ff2cc0d5',
      displayName: 'Registry images should have vulnerabilities resolved',
      description: 'd',
      severity: 'High',
      state: 'Unhealthy',
      statusSeverity: 'Critical',
      firstEvaluationMs: Date.parse('2025-12-01T00:00:00Z'),
      isSnapshot: false,
      policyDefinitionId: '',
      metadata: { categories: ['Container'] },
      additionalData: { unhealthyImages: ['a'] },
      recommendationAdditionalData: { unhealthyImages: ['a'] },
    });
    expect(validateRow(findTableDefinition('SecurityRecommendation')!, row)).toEqual([]);
    expect(row.RecommendationId).toBe(
      `${REGISTRY_RESOURCE.id}/providers/Microsoft.Security/assessments/c0b7cfc6-3172-465a-b378-53c7ff2cc0d5`,
    );
    expect(row._ResourceId).toBe(REGISTRY_RESOURCE.id.toLowerCase());
    expect(row.FirstEvaluationDate).toBe('2025-12-01T00:00:00.000Z');
    expect(row.Properties.status).toEqual({ code: 'Unhealthy', severity: 'Critical' });
    expect(row.Properties.resourceDetails.ResourceType).toBe('registries');
    expect(row.Properties.metadata).toEqual({
      displayName: 'Registry images should have vulnerabilities resolved',
      severity: 'High',
      assessmentType: 'BuiltIn',
      categories: ['Container'],
    });
  });

  it('build SecurityNestedRecommendation rows as sub-assessments of their parent recommendation', () => {
    const row = securityNestedRecommendationRow({
      time: '2026-03-04T04:12:00.000Z',
      resource: CLUSTER_RESOURCE,
      assessmentKey: 'c609cf0f-71ab-41e9-a3c6-9a1f7fe1b8d5',
      subAssessmentId: '0b0c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d',
      cve: 'CVE-2024-6387',
      description: 'regreSSHion',
      severity: 'High',
      remediation: 'Upgrade openssh.',
      repository: 'shop/storefront',
      digest: 'sha256:abc',
      isSnapshot: true,
      additionalData: { cvssV30Score: 8.1 },
    });
    expect(validateRow(findTableDefinition('SecurityNestedRecommendation')!, row)).toEqual([]);
    expect(row.Id).toBe(
      `${CLUSTER_RESOURCE.id}/providers/Microsoft.Security/assessments/c609cf0f-71ab-41e9-a3c6-9a1f7fe1b8d5/subassessments/0b0c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d`,
    );
    expect(row.ResourceProviderType).toBe('Microsoft.ContainerService/managedClusters');
    expect(row.ResourceDetails).toEqual({
      id: '/repositories/shop/storefront/images/sha256:abc',
      source: 'Azure',
    });
    expect([row.NestedRecommendationId, row.RecommendationName, row.VulnerabilityId]).toEqual([
      'CVE-2024-6387',
      'CVE-2024-6387',
      'CVE-2024-6387',
    ]);
  });
});
