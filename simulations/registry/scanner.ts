import { REGISTRY_HOST } from '../cluster/constants';
import type { Random } from '../../src/shared/random';
import { DAY, HOUR, iso, MINUTE } from '../core/time';
import {
  assessmentId,
  REGISTRY_RESOURCE,
  securityNestedRecommendationRow,
  securityRecommendationRow,
} from '../defender/recommendationRows';
import type { EmitContext } from '../telemetry/context';
import type { ImageRecord, ImageRegistry } from './registry';
import { VULNERABILITIES, type Severity, type Vulnerability } from './vulnerabilities';

/** Defender for Cloud's registry image recommendation powered by Microsoft Defender Vulnerability Management. */
export const REGISTRY_VA_ASSESSMENT = 'c0b7cfc6-3172-465a-b378-53c7ff2cc0d5';
export const REGISTRY_VA_NAME =
  'Azure registry container images should have vulnerabilities resolved (powered by Microsoft Defender Vulnerability Management)';

export interface Finding {
  vulnerability: Vulnerability;
  image: ImageRecord;
  packageVersion: string;
  layer: number;
}

const SEVERITY_ORDER: Record<Severity, number> = { Critical: 4, High: 3, Medium: 2, Low: 1 };

/**
 * Defender for Containers' registry scanning (Microsoft Defender Vulnerability Management): an image is
 * scanned when pushed, when first pulled, and again every day while it is in use, so a CVE that reaches
 * the vulnerability feed later turns an image that was clean into a vulnerable one on the next rescan.
 * Each scan exports its findings (SecurityNestedRecommendation) and the registry's parent assessment
 * (SecurityRecommendation).
 */
export class VulnerabilityScanner {
  private readonly scannedInWindow = new Set<string>();
  private readonly pulled = new Set<string>();
  private readonly firstSeen = new Map<string, number>();

  constructor(
    private readonly ctx: EmitContext,
    private readonly registry: ImageRegistry,
    private readonly startMs: number,
    /** References of the images containers run right now. */
    private readonly imagesInUse: () => Set<string> = () => new Set(),
  ) {}

  /** Findings known for an image at a time (what admission and the scans use). */
  findings(image: ImageRecord, atMs: number): Finding[] {
    const found: Finding[] = [];
    for (const pkg of image.packages) {
      for (const vulnerability of VULNERABILITIES) {
        if (vulnerability.packageName !== pkg.name || !vulnerability.vulnerableVersions.includes(pkg.version))
          continue;
        if (
          vulnerability.feedDelayDays !== undefined &&
          atMs < this.startMs + vulnerability.feedDelayDays * DAY
        )
          continue;
        found.push({ vulnerability, image, packageVersion: pkg.version, layer: pkg.layer });
      }
    }
    return found.sort(
      (a, b) =>
        SEVERITY_ORDER[b.vulnerability.severity] - SEVERITY_ORDER[a.vulnerability.severity] ||
        a.vulnerability.cve.localeCompare(b.vulnerability.cve),
    );
  }

  findingsByReference(reference: string, atMs: number): Finding[] {
    const match = /^([^/]+)\/(.+):([^:]+)$/.exec(reference);
    if (!match || match[1] !== REGISTRY_HOST) return [];
    const spec = { registry: match[1]!, repository: match[2]!, tag: match[3]! };
    return this.registry.isScannable(spec) ? this.findings(this.registry.get(spec), atMs) : [];
  }

  /** Daily rescans of every image in the registry, at about 03:00 UTC. */
  scheduleDaily(random: Random): void {
    const firstDay = Math.floor(this.startMs / DAY) * DAY;
    for (let day = firstDay; day < this.ctx.endMs; day += DAY) {
      const at = day + 3 * HOUR + random.int(0, 40 * MINUTE);
      if (at < this.startMs) continue;
      this.ctx.clock.at(at, () => this.scanAll('daily'));
    }
  }

  /** A node pulled an image: scan it now if it has not been scanned during the dataset yet. */
  onPull(reference: string): void {
    this.pulled.add(reference);
    if (this.scannedInWindow.has(reference)) return;
    const match = /^([^/]+)\/(.+):([^:]+)$/.exec(reference);
    if (!match || match[1] !== REGISTRY_HOST) return;
    const spec = { registry: match[1]!, repository: match[2]!, tag: match[3]! };
    if (!this.registry.isScannable(spec)) return;
    this.ctx.clock.setTimeout(
      () => this.scanImages([this.registry.get(spec)], 'pull'),
      this.ctx.random.int(2 * MINUTE, 15 * MINUTE),
    );
  }

  /** A new image reached the registry: scanned within minutes of the push. */
  onPush(image: ImageRecord): void {
    this.ctx.clock.setTimeout(
      () => this.scanImages([image], 'push'),
      this.ctx.random.int(MINUTE, 6 * MINUTE),
    );
  }

  /** Daily rescans cover images pushed or pulled in the last 30 days (running images count as pulled). */
  scanAll(trigger: 'daily' | 'push'): void {
    const now = this.ctx.clock.now();
    const inUse = this.imagesInUse();
    const recent = this.registry.scannable().filter((image) => {
      const reference = `${image.spec.registry}/${image.spec.repository}:${image.spec.tag}`;
      return image.pushedAtMs >= now - 30 * DAY || inUse.has(reference) || this.pulled.has(reference);
    });
    this.scanImages(recent, trigger);
  }

  private scanImages(images: ImageRecord[], trigger: string): void {
    const now = this.ctx.clock.now();
    if (now >= this.ctx.endMs) return;
    const random = this.ctx.random;
    const time = iso(now);
    const unhealthy: string[] = [];
    let worst: Severity | undefined;
    for (const image of images) {
      const reference = `${image.spec.registry}/${image.spec.repository}:${image.spec.tag}`;
      this.scannedInWindow.add(reference);
      const findings = this.findings(image, now);
      if (findings.length > 0) unhealthy.push(reference);
      for (const finding of findings) {
        const v = finding.vulnerability;
        if (!worst || SEVERITY_ORDER[v.severity] > SEVERITY_ORDER[worst]) worst = v.severity;
        const key = `${reference}|${v.cve}`;
        if (!this.firstSeen.has(key)) this.firstSeen.set(key, now);
        const subAssessmentId = random.uuid();
        const layer = image.layers[finding.layer]!;
        const remediation = `Upgrade ${v.packageName} to version ${v.fixedVersion} or later and rebuild the image.`;
        this.ctx.writer.write(
          'SecurityNestedRecommendation',
          securityNestedRecommendationRow({
            time,
            resource: REGISTRY_RESOURCE,
            assessmentKey: REGISTRY_VA_ASSESSMENT,
            subAssessmentId,
            cve: v.cve,
            description: v.description,
            severity: v.severity,
            remediation,
            repository: image.spec.repository,
            digest: image.digest,
            isSnapshot: trigger === 'daily',
            additionalData: {
              assessedResourceType: 'AzureContainerRegistryVulnerability',
              scanTrigger: trigger,
              vulnerabilityDetails: {
                cveId: v.cve,
                severity: v.severity,
                publishedDate: v.published,
                lastModifiedDate: v.published,
                exploitabilityAssessment: {
                  exploitStepsPublished: v.cvss >= 9.8,
                  exploitStepsVerified: false,
                  isInExploitKit: false,
                  exploitUris: [],
                  types: ['Remote'],
                },
                references: [{ title: v.cve, link: `https://nvd.nist.gov/vuln/detail/${v.cve}` }],
                weaknesses: { cwe: [{ id: v.cwe }] },
                cvss: { '2.0': null, '3.0': { cvssVectorString: v.vector, base: v.cvss } },
              },
              artifactDetails: {
                registryHost: image.spec.registry,
                repositoryName: image.spec.repository,
                artifactType: 'ContainerImage',
                mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
                digest: image.digest,
                tags: [image.spec.tag],
                lastPushedToRegistryUTC: new Date(image.pushedAtMs).toISOString(),
              },
              softwareDetails: {
                packageName: v.packageName,
                version: finding.packageVersion,
                fixedVersion: v.fixedVersion,
                category: image.packages.find((p) => p.name === v.packageName)?.category ?? 'OS',
                osDetails: { osPlatform: 'linux', osVersion: image.osVersion },
                fixStatus: 'FixAvailable',
                evidence: [
                  { layerIndex: finding.layer, layerDigest: layer.digest, layerCreatedBy: layer.createdBy },
                ],
              },
              cvssV30Score: v.cvss,
            },
          }),
        );
      }
    }
    if (images.length === 0) return;
    const state = unhealthy.length > 0 ? 'Unhealthy' : 'Healthy';
    this.ctx.writer.write(
      'SecurityRecommendation',
      securityRecommendationRow({
        time,
        resource: REGISTRY_RESOURCE,
        assessmentKey: REGISTRY_VA_ASSESSMENT,
        displayName: REGISTRY_VA_NAME,
        description:
          'Container image vulnerability assessment scans your registry for commonly known vulnerabilities (CVEs) and provides a detailed vulnerability report for each image. Resolving vulnerabilities can greatly improve your security posture, ensuring images are safe to use prior to deployment.',
        severity: 'High',
        state,
        statusSeverity: worst ?? 'High',
        firstEvaluationMs: this.startMs - 90 * DAY,
        isSnapshot: trigger === 'daily',
        policyDefinitionId:
          '/providers/Microsoft.Authorization/policyDefinitions/5f0f936f-2f01-4bf5-b6be-d423792fa562',
        metadata: { categories: ['Container'] },
        additionalData: {
          subAssessmentsLink: `${assessmentId(REGISTRY_RESOURCE, REGISTRY_VA_ASSESSMENT)}/subAssessments`,
          scanTrigger: trigger,
          unhealthyImages: unhealthy,
        },
        recommendationAdditionalData: {
          scanTrigger: trigger,
          imagesScanned: images.length,
          unhealthyImages: unhealthy,
        },
      }),
    );
  }
}
