import { createActor } from 'xstate';
import type { ContainerState, CreatePodResult, PodState, Requester } from './podState';
import type { AdmissionChain } from '../admission/admission';
import { podMachine } from '../machines/podMachine';
import type { Random } from '../core/random';
import type { SimulatedClock } from '../core/simulatedClock';
import { DAY, MINUTE, isoSeconds } from '../core/time';
import type { ImageRegistry } from '../registry/registry';
import type { ApiCall, AuditLog } from '../telemetry/auditLog';
import { Authorizer } from './authorizer';
import type { EventRecorder } from './eventLog';
import { Kubelet } from './kubelet';
import { CONTROL_PLANE_IP, IP, USER_AGENT } from './constants';
import { controllerUser, serviceAccountUser, type AuditUser } from './identities';
import { imageReference, podObject } from './podObject';
import type { ProcessInfo, RuntimeEvent, RuntimeListener } from './runtime';
import type {
  BindingSpec,
  ClusterRoleSpec,
  ClusterSpec,
  JsonObject,
  NamespaceSpec,
  NodeSpec,
  PodTemplate,
  ServiceSpec,
  WorkloadSpec,
} from './types';

export type { ContainerState, CreatePodResult, PodPhase, PodState, Requester } from './podState';

interface Services {
  clock: SimulatedClock;
  random: Random;
  audit: AuditLog;
  events: EventRecorder;
  images: ImageRegistry;
  admission: AdmissionChain;
  startMs: number;
}

/**
 * The live cluster: nodes, namespaces, workloads and their pods (each pod's lifecycle an xstate actor
 * on the shared virtual clock), services, service accounts and RBAC. Every change goes through the API
 * server (audit log, admission) and the kubelet (events), the way it would on a real AKS cluster.
 */
export class ClusterWorld {
  readonly nodes: NodeSpec[];
  readonly namespaces = new Map<string, NamespaceSpec>();
  readonly workloads: WorkloadSpec[];
  readonly services: ServiceSpec[];
  readonly serviceAccounts = new Map<string, string>();
  readonly authorizer: Authorizer;
  readonly pods = new Map<string, PodState>();
  readonly spec: ClusterSpec;
  /** Pods that no longer exist, by uid, with what they were (names only; their runtime state is gone). */
  readonly formerPods = new Map<string, { name: string; namespace: string; deletedAt: number }>();
  /** Which container of its pod each process runs in (a pod's containers have their own PID namespaces). */
  readonly processContainers = new WeakMap<ProcessInfo, string>();
  /** When each process started (ps's START column). */
  readonly processStarts = new WeakMap<ProcessInfo, number>();
  private readonly runtimeListeners: RuntimeListener[] = [];
  private readonly pullListeners: ((image: string, node: NodeSpec, time: number) => void)[] = [];
  private readonly podListeners: ((pod: PodState, phase: 'created' | 'running' | 'gone') => void)[] = [];
  private readonly nodeImages = new Map<string, Set<string>>();
  private readonly nextIp = new Map<string, number>();
  private readonly controllerUids = new Map<string, string>();
  private bootstrapping = false;
  private readonly kubelet: Kubelet;

  constructor(
    spec: ClusterSpec,
    private readonly deps: Services,
  ) {
    this.spec = spec;
    this.nodes = spec.nodes;
    for (const namespace of spec.namespaces)
      this.namespaces.set(namespace.name, { ...namespace, labels: { ...namespace.labels } });
    this.workloads = spec.workloads;
    this.services = spec.services;
    for (const account of spec.serviceAccounts)
      this.serviceAccounts.set(`${account.namespace}/${account.name}`, deps.random.uuid());
    this.authorizer = new Authorizer(
      new Map(spec.clusterRoles.map((role) => [role.name, role])),
      spec.bindings,
    );
    this.kubelet = new Kubelet({
      clock: deps.clock,
      random: deps.random,
      audit: deps.audit,
      events: deps.events,
      images: deps.images,
      nodeImages: this.nodeImages,
      pulled: (image, node, time) => {
        for (const listener of this.pullListeners) listener(image, node, time);
      },
      podChanged: (pod, phase) => {
        if (phase === 'gone') {
          this.pods.delete(pod.uid);
          this.formerPods.set(pod.uid, {
            name: pod.name,
            namespace: pod.namespace,
            deletedAt: deps.clock.now(),
          });
        }
        for (const listener of this.podListeners) listener(pod, phase);
      },
      isLive: (pod) => this.pods.has(pod.uid),
      processStarted: (pod, container, process) => {
        this.processContainers.set(process, container);
        this.processStarts.set(process, deps.clock.now());
        this.emitRuntime({ kind: 'process', ...this.runtimeContext({ pod, container }), process });
      },
    });
    for (const node of this.nodes) {
      this.nodeImages.set(node.name, new Set());
      this.nextIp.set(node.name, 10 + deps.random.int(0, 20));
    }
  }

  get now(): number {
    return this.deps.clock.now();
  }

  get random(): Random {
    return this.deps.random;
  }

  get clock(): SimulatedClock {
    return this.deps.clock;
  }

  get audit(): AuditLog {
    return this.deps.audit;
  }

  get events(): EventRecorder {
    return this.deps.events;
  }

  onRuntime(listener: RuntimeListener): void {
    this.runtimeListeners.push(listener);
  }

  onImagePull(listener: (image: string, node: NodeSpec, time: number) => void): void {
    this.pullListeners.push(listener);
  }

  onPod(listener: (pod: PodState, phase: 'created' | 'running' | 'gone') => void): void {
    this.podListeners.push(listener);
  }

  addNode(node: NodeSpec): void {
    this.nodes.push(node);
    this.nodeImages.set(node.name, new Set());
    this.nextIp.set(node.name, 10 + this.random.int(0, 20));
  }

  /** RBAC objects created during the run (by storylines) take effect for later requests. */
  authorizerAddRole(role: ClusterRoleSpec): void {
    this.spec.clusterRoles.push(role);
    this.authorizer.addRole(role);
  }

  authorizerAddBinding(binding: BindingSpec): void {
    this.authorizer.addBinding(binding);
  }

  controllerUid(kind: string, namespace: string, name: string): string {
    const key = `${kind}/${namespace}/${name}`;
    let uid = this.controllerUids.get(key);
    if (!uid) {
      uid = this.random.uuid();
      this.controllerUids.set(key, uid);
    }
    return uid;
  }

  serviceAccountUid(namespace: string, name: string): string {
    const key = `${namespace}/${name}`;
    let uid = this.serviceAccounts.get(key);
    if (!uid) {
      uid = this.random.uuid();
      this.serviceAccounts.set(key, uid);
    }
    return uid;
  }

  /** The identity a pod's projected service-account token carries (audit `user.extra` names the pod). */
  podIdentity(pod: PodState): AuditUser {
    return serviceAccountUser(
      pod.namespace,
      pod.template.serviceAccount,
      this.serviceAccountUid(pod.namespace, pod.template.serviceAccount),
      {
        name: pod.name,
        uid: pod.uid,
        node: pod.node.name,
        credentialId: pod.credentialId,
      },
    );
  }

  controller(name: string): Requester {
    return {
      user: controllerUser(name, this.serviceAccountUid('kube-system', name)),
      sourceIp: CONTROL_PLANE_IP,
      userAgent: `${USER_AGENT.kubeControllerManager}${name}`,
    };
  }

  /** Sends a request through authorization to the audit log; returns the response code. */
  call(
    requester: Requester,
    call: Omit<ApiCall, 'time' | 'user' | 'sourceIp' | 'userAgent' | 'code'> & {
      code?: number;
      time?: number;
    },
  ): number {
    const decision = this.authorizer.authorize(
      requester.user,
      call.verb,
      call.subresource ? `${call.resource}/${call.subresource}` : (call.resource ?? ''),
      call.apiGroup ?? '',
      call.namespace,
    );
    const allowed = decision.allowed;
    const code = allowed ? (call.code ?? defaultCode(call.verb)) : 403;
    this.deps.audit.record({
      ...call,
      time: call.time ?? this.now,
      user: requester.user,
      sourceIp: requester.sourceIp,
      userAgent: requester.userAgent,
      code,
      ...(allowed
        ? call.message && code >= 400
          ? { message: call.message }
          : {}
        : {
            message: this.authorizer.forbiddenMessage(
              requester.user,
              call.verb,
              call.resource ?? '',
              call.apiGroup ?? '',
              call.namespace,
              call.name,
            ),
          }),
      annotations: {
        'authorization.k8s.io/decision': allowed && code !== 403 ? 'allow' : 'forbid',
        'authorization.k8s.io/reason': decision.reason,
        ...call.annotations,
      },
    });
    if (allowed && code < 400) this.applyServiceChange(call);
    return code;
  }

  /** The service controller's side of `patch services`: a new type shows in the inventory, a load balancer gets an address. */
  private applyServiceChange(
    call: Pick<ApiCall, 'verb' | 'resource' | 'subresource' | 'namespace' | 'name' | 'requestObject'>,
  ): void {
    if (call.resource !== 'services' || call.subresource || (call.verb !== 'patch' && call.verb !== 'update'))
      return;
    const spec = (call.requestObject as JsonObject | undefined)?.spec as JsonObject | undefined;
    const type = spec?.type;
    const service = this.services.find((s) => s.namespace === call.namespace && s.name === call.name);
    if (!service || (type !== 'LoadBalancer' && type !== 'NodePort' && type !== 'ClusterIP')) return;
    service.type = type;
    if (type === 'ClusterIP') return;
    for (const port of service.ports) port.nodePort ??= this.random.int(30000, 32767);
    if (type === 'LoadBalancer')
      service.externalIp ??=
        service.name === 'kubernetes-dashboard' ? IP.dashboardPublic : `192.0.2.${this.random.int(30, 60)}`;
  }

  // ---------------------------------------------------------------- bootstrap

  /** Creates the pods that already run when the dataset starts (created days before, so no audit of their creation). */
  bootstrap(): void {
    this.bootstrapping = true;
    for (const workload of this.workloads) this.bootstrapWorkload(workload);
    this.bootstrapping = false;
  }

  private bootstrapWorkload(workload: WorkloadSpec): void {
    const createdAt = this.deps.startMs - this.random.int(2 * DAY, 20 * DAY);
    if (workload.kind === 'Deployment') {
      for (let i = 0; i < (workload.replicas ?? 1); i++)
        this.startPod(workload, undefined, { createdAt: createdAt + i * 7000, alreadyRunning: true });
    } else if (workload.kind === 'DaemonSet') {
      for (const node of this.nodes)
        if (!workload.template.nodePool || workload.template.nodePool === node.pool)
          this.startPod(workload, node, { createdAt, alreadyRunning: true });
    }
  }

  // ---------------------------------------------------------------- pods

  eligibleNodes(template: PodTemplate): NodeSpec[] {
    const nodes = this.nodes.filter(
      (node) =>
        !node.unschedulable &&
        (template.nodePool ? node.pool === template.nodePool : node.pool === 'nodepool1'),
    );
    return nodes.length > 0 ? nodes : this.nodes;
  }

  private pickNode(template: PodTemplate): NodeSpec {
    const counts = new Map<string, number>();
    for (const pod of this.pods.values()) counts.set(pod.node.name, (counts.get(pod.node.name) ?? 0) + 1);
    const candidates = this.eligibleNodes(template);
    const fewest = Math.min(...candidates.map((node) => counts.get(node.name) ?? 0));
    return this.random.pick(candidates.filter((node) => (counts.get(node.name) ?? 0) <= fewest + 1));
  }

  private allocateIp(node: NodeSpec, template: PodTemplate): string {
    if (template.hostNetwork) return node.ip;
    const next = this.nextIp.get(node.name)!;
    this.nextIp.set(node.name, next >= 250 ? 10 : next + 1);
    return `10.244.${node.podSubnet}.${next}`;
  }

  private podName(workload: WorkloadSpec | undefined, explicitName?: string): string {
    if (explicitName) return explicitName;
    if (!workload) throw new Error('a bare pod needs a name');
    if (workload.kind === 'Deployment')
      return `${workload.name}-${workload.templateHash}-${this.random.k8sSuffix(5)}`;
    if (workload.kind === 'CronJob')
      return `${workload.name}-${Math.floor(this.now / MINUTE)}-${this.random.k8sSuffix(5)}`;
    return `${workload.name}-${this.random.k8sSuffix(5)}`;
  }

  private controllerOf(workload: WorkloadSpec | undefined): { kind: string; name: string } {
    if (!workload || workload.kind === 'Pod') return { kind: '', name: '' };
    if (workload.kind === 'Deployment')
      return { kind: 'ReplicaSet', name: `${workload.name}-${workload.templateHash}` };
    if (workload.kind === 'CronJob')
      return { kind: 'Job', name: `${workload.name}-${Math.floor(this.now / MINUTE)}` };
    if (workload.kind === 'Job') return { kind: 'Job', name: workload.name };
    return { kind: 'DaemonSet', name: workload.name };
  }

  /**
   * Creates a pod: through admission (PodSecurity, image policy) and the audit log, then the scheduler
   * and kubelet. `requester` is whoever calls `create pods` (a controller for workload pods).
   */
  createPod(options: {
    workload?: WorkloadSpec;
    template?: PodTemplate;
    namespace?: string;
    name?: string;
    node?: NodeSpec;
    requester?: Requester;
    fieldManager?: string;
    annotations?: Record<string, string>;
  }): CreatePodResult {
    const workload = options.workload;
    const template = options.template ?? workload!.template;
    const namespace = options.namespace ?? workload!.namespace;
    const controller = this.controllerOf(workload);
    const requester =
      options.requester ??
      this.controller(
        controller.kind === 'DaemonSet'
          ? 'daemon-set-controller'
          : controller.kind === 'Job'
            ? 'job-controller'
            : 'replicaset-controller',
      );
    const name = this.podName(workload, options.name);
    const owner = controller.kind
      ? {
          kind: controller.kind,
          name: controller.name,
          uid: this.controllerUid(controller.kind, namespace, controller.name),
        }
      : undefined;
    const object = podObject(name, namespace, template, owner, owner ? `${controller.name}-` : undefined);
    if (options.annotations) (object.metadata as JsonObject).annotations = options.annotations;
    const images = [...(template.initContainers ?? []), ...template.containers].map((c) =>
      imageReference(c.image),
    );
    const admission = this.deps.admission.admitPod({
      namespace,
      namespaceLabels: this.namespaces.get(namespace)?.labels ?? {},
      pod: object,
      displayName: owner ? `${controller.name}-` : name,
      images,
      isPod: true,
    });
    const query = owner
      ? undefined
      : `fieldManager=${options.fieldManager ?? 'kubectl-client-side-apply'}&fieldValidation=Strict`;
    if (!owner && (options.fieldManager ?? 'kubectl-client-side-apply') === 'kubectl-client-side-apply')
      this.lookUpBeforeApply(requester, namespace, name);
    const authz = this.authorizer.authorize(requester.user, 'create', 'pods', '', namespace);
    if (!authz.allowed || !admission.allowed) {
      const message = !authz.allowed
        ? this.authorizer.forbiddenMessage(requester.user, 'create', 'pods', '', namespace)
        : admission.message;
      this.deps.audit.record({
        time: this.now,
        ...requester,
        verb: 'create',
        resource: 'pods',
        namespace,
        query,
        code: 403,
        message,
        requestObject: object,
        annotations: {
          'authorization.k8s.io/decision': authz.allowed ? 'allow' : 'forbid',
          'authorization.k8s.io/reason': authz.reason,
          ...(authz.allowed ? admission.annotations : {}),
        },
      });
      if (owner && admission.message) {
        this.deps.events.record({
          time: this.now,
          namespace,
          objectKind: controller.kind,
          name: controller.name,
          reason: 'FailedCreate',
          message: `Error creating: ${admission.message}`,
          type: 'Warning',
          source:
            controller.kind === 'DaemonSet'
              ? 'daemonset-controller'
              : controller.kind === 'Job'
                ? 'job-controller'
                : 'replicaset-controller',
        });
      }
      return { denied: message };
    }
    const pod = this.startPod(workload, options.node, {
      template,
      namespace,
      name,
      object,
      createdAt: this.now,
    });
    this.deps.audit.record({
      time: this.now,
      ...requester,
      verb: 'create',
      resource: 'pods',
      namespace,
      name: owner ? undefined : name,
      query,
      code: 201,
      requestObject: object,
      responseObject: {
        ...object,
        metadata: {
          ...(object.metadata as JsonObject),
          name,
          uid: pod.uid,
          creationTimestamp: isoSeconds(this.now),
        },
      },
      annotations: {
        'authorization.k8s.io/decision': 'allow',
        'authorization.k8s.io/reason': authz.reason,
        ...admission.annotations,
      },
    });
    if (owner) {
      this.deps.events.record({
        time: this.now,
        namespace,
        objectKind: controller.kind,
        name: controller.name,
        reason: 'SuccessfulCreate',
        message: `Created pod: ${name}`,
        type: 'Normal',
        source:
          controller.kind === 'DaemonSet'
            ? 'daemonset-controller'
            : controller.kind === 'Job'
              ? 'job-controller'
              : 'replicaset-controller',
      });
    }
    for (const listener of this.podListeners) listener(pod, 'created');
    return { pod };
  }

  private startPod(
    workload: WorkloadSpec | undefined,
    fixedNode: NodeSpec | undefined,
    options: {
      template?: PodTemplate;
      namespace?: string;
      name?: string;
      object?: JsonObject;
      createdAt: number;
      alreadyRunning?: boolean;
    },
  ): PodState {
    const template = options.template ?? workload!.template;
    const namespace = options.namespace ?? workload!.namespace;
    const node = fixedNode ?? this.pickNode(template);
    const name = options.name ?? this.podName(workload);
    const controller = this.controllerOf(workload);
    const owner = controller.kind
      ? {
          kind: controller.kind,
          name: controller.name,
          uid: this.controllerUid(controller.kind, namespace, controller.name),
        }
      : undefined;
    const object = options.object ?? podObject(name, namespace, template, owner);
    const random = this.random;
    const containers: ContainerState[] = template.containers.map((spec) => {
      const record = this.deps.images.get(spec.image);
      return {
        spec,
        image: imageReference(spec.image),
        imageDigest: record.digest,
        containerId: random.hex(64),
        restarts: 0,
        status: 'waiting',
        reason: 'ContainerCreating',
        ...(options.alreadyRunning
          ? {
              createdAt: options.createdAt + 9000,
              startedAt: options.createdAt + 10_000,
              status: 'running' as const,
              reason: '',
            }
          : {}),
      };
    });
    if (options.alreadyRunning)
      for (const container of containers) this.nodeImages.get(node.name)!.add(container.image);
    const privileged = [...(template.initContainers ?? []), ...template.containers].some(
      (c) => c.securityContext?.privileged === true,
    );
    const actor = createActor(podMachine, {
      clock: this.deps.clock,
      input: {
        scheduleMs: random.int(20, 900),
        startMs: random.int(1500, 9000),
        backOffMs: 10_000,
        graceMs: random.int(800, 30_000),
        ...(workload?.kind === 'CronJob' || workload?.kind === 'Job'
          ? { runToCompletionMs: (workload.runMinutes ?? 5) * MINUTE + random.int(0, 90_000) }
          : {}),
        alreadyRunning: options.alreadyRunning,
      },
    });
    const pod: PodState = {
      uid: random.uuid(),
      name,
      namespace,
      node,
      ip: this.allocateIp(node, template),
      template,
      workload,
      controllerKind: controller.kind,
      controllerName: controller.name,
      createdAt: options.createdAt,
      startedAt: options.alreadyRunning ? options.createdAt + 10_000 : undefined,
      phase: options.alreadyRunning ? 'Running' : 'Pending',
      degraded: false,
      containers,
      object,
      privileged,
      credentialId: random.uuid(),
      runtime: { processes: [], files: [], connections: [] },
      actor,
      pendingCrashes: 0,
      nextPid: 1,
    };
    for (const container of containers) {
      if (container.spec.process) {
        const main: ProcessInfo = {
          pid: pod.nextPid++,
          exe: container.spec.process.exe,
          cmdline: container.spec.process.cmdline,
          parentExe: 'containerd-shim-runc-v2',
          user: container.spec.process.user,
        };
        pod.runtime!.processes.push(main);
        this.processContainers.set(main, container.spec.name);
        this.processStarts.set(main, options.alreadyRunning ? options.createdAt + 10_000 : this.now);
      }
    }
    this.pods.set(pod.uid, pod);
    actor.on('*', (event) => {
      if (this.bootstrapping) return;
      this.kubelet.report(pod, event.type, 'restart' in event ? event.restart : false);
    });
    actor.start();
    return pod;
  }

  /** Deletes a pod through the API server (graceful: Terminating, then gone). */
  /** `kubectl apply` reads the object first; a 404 is what tells it to create rather than patch. */
  private lookUpBeforeApply(requester: Requester, namespace: string, name: string): void {
    this.call(requester, {
      time: this.now - this.random.int(40, 250),
      verb: 'get',
      resource: 'pods',
      namespace,
      name,
      code: 404,
      message: `pods "${name}" not found`,
    });
  }

  deletePod(pod: PodState, requester?: Requester): void {
    const by =
      requester ??
      this.controller(
        pod.controllerKind === 'Job'
          ? 'job-controller'
          : pod.controllerKind === 'DaemonSet'
            ? 'daemon-set-controller'
            : 'replicaset-controller',
      );
    this.call(by, {
      verb: 'delete',
      resource: 'pods',
      namespace: pod.namespace,
      name: pod.name,
      code: 200,
      requestObject: { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: 'Background' },
    });
    pod.actor.send({ type: 'DELETE' });
  }

  crash(pod: PodState, times: number): void {
    pod.pendingCrashes = Math.max(0, times - 1);
    pod.actor.send({ type: 'CRASH' });
  }

  findPod(namespace: string, name: string): PodState | undefined {
    for (const pod of this.pods.values()) if (pod.namespace === namespace && pod.name === name) return pod;
    return undefined;
  }

  podsOf(workload: WorkloadSpec): PodState[] {
    return [...this.pods.values()].filter((pod) => pod.workload === workload && pod.phase !== 'Terminating');
  }

  // ---------------------------------------------------------------- runtime

  /** A process starts in a pod's container (or on the node when `pod` is undefined). */
  runProcess(
    target: { pod?: PodState; node?: NodeSpec; container?: string },
    process: Omit<ProcessInfo, 'pid'>,
  ): ProcessInfo {
    const info: ProcessInfo = {
      pid: target.pod ? target.pod.nextPid++ : this.random.int(2_000, 60_000),
      ...process,
    };
    target.pod?.runtime?.processes.push(info);
    if (target.pod) this.processContainers.set(info, target.container ?? target.pod.containers[0]!.spec.name);
    this.processStarts.set(info, this.now);
    this.emitRuntime({ kind: 'process', ...this.runtimeContext(target), process: info });
    return info;
  }

  accessFile(
    target: { pod?: PodState; node?: NodeSpec; container?: string },
    process: ProcessInfo,
    path: string,
    operation: 'read' | 'write' | 'delete',
  ): void {
    target.pod?.runtime?.files.push({ path, operation, time: this.now });
    this.emitRuntime({ kind: 'file', ...this.runtimeContext(target), process, path, operation });
  }

  connect(
    target: { pod?: PodState; node?: NodeSpec; container?: string },
    process: ProcessInfo,
    destinationIp: string,
    destinationPort: number,
    domain?: string,
  ): void {
    target.pod?.runtime?.connections.push({ destinationIp, destinationPort, time: this.now, process });
    this.emitRuntime({
      kind: 'network',
      ...this.runtimeContext(target),
      process,
      destinationIp,
      destinationPort,
      domain,
    });
  }

  private runtimeContext(target: { pod?: PodState; node?: NodeSpec; container?: string }) {
    const pod = target.pod;
    const container = pod
      ? (pod.containers.find((c) => c.spec.name === target.container) ?? pod.containers[0]!)
      : undefined;
    return {
      time: this.now,
      node: pod?.node ?? target.node ?? this.nodes[0]!,
      ...(pod && container
        ? {
            pod: {
              name: pod.name,
              namespace: pod.namespace,
              uid: pod.uid,
              system: pod.workload?.system === true,
              privileged: pod.privileged,
              image: container.image,
              workload: pod.workload?.name,
            },
            container: container.spec.name,
            containerId: container.containerId,
          }
        : {}),
    };
  }

  private emitRuntime(event: RuntimeEvent): void {
    for (const listener of this.runtimeListeners) listener(event);
  }

  /** `kubectl exec`: the API call (WebSocket → verb get on pods/exec, 101) and the process in the container. */
  exec(
    pod: PodState,
    requester: Requester,
    command: string[],
    options: { container?: string; tty?: boolean; user?: string } = {},
  ): ProcessInfo | undefined {
    const container = options.container ?? pod.containers[0]!.spec.name;
    const query = [
      ...command.map((part) => `command=${encodeURIComponent(part).replace(/%20/g, '+')}`),
      `container=${container}`,
      'stdin=true',
      'stdout=true',
      ...(options.tty ? ['tty=true'] : []),
    ].join('&');
    const code = this.call(requester, {
      verb: 'get',
      resource: 'pods',
      subresource: 'exec',
      namespace: pod.namespace,
      name: pod.name,
      query,
      code: 101,
      longRunning: true,
    });
    if (code !== 101 || !pod.runtime) return undefined;
    return this.runProcess(
      { pod, container },
      {
        exe: command[0]!.startsWith('/') ? command[0]! : `/usr/bin/${command[0]}`,
        cmdline: command.join(' '),
        parentExe: 'runc',
        user: options.user ?? 'root',
        tty: options.tty,
      },
    );
  }
}

function defaultCode(verb: string): number {
  return verb === 'create' ? 201 : 200;
}
