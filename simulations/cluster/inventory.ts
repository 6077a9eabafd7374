import type { ClusterSpec, ContainerSpec, ImageSpec, NodeSpec, PodTemplate, WorkloadSpec } from './types';

const MCR = 'mcr.microsoft.com';
const ACR = 'contoso.azurecr.io';

function image(registry: string, repository: string, tag: string): ImageSpec {
  return { registry, repository, tag };
}

const ubuntuNode = {
  osImage: 'Ubuntu 22.04.5 LTS',
  kernel: '5.15.0-1079-azure',
  containerRuntime: 'containerd://1.7.23-1',
  vmSize: 'Standard_D4ds_v5',
};

export function nodepoolNode(index: number): NodeSpec {
  return {
    name: `aks-nodepool1-38425911-vmss00000${index}`,
    ip: `10.224.0.${4 + index}`,
    podSubnet: index,
    pool: 'nodepool1',
    zone: `${'westeurope'}-${(index % 3) + 1}`,
    ...ubuntuNode,
  };
}

export const BUILDPOOL_NODE: NodeSpec = {
  name: 'aks-buildpool-52716348-vmss000000',
  ip: '10.224.0.7',
  podSubnet: 3,
  pool: 'buildpool',
  zone: 'westeurope-1',
  ...ubuntuNode,
};

const restrictedContext = {
  allowPrivilegeEscalation: false,
  capabilities: { drop: ['ALL'] },
  runAsNonRoot: true,
  seccompProfile: { type: 'RuntimeDefault' },
};

function container(
  name: string,
  img: ImageSpec,
  logs: string,
  process: ContainerSpec['process'],
  extra: Partial<ContainerSpec> = {},
): ContainerSpec {
  return { name, image: img, logs, process, ...extra };
}

function template(
  labels: Record<string, string>,
  serviceAccount: string,
  containers: ContainerSpec[],
  extra: Partial<PodTemplate> = {},
): PodTemplate {
  return { labels, serviceAccount, containers, ...extra };
}

const hostPath = (name: string, path: string, type = '') => ({ name, hostPath: { path, type } });

/** The AKS add-ons every cluster of this size runs (kube-system), about 30 pods on 3 nodes. */
function systemWorkloads(): WorkloadSpec[] {
  const sys = { system: true, namespace: 'kube-system' } as const;
  return [
    {
      ...sys,
      kind: 'Deployment',
      name: 'coredns',
      replicas: 2,
      templateHash: '6f9b8c5d7',
      template: template({ 'k8s-app': 'kube-dns' }, 'coredns', [
        container('coredns', image(MCR, 'oss/kubernetes/coredns', 'v1.11.3-2'), 'coredns', {
          exe: '/coredns',
          cmdline: '/coredns -conf /etc/coredns/Corefile',
          user: 'root',
        }),
      ]),
    },
    {
      ...sys,
      kind: 'Deployment',
      name: 'coredns-autoscaler',
      replicas: 1,
      templateHash: '5b8c9d7f64',
      template: template({ 'k8s-app': 'coredns-autoscaler' }, 'coredns-autoscaler', [
        container(
          'autoscaler',
          image(MCR, 'oss/kubernetes/autoscaler/cluster-proportional-autoscaler', 'v1.8.11'),
          'klog',
          {
            exe: '/cluster-proportional-autoscaler',
            cmdline:
              '/cluster-proportional-autoscaler --namespace=kube-system --configmap=coredns-autoscaler --target=deployment/coredns',
            user: 'root',
          },
        ),
      ]),
    },
    {
      ...sys,
      kind: 'Deployment',
      name: 'metrics-server',
      replicas: 2,
      templateHash: '7c6d5b9f48',
      template: template({ 'k8s-app': 'metrics-server' }, 'metrics-server', [
        container('metrics-server', image(MCR, 'oss/kubernetes/metrics-server', 'v0.7.2'), 'klog', {
          exe: '/metrics-server',
          cmdline:
            '/metrics-server --kubelet-insecure-tls --kubelet-preferred-address-types=InternalIP --secure-port=4443',
          user: '1000',
        }),
      ]),
    },
    {
      ...sys,
      kind: 'Deployment',
      name: 'konnectivity-agent',
      replicas: 2,
      templateHash: '84c5f6d9b7',
      template: template({ app: 'konnectivity-agent' }, 'konnectivity-agent', [
        container(
          'konnectivity-agent',
          image(MCR, 'oss/kubernetes/apiserver-network-proxy/agent', 'v0.30.3-hotfix.20240819'),
          'klog',
          {
            exe: '/proxy-agent',
            cmdline:
              '/proxy-agent --logtostderr=true --ca-cert=/certs/ca.crt --proxy-server-host=konnectivity.hcp.westeurope.azmk8s.io',
            user: 'root',
          },
        ),
      ]),
    },
    {
      ...sys,
      kind: 'DaemonSet',
      name: 'kube-proxy',
      template: template(
        { component: 'kube-proxy', tier: 'node' },
        'kube-proxy',
        [
          container(
            'kube-proxy',
            image(MCR, 'oss/kubernetes/kube-proxy', 'v1.30.6'),
            'klog',
            {
              exe: '/usr/local/bin/kube-proxy',
              cmdline:
                'kube-proxy --conntrack-max-per-core=0 --metrics-bind-address=0.0.0.0:10249 --cluster-cidr=10.244.0.0/16',
              user: 'root',
            },
            { securityContext: { privileged: true } },
          ),
        ],
        {
          hostNetwork: true,
          volumes: [
            hostPath('iptableslock', '/run/xtables.lock', 'FileOrCreate'),
            hostPath('kernelmodules', '/lib/modules'),
          ],
        },
      ),
    },
    {
      ...sys,
      kind: 'DaemonSet',
      name: 'azure-ip-masq-agent',
      template: template(
        { 'k8s-app': 'azure-ip-masq-agent' },
        'default',
        [
          container(
            'azure-ip-masq-agent',
            image(MCR, 'aks/ip-masq-agent-v2', 'v0.1.13'),
            'klog',
            {
              exe: '/ip-masq-agent-v2',
              cmdline: '/ip-masq-agent-v2 --v=2 --resync-interval=60',
              user: 'root',
            },
            { securityContext: { capabilities: { add: ['NET_ADMIN', 'NET_RAW'] } } },
          ),
        ],
        { hostNetwork: true },
      ),
    },
    {
      ...sys,
      kind: 'DaemonSet',
      name: 'cloud-node-manager',
      template: template(
        { component: 'cloud-node-manager' },
        'cloud-node-manager',
        [
          container(
            'cloud-node-manager',
            image(MCR, 'oss/kubernetes/azure-cloud-node-manager', 'v1.30.7'),
            'klog',
            {
              exe: '/cloud-node-manager',
              cmdline: 'cloud-node-manager --node-name=$(NODE_NAME) --wait-routes=true',
              user: 'root',
            },
          ),
        ],
        { hostNetwork: true },
      ),
    },
    {
      ...sys,
      kind: 'DaemonSet',
      name: 'csi-azuredisk-node',
      template: template(
        { app: 'csi-azuredisk-node' },
        'csi-azuredisk-node-sa',
        [
          container(
            'azuredisk',
            image(MCR, 'oss/kubernetes-csi/azuredisk-csi', 'v1.30.4'),
            'klog',
            {
              exe: '/azurediskplugin',
              cmdline: '/azurediskplugin --v=5 --endpoint=unix:///csi/csi.sock --nodeid=$(KUBE_NODE_NAME)',
              user: 'root',
            },
            { securityContext: { privileged: true } },
          ),
        ],
        {
          hostNetwork: true,
          volumes: [
            hostPath('kubelet-dir', '/var/lib/kubelet', 'Directory'),
            hostPath('device-dir', '/dev', 'Directory'),
          ],
        },
      ),
    },
    {
      ...sys,
      kind: 'DaemonSet',
      name: 'ama-logs',
      template: template(
        { component: 'ama-logs-agent' },
        'ama-logs',
        [
          container(
            'ama-logs',
            image(MCR, 'azuremonitor/containerinsights/ciprod', '3.1.22'),
            'ama-logs',
            {
              exe: '/opt/fluent-bit/bin/fluent-bit',
              cmdline:
                '/opt/fluent-bit/bin/fluent-bit -c /etc/opt/microsoft/docker-cimprov/fluent-bit.conf -e /opt/fluent-bit/bin/out_oms.so',
              user: 'root',
            },
            { securityContext: { privileged: true } },
          ),
          container(
            'ama-logs-prometheus',
            image(MCR, 'azuremonitor/containerinsights/ciprod', '3.1.22'),
            'ama-logs',
            {
              exe: '/opt/telegraf',
              cmdline: '/opt/telegraf --config /etc/opt/microsoft/docker-cimprov/telegraf-prom-side-car.conf',
              user: 'root',
            },
          ),
        ],
        {
          volumes: [
            hostPath('host-root', '/var/log'),
            hostPath('containerlog-path', '/var/lib/docker/containers'),
          ],
        },
      ),
    },
    {
      ...sys,
      kind: 'Deployment',
      name: 'ama-logs-rs',
      replicas: 1,
      templateHash: '6d8b7f9c5',
      template: template({ rsName: 'ama-logs-rs' }, 'ama-logs', [
        container('ama-logs', image(MCR, 'azuremonitor/containerinsights/ciprod', '3.1.22'), 'ama-logs', {
          exe: '/opt/fluent/bin/fluentd',
          cmdline: '/opt/fluent/bin/fluentd -c /etc/fluent/kube.conf',
          user: 'root',
        }),
      ]),
    },
    {
      ...sys,
      kind: 'DaemonSet',
      name: 'microsoft-defender-collector-ds',
      template: template(
        { app: 'microsoft-defender-collector-ds' },
        'microsoft-defender-collector-sa',
        [
          container(
            'microsoft-defender-collector',
            image(MCR, 'azuredefender/stable/pod-collector', '1.0.176'),
            'defender',
            {
              exe: '/usr/bin/pod-collector',
              cmdline: '/usr/bin/pod-collector --config /etc/defender/collector.yaml',
              user: 'root',
            },
            { securityContext: { privileged: true } },
          ),
        ],
        {
          hostPID: true,
          hostNetwork: true,
          volumes: [hostPath('host-proc', '/proc'), hostPath('host-sys', '/sys/kernel/debug')],
        },
      ),
    },
    {
      ...sys,
      kind: 'Deployment',
      name: 'microsoft-defender-collector-misc',
      replicas: 1,
      templateHash: '5f7d6c8b94',
      template: template({ app: 'microsoft-defender-collector-misc' }, 'microsoft-defender-collector-sa', [
        container(
          'microsoft-defender-collector-misc',
          image(MCR, 'azuredefender/stable/pod-collector', '1.0.176'),
          'defender',
          {
            exe: '/usr/bin/pod-collector',
            cmdline: '/usr/bin/pod-collector --mode=cluster',
            user: 'root',
          },
        ),
      ]),
    },
  ];
}

export const STOREFRONT_IMAGE = image(ACR, 'shop/storefront', '1.4.2');
const STOREFRONT_UPLOADS_CLAIM = 'storefront-uploads';
const SHOP_DB_CLAIM = 'data-shop-db';
const UPLOADS_PATH = '/var/www/html/uploads';

/** The tenant's own workloads: a small web shop, its CI agent, ingress, dashboard and monitoring. */
function applicationWorkloads(): WorkloadSpec[] {
  return [
    {
      kind: 'Deployment',
      name: 'storefront',
      namespace: 'shop',
      replicas: 3,
      templateHash: '7d9c6b8f5',
      rolloutEveryHours: 60,
      rolledOutBy: 'system:serviceaccount:ci:azure-pipelines-deployer',
      crashesPerDay: 0.15,
      template: template(
        { app: 'storefront', tier: 'web' },
        'storefront',
        [
          container(
            'nginx',
            image(ACR, 'shop/storefront-nginx', '1.25.4'),
            'nginx-app',
            {
              exe: '/usr/sbin/nginx',
              cmdline: 'nginx: master process nginx -g daemon off;',
              user: 'root',
            },
            {
              ports: [{ containerPort: 80, name: 'http' }],
              volumeMounts: [{ name: 'uploads', mountPath: UPLOADS_PATH }],
            },
          ),
          container(
            'php-fpm',
            STOREFRONT_IMAGE,
            'php-fpm',
            {
              exe: '/usr/local/sbin/php-fpm',
              cmdline: 'php-fpm: master process (/usr/local/etc/php-fpm.conf)',
              user: 'root',
            },
            { volumeMounts: [{ name: 'uploads', mountPath: UPLOADS_PATH }] },
          ),
        ],
        // Three replicas share the product images customers upload, hence an Azure Files (RWX) claim.
        { volumes: [{ name: 'uploads', persistentVolumeClaim: { claimName: STOREFRONT_UPLOADS_CLAIM } }] },
      ),
    },
    {
      kind: 'Deployment',
      name: 'catalog-api',
      namespace: 'shop',
      replicas: 2,
      templateHash: '5c8d7b6f9',
      rolloutEveryHours: 40,
      rolledOutBy: 'system:serviceaccount:ci:azure-pipelines-deployer',
      crashesPerDay: 0.3,
      template: template(
        { app: 'catalog-api', tier: 'api' },
        'catalog-api',
        [
          container(
            'catalog-api',
            image(ACR, 'shop/catalog-api', '2.3.0'),
            'catalog-api',
            {
              exe: '/usr/bin/dotnet',
              cmdline: 'dotnet Contoso.Catalog.Api.dll',
              user: 'app',
            },
            {
              securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
              ports: [{ containerPort: 8080 }],
            },
          ),
        ],
        { securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } } },
      ),
    },
    {
      // The shop's PostgreSQL: one replica on an Azure premium disk, which attaches to one node at a time.
      kind: 'Deployment',
      name: 'shop-db',
      namespace: 'shop',
      replicas: 1,
      templateHash: '84c6d9f7b5',
      template: template(
        { app: 'shop-db', tier: 'db' },
        'default',
        [
          container(
            'postgres',
            image('docker.io', 'library/postgres', '16.4'),
            'postgres',
            { exe: '/usr/lib/postgresql/16/bin/postgres', cmdline: 'postgres', user: 'postgres' },
            {
              ports: [{ containerPort: 5432, name: 'postgres' }],
              volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }],
            },
          ),
        ],
        {
          securityContext: { runAsNonRoot: true, runAsUser: 999, fsGroup: 999 },
          volumes: [{ name: 'data', persistentVolumeClaim: { claimName: SHOP_DB_CLAIM } }],
        },
      ),
    },
    {
      kind: 'CronJob',
      name: 'report-export',
      namespace: 'shop',
      dailyAtHour: 2,
      runMinutes: 6,
      template: template({ app: 'report-export' }, 'catalog-api', [
        container(
          'report-export',
          image(ACR, 'shop/report-export', '1.0.7'),
          'report-export',
          {
            exe: '/usr/local/bin/python',
            cmdline: 'python /app/export.py --since 24h',
            user: '1001',
          },
          { securityContext: restrictedContext },
        ),
      ]),
    },
    {
      kind: 'Deployment',
      name: 'ingress-nginx-controller',
      namespace: 'ingress-nginx',
      replicas: 1,
      templateHash: '6c8d7b9f5d',
      template: template(
        { 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/component': 'controller' },
        'ingress-nginx',
        [
          container(
            'controller',
            image('registry.k8s.io', 'ingress-nginx/controller', 'v1.11.3'),
            'ingress-nginx',
            {
              exe: '/nginx-ingress-controller',
              cmdline:
                '/nginx-ingress-controller --publish-service=$(POD_NAMESPACE)/ingress-nginx-controller --election-id=ingress-nginx-leader',
              user: '101',
            },
            { ports: [{ containerPort: 80 }, { containerPort: 443 }] },
          ),
        ],
      ),
    },
    {
      kind: 'Deployment',
      name: 'kubernetes-dashboard',
      namespace: 'kubernetes-dashboard',
      replicas: 1,
      templateHash: '7b8d9c6f54',
      template: template({ 'k8s-app': 'kubernetes-dashboard' }, 'kubernetes-dashboard', [
        container(
          'kubernetes-dashboard',
          image('docker.io', 'kubernetesui/dashboard', 'v2.7.0'),
          'dashboard',
          {
            exe: '/dashboard',
            cmdline:
              '/dashboard --insecure-bind-address=0.0.0.0 --bind-address=0.0.0.0 --auto-generate-certificates --namespace=kubernetes-dashboard',
            user: '1001',
          },
          { ports: [{ containerPort: 8443 }] },
        ),
      ]),
    },
    {
      kind: 'Deployment',
      name: 'prometheus-operator',
      namespace: 'monitoring',
      replicas: 1,
      templateHash: '58f6c9d7b4',
      template: template({ 'app.kubernetes.io/name': 'prometheus-operator' }, 'prometheus-operator', [
        container(
          'prometheus-operator',
          image('quay.io', 'prometheus-operator/prometheus-operator', 'v0.75.2'),
          'klog',
          {
            exe: '/bin/operator',
            cmdline:
              '/bin/operator --kubelet-service=kube-system/kubelet --prometheus-config-reloader=quay.io/prometheus-operator/prometheus-config-reloader:v0.75.2',
            user: '65534',
          },
          { securityContext: restrictedContext },
        ),
      ]),
    },
  ];
}

/** The self-hosted Azure Pipelines agent with the node's containerd socket mounted (it builds with nerdctl and BuildKit). */
export function buildAgentWorkload(pool: string): WorkloadSpec {
  return {
    kind: 'Deployment',
    name: 'build-agent',
    namespace: 'ci',
    replicas: 1,
    templateHash: '6d8f7c9b5',
    rolloutEveryHours: 30,
    rolledOutBy: 'priya.nair@contoso.com',
    template: template(
      { app: 'build-agent' },
      'build-agent',
      [
        container(
          'azp-agent',
          image(ACR, 'ci/azp-agent', '3.236'),
          'build-agent',
          {
            exe: '/azp/bin/Agent.Listener',
            cmdline: '/azp/bin/Agent.Listener run --startuptype service',
            user: 'root',
          },
          { volumeMounts: [{ name: 'containerd-sock', mountPath: '/run/containerd/containerd.sock' }] },
        ),
      ],
      { volumes: [hostPath('containerd-sock', '/run/containerd/containerd.sock', 'Socket')], nodePool: pool },
    ),
  };
}

const PSS = 'pod-security.kubernetes.io/';

/** The cluster every storyline starts from (B0 shared constants), before storyline-specific setup. */
export function defaultCluster(nodeCount = 3): ClusterSpec {
  const nodes = Array.from({ length: nodeCount }, (_, i) => nodepoolNode(i));
  return {
    nodes,
    namespaces: [
      { name: 'kube-system', labels: {} },
      { name: 'kube-public', labels: {} },
      { name: 'kube-node-lease', labels: {} },
      { name: 'default', labels: {} },
      {
        name: 'shop',
        labels: {
          [`${PSS}enforce`]: 'baseline',
          [`${PSS}warn`]: 'restricted',
          [`${PSS}audit`]: 'restricted',
        },
      },
      { name: 'ci', labels: { [`${PSS}enforce`]: 'privileged' } },
      { name: 'dev', labels: { [`${PSS}enforce`]: 'baseline', [`${PSS}enforce-version`]: 'v1.30' } },
      { name: 'ingress-nginx', labels: { [`${PSS}enforce`]: 'baseline' } },
      { name: 'kubernetes-dashboard', labels: {} },
      {
        name: 'monitoring',
        labels: { [`${PSS}enforce`]: 'restricted', [`${PSS}enforce-version`]: 'latest' },
      },
    ],
    workloads: [...systemWorkloads(), ...applicationWorkloads(), buildAgentWorkload('nodepool1')],
    services: [
      {
        name: 'kubernetes',
        namespace: 'default',
        type: 'ClusterIP',
        clusterIp: '10.0.0.1',
        selector: {},
        ports: [{ port: 443, targetPort: 443, protocol: 'TCP' }],
      },
      {
        name: 'kube-dns',
        namespace: 'kube-system',
        type: 'ClusterIP',
        clusterIp: '10.0.0.10',
        selector: { 'k8s-app': 'kube-dns' },
        ports: [{ port: 53, targetPort: 53, protocol: 'UDP' }],
      },
      {
        name: 'metrics-server',
        namespace: 'kube-system',
        type: 'ClusterIP',
        clusterIp: '10.0.112.41',
        selector: { 'k8s-app': 'metrics-server' },
        ports: [{ port: 443, targetPort: 4443, protocol: 'TCP' }],
      },
      {
        name: 'storefront',
        namespace: 'shop',
        type: 'ClusterIP',
        clusterIp: '10.0.41.17',
        selector: { app: 'storefront' },
        ports: [{ port: 80, targetPort: 80, protocol: 'TCP' }],
      },
      {
        name: 'shop-db',
        namespace: 'shop',
        type: 'ClusterIP',
        clusterIp: '10.0.143.27',
        selector: { app: 'shop-db' },
        ports: [{ port: 5432, targetPort: 5432, protocol: 'TCP' }],
      },
      {
        name: 'catalog-api',
        namespace: 'shop',
        type: 'ClusterIP',
        clusterIp: '10.0.52.208',
        selector: { app: 'catalog-api' },
        ports: [{ port: 8080, targetPort: 8080, protocol: 'TCP' }],
      },
      {
        name: 'ingress-nginx-controller',
        namespace: 'ingress-nginx',
        type: 'LoadBalancer',
        clusterIp: '10.0.190.12',
        externalIp: '192.0.2.10',
        selector: { 'app.kubernetes.io/name': 'ingress-nginx' },
        ports: [
          { port: 443, targetPort: 443, protocol: 'TCP', nodePort: 30443 },
          { port: 80, targetPort: 80, protocol: 'TCP', nodePort: 30080 },
        ],
      },
      {
        name: 'kubernetes-dashboard',
        namespace: 'kubernetes-dashboard',
        type: 'ClusterIP',
        clusterIp: '10.0.77.143',
        selector: { 'k8s-app': 'kubernetes-dashboard' },
        ports: [{ port: 443, targetPort: 8443, protocol: 'TCP' }],
      },
    ],
    persistentVolumes: [
      {
        name: 'pvc-3f6b2c1e-8d4a-4e7b-9c25-71a0d5e8b94f',
        claimName: STOREFRONT_UPLOADS_CLAIM,
        namespace: 'shop',
        storageClass: 'azurefile-csi',
        capacity: '100Gi',
        accessModes: ['ReadWriteMany'],
        createdAt: '2026-01-12T09:14:52Z',
      },
      {
        name: 'pvc-a71c94d2-5e08-4b3f-8f6d-2c9e41b7d063',
        claimName: SHOP_DB_CLAIM,
        namespace: 'shop',
        storageClass: 'managed-csi-premium',
        capacity: '64Gi',
        accessModes: ['ReadWriteOnce'],
        createdAt: '2026-01-12T09:15:07Z',
      },
    ],
    serviceAccounts: [
      ...['default', 'shop', 'ci', 'dev', 'monitoring', 'ingress-nginx', 'kubernetes-dashboard'].map(
        (namespace) => ({ namespace, name: 'default' }),
      ),
      { namespace: 'shop', name: 'storefront' },
      { namespace: 'shop', name: 'catalog-api' },
      { namespace: 'ci', name: 'build-agent' },
      { namespace: 'ci', name: 'azure-pipelines-deployer' },
      { namespace: 'dev', name: 'deployer' },
      { namespace: 'monitoring', name: 'prometheus-operator' },
      { namespace: 'ingress-nginx', name: 'ingress-nginx' },
      { namespace: 'kubernetes-dashboard', name: 'kubernetes-dashboard' },
    ],
    secrets: [
      { namespace: 'shop', name: 'storefront-db', type: 'Opaque' },
      { namespace: 'shop', name: 'catalog-api-appsettings', type: 'Opaque' },
      { namespace: 'shop', name: 'shop-tls', type: 'kubernetes.io/tls' },
      { namespace: 'ci', name: 'azp-token', type: 'Opaque' },
      { namespace: 'kube-system', name: 'azure-policy-webhook-cert', type: 'kubernetes.io/tls' },
      { namespace: 'kube-system', name: 'konnectivity-certs', type: 'Opaque' },
      { namespace: 'kubernetes-dashboard', name: 'kubernetes-dashboard-certs', type: 'Opaque' },
    ],
    clusterRoles: [
      { name: 'cluster-admin', rules: [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }] },
      {
        name: 'edit',
        rules: [
          {
            apiGroups: ['', 'apps', 'batch'],
            resources: [
              'pods',
              'pods/exec',
              'pods/log',
              'deployments',
              'replicasets',
              'jobs',
              'services',
              'configmaps',
              'secrets',
            ],
            verbs: ['*'],
          },
        ],
      },
      {
        name: 'view',
        rules: [
          {
            apiGroups: ['', 'apps', 'batch'],
            resources: [
              'pods',
              'pods/log',
              'deployments',
              'replicasets',
              'daemonsets',
              'jobs',
              'services',
              'configmaps',
              'events',
              'namespaces',
            ],
            verbs: ['get', 'list', 'watch'],
          },
        ],
      },
      {
        name: 'prometheus-operator',
        rules: [
          {
            apiGroups: ['', 'monitoring.coreos.com'],
            resources: [
              'secrets',
              'configmaps',
              'services',
              'endpoints',
              'pods',
              'servicemonitors',
              'prometheuses',
            ],
            verbs: ['get', 'list', 'watch', 'create', 'update'],
          },
        ],
      },
      {
        name: 'storefront-ops',
        rules: [
          { apiGroups: [''], resources: ['secrets'], verbs: ['get', 'list', 'watch'] },
          { apiGroups: [''], resources: ['serviceaccounts'], verbs: ['get', 'create'] },
          { apiGroups: [''], resources: ['serviceaccounts/token'], verbs: ['create'] },
          {
            apiGroups: ['rbac.authorization.k8s.io'],
            resources: ['clusterrolebindings'],
            verbs: ['create', 'get', 'list'],
          },
          {
            apiGroups: ['rbac.authorization.k8s.io'],
            resources: ['clusterroles'],
            verbs: ['bind', 'escalate', 'create'],
          },
        ],
      },
    ],
    bindings: [
      {
        name: 'storefront-ops',
        roleKind: 'ClusterRole',
        roleName: 'storefront-ops',
        subjects: [{ kind: 'ServiceAccount', name: 'storefront', namespace: 'shop' }],
      },
      {
        name: 'aks-cluster-admin-binding-aad',
        roleKind: 'ClusterRole',
        roleName: 'cluster-admin',
        subjects: [{ kind: 'Group', name: '4e6a8c0e-2a4c-4e6a-8c0e-2a4c6e8a0c2e' }],
      },
      {
        name: 'deployer-edit',
        namespace: 'shop',
        roleKind: 'ClusterRole',
        roleName: 'edit',
        subjects: [{ kind: 'ServiceAccount', name: 'azure-pipelines-deployer', namespace: 'ci' }],
      },
      {
        name: 'prometheus-operator',
        roleKind: 'ClusterRole',
        roleName: 'prometheus-operator',
        subjects: [{ kind: 'ServiceAccount', name: 'prometheus-operator', namespace: 'monitoring' }],
      },
      {
        name: 'kubernetes-dashboard',
        roleKind: 'ClusterRole',
        roleName: 'view',
        subjects: [
          { kind: 'ServiceAccount', name: 'kubernetes-dashboard', namespace: 'kubernetes-dashboard' },
        ],
      },
      {
        name: 'developers-edit',
        namespace: 'default',
        roleKind: 'ClusterRole',
        roleName: 'edit',
        subjects: [{ kind: 'User', name: 'j.doe@contoso.com' }],
      },
      {
        name: 'developers-edit',
        namespace: 'dev',
        roleKind: 'ClusterRole',
        roleName: 'edit',
        subjects: [
          { kind: 'User', name: 'j.doe@contoso.com' },
          { kind: 'ServiceAccount', name: 'deployer', namespace: 'dev' },
        ],
      },
    ],
  };
}
