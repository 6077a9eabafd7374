import { ANONYMISING_PROXY_IPS, IP } from '../cluster/constants';
import type { ApiCall, AuditEvent } from '../telemetry/auditLog';
import type { AlertEmitter } from './alerts';

type Json = Record<string, unknown>;
const obj = (value: unknown): Json | undefined =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
const arr = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** hostPath mounts Defender treats as sensitive (node credentials, runtime sockets, the node's root). */
export const SENSITIVE_HOST_PATHS = new Set([
  '/',
  '/etc',
  '/etc/kubernetes',
  '/etc/kubernetes/manifests',
  '/proc',
  '/root',
  '/home/admin',
  '/var/lib/kubelet',
  '/var/lib/kubelet/pki',
  '/var/run/docker.sock',
  '/run/containerd/containerd.sock',
  '/var/run/crio/crio.sock',
  '/var/run',
  '/run',
]);

/** Addresses on a threat-intelligence list of anonymising proxies and TOR exits. */
const TI_PROXY_IPS = new Set<string>(ANONYMISING_PROXY_IPS);

function isClusterAddress(ip: string): boolean {
  return (
    ip === IP.clusterEgress ||
    ip.startsWith('10.') ||
    ip.startsWith('172.31.') ||
    ip === '::1' ||
    ip === '127.0.0.1'
  );
}

function isSystemIdentity(username: string): boolean {
  return (
    username.startsWith('system:serviceaccount:kube-system:') ||
    username.startsWith('system:node:') ||
    username === 'system:kube-scheduler' ||
    username === 'aksService' ||
    username === 'system:kube-controller-manager'
  );
}

/**
 * Defender for Containers' analytics over the API server audit log (the K8S_ alerts): it sees every
 * audit event and raises an alert, with the detection delay of a cloud pipeline, when one matches.
 */
export class ControlPlaneAnalytics {
  constructor(private readonly alerts: AlertEmitter) {}

  /**
   * `stageMs` is when the API server logged the event (AKSAudit's TimeGenerated): an alert starts then, never
   * before the row that raised it.
   */
  analyze(event: AuditEvent, call: ApiCall, stageMs: number = call.time): void {
    const seen = { ...call, time: stageMs };
    this.analyzeAt(event, seen);
  }

  private analyzeAt(event: AuditEvent, call: ApiCall): void {
    const code = call.code;
    const user = event.user.username;
    const source = call.sourceIp;
    const resource = call.resource ?? '';
    const namespace = call.namespace;
    if (TI_PROXY_IPS.has(source)) {
      this.alerts.raise(
        'K8S_TI_Proxy',
        call.time,
        { namespace, ips: [source] },
        { 'IP address': source, Operation: `${call.verb} ${resource}` },
        { dedupKey: source, dedupMs: 6 * 3600_000 },
      );
    }
    if (user.startsWith('system:serviceaccount:') && !isClusterAddress(source) && code < 400) {
      this.alerts.raise(
        'K8S_ServiceAccountRareOperation',
        call.time,
        { namespace, account: user, ips: [source] },
        {
          'Service account': user,
          Operation: `${call.verb} ${resource}${call.subresource ? `/${call.subresource}` : ''}`,
          'Source IP': source,
          'User agent': call.userAgent,
        },
        { dedupKey: `${user}|${source}`, dedupMs: 6 * 3600_000 },
      );
    }
    if (code >= 400 || (call.verb !== 'create' && !(call.verb === 'patch' || call.verb === 'update'))) return;
    const body = obj(call.requestObject);
    if (resource === 'pods' && !call.subresource && call.verb === 'create') this.pod(call, body, user);
    if ((resource === 'clusterrolebindings' || resource === 'rolebindings') && call.verb === 'create') {
      const roleRef = obj(body?.roleRef);
      if (roleRef?.name === 'cluster-admin' && !isSystemIdentity(user)) {
        const subjects = arr(body?.subjects).map((s) => obj(s) ?? {});
        this.alerts.raise(
          'K8S_ClusterAdminBinding',
          call.time,
          { namespace },
          {
            'Role binding name': String(obj(body?.metadata)?.name ?? call.name ?? ''),
            Subjects: subjects
              .map((s) => `${s.kind}:${s.namespace ? `${s.namespace}/` : ''}${s.name}`)
              .join(', '),
          },
        );
      }
    }
    if (
      (resource === 'clusterroles' || resource === 'roles') &&
      call.verb === 'create' &&
      !isSystemIdentity(user)
    ) {
      const rules = arr(body?.rules).map((r) => obj(r) ?? {});
      const wildcard = rules.some(
        (rule) => arr(rule.verbs).includes('*') && arr(rule.resources).includes('*'),
      );
      if (wildcard) {
        this.alerts.raise(
          'K8S_HighPrivilegesRole',
          call.time,
          { namespace },
          {
            'Role name': String(obj(body?.metadata)?.name ?? call.name ?? ''),
            'Role rules': JSON.stringify(rules),
          },
        );
      }
    }
    if (
      namespace === 'kube-system' &&
      ['pods', 'deployments', 'daemonsets', 'jobs', 'cronjobs'].includes(resource) &&
      call.verb === 'create' &&
      !isSystemIdentity(user)
    ) {
      this.alerts.raise(
        'K8S_KubeSystemContainer',
        call.time,
        { namespace },
        {
          'Resource type': resource,
          'Resource name': String(obj(body?.metadata)?.name ?? call.name ?? ''),
        },
      );
    }
    if (
      resource === 'services' &&
      (call.name === 'kubernetes-dashboard' || namespace === 'kubernetes-dashboard')
    ) {
      const type = obj(body?.spec)?.type;
      if (type === 'LoadBalancer')
        this.alerts.raise(
          'K8S_ExposedDashboard',
          call.time,
          { namespace },
          { 'Service name': call.name ?? '' },
        );
    }
  }

  private pod(call: ApiCall, body: Json | undefined, user: string): void {
    const metadata = obj(body?.metadata) ?? {};
    const spec = obj(body?.spec) ?? {};
    // Azure's own add-ons in kube-system are expected to be privileged and mount node paths.
    if (call.namespace === 'kube-system' && isSystemIdentity(user)) return;
    // Controllers send generateName; the name the API server gave the pod is in the response.
    const podName = String(
      obj(obj(call.responseObject)?.metadata)?.name ?? metadata.name ?? metadata.generateName ?? '',
    );
    const containers = [...arr(spec.initContainers), ...arr(spec.containers)].map((c) => obj(c) ?? {});
    const owner = obj(arr(metadata.ownerReferences)[0]);
    const deployment =
      owner?.kind === 'ReplicaSet' ? String(owner.name).replace(/-[a-z0-9]+$/, '') : undefined;
    for (const container of containers) {
      if (obj(container.securityContext)?.privileged === true) {
        this.alerts.raise(
          'K8S_PrivilegedContainer',
          call.time,
          {
            namespace: call.namespace,
            pod: podName,
            deployment,
            container: String(container.name),
            image: String(container.image),
          },
          {
            'Pod name': podName,
            Namespace: call.namespace ?? '',
            'Container name': String(container.name),
            'Container image': String(container.image),
          },
          {
            dedupKey: `${call.namespace}/${deployment ?? podName}/${String(container.name)}`,
            dedupMs: 12 * 3600_000,
          },
        );
      }
    }
    const volumes = arr(spec.volumes).map((v) => obj(v) ?? {});
    for (const volume of volumes) {
      const path = String(obj(volume.hostPath)?.path ?? '');
      if (!path || !SENSITIVE_HOST_PATHS.has(path.replace(/\/$/, '') || '/')) continue;
      const mounting =
        containers.find((c) => arr(c.volumeMounts).some((m) => obj(m)?.name === volume.name)) ??
        containers[0] ??
        {};
      this.alerts.raise(
        'K8S_SensitiveMount',
        call.time,
        {
          namespace: call.namespace,
          pod: podName,
          deployment,
          container: String(mounting.name ?? ''),
          image: String(mounting.image ?? ''),
        },
        {
          'Pod name': podName,
          Namespace: call.namespace ?? '',
          'Container name': String(mounting.name ?? ''),
          'Sensitive mount path': path,
          'Sensitive mount name': String(volume.name),
        },
        { dedupKey: `${call.namespace}/${deployment ?? podName}/${path}`, dedupMs: 12 * 3600_000 },
      );
    }
  }
}
