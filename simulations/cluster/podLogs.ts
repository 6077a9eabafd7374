import { ContainerLogWriter, type LogLevel } from '../telemetry/containerLogs';
import type { EmitContext } from '../telemetry/context';
import type { PodState } from './podState';

export interface LogLine {
  time: number;
  text: string;
  source: 'stdout' | 'stderr';
}

interface ContainerInstance {
  containerId: string;
  lines: LogLine[];
}

/**
 * What the kubelet keeps of each container's output: the current instance and the previous one (`logs
 * --previous`), the most recent lines of each. Gone with the pod, as on a node.
 */
export class PodLogBook {
  private readonly byContainer = new Map<string, ContainerInstance[]>();

  constructor(private readonly linesPerInstance = 400) {}

  write(
    pod: PodState,
    containerName: string,
    timeMs: number,
    message: string | Record<string, unknown>,
    source: 'stdout' | 'stderr',
  ): void {
    const container = pod.containers.find((c) => c.spec.name === containerName) ?? pod.containers[0];
    if (!container) return;
    const key = `${pod.uid}/${container.spec.name}`;
    let instances = this.byContainer.get(key);
    if (!instances) {
      instances = [];
      this.byContainer.set(key, instances);
    }
    let current = instances[instances.length - 1];
    if (!current || current.containerId !== container.containerId) {
      current = { containerId: container.containerId, lines: [] };
      instances.push(current);
      if (instances.length > 2) instances.shift();
    }
    current.lines.push({
      time: timeMs,
      text: typeof message === 'string' ? message : JSON.stringify(message),
      source,
    });
    if (current.lines.length > this.linesPerInstance * 1.5)
      current.lines.splice(0, current.lines.length - this.linesPerInstance);
  }

  /** Lines of the container's current instance (or the one before it), up to `nowMs`. */
  lines(pod: PodState, containerName: string, nowMs: number, previous = false): LogLine[] | undefined {
    const container = pod.containers.find((c) => c.spec.name === containerName);
    if (!container) return undefined;
    const instances = this.byContainer.get(`${pod.uid}/${containerName}`) ?? [];
    const currentIndex = instances.findIndex((i) => i.containerId === container.containerId);
    const instance = previous
      ? currentIndex > 0
        ? instances[currentIndex - 1]
        : currentIndex === -1
          ? instances[instances.length - 1]
          : undefined
      : currentIndex === -1
        ? undefined
        : instances[currentIndex];
    if (previous && !instance) return undefined;
    return (instance?.lines ?? []).filter((line) => line.time <= nowMs);
  }

  /** Forgets a removed pod's logs (the node deletes its log directory). */
  forget(pod: PodState): void {
    for (const container of pod.containers) this.byContainer.delete(`${pod.uid}/${container.spec.name}`);
  }
}

/**
 * Container insights' log writer that also keeps each line in the node's log book, before collection
 * filters anything out (kube-system's logs are on the node even when they are not collected).
 */
export class RecordingLogWriter extends ContainerLogWriter {
  constructor(
    ctx: EmitContext,
    settings: ConstructorParameters<typeof ContainerLogWriter>[1],
    private readonly book: PodLogBook,
  ) {
    super(ctx, settings);
  }

  override write(
    pod: PodState,
    containerName: string,
    timeMs: number,
    message: string | Record<string, unknown>,
    source: 'stdout' | 'stderr' = 'stdout',
    level: LogLevel = 'info',
  ): void {
    this.book.write(pod, containerName, timeMs, message, source);
    super.write(pod, containerName, timeMs, message, source, level);
  }
}
