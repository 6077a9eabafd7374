/**
 * Container registries and their vulnerability findings: the registry recommendation (SecurityRecommendation on a
 * Microsoft.ContainerRegistry resource) and its sub-assessments (SecurityNestedRecommendation, one CVE in one image
 * per row). Each scan of an image writes all its findings again, so an image's findings are those of its latest
 * scan: a CVE fixed by a rebuild disappears from the view.
 */
import type { WireValue } from '../kql/types';
import { numberOr, readRecords, stringList, text, type KqlRunner } from './kqlSource';
import type { RecommendationView } from './recommendations';

const REGISTRY_TYPE = 'Microsoft.ContainerRegistry/registries';

export const REGISTRY_FINDINGS_QUERY = `let findings = SecurityNestedRecommendation
| where ResourceProviderType =~ "${REGISTRY_TYPE}"
| extend Digest = tostring(AdditionalData.artifactDetails.digest);
findings
| join kind=inner (findings | summarize LastScan = max(TimeGenerated) by AssessedResourceId, Digest)
    on AssessedResourceId, Digest
| where TimeGenerated == LastScan
| project AssessedResourceId, Digest, RegistryHost = tostring(AdditionalData.artifactDetails.registryHost),
    Repository = tostring(AdditionalData.artifactDetails.repositoryName), Tags = AdditionalData.artifactDetails.tags,
    VulnerabilityId, RecommendationSeverity, RecommendationState, Description, RemediationDescription,
    Package = tostring(AdditionalData.softwareDetails.packageName),
    Version = tostring(AdditionalData.softwareDetails.version),
    FixedVersion = tostring(AdditionalData.softwareDetails.fixedVersion),
    Cvss = todouble(AdditionalData.cvssV30Score), ScannedAt = TimeGenerated
| order by Cvss desc, VulnerabilityId asc`;

export interface FindingView {
  cve: string;
  severity: string;
  state: string;
  description: string;
  remediation: string;
  packageName: string;
  version: string;
  fixedVersion: string;
  cvss: number | null;
}

export interface ImageView {
  /** host/repository:tag, as the portal names an image. */
  reference: string;
  repository: string;
  digest: string;
  tags: string[];
  scannedAt: string;
  findings: FindingView[];
}

export interface RegistryView {
  id: string;
  name: string;
  /** The registry recommendation's state: Unhealthy while any image has findings. */
  state: string;
  recommendation: string;
  images: ImageView[];
  findingCount: number;
  /** Findings per severity, most severe first. */
  bySeverity: { severity: string; count: number }[];
}

const SEVERITIES = ['Critical', 'High', 'Medium', 'Low'];

function lastSegment(id: string): string {
  return id.split('/').filter(Boolean).pop() ?? id;
}

function toFinding(record: Record<string, WireValue>): FindingView {
  const cvss = record.Cvss;
  return {
    cve: text(record.VulnerabilityId),
    severity: text(record.RecommendationSeverity),
    state: text(record.RecommendationState),
    description: text(record.Description),
    remediation: text(record.RemediationDescription),
    packageName: text(record.Package),
    version: text(record.Version),
    fixedVersion: text(record.FixedVersion),
    cvss: typeof cvss === 'number' ? numberOr(cvss, 0) : null,
  };
}

/** Registries from the recommendations (every registry Defender assesses) with their latest findings. */
export function toRegistryViews(
  recommendations: readonly RecommendationView[],
  findingRecords: readonly Record<string, WireValue>[],
): RegistryView[] {
  const registries = new Map<string, RegistryView>();
  const registryOf = (id: string): RegistryView => {
    const key = id.toLowerCase();
    let registry = registries.get(key);
    if (!registry) {
      registry = {
        id,
        name: lastSegment(id),
        state: '',
        recommendation: '',
        images: [],
        findingCount: 0,
        bySeverity: [],
      };
      registries.set(key, registry);
    }
    return registry;
  };
  for (const recommendation of recommendations) {
    if (!recommendation.resourceId.toLowerCase().includes('/microsoft.containerregistry/registries/'))
      continue;
    const registry = registryOf(recommendation.resourceId);
    registry.name = recommendation.resourceName || registry.name;
    registry.state = recommendation.state;
    registry.recommendation = recommendation.displayName;
  }
  for (const record of findingRecords) {
    const registry = registryOf(text(record.AssessedResourceId));
    const digest = text(record.Digest);
    let image = registry.images.find((candidate) => candidate.digest === digest);
    if (!image) {
      const repository = text(record.Repository);
      const tags = stringList(record.Tags);
      const host = text(record.RegistryHost);
      image = {
        reference: `${host ? `${host}/` : ''}${repository}${tags[0] ? `:${tags[0]}` : `@${digest}`}`,
        repository,
        digest,
        tags,
        scannedAt: text(record.ScannedAt),
        findings: [],
      };
      registry.images.push(image);
    }
    image.findings.push(toFinding(record));
  }
  for (const registry of registries.values()) {
    const findings = registry.images.flatMap((image) => image.findings);
    registry.findingCount = findings.length;
    registry.bySeverity = SEVERITIES.map((severity) => ({
      severity,
      count: findings.filter((finding) => finding.severity === severity).length,
    })).filter((entry) => entry.count > 0);
    registry.images.sort(
      (a, b) => b.findings.length - a.findings.length || a.reference.localeCompare(b.reference),
    );
  }
  return [...registries.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export async function readRegistries(
  run: KqlRunner,
  recommendations: readonly RecommendationView[],
): Promise<RegistryView[]> {
  const records = await readRecords(run, 'registry scan findings', REGISTRY_FINDINGS_QUERY);
  return toRegistryViews(recommendations, records);
}

/** Tags of an image, as the details list them. */
export function imageTags(image: ImageView): string {
  return image.tags.length > 0 ? image.tags.join(', ') : 'untagged';
}
