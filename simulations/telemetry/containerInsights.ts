import { CLUSTER_RESOURCE_ID, KUBERNETES_VERSION } from '../cluster/constants';
import type { ClusterWorld, PodState } from '../cluster/world';
import { iso, isoSeconds } from '../core/time';
import { CLUSTER_ID, CLUSTER_NAME, insightsBase } from './common';
import type { EmitContext } from './context';
import { persistentVolumeRow } from './persistentVolumes';

/**
 * The Container insights agent's inventory collection (ama-logs): every collection interval it lists
 * pods, nodes, services, persistent volumes and containers and writes one row per container, node,
 * service, volume and image.
 * AKS's "cost-optimized" data collection preset collects every 5 minutes; "standard" every minute.
 */
export class ContainerInsightsCollector {
  constructor(
    private readonly ctx: EmitContext,
    private readonly world: ClusterWorld,
    private readonly images: import('../registry/registry').ImageRegistry,
  ) {}

  collect(timeMs: number): void {
    const time = iso(timeMs);
    const write = this.ctx.writer;
    const pods = [...this.world.pods.values()].sort((a, b) =>
      a.namespace + a.name < b.namespace + b.name ? -1 : 1,
    );
    for (const node of this.world.nodes) {
      const nodeLabels = {
        agentpool: node.pool,
        'beta.kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/instance-type': node.vmSize,
        'beta.kubernetes.io/os': 'linux',
        'kubernetes.azure.com/cluster': `MC_rg-contoso-prod_aks-contoso-prod_westeurope`,
        'kubernetes.azure.com/node-image-version': 'AKSUbuntu-2204gen2containerd-202411.12.0',
        'kubernetes.io/hostname': node.name,
        'kubernetes.io/role': 'agent',
        'topology.kubernetes.io/region': 'westeurope',
        'topology.kubernetes.io/zone': node.zone,
      };
      write.write('KubeNodeInventory', {
        ...insightsBase('KubeNodeInventory'),
        TimeGenerated: time,
        ClusterId: CLUSTER_ID,
        ClusterName: CLUSTER_NAME,
        Computer: node.name,
        CreationTimeStamp: '2026-01-12T08:41:17Z',
        DockerVersion: node.containerRuntime,
        KubeletVersion: KUBERNETES_VERSION,
        KubeProxyVersion: KUBERNETES_VERSION,
        KubernetesProviderID: 'azure',
        Labels: JSON.stringify([nodeLabels]),
        LastTransitionTimeReady: '2026-01-12T08:42:03Z',
        OperatingSystem: node.osImage,
        Status: 'Ready',
      });
      write.write('ContainerNodeInventory', {
        ...insightsBase('ContainerNodeInventory'),
        TimeGenerated: time,
        Computer: node.name,
        DockerVersion: node.containerRuntime.replace('containerd://', ''),
        OperatingSystem: node.osImage,
      });
      const imageCounts = new Map<
        string,
        { running: number; stopped: number; failed: number; pod: PodState; index: number }
      >();
      for (const pod of pods) {
        if (pod.node !== node) continue;
        pod.containers.forEach((container, index) => {
          const entry = imageCounts.get(container.image) ?? { running: 0, stopped: 0, failed: 0, pod, index };
          if (container.status === 'running') entry.running++;
          else if (container.reason === 'CrashLoopBackOff') entry.failed++;
          else entry.stopped++;
          imageCounts.set(container.image, entry);
        });
      }
      for (const image of [...imageCounts.keys()].sort()) {
        const counts = imageCounts.get(image)!;
        const spec = counts.pod.containers[counts.index]!.spec.image;
        const record = this.images.get(spec);
        write.write('ContainerImageInventory', {
          ...insightsBase('ContainerImageInventory'),
          TimeGenerated: time,
          Computer: node.name,
          Image: spec.repository,
          ImageTag: spec.tag,
          ImageID: record.imageId.replace('sha256:', ''),
          ImageSize: `${(record.sizeBytes / 1_000_000).toFixed(2)} MB`,
          VirtualSize: `${(record.sizeBytes / 1_000_000).toFixed(2)} MB`,
          Repository: spec.registry,
          Running: counts.running,
          Stopped: counts.stopped,
          Failed: counts.failed,
          Paused: 0,
          TotalContainer: counts.running + counts.stopped + counts.failed,
        });
      }
    }
    for (const pod of pods) this.writePod(pod, time);
    for (const volume of this.world.spec.persistentVolumes)
      write.write('KubePVInventory', persistentVolumeRow(volume, time));
    for (const service of this.world.services) {
      write.write('KubeServices', {
        ...insightsBase('KubeServices'),
        TimeGenerated: time,
        ClusterId: CLUSTER_ID,
        ClusterName: CLUSTER_NAME,
        ServiceName: service.name,
        Namespace: service.namespace,
        ClusterIp: service.clusterIp,
        ServiceType: service.type,
        SelectorLabels: Object.keys(service.selector).length > 0 ? JSON.stringify([service.selector]) : '',
      });
    }
  }

  private readonly podStatics = new WeakMap<
    PodState,
    { labels: string; serviceName: string; created: string }
  >();

  /** What does not change between two collections of the same pod. */
  private podStatic(pod: PodState) {
    let statics = this.podStatics.get(pod);
    if (!statics) {
      const service = this.world.services.find(
        (s) =>
          s.namespace === pod.namespace &&
          Object.keys(s.selector).length > 0 &&
          Object.entries(s.selector).every(([k, v]) => pod.template.labels[k] === v),
      );
      statics = {
        labels: JSON.stringify([pod.template.labels]),
        serviceName: service?.name ?? '',
        created: isoSeconds(pod.createdAt),
      };
      this.podStatics.set(pod, statics);
    }
    return statics;
  }

  private writePod(pod: PodState, time: string): void {
    const write = this.ctx.writer;
    const podStatus = pod.phase;
    const { labels, serviceName, created } = this.podStatic(pod);
    const restarts = pod.containers.reduce((sum, c) => sum + c.restarts, 0);
    for (const container of pod.containers) {
      const containerStatus = container.status;
      write.write('KubePodInventory', {
        ...insightsBase('KubePodInventory'),
        TimeGenerated: time,
        ClusterId: CLUSTER_ID,
        ClusterName: CLUSTER_NAME,
        Computer: pod.node.name,
        ContainerCreationTimeStamp:
          container.createdAt !== undefined ? isoSeconds(container.createdAt) : null,
        ContainerID: container.status === 'waiting' && container.restarts === 0 ? '' : container.containerId,
        ContainerLastStatus:
          container.restarts > 0 && container.finishedAt !== undefined
            ? JSON.stringify({
                lastState: 'terminated',
                reason: 'Error',
                exitCode: 1,
                finishedAt: isoSeconds(container.finishedAt),
              })
            : '',
        ContainerName: `${pod.uid}/${container.spec.name}`,
        ContainerRestartCount: container.restarts,
        ContainerStartTime: container.startedAt !== undefined ? isoSeconds(container.startedAt) : null,
        ContainerStatus: containerStatus,
        ContainerStatusReason: container.reason,
        ControllerKind: pod.controllerKind,
        ControllerName: pod.controllerName,
        InstanceName: `${CLUSTER_RESOURCE_ID}/${pod.uid}/${container.spec.name}`,
        Name: pod.name,
        Namespace: pod.namespace,
        PodCreationTimeStamp: created,
        PodIp: pod.phase === 'Pending' && pod.startedAt === undefined ? '' : pod.ip,
        PodLabel: labels,
        PodRestartCount: restarts,
        PodStartTime: pod.startedAt !== undefined ? isoSeconds(pod.startedAt) : null,
        PodStatus: podStatus,
        PodUid: pod.uid,
        ServiceName: serviceName,
      });
      write.write('ContainerInventory', {
        ...insightsBase('ContainerInventory'),
        TimeGenerated: time,
        Computer: pod.node.name,
        ContainerHostname: pod.template.hostNetwork ? pod.node.name : pod.name,
        ContainerID: container.containerId,
        ContainerState:
          containerStatus === 'running'
            ? 'Running'
            : container.reason === 'CrashLoopBackOff'
              ? 'Failed'
              : containerStatus === 'terminated'
                ? 'Terminated'
                : 'Created',
        CreatedTime: container.createdAt !== undefined ? iso(container.createdAt) : null,
        StartedTime: container.startedAt !== undefined ? iso(container.startedAt) : null,
        FinishedTime: container.finishedAt !== undefined ? iso(container.finishedAt) : null,
        ExitCode: container.reason === 'CrashLoopBackOff' ? 1 : 0,
        Image: container.spec.image.repository,
        ImageID: container.imageDigest.replace('sha256:', ''),
        ImageTag: container.spec.image.tag,
        Repository: container.spec.image.registry,
        Name: container.spec.name,
        Command: JSON.stringify(container.spec.process ? container.spec.process.cmdline.split(' ') : []),
        EnvironmentVar: '',
        ComposeGroup: '',
        Links: '',
        Ports: JSON.stringify(
          (container.spec.ports ?? []).map((p) => ({ containerPort: p.containerPort, protocol: 'TCP' })),
        ),
      });
    }
  }
}
