/** Kubernetes-shaped objects the simulation works with (only the fields it reads or writes). */
export type JsonObject = Record<string, unknown>;

export interface NodeSpec {
  name: string;
  ip: string;
  /** Third octet of the node's pod CIDR (10.244.<n>.0/24). */
  podSubnet: number;
  pool: string;
  osImage: string;
  kernel: string;
  containerRuntime: string;
  vmSize: string;
  zone: string;
  /** Cordoned (`kubectl cordon`): the scheduler places no new pod on it. */
  unschedulable?: boolean;
}

export interface NamespaceSpec {
  name: string;
  labels: Record<string, string>;
}

export interface ImageSpec {
  /** e.g. contoso.azurecr.io */
  registry: string;
  /** e.g. shop/storefront */
  repository: string;
  tag: string;
  /** The reference as a manifest wrote it (`ubuntu:22.04`), which kubectl and the kubelet print; else the full one. */
  reference?: string;
}

export interface ContainerSpec {
  name: string;
  image: ImageSpec;
  command?: string[];
  args?: string[];
  securityContext?: JsonObject;
  ports?: { containerPort: number; hostPort?: number; protocol?: string; name?: string }[];
  volumeMounts?: { name: string; mountPath: string; readOnly?: boolean }[];
  /** Which log generator writes this container's stdout. */
  logs?: string;
  /** Main process and user, for `ps` and the runtime sensor. */
  process?: { exe: string; cmdline: string; user: string };
}

export interface VolumeSpec {
  name: string;
  hostPath?: { path: string; type?: string };
  emptyDir?: JsonObject;
  configMap?: { name: string };
  secret?: { secretName: string };
  projected?: JsonObject;
  persistentVolumeClaim?: { claimName: string };
}

/** A dynamically provisioned persistent volume and the claim bound to it (AKS CSI storage classes). */
export interface PersistentVolumeSpec {
  /** The provisioner names it after the claim's uid: pvc-<uid>. */
  name: string;
  claimName: string;
  namespace: string;
  storageClass: 'managed-csi' | 'managed-csi-premium' | 'azurefile-csi' | 'azurefile-csi-premium';
  /** As the claim requested it, e.g. 100Gi. */
  capacity: string;
  accessModes: ('ReadWriteOnce' | 'ReadOnlyMany' | 'ReadWriteMany' | 'ReadWriteOncePod')[];
  createdAt: string;
}

export interface PodTemplate {
  labels: Record<string, string>;
  serviceAccount: string;
  containers: ContainerSpec[];
  initContainers?: ContainerSpec[];
  volumes?: VolumeSpec[];
  hostPID?: boolean;
  hostNetwork?: boolean;
  hostIPC?: boolean;
  securityContext?: JsonObject;
  nodePool?: string;
  automountServiceAccountToken?: boolean;
}

export type WorkloadKind = 'Deployment' | 'DaemonSet' | 'CronJob' | 'Job' | 'Pod';

export interface WorkloadSpec {
  kind: WorkloadKind;
  name: string;
  namespace: string;
  replicas?: number;
  template: PodTemplate;
  /** Deployments: mean hours between rollouts (new ReplicaSet, pods replaced); absent = never. */
  rolloutEveryHours?: number;
  /** Who rolls it out (user or service account name), for the audit log. */
  rolledOutBy?: string;
  /** CronJob: hour of day (UTC) of its daily run; CronJob and Job: how long the job pod runs. */
  dailyAtHour?: number;
  runMinutes?: number;
  /** Probability per day that one pod crash-loops for a while (realism). */
  crashesPerDay?: number;
  /** Part of AKS or the Defender / monitoring add-ons: exempt from Defender's workload alerts. */
  system?: boolean;
  /** ReplicaSet pod-template hash of the current revision. */
  templateHash?: string;
}

export interface ServiceSpec {
  name: string;
  namespace: string;
  type: 'ClusterIP' | 'LoadBalancer' | 'NodePort';
  clusterIp: string;
  externalIp?: string;
  selector: Record<string, string>;
  ports: { port: number; targetPort: number; protocol: string; nodePort?: number }[];
}

export interface PolicyRule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
}

export interface ClusterRoleSpec {
  name: string;
  rules: PolicyRule[];
}

export interface BindingSpec {
  name: string;
  /** Present for RoleBindings. */
  namespace?: string;
  roleKind: 'ClusterRole' | 'Role';
  roleName: string;
  subjects: { kind: 'ServiceAccount' | 'User' | 'Group'; name: string; namespace?: string }[];
}

export interface ClusterSpec {
  nodes: NodeSpec[];
  namespaces: NamespaceSpec[];
  workloads: WorkloadSpec[];
  services: ServiceSpec[];
  persistentVolumes: PersistentVolumeSpec[];
  serviceAccounts: { namespace: string; name: string }[];
  secrets: { namespace: string; name: string; type: string }[];
  clusterRoles: ClusterRoleSpec[];
  bindings: BindingSpec[];
}
