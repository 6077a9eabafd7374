import { isoSeconds } from '../core/time';
import type { ClusterWorld } from './world';

/**
 * The cluster as `kubectl` would show it at the dataset's "now": nodes, namespaces, live pods (with their
 * spec, status and — only for live pods — runtime processes, files and connections), workloads,
 * services, service accounts and RBAC. Serializable (plain JSON), for the lab's simulated terminal.
 */
export interface ClusterSnapshot {
  takenAt: string;
  nodes: {
    name: string;
    ip: string;
    pool: string;
    osImage: string;
    kernel: string;
    containerRuntime: string;
    vmSize: string;
    zone: string;
  }[];
  namespaces: { name: string; labels: Record<string, string> }[];
  pods: {
    name: string;
    namespace: string;
    uid: string;
    node: string;
    ip: string;
    phase: string;
    createdAt: string;
    startedAt: string | null;
    controllerKind: string;
    controllerName: string;
    labels: Record<string, string>;
    serviceAccount: string;
    containers: {
      name: string;
      image: string;
      imageId: string;
      containerId: string;
      state: string;
      reason: string;
      restarts: number;
      startedAt: string | null;
    }[];
    spec: unknown;
    runtime: {
      processes: { pid: number; exe: string; cmdline: string; parentExe: string; user: string }[];
      files: { path: string; operation: string; time: string }[];
      connections: { destinationIp: string; destinationPort: number; time: string }[];
    };
  }[];
  workloads: {
    kind: string;
    name: string;
    namespace: string;
    replicas: number | null;
    templateHash: string | null;
    images: string[];
  }[];
  services: {
    name: string;
    namespace: string;
    type: string;
    clusterIp: string;
    externalIp: string | null;
    ports: { port: number; targetPort: number; protocol: string; nodePort?: number }[];
    selector: Record<string, string>;
  }[];
  serviceAccounts: { namespace: string; name: string; uid: string }[];
  clusterRoles: { name: string; rules: { apiGroups: string[]; resources: string[]; verbs: string[] }[] }[];
  bindings: {
    name: string;
    namespace: string | null;
    roleKind: string;
    roleName: string;
    subjects: { kind: string; name: string; namespace?: string }[];
  }[];
}

export function clusterSnapshot(world: ClusterWorld, nowMs = world.now): ClusterSnapshot {
  const pods = [...world.pods.values()].sort((a, b) =>
    `${a.namespace}/${a.name}`.localeCompare(`${b.namespace}/${b.name}`),
  );
  return {
    takenAt: new Date(nowMs).toISOString(),
    nodes: world.nodes.map(({ name, ip, pool, osImage, kernel, containerRuntime, vmSize, zone }) => ({
      name,
      ip,
      pool,
      osImage,
      kernel,
      containerRuntime,
      vmSize,
      zone,
    })),
    namespaces: [...world.namespaces.values()].map((n) => ({ name: n.name, labels: { ...n.labels } })),
    pods: pods.map((pod) => ({
      name: pod.name,
      namespace: pod.namespace,
      uid: pod.uid,
      node: pod.node.name,
      ip: pod.ip,
      phase: pod.degraded ? 'CrashLoopBackOff' : pod.phase,
      createdAt: isoSeconds(pod.createdAt),
      startedAt: pod.startedAt === undefined ? null : isoSeconds(pod.startedAt),
      controllerKind: pod.controllerKind,
      controllerName: pod.controllerName,
      labels: { ...pod.template.labels },
      serviceAccount: pod.template.serviceAccount,
      containers: pod.containers.map((c) => ({
        name: c.spec.name,
        image: c.image,
        imageId: `${c.image.split(':')[0]}@${c.imageDigest}`,
        containerId: `containerd://${c.containerId}`,
        state: c.status,
        reason: c.reason,
        restarts: c.restarts,
        startedAt: c.startedAt === undefined ? null : isoSeconds(c.startedAt),
      })),
      spec: JSON.parse(JSON.stringify((pod.object as { spec?: unknown }).spec ?? {})),
      runtime: {
        processes: (pod.runtime?.processes ?? []).map(({ pid, exe, cmdline, parentExe, user }) => ({
          pid,
          exe,
          cmdline,
          parentExe,
          user,
        })),
        files: (pod.runtime?.files ?? []).map((f) => ({
          path: f.path,
          operation: f.operation,
          time: new Date(f.time).toISOString(),
        })),
        connections: (pod.runtime?.connections ?? []).map((c) => ({
          destinationIp: c.destinationIp,
          destinationPort: c.destinationPort,
          time: new Date(c.time).toISOString(),
        })),
      },
    })),
    workloads: world.workloads.map((w) => ({
      kind: w.kind,
      name: w.name,
      namespace: w.namespace,
      replicas: w.replicas ?? null,
      templateHash: w.templateHash ?? null,
      images: w.template.containers.map((c) => `${c.image.registry}/${c.image.repository}:${c.image.tag}`),
    })),
    services: world.services.map((s) => ({
      name: s.name,
      namespace: s.namespace,
      type: s.type,
      clusterIp: s.clusterIp,
      externalIp: s.externalIp ?? null,
      ports: s.ports,
      selector: s.selector,
    })),
    serviceAccounts: [...world.serviceAccounts.entries()].map(([key, uid]) => {
      const [namespace, name] = key.split('/') as [string, string];
      return { namespace, name, uid };
    }),
    clusterRoles: world.spec.clusterRoles.map((r) => ({ name: r.name, rules: r.rules })),
    bindings: world.spec.bindings.map((b) => ({
      name: b.name,
      namespace: b.namespace ?? null,
      roleKind: b.roleKind,
      roleName: b.roleName,
      subjects: b.subjects,
    })),
  };
}
