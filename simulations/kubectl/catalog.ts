import { KUBERNETES_VERSION } from '../cluster/constants';
import { imageReference } from '../cluster/podObject';
import type { PodState } from '../cluster/podState';
import type { BindingSpec, JsonObject, WorkloadSpec } from '../cluster/types';
import { DAY } from '../core/time';
import { age } from './duration';
import { aggregateEvents } from './events';
import type { KubectlHost } from './host';
import { isPodScheduled, podReady, podRestarts, podStatus, readyContainers } from './podView';
import { RESOURCE_TYPES, type ResourceType } from './resources';

/** One object as `kubectl get` sees it: its table cells and its full form for `-o yaml|json`. */
export interface Item {
  type: ResourceType;
  name: string;
  namespace?: string;
  labels: Record<string, string>;
  createdAt: number;
  /** Cells after NAME (the NAMESPACE and NAME cells are the printer's). */
  cells(wide: boolean): string[];
  object(): JsonObject;
}

export interface Columns {
  normal: string[];
  wide: string[];
}

/** Column headers after NAME, per resource type (server-side printers' columns). */
export const COLUMNS: Record<string, Columns> = {
  pods: {
    normal: ['READY', 'STATUS', 'RESTARTS', 'AGE'],
    wide: ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'],
  },
  nodes: {
    normal: ['STATUS', 'ROLES', 'AGE', 'VERSION'],
    wide: ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME'],
  },
  deployments: {
    normal: ['READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'],
    wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  },
  daemonsets: {
    normal: ['DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', 'AGE'],
    wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  },
  replicasets: { normal: ['DESIRED', 'CURRENT', 'READY', 'AGE'], wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'] },
  services: { normal: ['TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'], wide: ['SELECTOR'] },
  events: {
    normal: ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'],
    wide: ['SUBOBJECT', 'SOURCE', 'MESSAGE', 'FIRST SEEN', 'COUNT', 'NAME'],
  },
  secrets: { normal: ['TYPE', 'DATA', 'AGE'], wide: [] },
  serviceaccounts: { normal: ['SECRETS', 'AGE'], wide: [] },
  namespaces: { normal: ['STATUS', 'AGE'], wide: [] },
  roles: { normal: ['CREATED AT'], wide: [] },
  rolebindings: { normal: ['ROLE', 'AGE'], wide: ['USERS', 'GROUPS', 'SERVICEACCOUNTS'] },
  clusterroles: { normal: ['CREATED AT'], wide: [] },
  clusterrolebindings: { normal: ['ROLE', 'AGE'], wide: ['USERS', 'GROUPS', 'SERVICEACCOUNTS'] },
};

const type = (plural: string): ResourceType => RESOURCE_TYPES.find((t) => t.plural === plural)!;

function iso(ms: number): string {
  return `${new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19)}Z`;
}

function selectorText(labels: Record<string, string>): string {
  const entries = Object.entries(labels);
  return entries.length === 0 ? '<none>' : entries.map(([k, v]) => `${k}=${v}`).join(',');
}

function metadata(
  item: { name: string; namespace?: string; labels?: Record<string, string>; createdAt: number },
  extra: JsonObject = {},
) {
  return {
    name: item.name,
    ...(item.namespace ? { namespace: item.namespace } : {}),
    creationTimestamp: iso(item.createdAt),
    ...(item.labels && Object.keys(item.labels).length > 0 ? { labels: item.labels } : {}),
    ...extra,
  };
}

/** Objects that existed before the dataset began are as old as the cluster, or were made a few days after it. */
function createdAt(
  host: KubectlHost,
  resource: string,
  namespace: string | undefined,
  name: string,
  system: boolean,
) {
  return (
    host.created.get(`${resource}/${namespace ?? ''}/${name}`) ??
    host.clusterCreatedAt + (system ? 0 : 2 * DAY)
  );
}

// ------------------------------------------------------------------ pods

export function podItem(host: KubectlHost, pod: PodState): Item {
  const now = host.now();
  const scheduled = isPodScheduled(pod);
  return {
    type: type('pods'),
    name: pod.name,
    namespace: pod.namespace,
    labels: pod.template.labels,
    createdAt: pod.createdAt,
    cells: (wide) => [
      podReady(pod),
      podStatus(pod),
      podRestarts(pod, now),
      age(pod.createdAt, now),
      ...(wide
        ? [scheduled ? pod.ip : '<none>', scheduled ? pod.node.name : '<none>', '<none>', '<none>']
        : []),
    ],
    object: () => podJson(pod, scheduled),
  };
}

function podJson(pod: PodState, scheduled: boolean): JsonObject {
  const object = pod.object as { metadata?: JsonObject; spec?: JsonObject };
  const { generateName, creationTimestamp: _unused, ...meta } = (object.metadata ?? {}) as JsonObject;
  void _unused;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      ...meta,
      ...(generateName ? { generateName } : {}),
      name: pod.name,
      namespace: pod.namespace,
      uid: pod.uid,
      creationTimestamp: iso(pod.createdAt),
      labels: pod.template.labels,
    },
    spec: { ...(object.spec ?? {}), ...(scheduled ? { nodeName: pod.node.name } : {}) },
    status: {
      phase: pod.phase === 'Terminating' ? 'Running' : pod.phase,
      ...(scheduled ? { hostIP: pod.node.ip, podIP: pod.ip, podIPs: [{ ip: pod.ip }] } : {}),
      ...(pod.startedAt !== undefined ? { startTime: iso(pod.startedAt) } : {}),
      qosClass: 'BestEffort',
      containerStatuses: pod.containers.map((c) => ({
        name: c.spec.name,
        image: c.image,
        imageID: `${c.spec.image.registry}/${c.spec.image.repository}@${c.imageDigest}`,
        containerID: `containerd://${c.containerId}`,
        ready: c.status === 'running' && pod.phase !== 'Terminating',
        restartCount: c.restarts,
        started: c.status === 'running',
        state:
          c.status === 'running'
            ? { running: { startedAt: iso(c.startedAt ?? pod.createdAt) } }
            : c.status === 'terminated'
              ? {
                  terminated: {
                    exitCode: 0,
                    reason: c.reason,
                    finishedAt: iso(c.finishedAt ?? pod.createdAt),
                  },
                }
              : { waiting: { reason: c.reason || 'ContainerCreating' } },
      })),
    },
  };
}

// ------------------------------------------------------------------ workloads

function workloadPods(host: KubectlHost, workload: WorkloadSpec): PodState[] {
  return [...host.world.pods.values()].filter((pod) => pod.workload === workload);
}

function eligibleNodeCount(host: KubectlHost, workload: WorkloadSpec): number {
  return host.world.nodes.filter((n) => !workload.template.nodePool || n.pool === workload.template.nodePool)
    .length;
}

function templateCells(workload: WorkloadSpec, selector: Record<string, string>): string[] {
  return [
    workload.template.containers.map((c) => c.name).join(','),
    workload.template.containers.map((c) => imageReference(c.image)).join(','),
    selectorText(selector),
  ];
}

function workloadJson(
  kind: string,
  item: Item,
  workload: WorkloadSpec,
  spec: JsonObject,
  status: JsonObject,
): JsonObject {
  return {
    apiVersion: 'apps/v1',
    kind,
    metadata: metadata(item, { uid: '' }),
    spec: {
      ...spec,
      selector: { matchLabels: workload.template.labels },
      template: { metadata: { labels: workload.template.labels }, spec: podTemplateSpec(workload) },
    },
    status,
  };
}

function podTemplateSpec(workload: WorkloadSpec): JsonObject {
  const t = workload.template;
  return {
    containers: t.containers.map((c) => ({
      name: c.name,
      image: imageReference(c.image),
      ...(c.securityContext ? { securityContext: c.securityContext } : {}),
      ...(c.volumeMounts ? { volumeMounts: c.volumeMounts } : {}),
    })),
    serviceAccountName: t.serviceAccount,
    ...(t.hostNetwork ? { hostNetwork: true } : {}),
    ...(t.hostPID ? { hostPID: true } : {}),
    ...(t.volumes ? { volumes: t.volumes } : {}),
  };
}

function deploymentItems(host: KubectlHost): Item[] {
  const now = host.now();
  return host.world.workloads
    .filter((w) => w.kind === 'Deployment')
    .map((workload) => {
      const pods = workloadPods(host, workload).filter((p) => p.phase !== 'Terminating');
      const ready = pods.filter(
        (p) => p.phase === 'Running' && readyContainers(p) === p.containers.length,
      ).length;
      const upToDate = pods.filter(
        (p) => p.controllerName === `${workload.name}-${workload.templateHash}`,
      ).length;
      const desired = workload.replicas ?? 1;
      const item: Item = {
        type: type('deployments'),
        name: workload.name,
        namespace: workload.namespace,
        labels: workload.template.labels,
        createdAt: createdAt(
          host,
          'deployments',
          workload.namespace,
          workload.name,
          workload.system === true,
        ),
        cells: (wide) => [
          `${ready}/${desired}`,
          String(upToDate),
          String(ready),
          age(item.createdAt, now),
          ...(wide ? templateCells(workload, workload.template.labels) : []),
        ],
        object: () =>
          workloadJson(
            'Deployment',
            item,
            workload,
            { replicas: desired },
            {
              replicas: pods.length,
              readyReplicas: ready,
              updatedReplicas: upToDate,
              availableReplicas: ready,
            },
          ),
      };
      return item;
    });
}

function daemonSetItems(host: KubectlHost): Item[] {
  const now = host.now();
  return host.world.workloads
    .filter((w) => w.kind === 'DaemonSet')
    .map((workload) => {
      const pods = workloadPods(host, workload).filter((p) => p.phase !== 'Terminating');
      const desired = eligibleNodeCount(host, workload);
      const ready = pods.filter(
        (p) => p.phase === 'Running' && readyContainers(p) === p.containers.length,
      ).length;
      const nodeSelector = workload.template.nodePool ? `agentpool=${workload.template.nodePool}` : '<none>';
      const item: Item = {
        type: type('daemonsets'),
        name: workload.name,
        namespace: workload.namespace,
        labels: workload.template.labels,
        createdAt: createdAt(host, 'daemonsets', workload.namespace, workload.name, workload.system === true),
        cells: (wide) => [
          String(desired),
          String(pods.length),
          String(ready),
          String(pods.length),
          String(ready),
          nodeSelector,
          age(item.createdAt, now),
          ...(wide ? templateCells(workload, workload.template.labels) : []),
        ],
        object: () =>
          workloadJson(
            'DaemonSet',
            item,
            workload,
            {},
            {
              desiredNumberScheduled: desired,
              currentNumberScheduled: pods.length,
              numberReady: ready,
            },
          ),
      };
      return item;
    });
}

function replicaSetItems(host: KubectlHost): Item[] {
  const now = host.now();
  const items: Item[] = [];
  for (const workload of host.world.workloads.filter((w) => w.kind === 'Deployment')) {
    const pods = workloadPods(host, workload).filter((p) => p.phase !== 'Terminating');
    const current = `${workload.name}-${workload.templateHash}`;
    const names = [...new Set([current, ...pods.map((p) => p.controllerName)])].sort();
    for (const name of names) {
      const own = pods.filter((p) => p.controllerName === name);
      const desired = name === current ? (workload.replicas ?? 1) : 0;
      const ready = own.filter(
        (p) => p.phase === 'Running' && readyContainers(p) === p.containers.length,
      ).length;
      const labels = {
        ...workload.template.labels,
        'pod-template-hash': name.slice(workload.name.length + 1),
      };
      const earliest = own.length > 0 ? Math.min(...own.map((p) => p.createdAt)) : undefined;
      const item: Item = {
        type: type('replicasets'),
        name,
        namespace: workload.namespace,
        labels,
        createdAt:
          host.created.get(`replicasets/${workload.namespace}/${name}`) ??
          earliest ??
          createdAt(host, 'deployments', workload.namespace, workload.name, workload.system === true),
        cells: (wide) => [
          String(desired),
          String(own.length),
          String(ready),
          age(item.createdAt, now),
          ...(wide ? templateCells(workload, labels) : []),
        ],
        object: () =>
          workloadJson(
            'ReplicaSet',
            item,
            workload,
            { replicas: desired },
            { replicas: own.length, readyReplicas: ready },
          ),
      };
      items.push(item);
    }
  }
  return items;
}

// ------------------------------------------------------------------ cluster objects

function nodeItems(host: KubectlHost): Item[] {
  const now = host.now();
  return host.world.nodes.map((node) => {
    const labels = {
      agentpool: node.pool,
      'kubernetes.azure.com/agentpool': node.pool,
      'kubernetes.io/hostname': node.name,
      'kubernetes.io/os': 'linux',
      'node.kubernetes.io/instance-type': node.vmSize,
      'topology.kubernetes.io/zone': node.zone,
    };
    const item: Item = {
      type: type('nodes'),
      name: node.name,
      labels,
      createdAt: host.created.get(`nodes//${node.name}`) ?? host.clusterCreatedAt,
      cells: (wide) => [
        node.unschedulable ? 'Ready,SchedulingDisabled' : 'Ready',
        '<none>',
        age(item.createdAt, now),
        KUBERNETES_VERSION,
        ...(wide ? [node.ip, '<none>', node.osImage, node.kernel, node.containerRuntime] : []),
      ],
      object: () => ({
        apiVersion: 'v1',
        kind: 'Node',
        metadata: metadata(item),
        spec: {
          podCIDR: `10.244.${node.podSubnet}.0/24`,
          providerID: `azure:///subscriptions/.../virtualMachineScaleSets/${node.name.replace(/\d{6}$/, '')}/virtualMachines/${Number(node.name.slice(-6))}`,
          ...(node.unschedulable ? { unschedulable: true } : {}),
        },
        status: {
          addresses: [
            { type: 'InternalIP', address: node.ip },
            { type: 'Hostname', address: node.name },
          ],
          nodeInfo: {
            kubeletVersion: KUBERNETES_VERSION,
            osImage: node.osImage,
            kernelVersion: node.kernel,
            containerRuntimeVersion: node.containerRuntime,
            operatingSystem: 'linux',
            architecture: 'amd64',
          },
        },
      }),
    };
    return item;
  });
}

function namespaceItems(host: KubectlHost): Item[] {
  const now = host.now();
  return [...host.world.namespaces.values()]
    .map((ns) => {
      const labels = { 'kubernetes.io/metadata.name': ns.name, ...ns.labels };
      const item: Item = {
        type: type('namespaces'),
        name: ns.name,
        labels,
        createdAt: createdAt(host, 'namespaces', undefined, ns.name, true),
        cells: () => ['Active', age(item.createdAt, now)],
        object: () => ({
          apiVersion: 'v1',
          kind: 'Namespace',
          metadata: metadata(item),
          spec: { finalizers: ['kubernetes'] },
          status: { phase: 'Active' },
        }),
      };
      return item;
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

function serviceItems(host: KubectlHost): Item[] {
  const now = host.now();
  return host.world.services.map((service) => {
    const ports = service.ports
      .map((p) =>
        p.nodePort && service.type !== 'ClusterIP'
          ? `${p.port}:${p.nodePort}/${p.protocol}`
          : `${p.port}/${p.protocol}`,
      )
      .join(',');
    const external = service.type === 'LoadBalancer' ? (service.externalIp ?? '<pending>') : '<none>';
    const item: Item = {
      type: type('services'),
      name: service.name,
      namespace: service.namespace,
      labels: {},
      createdAt: createdAt(host, 'services', service.namespace, service.name, service.namespace !== 'shop'),
      cells: (wide) => [
        service.type,
        service.clusterIp,
        external,
        ports,
        age(item.createdAt, now),
        ...(wide ? [selectorText(service.selector)] : []),
      ],
      object: () => ({
        apiVersion: 'v1',
        kind: 'Service',
        metadata: metadata(item),
        spec: {
          type: service.type,
          clusterIP: service.clusterIp,
          clusterIPs: [service.clusterIp],
          ports: service.ports,
          ...(Object.keys(service.selector).length > 0 ? { selector: service.selector } : {}),
        },
        status: {
          loadBalancer:
            service.externalIp && service.type === 'LoadBalancer'
              ? { ingress: [{ ip: service.externalIp }] }
              : {},
        },
      }),
    };
    return item;
  });
}

/** DATA: how many keys a secret holds (a TLS secret holds a certificate and a key). */
function secretKeys(secret: { name: string; type: string }): string[] {
  if (secret.type === 'kubernetes.io/tls') return ['tls.crt', 'tls.key'];
  if (/db/.test(secret.name)) return ['password', 'username'];
  if (/appsettings/.test(secret.name)) return ['appsettings.Production.json'];
  if (/token/.test(secret.name)) return ['token'];
  return ['ca.crt', 'tls.crt', 'tls.key'].slice(0, 1 + (secret.name.length % 3));
}

function secretItems(host: KubectlHost): Item[] {
  const now = host.now();
  return host.world.spec.secrets.map((secret) => {
    const keys = secretKeys(secret);
    const item: Item = {
      type: type('secrets'),
      name: secret.name,
      namespace: secret.namespace,
      labels: {},
      createdAt: createdAt(
        host,
        'secrets',
        secret.namespace,
        secret.name,
        secret.namespace === 'kube-system',
      ),
      cells: () => [secret.type, String(keys.length), age(item.createdAt, now)],
      object: () => ({
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: metadata(item),
        type: secret.type,
        // The lab never shows secret values: each key holds a placeholder, base64-encoded as the API returns it.
        data: Object.fromEntries(keys.map((key) => [key, base64(`<${key} of ${secret.name}>`)])),
      }),
    };
    return item;
  });
}

function base64(text: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const bytes = [...text].map((c) => c.charCodeAt(0) & 0xff);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i]!, bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += alphabet[(n >> 18) & 63]! + alphabet[(n >> 12) & 63]!;
    out += b === undefined ? '=' : alphabet[(n >> 6) & 63]!;
    out += c === undefined ? '=' : alphabet[n & 63]!;
  }
  return out;
}

function serviceAccountItems(host: KubectlHost): Item[] {
  const now = host.now();
  return [...host.world.serviceAccounts.entries()].map(([key, uid]) => {
    const [namespace, name] = key.split('/') as [string, string];
    const item: Item = {
      type: type('serviceaccounts'),
      name,
      namespace,
      labels: {},
      createdAt: createdAt(
        host,
        'serviceaccounts',
        namespace,
        name,
        namespace === 'kube-system' || name === 'default',
      ),
      cells: () => ['0', age(item.createdAt, now)],
      object: () => ({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: metadata(item, { uid }) }),
    };
    return item;
  });
}

function bindingSubjects(binding: BindingSpec): string[] {
  const of = (kind: string) =>
    binding.subjects
      .filter((s) => s.kind === kind)
      .map((s) => (kind === 'ServiceAccount' ? `${s.namespace}/${s.name}` : s.name))
      .join(', ');
  return [of('User'), of('Group'), of('ServiceAccount')];
}

function bindingItems(host: KubectlHost, namespaced: boolean): Item[] {
  const now = host.now();
  const resource = namespaced ? 'rolebindings' : 'clusterrolebindings';
  return host.world.spec.bindings
    .filter((b) => (b.namespace !== undefined) === namespaced)
    .map((binding) => {
      const item: Item = {
        type: type(resource),
        name: binding.name,
        namespace: binding.namespace,
        labels: {},
        createdAt: createdAt(host, resource, binding.namespace, binding.name, false),
        cells: (wide) => [
          `${binding.roleKind}/${binding.roleName}`,
          age(item.createdAt, now),
          ...(wide ? bindingSubjects(binding) : []),
        ],
        object: () => ({
          apiVersion: 'rbac.authorization.k8s.io/v1',
          kind: namespaced ? 'RoleBinding' : 'ClusterRoleBinding',
          metadata: metadata(item),
          roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: binding.roleKind, name: binding.roleName },
          subjects: binding.subjects.map((s) => ({
            ...(s.kind === 'ServiceAccount' ? {} : { apiGroup: 'rbac.authorization.k8s.io' }),
            ...s,
          })),
        }),
      };
      return item;
    });
}

function clusterRoleItems(host: KubectlHost): Item[] {
  return host.world.spec.clusterRoles.map((role) => {
    const item: Item = {
      type: type('clusterroles'),
      name: role.name,
      labels: {},
      createdAt: createdAt(host, 'clusterroles', undefined, role.name, true),
      cells: () => [iso(item.createdAt)],
      object: () => ({
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRole',
        metadata: metadata(item),
        rules: role.rules,
      }),
    };
    return item;
  });
}

// ------------------------------------------------------------------ events

function eventItems(host: KubectlHost): Item[] {
  const now = host.now();
  return aggregateEvents(host.events.live(now)).map((event) => {
    const objectName = `${event.objectKind.toLowerCase()}/${event.name}`;
    const name = `${event.name}.${Math.floor(event.firstTime * 1000)
      .toString(16)
      .slice(-16)}`;
    const item: Item = {
      type: type('events'),
      name,
      namespace: event.namespace,
      labels: {},
      createdAt: event.time,
      cells: (wide) =>
        wide
          ? [
              age(event.time, now),
              event.type,
              event.reason,
              objectName,
              '',
              `${event.source}${event.computer ? `, ${event.computer}` : ''}`,
              event.message,
              age(event.firstTime, now),
              String(event.count),
              name,
            ]
          : [age(event.time, now), event.type, event.reason, objectName, event.message],
      object: () => ({
        apiVersion: 'v1',
        kind: 'Event',
        metadata: metadata(item),
        involvedObject: { kind: event.objectKind, name: event.name, namespace: event.namespace },
        reason: event.reason,
        message: event.message,
        type: event.type,
        source: { component: event.source, ...(event.computer ? { host: event.computer } : {}) },
        firstTimestamp: iso(event.firstTime),
        lastTimestamp: iso(event.time),
        count: event.count,
      }),
    };
    return item;
  });
}

/** Every object of a type, all namespaces, in API order (namespace, then name; events by name). */
export function listItems(host: KubectlHost, resource: ResourceType): Item[] {
  const items = (() => {
    switch (resource.plural) {
      case 'pods':
        return [...host.world.pods.values()].map((pod) => podItem(host, pod));
      case 'nodes':
        return nodeItems(host);
      case 'deployments':
        return deploymentItems(host);
      case 'daemonsets':
        return daemonSetItems(host);
      case 'replicasets':
        return replicaSetItems(host);
      case 'services':
        return serviceItems(host);
      case 'events':
        return eventItems(host);
      case 'secrets':
        return secretItems(host);
      case 'serviceaccounts':
        return serviceAccountItems(host);
      case 'namespaces':
        return namespaceItems(host);
      case 'rolebindings':
        return bindingItems(host, true);
      case 'clusterrolebindings':
        return bindingItems(host, false);
      case 'clusterroles':
        return clusterRoleItems(host);
      default:
        return [];
    }
  })();
  return items.sort((a, b) =>
    (a.namespace ?? '') === (b.namespace ?? '')
      ? compare(a.name, b.name)
      : compare(a.namespace ?? '', b.namespace ?? ''),
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
