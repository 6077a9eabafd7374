/**
 * The Defender for Containers alerts this simulation raises, as Microsoft's alert reference lists them
 * (display name, alert type, severity, MITRE tactics, description), with the remediation steps and
 * MITRE techniques the SecurityAlert row carries.
 */
export interface AlertDefinition {
  alertType: string;
  displayName: string;
  severity: 'High' | 'Medium' | 'Low' | 'Informational';
  tactics: string[];
  techniques: string[];
  description: string;
  remediation: string[];
  /** Control-plane analytics (audit log) or the runtime sensor: decides the detection delay. */
  plane: 'control' | 'runtime';
}

const CONTROL_REMEDIATION = [
  'Review the resource and the user or service account that created it in the Kubernetes audit log.',
  'If the activity is not legitimate, escalate the alert to the information security team.',
];
const RUNTIME_REMEDIATION = [
  'Review the process, its parent process and the user in the alert details.',
  'If the container is not legitimate, escalate the alert to the information security team and isolate the pod.',
];

function alert(
  alertType: string,
  displayName: string,
  severity: AlertDefinition['severity'],
  tactics: string[],
  techniques: string[],
  description: string,
  remediation?: string[],
): AlertDefinition {
  const plane = alertType.startsWith('K8S.NODE_') ? 'runtime' : 'control';
  return {
    alertType,
    displayName,
    severity,
    tactics,
    techniques,
    description,
    remediation: remediation ?? (plane === 'runtime' ? RUNTIME_REMEDIATION : CONTROL_REMEDIATION),
    plane,
  };
}

const DEFINITIONS: AlertDefinition[] = [
  alert(
    'K8S_PrivilegedContainer',
    'Privileged container detected',
    'Informational',
    ['PrivilegeEscalation'],
    ['T1611'],
    "Kubernetes audit log analysis detected a new privileged container. A privileged container has access to the node's resources and breaks the isolation between containers. If compromised, an attacker can use the privileged container to gain access to the node.",
    [
      'Find the container in the alert details.',
      'If the container doesn\u2019t need to run in privileged mode, remove the privileges from the container.',
      'If the container is not legitimate, escalate the alert to the information security team.',
    ],
  ),
  alert(
    'K8S_SensitiveMount',
    'Container with a sensitive volume mount detected',
    'Informational',
    ['PrivilegeEscalation'],
    ['T1611'],
    'Kubernetes audit log analysis detected a new container with a sensitive volume mount. The volume that was detected is a hostPath type which mounts a sensitive file or folder from the node to the container. If the container gets compromised, the attacker can use this mount for gaining access to the node.',
  ),
  alert(
    'K8S_ClusterAdminBinding',
    'Role binding to the cluster-admin role detected',
    'Informational',
    ['Persistence'],
    ['T1098'],
    'Kubernetes audit log analysis detected a new binding to the cluster-admin role which gives administrator privileges. Unnecessary administrator privileges might cause privilege escalation in the cluster.',
  ),
  alert(
    'K8S_HighPrivilegesRole',
    'New high privileges role detected',
    'Informational',
    ['Persistence'],
    ['T1098'],
    'Kubernetes audit log analysis detected a new role with high privileges. A binding to a role with high privileges gives the user\\group high privileges in the cluster. Unnecessary privileges might cause privilege escalation in the cluster.',
  ),
  alert(
    'K8S_KubeSystemContainer',
    'New container in the kube-system namespace detected',
    'Informational',
    ['Persistence'],
    ['T1543'],
    "Kubernetes audit log analysis detected a new container in the kube-system namespace that isn't among the containers that normally run in this namespace. The kube-system namespaces shouldn't contain user resources. Attackers can use this namespace for hiding malicious components.",
  ),
  alert(
    'K8S_ServiceAccountRareOperation',
    'Abnormal Kubernetes service account operation detected',
    'Medium',
    ['LateralMovement', 'CredentialAccess'],
    ['T1078', 'T1528'],
    "Kubernetes audit log analysis detected abnormal behavior by a service account in your Kubernetes cluster. The service account was used for an operation, which isn't common for this service account. While this activity can be legitimate, such behavior might indicate that the service account is being used for malicious purposes.",
  ),
  alert(
    'K8S_ExposedDashboard',
    'Exposed Kubernetes dashboard detected',
    'High',
    ['InitialAccess'],
    ['T1133'],
    'Kubernetes audit log analysis detected exposure of the Kubernetes Dashboard by a LoadBalancer service. Exposed dashboard allows an unauthenticated access to the cluster management and poses a security threat.',
  ),
  alert(
    'K8S_TI_Proxy',
    'K8S API requests from proxy IP address detected',
    'Low',
    ['Execution'],
    ['T1090'],
    "Kubernetes audit log analysis detected API requests to your cluster from an IP address that is associated with proxy services, such as TOR. While this behavior can be legitimate, it's often seen in malicious activities, when attackers try to hide their source IP.",
  ),
  alert(
    'K8S.NODE_PrivilegedContainerArtifacts',
    'Container running in privileged mode',
    'Informational',
    ['PrivilegeEscalation', 'Execution'],
    ['T1611', 'T1610'],
    'Analysis of processes running within a container or directly on a Kubernetes node, has detected the execution of a Docker command that is running a privileged container. The privileged container has full access to the hosting pod or host resource. If compromised, an attacker might use the privileged container to gain access to the hosting pod or host.',
  ),
  alert(
    'K8S.NODE_PrivilegedExecutionInContainer',
    'Command within a container running with high privileges',
    'Informational',
    ['PrivilegeEscalation'],
    ['T1611'],
    'Machine logs indicate that a privileged command was run in a Docker container. A privileged command has extended privileges on the host machine.',
  ),
  alert(
    'K8S.NODE_KubeConfigAccess',
    'Access to kubelet kubeconfig file detected',
    'Medium',
    ['CredentialAccess'],
    ['T1552'],
    'Analysis of processes running on a Kubernetes cluster node detected access to kubeconfig file on the host. The kubeconfig file, normally used by the Kubelet process, contains credentials to the Kubernetes cluster API server. Access to this file is often associated with attackers attempting to access those credentials, or with security scanning tools which check if the file is accessible.',
  ),
  alert(
    'K8S.NODE_ImdsCall',
    'Access to cloud metadata service detected',
    'Medium',
    ['CredentialAccess'],
    ['T1552.005'],
    "Analysis of processes running within a container detected access to the cloud metadata service for acquiring identity token. The container doesn't normally perform such operation. While this behavior might be legitimate, attackers might use this technique to access cloud resources after gaining initial access to a running container.",
  ),
  alert(
    'K8S.NODE_KubernetesAPI',
    'Suspicious request to Kubernetes API',
    'Medium',
    ['LateralMovement'],
    ['T1613'],
    'Analysis of processes running within a container indicates that a suspicious request was made to the Kubernetes API. The request was sent from a container in the cluster. Although this behavior can be intentional, it might indicate that a compromised container is running in the cluster.',
  ),
  alert(
    'K8S.NODE_KubernetesDashboard',
    'Suspicious request to the Kubernetes Dashboard',
    'Medium',
    ['LateralMovement'],
    ['T1133'],
    'Analysis of processes running within a container indicates that a suspicious request was made to the Kubernetes Dashboard. The request was sent from a container in the cluster. Although this behavior can be intentional, it might indicate that a compromised container is running in the cluster.',
  ),
  alert(
    'K8S.NODE_SuspectPasswordFileAccess',
    'Suspicious password access',
    'Informational',
    ['Persistence'],
    ['T1003.008'],
    'Analysis of processes running within a container or directly on a Kubernetes node, has detected suspicious attempt to access encrypted user passwords.',
  ),
  alert(
    'K8S.NODE_SshKeyAccess',
    'Process seen accessing the SSH authorized keys file in an unusual way',
    'Informational',
    ['Unknown'],
    ['T1098.004'],
    'An SSH authorized_keys file was accessed in a method similar to known malware campaigns. This access could signify that an actor is attempting to gain persistent access to a machine.',
  ),
  alert(
    'K8S.NODE_ReconnaissanceArtifactsBurst',
    'Burst of multiple reconnaissance commands could indicate initial activity after compromise',
    'Low',
    ['Discovery', 'Collection'],
    ['T1082', 'T1033'],
    'Analysis of host/device data detected execution of multiple reconnaissance commands related to gathering system or host details performed by attackers after initial compromise.',
  ),
  alert(
    'K8S.NODE_ReverseShell',
    'Potential reverse shell detected',
    'Medium',
    ['Exfiltration', 'Exploitation'],
    ['T1059'],
    'Analysis of processes running within a container or directly on a Kubernetes node, has detected a potential reverse shell. These are used to get a compromised machine to call back into a machine an attacker owns.',
  ),
  alert(
    'K8S.NODE_DownloadAndRunCombo',
    'Suspicious Download Then Run Activity',
    'Medium',
    ['Execution', 'CommandAndControl', 'Exploitation'],
    ['T1105'],
    "Analysis of processes running within a container or directly on a Kubernetes node, has detected a file being downloaded then run in the same command. While this isn't always malicious, this is a very common technique attackers use to get malicious files onto victim machines.",
  ),
  alert(
    'K8S.NODE_DigitalCurrencyMining',
    'Digital currency mining related behavior detected',
    'High',
    ['Execution'],
    ['T1496'],
    'Analysis of processes running within a container or directly on a Kubernetes node, has detected an execution of a process or command normally associated with digital currency mining.',
  ),
  alert(
    'K8S.NODE_HistoryFileCleared',
    'A history file has been cleared',
    'Medium',
    ['DefenseEvasion'],
    ['T1070.003'],
    'Analysis of processes running within a container or directly on a Kubernetes node, has detected that the command history log file has been cleared. Attackers might do this to cover their tracks. The operation was performed by the specified user account.',
  ),
  alert(
    'K8S.NODE_ImageBuildOnNode',
    'Docker build operation detected on a Kubernetes node',
    'Informational',
    ['DefenseEvasion'],
    ['T1612'],
    'Analysis of processes running within a container or directly on a Kubernetes node, has detected a build operation of a container image on a Kubernetes node. While this behavior might be legitimate, attackers might build their malicious images locally to avoid detection.',
  ),
  alert(
    'K8S.NODE_Webshell',
    'Possible malicious web shell detected.',
    'Medium',
    ['Persistence', 'Exploitation'],
    ['T1505.003'],
    'Analysis of processes running within a container detected a possible web shell. Attackers will often upload a web shell to a compute resource they have compromised to gain persistence or for further exploitation.',
  ),
  alert(
    'K8S.NODE_KnownLinuxAttackTool',
    'Possible attack tool detected',
    'Medium',
    ['Execution', 'Collection', 'CommandAndControl', 'Probing'],
    ['T1046'],
    'Analysis of processes running within a container or directly on a Kubernetes node, has detected a suspicious tool invocation. This tool is often associated with malicious users attacking others.',
  ),
];

export const ALERT_CATALOG: ReadonlyMap<string, AlertDefinition> = new Map(
  DEFINITIONS.map((d) => [d.alertType, d]),
);

export function alertDefinition(alertType: string): AlertDefinition {
  const definition = ALERT_CATALOG.get(alertType);
  if (!definition)
    throw new Error(`Unknown Defender alert type "${alertType}" (not in simulations/defender/catalog.ts)`);
  return definition;
}
