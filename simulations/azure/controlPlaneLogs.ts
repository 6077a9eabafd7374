import {
  API_SERVER_POD,
  CLUSTER_RESOURCE_ID_LOWER,
  SUBSCRIPTION_ID,
  WORKSPACE_ID,
} from '../cluster/constants';
import type { PodState } from '../cluster/podState';
import { iso, MINUTE } from '../core/time';
import type { ApiCall } from '../telemetry/auditLog';
import type { DiagnosticDestination } from '../telemetry/collection';
import type { EmitContext } from '../telemetry/context';
import { azureDiagnosticsRow } from './diagnosticSetting';

/** The hosted control plane's pods (AKS runs them in its own underlay; their names are what the logs carry). */
const PODS = {
  'kube-apiserver': API_SERVER_POD,
  'kube-controller-manager': 'kube-controller-manager-5f7c9d8b6-m2x4p',
  'kube-scheduler': 'kube-scheduler-6d8b7c9f5-t7q2w',
  guard: 'guard-7b9c6d8f4-h5k8n',
} as const;
type Category = keyof typeof PODS;

const KLOG_LEVEL = { Info: 'I', Warning: 'W', Error: 'E' } as const;

/** klog's header: `I0304 09:22:18.123456       1 file.go:123] message`. */
function klog(
  level: keyof typeof KLOG_LEVEL,
  timeMs: number,
  micros: number,
  source: string,
  message: string,
) {
  const d = new Date(timeMs);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const stamp = `${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}${pad(micros, 3)}`;
  return `${KLOG_LEVEL[level]}${stamp}       1 ${source}] ${message}`;
}

const APISERVER_NOISE: { level: keyof typeof KLOG_LEVEL; source: string; message: string }[] = [
  {
    level: 'Info',
    source: 'controller.go:615',
    message: 'quota admission added evaluator for: leases.coordination.k8s.io',
  },
  {
    level: 'Info',
    source: 'handler.go:286',
    message: 'Adding GroupVersion metrics.k8s.io v1beta1 to ResourceManager',
  },
  {
    level: 'Warning',
    source: 'watcher.go:338',
    message: 'watch chan error: etcdserver: mvcc: required revision has been compacted',
  },
  {
    level: 'Info',
    source: 'alloc.go:330',
    message: '"allocated clusterIPs" service="kube-system/metrics-server" clusterIPs={"IPv4":"10.0.143.21"}',
  },
  {
    level: 'Warning',
    source: 'reflector.go:547',
    message: 'storage/cacher.go:/secrets: watch of *core.Secret ended with: very short watch',
  },
];

/**
 * The control-plane log categories of the cluster's diagnostic setting, in AKSControlPlane (resource-specific
 * mode) or AzureDiagnostics (Azure diagnostics mode). kube-scheduler binds every new pod, kube-controller-manager
 * logs the pods its controllers create, guard (Entra ID authentication) logs each person's token, and
 * kube-apiserver writes its own background lines. Cluster autoscaler is off on
 * this cluster, so its category stays empty.
 */
export class ControlPlaneLogs {
  private readonly guardSeen = new Map<string, number>();

  constructor(
    private readonly ctx: EmitContext,
    private readonly nodeCount: () => number,
    private readonly destination: DiagnosticDestination = 'resource-specific',
  ) {}

  start(startMs: number): void {
    const random = this.ctx.random;
    let t = startMs + random.int(0, 10 * MINUTE);
    while (t < this.ctx.endMs) {
      const at = t;
      this.ctx.clock.at(at, () => {
        const line = random.pick(APISERVER_NOISE);
        this.write('kube-apiserver', at, line.level, line.source, line.message);
      });
      t += random.int(8 * MINUTE, 40 * MINUTE);
    }
  }

  onPod(pod: PodState, phase: 'created' | 'running' | 'gone'): void {
    if (phase !== 'created') return;
    const now = this.ctx.clock.now();
    const random = this.ctx.random;
    const owner = pod.controllerKind;
    if (owner === 'ReplicaSet' || owner === 'DaemonSet' || owner === 'Job' || owner === 'StatefulSet') {
      this.write(
        'kube-controller-manager',
        now,
        'Info',
        'event.go:389',
        `"Event occurred" object="${pod.namespace}/${pod.controllerName}" fieldPath="" kind="${owner}" apiVersion="${owner === 'Job' ? 'batch/v1' : 'apps/v1'}" type="Normal" reason="SuccessfulCreate" message="Created pod: ${pod.name}"`,
      );
    }
    // DaemonSet pods are placed by their controller's node affinity but still bound by the scheduler.
    const nodes = this.nodeCount();
    this.write(
      'kube-scheduler',
      now + random.int(2, 40),
      'Info',
      'schedule_one.go:314',
      `"Successfully bound pod to node" pod="${pod.namespace}/${pod.name}" node="${pod.node.name}" evaluatedNodes=${nodes} feasibleNodes=${owner === 'DaemonSet' ? 1 : nodes}`,
    );
  }

  /** guard validates each Entra ID token the API server receives; it logs a person once per session. */
  onApiCall(call: ApiCall): void {
    const user = call.user.username;
    if (!user.includes('@')) return;
    const last = this.guardSeen.get(user);
    this.guardSeen.set(user, call.time);
    if (last !== undefined && call.time - last < 60 * MINUTE) return;
    const groups = (call.user.groups ?? []).filter((group) => !group.startsWith('system:'));
    this.write(
      'guard',
      call.time,
      'Info',
      'azure.go:212',
      `"Authenticated user" username="${user}" groups=${JSON.stringify(groups)} sourceIP="${call.sourceIp}"`,
    );
  }

  private write(
    category: Category,
    timeMs: number,
    level: keyof typeof KLOG_LEVEL,
    source: string,
    message: string,
  ) {
    if (timeMs >= this.ctx.endMs) return;
    const timeGenerated = iso(timeMs);
    const line = klog(level, timeMs, this.ctx.random.int(0, 999), source, message);
    if (this.destination === 'azure-diagnostics') {
      this.ctx.writer.write(
        'AzureDiagnostics',
        azureDiagnosticsRow(category, timeGenerated, line, PODS[category], 'stderr'),
      );
      return;
    }
    this.ctx.writer.write('AKSControlPlane', {
      TenantId: WORKSPACE_ID,
      TimeGenerated: timeGenerated,
      Category: category,
      Level: level,
      Message: line,
      PodName: PODS[category],
      Stream: 'stderr',
      SourceSystem: 'Azure',
      Type: 'AKSControlPlane',
      _ResourceId: CLUSTER_RESOURCE_ID_LOWER,
      _SubscriptionId: SUBSCRIPTION_ID,
    });
  }
}
