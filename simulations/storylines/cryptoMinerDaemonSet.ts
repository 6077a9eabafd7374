import { USER_AGENT } from '../cluster/constants';
import type { WorkloadSpec } from '../cluster/types';
import type { Random } from '../../src/shared/random';
import {
  MINER_REPOSITORIES,
  SYSTEM_LOOKALIKE_NAMES,
  anonymisingProxyIp,
  clusterAdministrator,
  externalIp,
  imageTag,
  miningPool,
  moneroWallet,
  nameFrom,
} from '../scenario/indicators';
import type { Storyline, StorylineDefinition } from '../scenario/storyline';

/** A DaemonSet named like an AKS add-on, running a renamed XMRig build on every node. */
function minerDaemonSet(
  name: string,
  image: { repository: string; tag: string },
  minerArgs: string,
): WorkloadSpec {
  return {
    kind: 'DaemonSet',
    name,
    namespace: 'kube-system',
    template: {
      labels: { app: name },
      serviceAccount: 'default',
      containers: [
        {
          name: 'node-agent',
          image: { registry: 'docker.io', ...image },
          command: ['/usr/local/bin/node-agent'],
          args: minerArgs.split(' '),
          logs: 'xmrig',
          process: {
            exe: '/usr/local/bin/node-agent',
            cmdline: `/usr/local/bin/node-agent ${minerArgs}`,
            user: 'root',
          },
        },
      ],
    },
  };
}

/** B7 standalone: an administrator's stolen Entra session, used through a TOR exit, deploys a miner in kube-system. */
export const cryptoMinerDaemonSet: StorylineDefinition = {
  id: 'crypto-miner-daemonset',
  title: 'A mining DaemonSet hiding in kube-system',
  summary:
    "An administrator's stolen session, used through an anonymising proxy, deploys a crypto miner on every node under an add-on-like name.",
  build: buildCryptoMinerDaemonSet,
};

function buildCryptoMinerDaemonSet(random: Random): Storyline {
  const admin = clusterAdministrator(random);
  const proxyIp = anonymisingProxyIp(random);
  const name = nameFrom(random, SYSTEM_LOOKALIKE_NAMES);
  const image = { repository: random.pick(MINER_REPOSITORIES), tag: imageTag(random) };
  const pool = miningPool(random);
  const poolIp = externalIp(random, { ranges: ['203.0.113', '198.51.100'] });
  const minerArgs = `-o stratum+tcp://${pool.host}:${pool.port} -u ${moneroWallet(random)} -k --cpu-max-threads-hint=95 --donate-level=1`;
  const daemonSet = minerDaemonSet(name, image, minerArgs);
  const pods = { namespace: 'kube-system', workload: name };
  return {
    id: cryptoMinerDaemonSet.id,
    title: cryptoMinerDaemonSet.title,
    summary: cryptoMinerDaemonSet.summary,
    indicators: {
      workload: `kube-system/${name}`,
      image: `docker.io/${image.repository}:${image.tag}`,
      creator: admin.upn,
      proxyIp,
      pool: pool.host,
      poolIp,
    },
    attackHourUtc: 9,
    actors: {
      stolenAdmin: {
        kind: 'user',
        upn: admin.upn,
        oid: admin.oid,
        sourceIp: proxyIp,
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
        description: `Creates the DaemonSet kube-system/${name}`,
        actions: [{ type: 'createDaemonSet', actor: 'stolenAdmin', workload: daemonSet }],
      },
      {
        at: 215,
        description: `The miner reaches the pool ${pool.host} (DNS, then stratum on ${pool.port})`,
        actions: [
          {
            type: 'connect',
            pod: pods,
            ip: poolIp,
            port: pool.port,
            domain: pool.host,
          },
        ],
      },
      {
        at: 240,
        description: 'Tries to tune the CPU for mining and to hide itself',
        actions: [
          {
            type: 'process',
            pod: pods,
            exe: '/sbin/modprobe',
            cmdline: 'modprobe msr allow_writes=on',
            parentExe: '/usr/local/bin/node-agent',
            user: 'root',
          },
          {
            type: 'process',
            pod: pods,
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
}
