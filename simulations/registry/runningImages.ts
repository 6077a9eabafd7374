import { CLUSTER_NAME, CLUSTER_RESOURCE_ID } from '../cluster/constants';
import type { Random } from '../../src/shared/random';
import { DAY, HOUR, iso, MINUTE } from '../core/time';
import {
  assessmentId,
  CLUSTER_RESOURCE,
  securityNestedRecommendationRow,
  securityRecommendationRow,
} from '../defender/recommendationRows';
import type { EmitContext } from '../telemetry/context';
import type { VulnerabilityScanner } from './scanner';

/** Defender for Cloud's recommendation for vulnerable images that run in a cluster (MDVM). */
export const RUNNING_VA_ASSESSMENT = 'c609cf0f-71ab-41e9-a3c6-9a1f7fe1b8d5';
export const RUNNING_VA_NAME =
  'Azure running container images should have vulnerabilities resolved (powered by Microsoft Defender Vulnerability Management)';
const RUNNING_VA_DESCRIPTION =
  'Container image vulnerability assessment scans your registry for commonly known vulnerabilities (CVEs) and provides a detailed vulnerability report for each image. This recommendation provides visibility to vulnerable images currently running in your Kubernetes clusters. Remediating vulnerabilities in container images that are currently running is key to improving your security posture, significantly reducing the attack surface for your containerized workloads.';

/** One pod that runs an image, as the cluster inventory (Defender sensor or agentless discovery) sees it. */
export interface RunningPod {
  namespace: string;
  pod: string;
  controllerKind: string;
  controllerName: string;
}

/**
 * The running-images assessment: Defender correlates the registry's vulnerability reports with the cluster's
 * inventory, once a day, and exports each CVE of each running image with the cluster, namespaces, controllers
 * and pods that run it (SecurityNestedRecommendation, `kubernetesContext`), under the cluster's parent
 * assessment (SecurityRecommendation).
 */
export class RunningImagesAssessment {
  constructor(
    private readonly ctx: EmitContext,
    private readonly scanner: VulnerabilityScanner,
    private readonly startMs: number,
    /** Pods running each image reference right now. */
    private readonly runningPods: () => Map<string, RunningPod[]>,
  ) {}

  /** Daily, shortly after the registry's rescan. */
  scheduleDaily(random: Random): void {
    const firstDay = Math.floor(this.startMs / DAY) * DAY;
    for (let day = firstDay; day < this.ctx.endMs; day += DAY) {
      const at = day + 4 * HOUR + random.int(0, 40 * MINUTE);
      if (at >= this.startMs) this.ctx.clock.at(at, () => this.assess());
    }
  }

  assess(): void {
    const now = this.ctx.clock.now();
    if (now >= this.ctx.endMs) return;
    const time = iso(now);
    const random = this.ctx.random;
    const vulnerableImages: string[] = [];
    const running = [...this.runningPods()].sort(([a], [b]) => a.localeCompare(b));
    for (const [reference, pods] of running) {
      const findings = this.scanner.findingsByReference(reference, now);
      if (findings.length === 0) continue;
      vulnerableImages.push(reference);
      const kubernetesContext = kubernetesContextOf(pods);
      for (const finding of findings) {
        const v = finding.vulnerability;
        const image = finding.image;
        const remediation = `Upgrade ${v.packageName} to version ${v.fixedVersion} or later, rebuild the image and redeploy the workloads that run it.`;
        this.ctx.writer.write(
          'SecurityNestedRecommendation',
          securityNestedRecommendationRow({
            time,
            resource: CLUSTER_RESOURCE,
            assessmentKey: RUNNING_VA_ASSESSMENT,
            subAssessmentId: random.uuid(),
            cve: v.cve,
            description: v.description,
            severity: v.severity,
            remediation,
            repository: image.spec.repository,
            digest: image.digest,
            isSnapshot: true,
            additionalData: {
              assessedResourceType: 'AzureContainerImageVulnerability',
              vulnerabilityDetails: {
                cveId: v.cve,
                severity: v.severity,
                publishedDate: v.published,
                references: [{ title: v.cve, link: `https://nvd.nist.gov/vuln/detail/${v.cve}` }],
                weaknesses: { cwe: [{ id: v.cwe }] },
                cvss: { '2.0': null, '3.0': { cvssVectorString: v.vector, base: v.cvss } },
              },
              artifactDetails: {
                registryHost: image.spec.registry,
                repositoryName: image.spec.repository,
                artifactType: 'ContainerImage',
                digest: image.digest,
                tags: [image.spec.tag],
              },
              softwareDetails: {
                packageName: v.packageName,
                version: finding.packageVersion,
                fixedVersion: v.fixedVersion,
                osDetails: { osPlatform: 'linux', osVersion: image.osVersion },
                fixStatus: 'FixAvailable',
              },
              kubernetesContext,
              cvssV30Score: v.cvss,
            },
          }),
        );
      }
    }
    const state = vulnerableImages.length > 0 ? 'Unhealthy' : 'Healthy';
    this.ctx.writer.write(
      'SecurityRecommendation',
      securityRecommendationRow({
        time,
        resource: CLUSTER_RESOURCE,
        assessmentKey: RUNNING_VA_ASSESSMENT,
        displayName: RUNNING_VA_NAME,
        description: RUNNING_VA_DESCRIPTION,
        severity: 'High',
        state,
        firstEvaluationMs: this.startMs - 60 * DAY,
        isSnapshot: true,
        policyDefinitionId: '',
        metadata: { categories: ['Container'] },
        additionalData: {
          subAssessmentsLink: `${assessmentId(CLUSTER_RESOURCE, RUNNING_VA_ASSESSMENT)}/subAssessments`,
          vulnerableRunningImages: vulnerableImages,
        },
        recommendationAdditionalData: { vulnerableRunningImages: vulnerableImages },
      }),
    );
  }
}

/** The cluster → namespace → controller → pods tree Defender attaches to a running image's finding. */
function kubernetesContextOf(pods: readonly RunningPod[]): unknown {
  const byNamespace = new Map<string, RunningPod[]>();
  for (const pod of pods) byNamespace.set(pod.namespace, [...(byNamespace.get(pod.namespace) ?? []), pod]);
  return {
    clusters: [
      {
        name: CLUSTER_NAME,
        resourceProvider: 'AKS',
        resourceId: CLUSTER_RESOURCE_ID,
        namespaces: [...byNamespace]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([namespace, members]) => ({
            name: namespace,
            controllers: [
              ...new Map(
                members.map((pod) => [
                  `${pod.controllerKind}/${pod.controllerName}`,
                  { controllerName: pod.controllerName, controllerType: pod.controllerKind },
                ]),
              ).values(),
            ],
            pods: members
              .map((pod) => ({
                name: pod.pod,
                controllerName: pod.controllerName,
                controllerType: pod.controllerKind,
              }))
              .sort((a, b) => a.name.localeCompare(b.name)),
          })),
      },
    ],
  };
}
