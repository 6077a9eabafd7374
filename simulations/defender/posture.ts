import type { ClusterWorld, PodState } from '../cluster/world';
import { DAY, HOUR, iso, MINUTE } from '../core/time';
import type { EmitContext } from '../telemetry/context';
import { CLUSTER_RESOURCE, securityRecommendationRow } from './recommendationRows';

export interface WorkloadRecommendation {
  assessmentKey: string;
  displayName: string;
  /** The Azure Policy for Kubernetes definition that evaluates it. */
  policyDefinitionId: string;
  policyDisplayName: string;
  severity: 'High' | 'Medium' | 'Low';
  description: string;
  violates: (pod: PodState) => string | undefined;
}

const containersOf = (pod: PodState) => [...(pod.template.initContainers ?? []), ...pod.template.containers];

/** The Kubernetes data-plane hardening recommendations Defender derives from Azure Policy for Kubernetes. */
const RECOMMENDATIONS: WorkloadRecommendation[] = [
  {
    assessmentKey: '5d90913f-a1c5-4429-ad54-2c6c17fb3c73',
    displayName: 'Privileged containers should be avoided',
    policyDefinitionId: '95edb821-ddaf-4404-9732-666045e056b4',
    policyDisplayName: 'Kubernetes cluster should not allow privileged containers',
    severity: 'Medium',
    description: 'To prevent unrestricted host access, avoid privileged containers whenever possible.',
    violates: (pod) => containersOf(pod).find((c) => c.securityContext?.privileged === true)?.name,
  },
  {
    assessmentKey: '802c0637-5a8c-4c98-abd7-7c96d89d6010',
    displayName: 'Containers sharing sensitive host namespaces should be avoided',
    policyDefinitionId: '47a1ee2f-2a2a-4576-bf2a-e0e36709c2b8',
    policyDisplayName: 'Kubernetes cluster containers should not share host process ID or host IPC namespace',
    severity: 'Medium',
    description:
      'To protect against privilege escalation outside the container, avoid pod access to sensitive host namespaces (host process ID and host IPC) in a Kubernetes cluster.',
    violates: (pod) => (pod.template.hostPID ? 'hostPID' : pod.template.hostIPC ? 'hostIPC' : undefined),
  },
  {
    assessmentKey: 'ebc68898-5c0f-4353-a426-4a5f1e737b12',
    displayName: 'Usage of host networking and ports should be restricted',
    policyDefinitionId: '82985f06-dc18-4a48-bc1c-b9f4f0098cfe',
    policyDisplayName: 'Kubernetes cluster pods should only use approved host network and port range',
    severity: 'Medium',
    description:
      'Restrict pod access to the host network and the allowable host port range in a Kubernetes cluster.',
    violates: (pod) =>
      pod.template.hostNetwork
        ? 'hostNetwork'
        : containersOf(pod).some((c) => c.ports?.some((p) => p.hostPort))
          ? 'hostPort'
          : undefined,
  },
  {
    assessmentKey: 'f0debc84-981c-4a0d-924d-aa4bd7d55fef',
    displayName:
      'Usage of pod HostPath volume mounts should be restricted to a known list to restrict node access from compromised containers',
    policyDefinitionId: '098fc59e-46c7-4d99-9b16-64990e543d75',
    policyDisplayName: 'Kubernetes cluster pod hostPath volumes should only use allowed host paths',
    severity: 'Medium',
    description:
      'We recommend limiting pod HostPath volume mounts in your Kubernetes cluster to the configured allowed host paths.',
    violates: (pod) => pod.template.volumes?.find((v) => v.hostPath)?.hostPath?.path,
  },
  {
    assessmentKey: '9b795646-9130-41a4-90b7-df9eae2437c8',
    displayName: 'Running containers as root user should be avoided',
    policyDefinitionId: 'f06ddb64-5fa3-4b77-b166-acb36f7f6042',
    policyDisplayName:
      'Kubernetes cluster pods and containers should only run with approved user and group IDs',
    severity: 'High',
    description: "Containers shouldn't run as root users in your Kubernetes cluster.",
    violates: (pod) =>
      pod.template.securityContext?.runAsNonRoot === true
        ? undefined
        : containersOf(pod).find((c) => c.securityContext?.runAsNonRoot !== true)?.name,
  },
];

/** Namespaces Azure Policy for Kubernetes excludes by default. */
const EXCLUDED_NAMESPACES = new Set([
  'kube-system',
  'gatekeeper-system',
  'azure-arc',
  'azure-extensions-usage-system',
]);

/** One recommendation's daily result: the workloads that violate it, out of those assessed. */
export interface PostureResult {
  recommendation: WorkloadRecommendation;
  unhealthy: { namespace: string; kind: string; owner: string }[];
  assessedWorkloads: number;
}

/**
 * Defender's posture assessments of the cluster's running workloads: once a day each recommendation is
 * exported as a snapshot, Unhealthy with the offending workloads while any pod violates it.
 */
export class PostureAssessor {
  constructor(
    private readonly ctx: EmitContext,
    private readonly world: ClusterWorld,
    private readonly startMs: number,
    /** Consumers of each day's results (regulatory compliance). */
    private readonly onAssessed: (results: PostureResult[], timeMs: number) => void = () => {},
  ) {}

  schedule(): void {
    const firstDay = Math.floor(this.startMs / DAY) * DAY;
    for (let day = firstDay; day < this.ctx.endMs; day += DAY) {
      const at = day + 6 * HOUR + this.ctx.random.int(0, 50 * MINUTE);
      if (at >= this.startMs) this.ctx.clock.at(at, () => this.assess());
    }
  }

  assess(): void {
    const now = this.ctx.clock.now();
    if (now >= this.ctx.endMs) return;
    const time = iso(now);
    const pods = [...this.world.pods.values()].filter((pod) => !EXCLUDED_NAMESPACES.has(pod.namespace));
    const assessedWorkloads = new Set(pods.map((pod) => `${pod.namespace}/${pod.workload?.name ?? pod.name}`))
      .size;
    const results: PostureResult[] = [];
    for (const recommendation of RECOMMENDATIONS) {
      const offenders = pods
        .map((pod) => ({ pod, detail: recommendation.violates(pod) }))
        .filter((entry) => entry.detail !== undefined)
        .map(({ pod, detail }) => ({
          namespace: pod.namespace,
          kind: pod.controllerKind || 'Pod',
          owner: pod.workload?.name ?? pod.name,
          pod: pod.name,
          detail,
        }));
      const unique = [...new Map(offenders.map((o) => [`${o.namespace}/${o.owner}`, o])).values()].sort(
        (a, b) => `${a.namespace}/${a.owner}`.localeCompare(`${b.namespace}/${b.owner}`),
      );
      results.push({ recommendation, unhealthy: unique, assessedWorkloads });
      const state = unique.length > 0 ? 'Unhealthy' : 'Healthy';
      this.ctx.writer.write(
        'SecurityRecommendation',
        securityRecommendationRow({
          time,
          resource: CLUSTER_RESOURCE,
          assessmentKey: recommendation.assessmentKey,
          displayName: recommendation.displayName,
          description: recommendation.description,
          severity: recommendation.severity,
          state,
          firstEvaluationMs: this.startMs - 60 * DAY,
          isSnapshot: true,
          policyDefinitionId: `/providers/Microsoft.Authorization/policyDefinitions/${recommendation.policyDefinitionId}`,
          metadata: {
            policyDefinitionId: recommendation.policyDefinitionId,
            policyDisplayName: recommendation.policyDisplayName,
          },
          additionalData: { unhealthyWorkloads: unique },
          recommendationAdditionalData: {
            policyDisplayName: recommendation.policyDisplayName,
            unhealthyWorkloads: unique.map((o) => `${o.namespace}/${o.kind}/${o.owner}`),
          },
        }),
      );
    }
    this.onAssessed(results, now);
  }
}
