import { CONTROL_PLANE_IP, KUBERNETES_VERSION } from '../cluster/constants';
import {
  AKS_SERVICE_USER,
  MASTERCLIENT_USER,
  SCHEDULER_USER,
  nodeUser,
  serviceAccountUser,
  type AuditUser,
} from '../cluster/identities';
import type { NodeSpec } from '../cluster/types';
import type { ClusterWorld, PodState } from '../cluster/world';
import type { Random } from '../../src/shared/random';
import { MINUTE, SECOND } from '../core/time';
import type { ApiCall, AuditLog, RoutineRequest } from '../telemetry/auditLog';
import type { EmitContext } from '../telemetry/context';

const BUILD = `${KUBERNETES_VERSION} (linux/amd64) kubernetes/3a4b5c6`;
export const SYSTEM_USER_AGENT = {
  kubelet: `kubelet/${BUILD}`,
  controllerManagerLeaderElection: `kube-controller-manager/${BUILD}/leader-election`,
  controllerManagerInformers: `kube-controller-manager/${BUILD}/shared-informers`,
  schedulerLeaderElection: `kube-scheduler/${BUILD}/leader-election`,
  schedulerInformers: `kube-scheduler/${BUILD}/scheduler`,
  kubeProxy: `kube-proxy/${BUILD}`,
  coredns: 'coredns/v1.11.3 (linux/amd64) kubernetes/v1.11.3',
  masterclient: 'Go-http-client/2.0',
  aksService: 'Go-http-client/1.1',
} as const;

const CONTROLLER_MANAGER_USER: AuditUser = {
  username: 'system:kube-controller-manager',
  groups: ['system:authenticated'],
};

const LEASE_PERIOD_MS = 10 * SECOND;
/** Client-go reflectors re-open a watch after a random 5–10 minute timeout. */
const WATCH_TIMEOUT_MS: readonly [number, number] = [5 * MINUTE, 10 * MINUTE];
/** Kubelets ask for a fresh projected token at 80 % of its one-hour lifetime. */
const TOKEN_REFRESH_MS = 48 * MINUTE;
/** Kubelets' delegated authentication caches a TokenReview 2 minutes and a SubjectAccessReview 5. */
const TOKEN_REVIEW_MS = 2 * MINUTE;
const ACCESS_REVIEW_MS = 5 * MINUTE;
/** Kubelets report an unchanged node status every 5 minutes (nodeStatusReportFrequency). */
const NODE_STATUS_MS = 5 * MINUTE;

const allow = (reason: string) => ({
  'authorization.k8s.io/decision': 'allow',
  'authorization.k8s.io/reason': reason,
});
const NODE_AUTHORIZER = allow('');
const RBAC = (binding: string, role: string, subject: string) =>
  allow(`RBAC: allowed by ClusterRoleBinding "${binding}" of ClusterRole "${role}" to ${subject}`);

type Call = Omit<ApiCall, 'time' | 'requestObject' | 'responseObject' | 'code'> & { code?: number };

/** A request that recurs at random gaps (a watch re-opened, a review re-asked). */
interface Recurring {
  nextAt: number;
  gapMs: readonly [number, number];
  fire: (time: number) => void;
}

/**
 * The traffic a quiet AKS cluster sends its API server all day, which is most of any real audit log: kubelets
 * renewing their node leases every 10 s, reporting node status, re-opening watches on the config maps and
 * secrets their pods mount, requesting service-account tokens and checking scrapers' tokens; the controller
 * manager's and scheduler's leader election and informers; kube-proxy and CoreDNS watching services and
 * endpoint slices; the endpoint-slice controller following pods; AKS's own `masterclient` and `aksService`.
 * `rate` multiplies every cadence (1 = the real one). Each distinct request is prepared once and reused.
 */
export class SystemTraffic {
  private readonly random: Random;
  private readonly prepared = new Map<string, RoutineRequest>();
  private readonly recurring: Recurring[] = [];
  private readonly nodesSeen = new Set<string>();
  private readonly tokenDue = new Map<string, number>();

  constructor(
    private readonly ctx: EmitContext,
    private readonly world: ClusterWorld,
    private readonly audit: AuditLog,
    private readonly startMs: number,
    private readonly rate = 1,
  ) {
    this.random = ctx.random;
  }

  start(): void {
    const clock = this.ctx.clock;
    clock.every(this.startMs + this.random.int(0, 9_999), LEASE_PERIOD_MS / this.rate, this.ctx.endMs, (t) =>
      this.renewLeases(t),
    );
    this.addControlPlaneWatchers();
    this.addAksManagement();
    clock.every(this.startMs + 30 * SECOND, MINUTE, this.ctx.endMs, (t) => this.tick(t));
    this.world.onPod((pod, phase) => {
      if (phase !== 'created') this.followEndpoints(pod);
    });
  }

  private scaled(gap: readonly [number, number]): [number, number] {
    return [gap[0] / this.rate, gap[1] / this.rate];
  }

  private every(gap: readonly [number, number], fire: (time: number) => void): void {
    const scaled = this.scaled(gap);
    this.recurring.push({
      nextAt: this.ctx.clock.now() + this.random.int(0, Math.round(scaled[1])),
      gapMs: scaled,
      fire,
    });
  }

  private request(key: string, call: Call, latency?: readonly [number, number]): RoutineRequest {
    let request = this.prepared.get(key);
    if (!request) {
      request = this.audit.prepareRoutine({ code: defaultCode(call.verb), ...call }, latency);
      this.prepared.set(key, request);
    }
    return request;
  }

  /** Every minute: fires what is due within the next minute at its own time, and meets new nodes. */
  private tick(now: number): void {
    for (const node of this.world.nodes)
      if (!this.nodesSeen.has(node.name)) {
        this.nodesSeen.add(node.name);
        this.addNode(node);
      }
    const horizon = now + MINUTE;
    for (const entry of this.recurring) {
      while (entry.nextAt < horizon) {
        if (entry.nextAt >= now) entry.fire(entry.nextAt);
        entry.nextAt += this.random.int(Math.round(entry.gapMs[0]), Math.round(entry.gapMs[1]));
      }
    }
    this.requestTokens(now, horizon);
  }

  // ---------------------------------------------------------------- leases

  private renewLeases(tick: number): void {
    for (const node of this.world.nodes) {
      const lease = this.request(`lease/${node.name}`, {
        user: nodeUser(node.name),
        sourceIp: node.ip,
        userAgent: SYSTEM_USER_AGENT.kubelet,
        verb: 'update',
        resource: 'leases',
        apiGroup: 'coordination.k8s.io',
        namespace: 'kube-node-lease',
        name: node.name,
        query: 'timeout=10s',
        annotations: NODE_AUTHORIZER,
      });
      this.audit.recordRoutine(lease, tick + (node.podSubnet + 1) * 1_300 + this.random.int(0, 250));
    }
    this.leaderElection(
      'kube-controller-manager',
      CONTROLLER_MANAGER_USER,
      SYSTEM_USER_AGENT.controllerManagerLeaderElection,
      tick + 4_100,
      RBAC(
        'system:kube-controller-manager',
        'system:kube-controller-manager',
        'User "system:kube-controller-manager"',
      ),
    );
    this.leaderElection(
      'kube-scheduler',
      SCHEDULER_USER,
      SYSTEM_USER_AGENT.schedulerLeaderElection,
      tick + 7_600,
      RBAC('system:kube-scheduler', 'system:kube-scheduler', 'User "system:kube-scheduler"'),
    );
  }

  /** The elected leader renews its lease from its cached copy (client-go reads it again only when a renewal fails). */
  private leaderElection(
    lease: string,
    user: AuditUser,
    userAgent: string,
    time: number,
    annotations: Record<string, string>,
  ): void {
    const renewal = this.request(`leader/${lease}`, {
      user,
      sourceIp: CONTROL_PLANE_IP,
      userAgent,
      verb: 'update',
      resource: 'leases',
      apiGroup: 'coordination.k8s.io',
      namespace: 'kube-system',
      name: lease,
      query: 'timeout=5s',
      annotations,
    });
    this.audit.recordRoutine(renewal, time + this.random.int(0, 400));
  }

  // ---------------------------------------------------------------- kubelets and node agents

  private addNode(node: NodeSpec): void {
    const kubelet = { user: nodeUser(node.name), sourceIp: node.ip, userAgent: SYSTEM_USER_AGENT.kubelet };
    const base = { ...kubelet, annotations: NODE_AUTHORIZER };
    this.every([NODE_STATUS_MS - 5 * SECOND, NODE_STATUS_MS + 5 * SECOND], (time) => {
      this.audit.recordRoutine(
        this.request(`node/get/${node.name}`, {
          ...base,
          verb: 'get',
          resource: 'nodes',
          name: node.name,
          query: 'resourceVersion=0&timeout=10s',
        }),
        time,
      );
      this.audit.recordRoutine(
        this.request(`node/patch/${node.name}`, {
          ...base,
          verb: 'patch',
          resource: 'nodes',
          name: node.name,
          subresource: 'status',
          query: 'timeout=10s',
        }),
        time + this.random.int(5, 40),
      );
    });
    this.every(WATCH_TIMEOUT_MS, (time) => this.kubeletVolumeWatches(node, base, time));
    const review = (resource: string, apiGroup: string) =>
      this.request(`review/${resource}/${node.name}`, {
        ...base,
        annotations: RBAC('system:node', 'system:node', 'Group "system:nodes"'),
        verb: 'create',
        resource,
        apiGroup,
        apiVersion: 'v1',
        code: 201,
      });
    this.every([TOKEN_REVIEW_MS, TOKEN_REVIEW_MS + 10 * SECOND], (time) =>
      this.audit.recordRoutine(review('tokenreviews', 'authentication.k8s.io'), time),
    );
    this.every([ACCESS_REVIEW_MS, ACCESS_REVIEW_MS + 10 * SECOND], (time) =>
      this.audit.recordRoutine(review('subjectaccessreviews', 'authorization.k8s.io'), time),
    );
    const proxy = {
      user: serviceAccountUser(
        'kube-system',
        'kube-proxy',
        this.world.serviceAccountUid('kube-system', 'kube-proxy'),
      ),
      sourceIp: node.ip,
      userAgent: SYSTEM_USER_AGENT.kubeProxy,
      annotations: RBAC('system:node-proxier', 'system:node-proxier', 'User "system:kube-proxy"'),
    };
    for (const [resource, apiGroup] of [
      ['services', ''],
      ['endpointslices', 'discovery.k8s.io'],
      ['nodes', ''],
    ] as const)
      this.every(WATCH_TIMEOUT_MS, (time) =>
        this.audit.recordRoutine(this.watch(`proxy/${node.name}`, proxy, resource, apiGroup), time),
      );
  }

  /** A kubelet re-opens a watch per config map and secret its pods mount (kube-root-ca.crt in every namespace). */
  private kubeletVolumeWatches(node: NodeSpec, base: Omit<Call, 'verb'>, time: number): void {
    const watched = new Set<string>();
    for (const pod of this.world.pods.values()) {
      if (pod.node.name !== node.name || pod.phase !== 'Running') continue;
      if (pod.template.automountServiceAccountToken !== false)
        watched.add(`configmaps/${pod.namespace}/kube-root-ca.crt`);
      for (const volume of pod.template.volumes ?? []) {
        if (volume.configMap) watched.add(`configmaps/${pod.namespace}/${volume.configMap.name}`);
        if (volume.secret) watched.add(`secrets/${pod.namespace}/${volume.secret.secretName}`);
      }
    }
    let offset = 0;
    for (const key of watched) {
      const [resource, namespace, name] = key.split('/') as [string, string, string];
      const request = this.request(`volume/${node.name}/${key}`, {
        ...base,
        verb: 'watch',
        resource,
        namespace,
        query: `allowWatchBookmarks=true&fieldSelector=metadata.name%3D${name}&resourceVersion=0&timeout=7m${this.random.int(10, 59)}s&timeoutSeconds=${this.random.int(300, 600)}&watch=true`,
      });
      offset += this.random.int(20, 900);
      this.audit.recordRoutine(request, time + offset);
    }
  }

  /** Each running pod's projected token is refreshed by its node's kubelet. */
  private requestTokens(now: number, horizon: number): void {
    const period = TOKEN_REFRESH_MS / this.rate;
    for (const pod of this.world.pods.values()) {
      if (pod.phase !== 'Running' || pod.template.automountServiceAccountToken === false) continue;
      let due = this.tokenDue.get(pod.uid);
      if (due === undefined) {
        due = now + this.random.int(0, Math.round(period));
        this.tokenDue.set(pod.uid, due);
      }
      if (due >= horizon) continue;
      this.tokenDue.set(pod.uid, due + period + this.random.int(0, 30_000));
      this.audit.recordRoutine(this.tokenRequest(pod), Math.max(due, now));
    }
  }

  private tokenRequest(pod: PodState): RoutineRequest {
    const account = pod.template.serviceAccount;
    return this.request(`token/${pod.node.name}/${pod.namespace}/${account}`, {
      user: nodeUser(pod.node.name),
      sourceIp: pod.node.ip,
      userAgent: SYSTEM_USER_AGENT.kubelet,
      verb: 'create',
      resource: 'serviceaccounts',
      subresource: 'token',
      namespace: pod.namespace,
      name: account,
      code: 201,
      annotations: NODE_AUTHORIZER,
    });
  }

  // ---------------------------------------------------------------- control plane

  private watch(
    keyPrefix: string,
    requester: Pick<Call, 'user' | 'sourceIp' | 'userAgent' | 'annotations'>,
    resource: string,
    apiGroup: string,
  ): RoutineRequest {
    return this.request(`${keyPrefix}/watch/${resource}`, {
      ...requester,
      verb: 'watch',
      resource,
      ...(apiGroup ? { apiGroup } : {}),
      query: `allowWatchBookmarks=true&resourceVersion=0&timeout=${this.random.int(5, 9)}m${this.random.int(10, 59)}s&timeoutSeconds=${this.random.int(300, 600)}&watch=true`,
    });
  }

  private addControlPlaneWatchers(): void {
    const controllerManager = {
      user: CONTROLLER_MANAGER_USER,
      sourceIp: CONTROL_PLANE_IP,
      userAgent: SYSTEM_USER_AGENT.controllerManagerInformers,
      annotations: RBAC(
        'system:kube-controller-manager',
        'system:kube-controller-manager',
        'User "system:kube-controller-manager"',
      ),
    };
    for (const [resource, apiGroup] of CONTROLLER_MANAGER_INFORMERS)
      this.every(WATCH_TIMEOUT_MS, (time) =>
        this.audit.recordRoutine(this.watch('kcm', controllerManager, resource, apiGroup), time),
      );
    const scheduler = {
      user: SCHEDULER_USER,
      sourceIp: CONTROL_PLANE_IP,
      userAgent: SYSTEM_USER_AGENT.schedulerInformers,
      annotations: RBAC('system:kube-scheduler', 'system:kube-scheduler', 'User "system:kube-scheduler"'),
    };
    for (const [resource, apiGroup] of SCHEDULER_INFORMERS)
      this.every(WATCH_TIMEOUT_MS, (time) =>
        this.audit.recordRoutine(this.watch('scheduler', scheduler, resource, apiGroup), time),
      );
    const coredns = {
      user: serviceAccountUser(
        'kube-system',
        'coredns',
        this.world.serviceAccountUid('kube-system', 'coredns'),
      ),
      userAgent: SYSTEM_USER_AGENT.coredns,
      annotations: RBAC(
        'system:coredns',
        'system:coredns',
        'User "system:serviceaccount:kube-system:coredns"',
      ),
    };
    for (const [resource, apiGroup] of [
      ['endpointslices', 'discovery.k8s.io'],
      ['services', ''],
      ['namespaces', ''],
    ] as const)
      this.every(WATCH_TIMEOUT_MS, (time) => {
        for (const pod of this.world.pods.values()) {
          if (pod.workload?.name !== 'coredns' || pod.phase !== 'Running') continue;
          this.audit.recordRoutine(
            this.watch(`coredns/${pod.ip}`, { ...coredns, sourceIp: pod.ip }, resource, apiGroup),
            time + this.random.int(0, 5_000),
          );
        }
      });
  }

  /** The endpoint-slice and endpoints controllers rewrite a service's endpoints when a backing pod comes or goes. */
  private followEndpoints(pod: PodState): void {
    for (const service of this.world.services) {
      if (service.namespace !== pod.namespace) continue;
      const selector = Object.entries(service.selector);
      if (selector.length === 0 || !selector.every(([k, v]) => pod.template.labels[k] === v)) continue;
      const time = this.ctx.clock.now() + this.random.int(5, 300);
      const sliceController = this.world.controller('endpointslice-controller');
      this.audit.recordRoutine(
        this.request(`slice/${service.namespace}/${service.name}`, {
          ...sliceController,
          verb: 'update',
          resource: 'endpointslices',
          apiGroup: 'discovery.k8s.io',
          namespace: service.namespace,
          name: `${service.name}-${sliceSuffix(service.name)}`,
          annotations: RBAC(
            'system:controller:endpointslice-controller',
            'system:controller:endpointslice-controller',
            'ServiceAccount "endpointslice-controller/kube-system"',
          ),
        }),
        time,
      );
      this.audit.recordRoutine(
        this.request(`endpoints/${service.namespace}/${service.name}`, {
          ...this.world.controller('endpoint-controller'),
          verb: 'update',
          resource: 'endpoints',
          namespace: service.namespace,
          name: service.name,
          annotations: RBAC(
            'system:controller:endpoint-controller',
            'system:controller:endpoint-controller',
            'ServiceAccount "endpoint-controller/kube-system"',
          ),
        }),
        time + this.random.int(1, 50),
      );
    }
  }

  // ---------------------------------------------------------------- AKS management

  /** AKS's control plane checks on the cluster as `masterclient` (add-on reconciliation) and `aksService` (the resource provider). */
  private addAksManagement(): void {
    const masterclient = {
      user: MASTERCLIENT_USER,
      sourceIp: CONTROL_PLANE_IP,
      userAgent: SYSTEM_USER_AGENT.masterclient,
      annotations: allow(''),
    };
    const addons: Call[] = [
      { ...masterclient, verb: 'get', resource: 'configmaps', namespace: 'kube-system', name: 'coredns' },
      {
        ...masterclient,
        verb: 'get',
        resource: 'deployments',
        apiGroup: 'apps',
        namespace: 'kube-system',
        name: 'coredns',
      },
      {
        ...masterclient,
        verb: 'get',
        resource: 'daemonsets',
        apiGroup: 'apps',
        namespace: 'kube-system',
        name: 'kube-proxy',
      },
      {
        ...masterclient,
        verb: 'get',
        resource: 'deployments',
        apiGroup: 'apps',
        namespace: 'kube-system',
        name: 'metrics-server',
      },
    ];
    this.every([55 * SECOND, 65 * SECOND], (time) => {
      let at = time;
      for (const call of addons) {
        this.audit.recordRoutine(this.request(`masterclient/${call.resource}/${call.name}`, call), at);
        at += this.random.int(3, 60);
      }
    });
    const aksService = {
      user: AKS_SERVICE_USER,
      sourceIp: CONTROL_PLANE_IP,
      userAgent: SYSTEM_USER_AGENT.aksService,
      annotations: allow(''),
    };
    this.every([9 * MINUTE, 11 * MINUTE], (time) => {
      this.audit.recordRoutine(
        this.request('aks/nodes', { ...aksService, verb: 'list', resource: 'nodes' }),
        time,
      );
      this.audit.recordRoutine(
        this.request('aks/kube-system-pods', {
          ...aksService,
          verb: 'list',
          resource: 'pods',
          namespace: 'kube-system',
        }),
        time + this.random.int(20, 400),
      );
    });
  }
}

function defaultCode(verb: string): number {
  return verb === 'create' ? 201 : 200;
}

/** The endpoint-slice controller's generated suffix, stable per service. */
function sliceSuffix(service: string): string {
  let hash = 0;
  for (const char of service) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  let suffix = '';
  for (let i = 0; i < 5; i++) {
    suffix += alphabet[hash % alphabet.length];
    hash = Math.floor(hash / alphabet.length) + i * 7919;
  }
  return suffix;
}

const CONTROLLER_MANAGER_INFORMERS: readonly (readonly [string, string])[] = [
  ['pods', ''],
  ['nodes', ''],
  ['namespaces', ''],
  ['services', ''],
  ['endpoints', ''],
  ['serviceaccounts', ''],
  ['secrets', ''],
  ['configmaps', ''],
  ['persistentvolumes', ''],
  ['persistentvolumeclaims', ''],
  ['replicationcontrollers', ''],
  ['resourcequotas', ''],
  ['limitranges', ''],
  ['endpointslices', 'discovery.k8s.io'],
  ['deployments', 'apps'],
  ['replicasets', 'apps'],
  ['daemonsets', 'apps'],
  ['statefulsets', 'apps'],
  ['controllerrevisions', 'apps'],
  ['jobs', 'batch'],
  ['cronjobs', 'batch'],
  ['leases', 'coordination.k8s.io'],
  ['poddisruptionbudgets', 'policy'],
  ['roles', 'rbac.authorization.k8s.io'],
  ['rolebindings', 'rbac.authorization.k8s.io'],
  ['clusterroles', 'rbac.authorization.k8s.io'],
  ['clusterrolebindings', 'rbac.authorization.k8s.io'],
  ['ingresses', 'networking.k8s.io'],
  ['networkpolicies', 'networking.k8s.io'],
  ['csidrivers', 'storage.k8s.io'],
];

const SCHEDULER_INFORMERS: readonly (readonly [string, string])[] = [
  ['pods', ''],
  ['nodes', ''],
  ['namespaces', ''],
  ['services', ''],
  ['persistentvolumes', ''],
  ['persistentvolumeclaims', ''],
  ['replicationcontrollers', ''],
  ['replicasets', 'apps'],
  ['statefulsets', 'apps'],
  ['poddisruptionbudgets', 'policy'],
  ['storageclasses', 'storage.k8s.io'],
  ['csinodes', 'storage.k8s.io'],
  ['csidrivers', 'storage.k8s.io'],
  ['csistoragecapacities', 'storage.k8s.io'],
];
