import type { NodeSpec } from './types';

/** What the Defender sensor sees on a node: process starts, file accesses, network connections. */
export interface RuntimeContext {
  time: number;
  node: NodeSpec;
  /** Absent for processes on the host itself (cron, kernel helpers, containers started behind Kubernetes' back). */
  pod?: {
    name: string;
    namespace: string;
    uid: string;
    system: boolean;
    privileged: boolean;
    image: string;
    workload?: string;
  };
  container?: string;
  containerId?: string;
}

export interface ProcessInfo {
  pid: number;
  exe: string;
  cmdline: string;
  parentExe: string;
  user: string;
  tty?: boolean;
  /** Runs in the host's namespaces (after nsenter / chroot into the host filesystem). */
  inHostNamespaces?: boolean;
}

export type RuntimeEvent =
  | (RuntimeContext & { kind: 'process'; process: ProcessInfo })
  | (RuntimeContext & {
      kind: 'file';
      process: ProcessInfo;
      path: string;
      operation: 'read' | 'write' | 'delete';
    })
  | (RuntimeContext & {
      kind: 'network';
      process: ProcessInfo;
      destinationIp: string;
      destinationPort: number;
      domain?: string;
    });

/** A live container's runtime state: gone with the pod, which is the point. */
export interface RuntimeState {
  processes: ProcessInfo[];
  files: { path: string; operation: string; time: number }[];
  /** Outbound connections; `process` is the one that opened it (for `ss -p`). */
  connections: { destinationIp: string; destinationPort: number; time: number; process?: ProcessInfo }[];
}

export type RuntimeListener = (event: RuntimeEvent) => void;
