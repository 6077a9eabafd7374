import { USER_AGENT } from '../cluster/constants';
import { nodepoolNode } from '../cluster/inventory';
import type { ClusterSpec, ImageSpec, WorkloadSpec } from '../cluster/types';
import type { Random } from '../../src/shared/random';
import { externalIp } from '../scenario/indicators';
import type { PodRef, StepAction, Storyline, StorylineDefinition } from '../scenario/storyline';

/** Team namespaces that exist only in this case; none carries a Pod Security label. */
const TEAM_NAMESPACES = ['data', 'reporting', 'analytics', 'batch'];
/** Deployment accounts whose long-lived token a pipeline printed in a public log. */
const DEPLOY_ACCOUNTS = ['deployer', 'etl-deployer', 'report-publisher', 'gitops-sync'];
/** Housekeeping-sounding Job names, numbered like a CronJob's runs. */
const JOB_NAMES = ['log-rotate', 'tmp-cleanup', 'cache-prune', 'disk-usage-report'];
const SMALL_IMAGES: ImageSpec[] = [
  { registry: 'docker.io', repository: 'library/busybox', tag: '1.36' },
  { registry: 'docker.io', repository: 'library/alpine', tag: '3.19' },
  { registry: 'docker.io', repository: 'library/alpine', tag: '3.20' },
];
/** Secrets a node may read only while a pod on it mounts them: the Node authorizer refuses the rest. */
const SECRETS_TO_TRY = ['shop/storefront-db', 'shop/catalog-api-appsettings', 'ci/azp-token'];

/** The team namespace, its deployment account and the account's RoleBinding to `edit` there. */
function addTeamNamespace(spec: ClusterSpec, namespace: string, account: string): void {
  spec.namespaces.push({ name: namespace, labels: {} });
  spec.serviceAccounts.push({ namespace, name: 'default' }, { namespace, name: account });
  spec.bindings.push({
    name: `${account}-edit`,
    namespace,
    roleKind: 'ClusterRole',
    roleName: 'edit',
    subjects: [{ kind: 'ServiceAccount', name: account, namespace }],
  });
}

function build(random: Random): Storyline {
  const namespace = random.pick(TEAM_NAMESPACES);
  const account = random.pick(DEPLOY_ACCOUNTS);
  const jobName = `${random.pick(JOB_NAMES)}-${random.int(20000, 29999)}`;
  const image = random.pick(SMALL_IMAGES);
  const node = nodepoolNode(random.int(0, 2)).name;
  const attackerIp = externalIp(random, { ranges: ['203.0.113', '198.51.100'] });
  const certIp = externalIp(random, { ranges: ['203.0.113', '198.51.100'], avoid: [attackerIp] });
  const [secretNamespace, secretName] = random.pick(SECRETS_TO_TRY).split('/') as [string, string];
  const useCertAt = random.int(15 * 60, 40 * 60);
  const job: WorkloadSpec = {
    kind: 'Job',
    name: jobName,
    namespace,
    runMinutes: 60,
    template: {
      labels: { 'job-name': jobName },
      serviceAccount: 'default',
      volumes: [{ name: 'hostroot', hostPath: { path: '/', type: '' } }],
      containers: [
        {
          name: 'rotate',
          image,
          command: ['sleep', '3600'],
          volumeMounts: [{ name: 'hostroot', mountPath: '/host' }],
          process: { exe: '/bin/sleep', cmdline: 'sleep 3600', user: 'root' },
        },
      ],
    },
  };
  const pod: PodRef = { namespace, workload: jobName };
  /** `kubectl exec` of a command, and the process inside that opens the files (a shell's child, or the command itself). */
  const execRead = (command: string[], reads: string[]): StepAction[] => {
    const viaShell = command[0] === 'sh';
    const reader = viaShell ? command[2]!.split('; ').pop()! : command.join(' ');
    return [
      { type: 'exec', actor: 'leakedToken', pod, command },
      {
        type: 'process',
        pod,
        exe: `/bin/${reader.split(' ')[0]}`,
        cmdline: reader,
        parentExe: viaShell ? '/bin/sh' : 'runc',
        user: 'root',
        files: reads.map((path) => ({ path, operation: 'read' as const })),
      },
    ];
  };
  return {
    id: 'hostpath-kubelet-credentials',
    indicators: {
      namespace,
      account,
      job: jobName,
      image: `${image.repository}:${image.tag}`,
      node,
      attackerIp,
      certIp,
      secret: `${secretNamespace}/${secretName}`,
    },
    title: "A housekeeping Job that read the node's credentials",
    summary:
      "A leaked deployment token starts a Job whose pod mounts its node's root filesystem, then reads the node's cloud configuration, the kubelet's credentials, SSH keys and password hashes, and uses the kubelet's certificate from outside.",
    attackHourUtc: 15,
    setup: { patch: (spec) => addTeamNamespace(spec, namespace, account) },
    actors: {
      leakedToken: {
        kind: 'serviceAccount',
        namespace,
        name: account,
        sourceIp: attackerIp,
        userAgent: USER_AGENT.kubectl,
      },
      stolenKubelet: { kind: 'node', node, sourceIp: certIp, userAgent: USER_AGENT.kubectl },
    },
    steps: [
      {
        at: 0,
        description: `Creates Job ${namespace}/${jobName}: ${image.repository}:${image.tag}, the node's root at /host`,
        actions: [{ type: 'createJob', actor: 'leakedToken', job, node }],
      },
      {
        at: 40,
        description: "Reads the node's cloud configuration (managed identity, subscription)",
        actions: execRead(
          ['sh', '-c', 'ls /host/etc/kubernetes; cat /host/etc/kubernetes/azure.json'],
          ['/host/etc/kubernetes/azure.json'],
        ),
      },
      {
        at: 70,
        description: "Reads the kubelet's kubeconfig and finds its client certificate",
        actions: execRead(
          ['sh', '-c', 'ls -l /host/var/lib/kubelet/pki/; cat /host/var/lib/kubelet/kubeconfig'],
          ['/host/var/lib/kubelet/kubeconfig'],
        ),
      },
      {
        at: 110,
        description: "Reads the node administrator's authorized SSH keys",
        actions: execRead(
          [
            'sh',
            '-c',
            'ls -la /host/root/.ssh /host/home/azureuser/.ssh; cat /host/home/azureuser/.ssh/authorized_keys',
          ],
          ['/host/home/azureuser/.ssh/authorized_keys'],
        ),
      },
      {
        at: 140,
        description: "Reads the node's password hashes",
        actions: execRead(['cat', '/host/etc/shadow'], ['/host/etc/shadow']),
      },
      {
        at: 170,
        description: "Copies the kubelet's certificate and key out (kubectl cp runs tar through exec)",
        actions: execRead(
          ['tar', 'cf', '-', '/host/var/lib/kubelet/pki'],
          ['/host/var/lib/kubelet/pki/kubelet-client-current.pem'],
        ),
      },
      {
        at: useCertAt,
        description: `Uses the kubelet's certificate from ${certIp}: lists every pod, tries to read ${secretNamespace}/${secretName}`,
        actions: [
          { type: 'api', actor: 'stolenKubelet', verb: 'list', resource: 'pods', query: 'limit=500' },
          {
            type: 'api',
            actor: 'stolenKubelet',
            verb: 'get',
            resource: 'secrets',
            namespace: secretNamespace,
            name: secretName,
            code: 403,
            message: `secrets "${secretName}" is forbidden: User "system:node:${node}" cannot get resource "secrets" in API group "" in the namespace "${secretNamespace}": no relationship found between node '${node}' and this object`,
          },
        ],
      },
    ],
    expectedAlerts: [
      { alertType: 'K8S_ServiceAccountRareOperation', step: 0 },
      { alertType: 'K8S_SensitiveMount', step: 0, withinSeconds: 5 },
      { alertType: 'K8S.NODE_KubeConfigAccess', step: 2 },
      { alertType: 'K8S.NODE_SshKeyAccess', step: 3 },
      { alertType: 'K8S.NODE_SuspectPasswordFileAccess', step: 4 },
    ],
  };
}

/** B3: a leaked deployment token, a Job with hostPath `/`, the kubelet's credentials read and used from outside. */
export const hostPathKubeletCredentials: StorylineDefinition = {
  id: 'hostpath-kubelet-credentials',
  title: "A housekeeping Job that read the node's credentials",
  summary:
    "A leaked deployment token starts a Job whose pod mounts its node's root filesystem; the kubelet's credentials are read through it and used from outside the cluster.",
  build,
};
