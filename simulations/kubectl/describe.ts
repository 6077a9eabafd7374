import { KUBERNETES_VERSION } from '../cluster/constants';
import type { PodState } from '../cluster/podState';
import type {
  BindingSpec,
  ContainerSpec,
  NodeSpec,
  PodTemplate,
  VolumeSpec,
  WorkloadSpec,
} from '../cluster/types';
import { Random } from '../../src/shared/random';
import { listItems } from './catalog';
import { age, rfc1123z } from './duration';
import { aggregateEvents, eventAge } from './events';
import type { ParsedArgs } from './flags';
import { requestNamedObject, type KubectlHost } from './host';
import { isPodScheduled, matchesSelector, readyContainers } from './podView';
import { qualifiedName, resolveResource, type ResourceType } from './resources';
import { fail, serverError, type CommandOutput } from './result';
import { DESCRIBE_TABS, tabulate } from './tabwriter';

/** Lines of one describe block: `label:\tvalue` cells, indented two spaces per level. */
class Block {
  readonly lines: string[] = [];

  add(level: number, text: string): this {
    this.lines.push(`${'  '.repeat(level)}${text}`);
    return this;
  }

  /** `Labels:` and the like: the first entry on the label's line, the rest below it, aligned. */
  map(level: number, label: string, entries: Record<string, string>, separator = '='): this {
    const list = Object.entries(entries).map(([k, v]) => `${k}${separator}${v}`);
    if (list.length === 0) return this.add(level, `${label}:\t<none>`);
    this.add(level, `${label}:\t${list[0]}`);
    for (const entry of list.slice(1)) this.add(level, `\t${entry}`);
    return this;
  }

  text(): string {
    return tabulate(this.lines, DESCRIBE_TABS);
  }
}

const TOLERATIONS = [
  'node.kubernetes.io/not-ready:NoExecute op=Exists for 300s',
  'node.kubernetes.io/unreachable:NoExecute op=Exists for 300s',
];

/** The projected service-account token volume admission adds to every pod that mounts a token. */
function tokenVolumeName(seed: string): string {
  return `kube-api-access-${new Random(`token-volume:${seed}`).k8sSuffix(5)}`;
}

function mountsToken(template: PodTemplate): boolean {
  return template.automountServiceAccountToken !== false;
}

function portText(container: ContainerSpec, host: boolean): string {
  const port = container.ports?.[0];
  if (!port) return '<none>';
  return host
    ? `${port.hostPort ?? 0}/${port.protocol ?? 'TCP'}`
    : `${port.containerPort}/${port.protocol ?? 'TCP'}`;
}

function describeVolumes(block: Block, level: number, volumes: VolumeSpec[], tokenVolume?: string): void {
  for (const volume of volumes) {
    block.add(level, `${volume.name}:`);
    const inner = level + 1;
    if (volume.hostPath) {
      block.add(inner, `Type:\tHostPath (bare host directory volume)`);
      block.add(inner, `Path:\t${volume.hostPath.path}`);
      block.add(inner, `HostPathType:\t${volume.hostPath.type ?? ''}`);
    } else if (volume.persistentVolumeClaim) {
      block.add(
        inner,
        `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)`,
      );
      block.add(inner, `ClaimName:\t${volume.persistentVolumeClaim.claimName}`);
      block.add(inner, `ReadOnly:\tfalse`);
    } else if (volume.secret) {
      block.add(inner, `Type:\tSecret (a volume populated by a Secret)`);
      block.add(inner, `SecretName:\t${volume.secret.secretName}`);
      block.add(inner, `Optional:\tfalse`);
    } else if (volume.configMap) {
      block.add(inner, `Type:\tConfigMap (a volume populated by a ConfigMap)`);
      block.add(inner, `Name:\t${volume.configMap.name}`);
      block.add(inner, `Optional:\tfalse`);
    } else if (volume.emptyDir) {
      block.add(inner, `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)`);
      block.add(inner, `Medium:\t`);
      block.add(inner, `SizeLimit:\t<unset>`);
    } else block.add(inner, `Type:\tProjected (a volume that contains injected data from multiple sources)`);
  }
  if (tokenVolume) {
    block.add(level, `${tokenVolume}:`);
    block.add(level + 1, `Type:\tProjected (a volume that contains injected data from multiple sources)`);
    block.add(level + 1, `TokenExpirationSeconds:\t3607`);
    block.add(level + 1, `ConfigMapName:\tkube-root-ca.crt`);
    block.add(level + 1, `ConfigMapOptional:\t<nil>`);
    block.add(level + 1, `DownwardAPI:\ttrue`);
  }
}

function describeMounts(block: Block, level: number, container: ContainerSpec, tokenVolume?: string): void {
  const mounts = [
    ...(container.volumeMounts ?? []).map(
      (m) => `${m.mountPath} from ${m.name} (${m.readOnly ? 'ro' : 'rw'})`,
    ),
    ...(tokenVolume ? [`/var/run/secrets/kubernetes.io/serviceaccount from ${tokenVolume} (ro)`] : []),
  ];
  if (mounts.length === 0) {
    block.add(level, `Mounts:\t<none>`);
    return;
  }
  block.add(level, 'Mounts:');
  for (const mount of mounts) block.add(level + 1, mount);
}

/** `Events:` and its table, or `Events:  <none>` (its own tabwriter block, as DescribeEvents flushes first). */
function eventsText(host: KubectlHost, kind: string, namespace: string | undefined, name: string): string {
  const now = host.now();
  const events = aggregateEvents(host.events.live(now)).filter(
    (e) => e.objectKind === kind && e.name === name && (namespace === undefined || e.namespace === namespace),
  );
  if (events.length === 0) return tabulate(['Events:\t<none>'], DESCRIBE_TABS);
  const block = new Block();
  block.add(0, 'Events:');
  block.add(1, 'Type\tReason\tAge\tFrom\tMessage');
  block.add(1, '----\t------\t----\t----\t-------');
  for (const e of events) {
    const from = e.source === 'kubelet' ? 'kubelet' : e.source;
    block.add(1, `${e.type}\t${e.reason}\t${eventAge(e, now)}\t${from}\t${e.message}`);
  }
  return block.text();
}

// ------------------------------------------------------------------ pod

function containerBlock(
  block: Block,
  pod: PodState,
  index: number,
  tokenVolume: string | undefined,
  now: number,
): void {
  const container = pod.containers[index]!;
  const spec = container.spec;
  block.add(1, `${spec.name}:`);
  const scheduled = isPodScheduled(pod);
  if (scheduled && container.status !== 'waiting')
    block.add(2, `Container ID:\tcontainerd://${container.containerId}`);
  block.add(2, `Image:\t${container.image}`);
  if (container.startedAt !== undefined)
    block.add(2, `Image ID:\t${spec.image.registry}/${spec.image.repository}@${container.imageDigest}`);
  block.add(2, `Port:\t${portText(spec, false)}`);
  block.add(2, `Host Port:\t${portText(spec, true)}`);
  for (const [label, list] of [
    ['Command', spec.command],
    ['Args', spec.args],
  ] as const) {
    if (!list || list.length === 0) continue;
    block.add(2, `${label}:`);
    for (const word of list) block.add(3, word);
  }
  if (pod.phase === 'Succeeded' || container.status === 'terminated') {
    block.add(2, `State:\tTerminated`);
    block.add(3, `Reason:\t${container.reason || 'Completed'}`);
    block.add(3, `Exit Code:\t0`);
    if (container.startedAt !== undefined) block.add(3, `Started:\t${rfc1123z(container.startedAt)}`);
    if (container.finishedAt !== undefined) block.add(3, `Finished:\t${rfc1123z(container.finishedAt)}`);
  } else if (container.status === 'running') {
    block.add(2, `State:\tRunning`);
    block.add(3, `Started:\t${rfc1123z(container.startedAt ?? pod.createdAt)}`);
  } else {
    block.add(2, `State:\tWaiting`);
    block.add(3, `Reason:\t${container.reason || 'ContainerCreating'}`);
  }
  if (container.restarts > 0 && container.finishedAt !== undefined) {
    block.add(2, `Last State:\tTerminated`);
    block.add(3, `Reason:\tError`);
    block.add(3, `Exit Code:\t1`);
    // When the previous instance started is not kept by the model; when it ended is.
    block.add(3, `Finished:\t${rfc1123z(container.finishedAt)}`);
  }
  block.add(2, `Ready:\t${container.status === 'running' && pod.phase === 'Running' ? 'True' : 'False'}`);
  block.add(2, `Restart Count:\t${container.restarts}`);
  block.add(2, `Environment:\t<none>`);
  describeMounts(block, 2, spec, tokenVolume);
  void now;
}

export function describePod(host: KubectlHost, pod: PodState): string {
  const now = host.now();
  const block = new Block();
  const scheduled = isPodScheduled(pod);
  const template = pod.template;
  const tokenVolume = mountsToken(template) ? tokenVolumeName(pod.uid) : undefined;
  block.add(0, `Name:\t${pod.name}`);
  block.add(0, `Namespace:\t${pod.namespace}`);
  block.add(0, `Priority:\t${pod.workload?.system ? '2000001000' : '0'}`);
  if (pod.workload?.system) block.add(0, `Priority Class Name:\tsystem-node-critical`);
  block.add(0, `Service Account:\t${template.serviceAccount}`);
  block.add(0, `Node:\t${scheduled ? `${pod.node.name}/${pod.node.ip}` : '<none>'}`);
  if (pod.startedAt !== undefined || scheduled)
    block.add(0, `Start Time:\t${rfc1123z(pod.startedAt ?? pod.createdAt)}`);
  block.map(0, 'Labels', template.labels);
  block.add(0, `Annotations:\t<none>`);
  if (pod.phase === 'Terminating') {
    // The kubelet's Killing event marks when the deletion reached the pod.
    const killed = host.events
      .live(now)
      .filter(
        (e) =>
          e.objectKind === 'Pod' &&
          e.name === pod.name &&
          e.namespace === pod.namespace &&
          e.reason === 'Killing',
      )
      .at(-1);
    block.add(0, `Status:\tTerminating (lasts ${age(killed?.time ?? now, now)})`);
    block.add(0, `Termination Grace Period:\t30s`);
  } else block.add(0, `Status:\t${pod.phase}`);
  block.add(0, `IP:\t${scheduled ? pod.ip : ''}`);
  if (scheduled) {
    block.add(0, 'IPs:');
    block.add(1, `IP:\t${pod.ip}`);
  } else block.add(0, `IPs:\t<none>`);
  if (pod.controllerKind) block.add(0, `Controlled By:\t${pod.controllerKind}/${pod.controllerName}`);
  block.add(0, 'Containers:');
  pod.containers.forEach((_c, index) => containerBlock(block, pod, index, tokenVolume, now));
  block.add(0, 'Conditions:');
  block.add(1, 'Type\tStatus');
  const running = pod.phase === 'Running' && readyContainers(pod) === pod.containers.length;
  const conditions: [string, boolean][] = [
    ['PodReadyToStartContainers', scheduled && pod.phase !== 'Pending'],
    ['Initialized', scheduled],
    ['Ready', running],
    ['ContainersReady', running],
    ['PodScheduled', scheduled],
  ];
  for (const [type, status] of conditions) block.add(1, `${type} \t${status ? 'True' : 'False'} `);
  const volumes = template.volumes ?? [];
  if (volumes.length === 0 && !tokenVolume) block.add(0, 'Volumes:\t<none>');
  else {
    block.add(0, 'Volumes:');
    describeVolumes(block, 1, volumes, tokenVolume);
  }
  block.add(0, `QoS Class:\tBestEffort`);
  block.add(0, `Node-Selectors:\t${template.nodePool ? `agentpool=${template.nodePool}` : '<none>'}`);
  block.add(0, `Tolerations:\t${TOLERATIONS[0]}`);
  block.add(0, `\t${TOLERATIONS[1]}`);
  return `${block.text()}\n${eventsText(host, 'Pod', pod.namespace, pod.name)}\n`;
}

// ------------------------------------------------------------------ node

export function describeNode(host: KubectlHost, node: NodeSpec): string {
  const now = host.now();
  const created = host.clusterCreatedAt;
  const pods = [...host.world.pods.values()]
    .filter((p) => p.node === node && p.phase !== 'Succeeded' && isPodScheduled(p))
    .sort((a, b) => `${a.namespace}/${a.name}`.localeCompare(`${b.namespace}/${b.name}`));
  const block = new Block();
  block.add(0, `Name:\t${node.name}`);
  block.add(0, `Roles:\t<none>`);
  block.map(0, 'Labels', {
    agentpool: node.pool,
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/instance-type': node.vmSize,
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.azure.com/agentpool': node.pool,
    'kubernetes.azure.com/cluster': 'MC_rg-contoso-prod_aks-contoso-prod_westeurope',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': node.name,
    'kubernetes.io/os': 'linux',
    'node.kubernetes.io/instance-type': node.vmSize,
    'topology.kubernetes.io/region': 'westeurope',
    'topology.kubernetes.io/zone': node.zone,
  });
  block.map(
    0,
    'Annotations',
    { 'node.alpha.kubernetes.io/ttl': '0', 'volumes.kubernetes.io/controller-managed-attach-detach': 'true' },
    ': ',
  );
  block.add(0, `CreationTimestamp:\t${rfc1123z(created)}`);
  block.add(0, `Taints:\t${node.unschedulable ? 'node.kubernetes.io/unschedulable:NoSchedule' : '<none>'}`);
  block.add(0, `Unschedulable:\t${node.unschedulable ? 'true' : 'false'}`);
  const heartbeat = rfc1123z(Math.floor(now / 40_000) * 40_000);
  const transition = rfc1123z(created + 60_000);
  block.add(0, 'Conditions:');
  block.add(1, 'Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage');
  block.add(1, '----\t------\t-----------------\t------------------\t------\t-------');
  for (const [type, status, reason, message] of [
    ['MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
    ['DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
    ['PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
    ['Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'],
  ] as const)
    block.add(1, `${type} \t${status} \t${heartbeat} \t${transition} \t${reason} \t${message}`);
  block.add(0, 'Addresses:');
  block.add(1, `InternalIP:\t${node.ip}`);
  block.add(1, `Hostname:\t${node.name}`);
  for (const label of ['Capacity', 'Allocatable']) {
    block.add(0, `${label}:`);
    const capacity = label === 'Capacity';
    block.add(1, `cpu:\t${capacity ? '4' : '3860m'}`);
    block.add(1, `ephemeral-storage:\t${capacity ? '129886128Ki' : '119703055367'}`);
    block.add(1, `hugepages-1Gi:\t0`);
    block.add(1, `hugepages-2Mi:\t0`);
    block.add(1, `memory:\t${capacity ? '16365140Ki' : '12880980Ki'}`);
    block.add(1, `pods:\t110`);
  }
  block.add(0, 'System Info:');
  block.add(1, `Machine ID:\t${new Random(`machine:${node.name}`).hex(32)}`);
  block.add(1, `Kernel Version:\t${node.kernel}`);
  block.add(1, `OS Image:\t${node.osImage}`);
  block.add(1, `Operating System:\tlinux`);
  block.add(1, `Architecture:\tamd64`);
  block.add(1, `Container Runtime Version:\t${node.containerRuntime}`);
  block.add(1, `Kubelet Version:\t${KUBERNETES_VERSION}`);
  block.add(1, `Kube-Proxy Version:\t${KUBERNETES_VERSION}`);
  block.add(0, `PodCIDR:\t10.244.${node.podSubnet}.0/24`);
  block.add(0, `PodCIDRs:\t10.244.${node.podSubnet}.0/24`);
  block.add(0, `Non-terminated Pods:\t(${pods.length} in total)`);
  block.add(1, 'Namespace\tName\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge');
  block.add(1, '---------\t----\t------------\t----------\t---------------\t-------------\t---');
  for (const pod of pods)
    block.add(1, `${pod.namespace}\t${pod.name}\t0 (0%)\t0 (0%)\t0 (0%)\t0 (0%)\t${age(pod.createdAt, now)}`);
  block.add(0, 'Allocated resources:');
  block.add(1, '(Total limits may be over 100 percent, i.e., overcommitted.)');
  block.add(1, 'Resource\tRequests\tLimits');
  block.add(1, '--------\t--------\t------');
  for (const resource of ['cpu', 'memory', 'ephemeral-storage', 'hugepages-1Gi', 'hugepages-2Mi'])
    block.add(1, `${resource}\t0 (0%)\t0 (0%)`);
  return `${block.text()}\n${eventsText(host, 'Node', undefined, node.name)}\n`;
}

// ------------------------------------------------------------------ deployment

function templateBlock(block: Block, workload: WorkloadSpec): void {
  const template = workload.template;
  block.add(0, 'Pod Template:');
  block.map(1, 'Labels', template.labels);
  block.add(1, `Service Account:\t${template.serviceAccount}`);
  block.add(1, 'Containers:');
  for (const container of template.containers) {
    block.add(0, `   ${container.name}:`);
    block.add(2, `Image:\t${container.image.registry}/${container.image.repository}:${container.image.tag}`);
    block.add(2, `Port:\t${portText(container, false)}`);
    block.add(2, `Host Port:\t${portText(container, true)}`);
    block.add(2, `Environment:\t<none>`);
    describeMounts(block, 2, container);
  }
  const volumes = template.volumes ?? [];
  if (volumes.length === 0) block.add(1, 'Volumes:\t<none>');
  else {
    block.add(1, 'Volumes:');
    for (const volume of volumes) {
      const lines = new Block();
      describeVolumes(lines, 0, [volume]);
      block.add(0, `   ${lines.lines[0]}`);
      for (const line of lines.lines.slice(1)) block.add(2, line.trimStart());
    }
  }
  block.add(1, `Node-Selectors:\t${template.nodePool ? `agentpool=${template.nodePool}` : '<none>'}`);
  block.add(1, `Tolerations:\t<none>`);
}

export function describeDeployment(host: KubectlHost, workload: WorkloadSpec, createdAt: number): string {
  const pods = [...host.world.pods.values()].filter(
    (p) => p.workload === workload && p.phase !== 'Terminating',
  );
  const current = `${workload.name}-${workload.templateHash}`;
  const updated = pods.filter((p) => p.controllerName === current).length;
  const available = pods.filter(
    (p) => p.phase === 'Running' && readyContainers(p) === p.containers.length,
  ).length;
  const desired = workload.replicas ?? 1;
  const block = new Block();
  block.add(0, `Name:\t${workload.name}`);
  block.add(0, `Namespace:\t${workload.namespace}`);
  block.add(0, `CreationTimestamp:\t${rfc1123z(createdAt)}`);
  block.map(0, 'Labels', workload.template.labels);
  block.add(0, `Annotations:\tdeployment.kubernetes.io/revision: 1`);
  block.add(
    0,
    `Selector:\t${Object.entries(workload.template.labels)
      .map(([k, v]) => `${k}=${v}`)
      .join(',')}`,
  );
  block.add(
    0,
    `Replicas:\t${desired} desired | ${updated} updated | ${pods.length} total | ${available} available | ${Math.max(0, desired - available)} unavailable`,
  );
  block.add(0, `StrategyType:\tRollingUpdate`);
  block.add(0, `MinReadySeconds:\t0`);
  block.add(0, `RollingUpdateStrategy:\t25% max unavailable, 25% max surge`);
  templateBlock(block, workload);
  block.add(0, 'Conditions:');
  block.add(1, 'Type\tStatus\tReason');
  block.add(1, '----\t------\t------');
  block.add(
    1,
    `Available \t${available >= desired ? 'True' : 'False'} \t${available >= desired ? 'MinimumReplicasAvailable' : 'MinimumReplicasUnavailable'}`,
  );
  block.add(1, `Progressing \tTrue \tNewReplicaSetAvailable`);
  const old = [...new Set(pods.map((p) => p.controllerName).filter((n) => n !== current))];
  block.add(
    0,
    `OldReplicaSets:\t${old.length === 0 ? '<none>' : old.map((n) => `${n} (${pods.filter((p) => p.controllerName === n).length}/0 replicas created)`).join(', ')}`,
  );
  block.add(0, `NewReplicaSet:\t${current} (${updated}/${desired} replicas created)`);
  return `${block.text()}\n${eventsText(host, 'Deployment', workload.namespace, workload.name)}\n`;
}

// ------------------------------------------------------------------ bindings

export function describeBinding(binding: BindingSpec): string {
  const block = new Block();
  block.add(0, `Name:\t${binding.name}`);
  block.add(0, `Labels:\t<none>`);
  block.add(0, `Annotations:\t<none>`);
  block.add(0, 'Role:');
  block.add(1, `Kind:\t${binding.roleKind}`);
  block.add(1, `Name:\t${binding.roleName}`);
  block.add(0, 'Subjects:');
  block.add(1, 'Kind\tName\tNamespace');
  block.add(1, '----\t----\t---------');
  for (const subject of binding.subjects)
    block.add(1, `${subject.kind}\t${subject.name}\t${subject.namespace ?? ''}`);
  return `${block.text()}\n`;
}

// ------------------------------------------------------------------ command

const DESCRIBABLE = ['pods', 'nodes', 'deployments', 'clusterrolebindings', 'rolebindings'];

export function describe(host: KubectlHost, args: ParsedArgs): CommandOutput {
  const positionals = args.positionals;
  if (positionals.length === 0)
    return fail(
      `You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nSee 'kubectl describe -h' for help and examples.\n`,
    );
  let type: ResourceType | undefined;
  let names: string[];
  if (positionals[0]!.includes('/')) {
    const [typeName, name] = positionals[0]!.split('/', 2) as [string, string];
    type = resolveResource(typeName);
    if (!type) return fail(`error: the server doesn't have a resource type "${typeName}"\n`);
    names = [name, ...positionals.slice(1)];
  } else {
    type = resolveResource(positionals[0]!);
    if (!type) return fail(`error: the server doesn't have a resource type "${positionals[0]}"\n`);
    names = positionals.slice(1);
  }
  if (!DESCRIBABLE.includes(type.plural))
    return fail(
      `error: the simulated kubectl describes ${DESCRIBABLE.join(', ')}; use "kubectl get ${type.plural} -o yaml" for ${type.plural}\n`,
    );
  const namespace = args.flags.get('namespace') ?? 'default';
  const scope = type.namespaced && !args.flags.has('all-namespaces') ? namespace : undefined;
  const selector = args.flags.get('selector');
  const as = args.flags.get('as');
  const items = listItems(host, type).filter(
    (item) => (scope === undefined || item.namespace === scope) && matchesSelector(item.labels, selector),
  );
  const targets = names.length === 0 ? items : [];
  let stderr = '';
  if (names.length === 0) {
    const outcome = host.request(
      { verb: 'list', resource: type.plural, apiGroup: type.group || undefined, namespace: scope },
      as,
    );
    if (outcome.code >= 400) return fail(serverError(outcome.code, outcome.message ?? ''));
  }
  for (const name of names) {
    // describe gets the object by name first; a prefix of a name matches too, as kubectl describe allows.
    const exact = items.find((item) => item.name === name);
    const matches = exact ? [exact] : items.filter((item) => item.name.startsWith(name));
    const outcome = requestNamedObject(host, type, namespace, name, exact !== undefined, as);
    if (outcome.code === 403) {
      stderr += serverError(403, outcome.message ?? '');
      continue;
    }
    if (matches.length === 0) stderr += serverError(404, `${qualifiedName(type)} "${name}" not found`);
    targets.push(...matches);
  }
  if (targets.length === 0 && names.length === 0)
    return {
      stdout: '',
      stderr: `No resources found${scope ? ` in ${scope} namespace` : ''}.\n`,
      exitCode: 0,
    };
  const texts = targets.map((item) => {
    switch (type.plural) {
      case 'pods':
        return describePod(
          host,
          [...host.world.pods.values()].find((p) => p.name === item.name && p.namespace === item.namespace)!,
        );
      case 'nodes':
        return describeNode(
          host,
          host.world.nodes.find((n) => n.name === item.name)!,
        );
      case 'deployments':
        return describeDeployment(
          host,
          host.world.workloads.find(
            (w) => w.kind === 'Deployment' && w.name === item.name && w.namespace === item.namespace,
          )!,
          item.createdAt,
        );
      default:
        return describeBinding(
          host.world.spec.bindings.find(
            (b) => b.name === item.name && (b.namespace ?? undefined) === item.namespace,
          )!,
        );
    }
  });
  return { stdout: texts.join('\n\n'), stderr, exitCode: stderr ? 1 : 0 };
}
