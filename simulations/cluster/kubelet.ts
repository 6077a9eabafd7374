import type { Random } from '../core/random';
import type { SimulatedClock } from '../core/simulatedClock';
import type { ImageRegistry } from '../registry/registry';
import type { AuditLog } from '../telemetry/auditLog';
import type { EventRecorder } from './eventLog';
import { CONTROL_PLANE_IP, USER_AGENT } from './constants';
import { SCHEDULER_USER, nodeUser } from './identities';
import type { PodState } from './podState';
import type { ProcessInfo } from './runtime';
import type { NodeSpec } from './types';

export interface KubeletHost {
  clock: SimulatedClock;
  random: Random;
  audit: AuditLog;
  events: EventRecorder;
  images: ImageRegistry;
  /** Images each node already has, by node name. */
  nodeImages: Map<string, Set<string>>;
  pulled(image: string, node: NodeSpec, time: number): void;
  podChanged(pod: PodState, phase: 'running' | 'gone'): void;
  isLive(pod: PodState): boolean;
  processStarted(pod: PodState, container: string, process: ProcessInfo): void;
}

/**
 * The node side of a pod's life: the scheduler's binding, image pulls, container starts and restarts,
 * back-offs, kills and removal — as Kubernetes events, audit records and runtime process starts.
 */
export class Kubelet {
  constructor(private readonly host: KubeletHost) {}

  /** Turns a pod machine's transition into what the kubelet and scheduler do and report. */
  report(pod: PodState, type: string, restart: boolean): void {
    const now = this.host.clock.now();
    const kubelet = (reason: string, message: string, kind: 'Normal' | 'Warning' = 'Normal') =>
      this.host.events.record({
        time: now,
        namespace: pod.namespace,
        objectKind: 'Pod',
        name: pod.name,
        reason,
        message,
        type: kind,
        source: 'kubelet',
        computer: pod.node.name,
      });
    switch (type) {
      case 'scheduled': {
        this.host.audit.record({
          time: now,
          user: SCHEDULER_USER,
          sourceIp: CONTROL_PLANE_IP,
          userAgent: USER_AGENT.kubeScheduler.replace('/leader-election', '/scheduler'),
          verb: 'create',
          resource: 'pods',
          subresource: 'binding',
          namespace: pod.namespace,
          name: pod.name,
          code: 201,
          requestObject: {
            kind: 'Binding',
            apiVersion: 'v1',
            metadata: { name: pod.name, namespace: pod.namespace, uid: pod.uid },
            target: { kind: 'Node', name: pod.node.name },
          },
        });
        this.host.events.record({
          time: now,
          namespace: pod.namespace,
          objectKind: 'Pod',
          name: pod.name,
          reason: 'Scheduled',
          message: `Successfully assigned ${pod.namespace}/${pod.name} to ${pod.node.name}`,
          type: 'Normal',
          source: 'default-scheduler',
        });
        for (const container of pod.containers) {
          const cache = this.host.nodeImages.get(pod.node.name)!;
          if (cache.has(container.image)) {
            kubelet('Pulled', `Container image "${container.image}" already present on machine`);
          } else {
            cache.add(container.image);
            const seconds = this.host.random.between(0.8, 14).toFixed(3);
            kubelet('Pulling', `Pulling image "${container.image}"`);
            kubelet(
              'Pulled',
              `Successfully pulled image "${container.image}" in ${seconds}s (${seconds}s including waiting). Image size: ${this.host.images.get(container.spec.image).sizeBytes} bytes.`,
            );
            this.host.pulled(container.image, pod.node, now);
          }
          container.createdAt = now + 300;
        }
        return;
      }
      case 'started': {
        pod.phase = 'Running';
        pod.degraded = false;
        pod.startedAt ??= now;
        for (const container of pod.containers) {
          if (restart) {
            container.restarts += 1;
            container.containerId = this.host.random.hex(64);
          }
          container.status = 'running';
          container.reason = '';
          container.startedAt = now;
          kubelet('Created', `Created container ${container.spec.name}`);
          kubelet('Started', `Started container ${container.spec.name}`);
          // The container's entrypoint is a process start the runtime sensor sees like any other.
          const main = container.spec.process;
          if (main && pod.runtime) {
            const info = {
              pid: pod.nextPid++,
              exe: main.exe,
              cmdline: main.cmdline,
              parentExe: 'containerd-shim-runc-v2',
              user: main.user,
            };
            pod.runtime.processes.push(info);
            this.host.processStarted(pod, container.spec.name, info);
          }
        }
        this.host.audit.record({
          time: now + 40,
          user: nodeUser(pod.node.name),
          sourceIp: pod.node.ip,
          userAgent: USER_AGENT.kubelet,
          verb: 'patch',
          resource: 'pods',
          subresource: 'status',
          namespace: pod.namespace,
          name: pod.name,
          code: 200,
        });
        this.host.podChanged(pod, 'running');
        if (pod.pendingCrashes > 0) {
          pod.pendingCrashes -= 1;
          this.host.clock.setTimeout(
            () => {
              if (this.host.isLive(pod) && pod.phase === 'Running') pod.actor.send({ type: 'CRASH' });
            },
            this.host.random.int(3_000, 40_000),
          );
        }
        return;
      }
      case 'crashed': {
        pod.degraded = true;
        const container = pod.containers[pod.containers.length - 1]!;
        container.status = 'waiting';
        container.reason = 'CrashLoopBackOff';
        container.finishedAt = now;
        const port = container.spec.ports?.[0]?.containerPort ?? 8080;
        kubelet(
          'Unhealthy',
          `Liveness probe failed: Get "http://${pod.ip}:${port}/healthz": dial tcp ${pod.ip}:${port}: connect: connection refused`,
          'Warning',
        );
        kubelet(
          'BackOff',
          `Back-off restarting failed container ${container.spec.name} in pod ${pod.name}_${pod.namespace}(${pod.uid})`,
          'Warning',
        );
        return;
      }
      case 'completed': {
        pod.phase = 'Succeeded';
        for (const container of pod.containers) {
          container.status = 'terminated';
          container.reason = 'Completed';
          container.finishedAt = now;
        }
        if (pod.runtime) pod.runtime.processes = [];
        this.host.events.record({
          time: now + 1000,
          namespace: pod.namespace,
          objectKind: 'Job',
          name: pod.controllerName,
          reason: 'Completed',
          message: 'Job completed',
          type: 'Normal',
          source: 'job-controller',
        });
        return;
      }
      case 'killing': {
        pod.phase = 'Terminating';
        for (const container of pod.containers)
          kubelet('Killing', `Stopping container ${container.spec.name}`);
        return;
      }
      case 'terminated': {
        pod.runtime = undefined;
        this.host.podChanged(pod, 'gone');
        return;
      }
    }
  }
}
