import { CLUSTER_NAME, CLUSTER_RESOURCE_ID, SUBSCRIPTION_ID, WORKSPACE_ID } from '../cluster/constants';
import type { ServiceSpec } from '../cluster/types';
import type { ClusterWorld, PodState } from '../cluster/world';
import type { Random } from '../../src/shared/random';
import { DAY, HOUR, MINUTE } from '../core/time';
import type { Finding, VulnerabilityScanner } from '../registry/scanner';
import { RUNNING_VA_ASSESSMENT } from '../registry/runningImages';
import type { EmitContext } from '../telemetry/context';

/** The routes the cluster's ingress controller serves from the internet (the shop's public site). */
const INGRESS_BACKENDS = [{ namespace: 'shop', service: 'storefront' }];

interface PathKind {
  type: string;
  displayName: string;
  riskLevel: 'Critical' | 'High';
  /** Which findings make the path. */
  qualifies: (finding: Finding) => boolean;
  describe: (pod: PodState, container: string, image: string) => string;
}

/** A network-reachable flaw that gives code execution: what Defender calls an RCE vulnerability. */
const isRemoteCodeExecution = (finding: Finding) =>
  finding.vulnerability.vector.includes('AV:N') &&
  finding.vulnerability.vector.includes('I:H') &&
  finding.vulnerability.cvss >= 9;

const PATH_KINDS: PathKind[] = [
  {
    type: 'Azure.VulnerableExposedAKSPod',
    displayName: 'Internet exposed Kubernetes pod is running a container with RCE vulnerabilities',
    riskLevel: 'Critical',
    qualifies: isRemoteCodeExecution,
    describe: (pod, container, image) =>
      `Internet exposed Kubernetes pod '${pod.name}' in namespace '${pod.namespace}' is running a container '${container}' using image '${image}' which has vulnerabilities allowing remote code execution`,
  },
  {
    type: 'Azure.VulnerableExposedAKSPodHighSeverity',
    displayName: 'Internet exposed Kubernetes pod is running a container with high severity vulnerabilities',
    riskLevel: 'High',
    qualifies: (finding) =>
      !isRemoteCodeExecution(finding) &&
      (finding.vulnerability.severity === 'High' || finding.vulnerability.severity === 'Critical'),
    describe: (pod, container, image) =>
      `Internet exposed Kubernetes pod '${pod.name}' in namespace '${pod.namespace}' is running a container '${container}' using image '${image}' which has high severity vulnerabilities`,
  },
];

const selects = (service: ServiceSpec, pod: PodState) =>
  pod.namespace === service.namespace &&
  Object.entries(service.selector).every(([key, value]) => pod.template.labels[key] === value);

/**
 * Attack path analysis (SecurityAttackPathData): once a day Defender walks the cluster's real exposure (load
 * balancers and node ports, and the services behind the ingress) to the images the exposed pods run, and
 * exports a path for each exposed workload whose image has remotely exploitable or high-severity CVEs.
 */
export class AttackPathAnalysis {
  constructor(
    private readonly ctx: EmitContext,
    private readonly world: ClusterWorld,
    private readonly scanner: VulnerabilityScanner,
    private readonly startMs: number,
  ) {}

  scheduleDaily(random: Random): void {
    const firstDay = Math.floor(this.startMs / DAY) * DAY;
    for (let day = firstDay; day < this.ctx.endMs; day += DAY) {
      const at = day + 7 * HOUR + random.int(0, 50 * MINUTE);
      if (at >= this.startMs) this.ctx.clock.at(at, () => this.analyze());
    }
  }

  /** Pods reachable from the internet, with how. */
  exposedPods(): { pod: PodState; via: string }[] {
    const exposed = new Map<string, { pod: PodState; via: string }>();
    const services = this.world.services;
    for (const pod of this.world.pods.values()) {
      if (pod.phase !== 'Running') continue;
      const direct = services.find(
        (service) =>
          (service.type === 'LoadBalancer' || service.type === 'NodePort') && selects(service, pod),
      );
      if (direct) {
        exposed.set(pod.uid, { pod, via: `${direct.type} service ${direct.namespace}/${direct.name}` });
        continue;
      }
      const routed = INGRESS_BACKENDS.map((backend) =>
        services.find((s) => s.namespace === backend.namespace && s.name === backend.service),
      ).find((service) => service !== undefined && selects(service, pod));
      if (routed) exposed.set(pod.uid, { pod, via: `ingress to service ${routed.namespace}/${routed.name}` });
    }
    return [...exposed.values()];
  }

  analyze(): void {
    const now = this.ctx.clock.now();
    if (now >= this.ctx.endMs) return;
    const time = new Date(now).toISOString();
    const reported = new Set<string>();
    for (const { pod, via } of this.exposedPods()) {
      for (const container of pod.containers) {
        const name = container.spec.name;
        const findings = this.scanner.findingsByReference(container.image, now);
        // One path per workload and container (a Deployment's replicas are one entry point), the gravest kind.
        const key = `${pod.namespace}/${pod.workload?.name ?? pod.name}|${name}`;
        const kind = PATH_KINDS.find((candidate) => findings.some(candidate.qualifies));
        if (!kind || reported.has(key)) continue;
        reported.add(key);
        this.write(kind, pod, name, container.image, via, findings.filter(kind.qualifies), time);
      }
    }
  }

  private write(
    kind: PathKind,
    pod: PodState,
    container: string,
    image: string,
    via: string,
    findings: Finding[],
    time: string,
  ): void {
    const podId = `${CLUSTER_RESOURCE_ID}/namespaces/${pod.namespace}/pods/${pod.name}`;
    const imageId = `${image.split(':')[0]}@${findings[0]!.image.digest}`;
    const cves = findings.map((finding) => finding.vulnerability.cve);
    const attackPathId = `${kind.type}-${hashKey(`${pod.namespace}/${pod.workload?.name ?? pod.name}/${container}`)}`;
    this.ctx.writer.write('SecurityAttackPathData', {
      TenantId: WORKSPACE_ID,
      TimeGenerated: time,
      Type: 'SecurityAttackPathData',
      SourceSystem: 'Azure',
      _ResourceId: CLUSTER_RESOURCE_ID.toLowerCase(),
      _SubscriptionId: SUBSCRIPTION_ID,
      AttackPathId: attackPathId,
      DisplayName: kind.displayName,
      Description: kind.describe(pod, container, image),
      AttackStory: `An attacker on the internet reaches pod '${pod.name}' through the ${via}, exploits ${cves.join(', ')} in container '${container}' and runs code in cluster '${CLUSTER_NAME}' with the pod's service account '${pod.template.serviceAccount}'.`,
      PotentialImpact:
        'Remote code execution in a pod of the cluster, a foothold for moving to the node, the cluster API and the cloud resources its identities reach.',
      RiskLevel: kind.riskLevel,
      RiskFactors: ['Exposure to the internet', 'Vulnerabilities'],
      Mitre: 'T1190',
      EntrypointId: podId,
      TargetId: podId,
      AdditionalRemediationSteps: `Update the image '${image}' to fixed package versions and redeploy, or remove the pod's exposure to the internet.`,
      Assessments: [
        {
          assessmentKey: RUNNING_VA_ASSESSMENT,
          assessedResourceId: CLUSTER_RESOURCE_ID,
          findings: cves,
        },
      ],
      Path: {
        nodes: [
          { id: 'internet', type: 'Internet', name: 'Internet' },
          { id: podId, type: 'Kubernetes pod', name: `${pod.namespace}/${pod.name}` },
          { id: `${podId}/containers/${container}`, type: 'Container', name: container },
          { id: imageId, type: 'Container image', name: image },
        ],
        edges: [
          { source: 'internet', target: podId, type: 'Exposed to', via },
          { source: podId, target: `${podId}/containers/${container}`, type: 'Contains' },
          { source: `${podId}/containers/${container}`, target: imageId, type: 'Runs image' },
        ],
        insights: findings.map((finding) => ({
          type: 'Vulnerability',
          cve: finding.vulnerability.cve,
          severity: finding.vulnerability.severity,
          cvss: finding.vulnerability.cvss,
        })),
      },
    });
  }
}

/** A stable short id for a path (the same workload keeps its id day after day). */
function hashKey(text: string): string {
  let hash = 2166136261;
  for (const char of text) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
  return hash.toString(16).padStart(8, '0');
}
