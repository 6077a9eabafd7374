import { IP, USER_AGENT } from '../cluster/constants';
import type { ClusterSpec, ImageSpec } from '../cluster/types';
import type { Random } from '../../src/shared/random';
import { clusterAdministrator, DIAGNOSTIC_POD_NAMES, externalIp, nameFrom } from '../scenario/indicators';
import type { PodRef, StepAction, Storyline, StorylineDefinition } from '../scenario/storyline';

const DASHBOARD: PodRef = { namespace: 'kubernetes-dashboard', workload: 'kubernetes-dashboard' };
const DASHBOARD_ACCOUNT = { namespace: 'kubernetes-dashboard', name: 'kubernetes-dashboard' };

/** Names an administrator gives the binding that "just makes the dashboard work". */
const ADMIN_BINDING_NAMES = [
  'kubernetes-dashboard-admin',
  'dashboard-cluster-admin',
  'kubernetes-dashboard-full',
  'dashboard-admin-binding',
];

/** Secrets the dashboard's Secrets view lists in kube-system, one of which the visitor opens. */
const KUBE_SYSTEM_SECRETS = ['azure-policy-webhook-cert', 'konnectivity-certs'];

/** Workloads whose pods a visitor can open a shell in from the dashboard's pod view. */
const SHELL_TARGETS = [
  { workload: 'storefront', container: 'php-fpm' },
  { workload: 'catalog-api', container: 'catalog-api' },
];

const TOOLBOX_IMAGES: ImageSpec[] = [
  { registry: 'docker.io', repository: 'library/ubuntu', tag: '22.04' },
  { registry: 'docker.io', repository: 'library/alpine', tag: '3.19' },
  { registry: 'docker.io', repository: 'nicolaka/netshoot', tag: 'v0.12' },
  { registry: 'docker.io', repository: 'library/busybox', tag: '1.36' },
];

/** Turns on the dashboard's skip-login and gives its service account cluster-admin, as was done weeks before. */
function weakenDashboard(spec: ClusterSpec, bindingName: string): void {
  const dashboard = spec.workloads.find(
    (w) => w.namespace === DASHBOARD.namespace && w.name === 'kubernetes-dashboard',
  );
  const container = dashboard?.template.containers[0];
  if (container?.process) {
    container.args = [
      '--auto-generate-certificates',
      '--namespace=kubernetes-dashboard',
      '--enable-skip-login',
    ];
    container.process = { ...container.process, cmdline: `${container.process.cmdline} --enable-skip-login` };
  }
  spec.bindings = spec.bindings.filter((b) => !(b.name === 'kubernetes-dashboard' && !b.namespace));
  spec.bindings.push({
    name: bindingName,
    roleKind: 'ClusterRole',
    roleName: 'cluster-admin',
    subjects: [{ kind: 'ServiceAccount', ...DASHBOARD_ACCOUNT }],
  });
}

/** A request the dashboard's backend logs, from the visitor's browser. */
function visit(visitor: string, random: Random, method: string, path: string): StepAction {
  return {
    type: 'log',
    pod: DASHBOARD,
    message: `{clock} [{time}] Incoming HTTP/1.1 ${method} ${path} request from ${visitor}:${random.int(49152, 65535)}: `,
  };
}

function build(random: Random): Storyline {
  const admin = clusterAdministrator(random);
  const visitor = externalIp(random, { ranges: ['198.51.100', '203.0.113'] });
  const bindingName = random.pick(ADMIN_BINDING_NAMES);
  const secret = random.pick(KUBE_SYSTEM_SECRETS);
  const target = random.pick(SHELL_TARGETS);
  const targetPod: PodRef = { namespace: 'shop', workload: target.workload };
  const podName = nameFrom(random, DIAGNOSTIC_POD_NAMES);
  const image = random.pick(TOOLBOX_IMAGES);
  const firstVisit = random.int(2 * 3600, 5 * 3600);
  const secretsAt = firstVisit + random.int(5 * 60, 15 * 60);
  const shellAt = secretsAt + random.int(20 * 60, 40 * 60);
  const createAt = shellAt + random.int(15 * 60, 30 * 60);
  const imageName = `${image.registry}/${image.repository}:${image.tag}`;
  return {
    id: 'exposed-dashboard',
    indicators: {
      admin: admin.upn,
      adminIp: admin.usualIp,
      visitorIp: visitor,
      binding: bindingName,
      secret,
      shellWorkload: target.workload,
      pod: podName,
      image: imageName,
    },
    title: 'An exposed Kubernetes dashboard',
    summary:
      'An administrator publishes the Kubernetes dashboard on a public load balancer; a stranger skips its login, reads kube-system secrets, opens a shell in a shop pod and starts a privileged pod, all as the dashboard’s cluster-admin service account.',
    attackHourUtc: 8,
    setup: { patch: (spec) => weakenDashboard(spec, bindingName) },
    actors: {
      admin: {
        kind: 'user',
        upn: admin.upn,
        oid: admin.oid,
        sourceIp: admin.usualIp,
        userAgent: USER_AGENT.kubectl,
        admin: true,
      },
      dashboard: {
        kind: 'podToken',
        pod: DASHBOARD,
        sourceIp: IP.clusterEgress,
        userAgent: USER_AGENT.dashboard,
      },
    },
    steps: [
      {
        at: 0,
        description: `${admin.upn} changes the dashboard's Service to type LoadBalancer`,
        actions: [
          {
            type: 'api',
            actor: 'admin',
            verb: 'patch',
            resource: 'services',
            namespace: 'kubernetes-dashboard',
            name: 'kubernetes-dashboard',
            query: 'fieldManager=kubectl-patch',
            requestObject: { spec: { type: 'LoadBalancer', externalTrafficPolicy: 'Local' } },
          },
        ],
      },
      {
        at: firstVisit,
        description: `${visitor} opens the dashboard, skips the login and lists namespaces and pods`,
        actions: [
          visit(visitor, random, 'GET', '/api/v1/login/modes'),
          visit(visitor, random, 'GET', '/api/v1/login/skippable'),
          visit(visitor, random, 'GET', '/api/v1/namespace'),
          { type: 'api', actor: 'dashboard', verb: 'list', resource: 'namespaces' },
          visit(visitor, random, 'GET', '/api/v1/pod/_all?itemsPerPage=10&page=1'),
          { type: 'api', actor: 'dashboard', verb: 'list', resource: 'pods' },
        ],
      },
      {
        at: secretsAt,
        description: `Opens the Secrets view of kube-system and reads ${secret}`,
        actions: [
          visit(visitor, random, 'GET', '/api/v1/secret/kube-system?itemsPerPage=10&page=1'),
          { type: 'api', actor: 'dashboard', verb: 'list', resource: 'secrets', namespace: 'kube-system' },
          visit(visitor, random, 'GET', `/api/v1/secret/kube-system/${secret}`),
          {
            type: 'api',
            actor: 'dashboard',
            verb: 'get',
            resource: 'secrets',
            namespace: 'kube-system',
            name: secret,
          },
        ],
      },
      {
        at: shellAt,
        description: `Opens a shell in a ${target.workload} pod from the dashboard and looks around`,
        actions: [
          visit(visitor, random, 'GET', '/api/sockjs/info'),
          {
            type: 'exec',
            actor: 'dashboard',
            pod: targetPod,
            container: target.container,
            command: ['sh'],
            tty: true,
          },
          {
            type: 'process',
            pod: targetPod,
            container: target.container,
            exe: '/bin/sh',
            cmdline: 'id; hostname; uname -a; env; cat /etc/passwd',
            parentExe: '/bin/sh',
            user: 'root',
            tty: true,
          },
        ],
      },
      {
        at: createAt,
        description: `Creates a privileged pod default/${podName} (${imageName}) with the dashboard's form`,
        actions: [
          visit(visitor, random, 'POST', '/api/v1/_raw/pod/namespace/default'),
          {
            type: 'createPod',
            actor: 'dashboard',
            namespace: 'default',
            name: podName,
            fieldManager: 'dashboard',
            template: {
              labels: { app: podName },
              serviceAccount: 'default',
              containers: [
                {
                  name: podName,
                  image,
                  command: ['sleep', 'infinity'],
                  securityContext: { privileged: true },
                  process: { exe: '/bin/sleep', cmdline: 'sleep infinity', user: 'root' },
                },
              ],
            },
          },
        ],
      },
    ],
    expectedAlerts: [
      { alertType: 'K8S_ExposedDashboard', step: 0 },
      { alertType: 'K8S.NODE_ReconnaissanceArtifactsBurst', step: 3 },
      { alertType: 'K8S_PrivilegedContainer', step: 4 },
    ],
  };
}

/** B8: the dashboard published on a load balancer with skip-login and a cluster-admin account behind it. */
export const exposedDashboard: StorylineDefinition = {
  id: 'exposed-dashboard',
  title: 'An exposed Kubernetes dashboard',
  summary:
    'The Kubernetes dashboard, running with skip-login and a cluster-admin service account, is published on a public load balancer and used by a stranger.',
  build,
};
