/**
 * Pod Security Standards, evaluated the way the built-in PodSecurity admission plugin does: every control
 * is a check with versioned implementations; a policy (level + version) runs the newest implementation of
 * each check whose minimum version is not above the policy version; restricted checks can override
 * baseline ones; nothing short-circuits, and failures are joined as `reason (detail), reason (detail)`.
 */

type Json = Record<string, unknown>;
export type PssLevel = 'privileged' | 'baseline' | 'restricted';

export interface CheckFailure {
  checkId: string;
  reason: string;
  detail: string;
}

export interface PssResult {
  allowed: boolean;
  failures: CheckFailure[];
}

type CheckFn = (meta: Json, spec: Json) => { reason: string; detail: string } | undefined;

interface VersionedCheck {
  minVersion: number;
  overrides?: string[];
  fn: CheckFn;
}

interface Check {
  id: string;
  level: 'baseline' | 'restricted';
  versions: VersionedCheck[];
}

// ---------- helpers ----------

const obj = (value: unknown): Json | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
const arr = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

interface ContainerView {
  name: string;
  raw: Json;
  securityContext?: Json;
}

/** initContainers, containers, then ephemeralContainers, as upstream visits them. */
function containers(spec: Json, includeEphemeral = true): ContainerView[] {
  const lists = ['initContainers', 'containers', ...(includeEphemeral ? ['ephemeralContainers'] : [])];
  const out: ContainerView[] = [];
  for (const list of lists) {
    for (const item of arr(spec[list])) {
      const raw = obj(item) ?? {};
      out.push({ name: str(raw.name) ?? '', raw, securityContext: obj(raw.securityContext) });
    }
  }
  return out;
}

const podSecurityContext = (spec: Json) => obj(spec.securityContext);
const joinQuote = (items: readonly string[]) => items.map((item) => JSON.stringify(item)).join(', ');
const pluralize = (singular: string, plural: string, count: number) => (count === 1 ? singular : plural);
const sortedUnique = (items: Iterable<string>) => [...new Set(items)].sort();
const isWindows = (spec: Json) => str(obj(spec.os)?.name) === 'windows';
const hostUsersFalse = (spec: Json) => spec.hostUsers === false;

function settersText(pod: boolean, containerNames: string[]): string {
  const parts: string[] = [];
  if (pod) parts.push('pod');
  if (containerNames.length > 0)
    parts.push(`${pluralize('container', 'containers', containerNames.length)} ${joinQuote(containerNames)}`);
  return parts.join(' and ');
}

// ---------- baseline checks ----------

const windowsHostProcess: CheckFn = (_meta, spec) => {
  const bad = containers(spec)
    .filter((c) => obj(c.securityContext?.windowsOptions)?.hostProcess === true)
    .map((c) => c.name);
  const pod = obj(podSecurityContext(spec)?.windowsOptions)?.hostProcess === true;
  if (!pod && bad.length === 0) return undefined;
  return {
    reason: 'hostProcess',
    detail: `${settersText(pod, bad)} must not set securityContext.windowsOptions.hostProcess=true`,
  };
};

const hostNamespaces: CheckFn = (_meta, spec) => {
  const set = (['hostNetwork', 'hostPID', 'hostIPC'] as const).filter((field) => spec[field] === true);
  if (set.length === 0) return undefined;
  return { reason: 'host namespaces', detail: set.map((field) => `${field}=true`).join(', ') };
};

const privileged: CheckFn = (_meta, spec) => {
  const bad = containers(spec)
    .filter((c) => c.securityContext?.privileged === true)
    .map((c) => c.name);
  if (bad.length === 0) return undefined;
  return {
    reason: 'privileged',
    detail: `${pluralize('container', 'containers', bad.length)} ${joinQuote(bad)} must not set securityContext.privileged=true`,
  };
};

const BASELINE_CAPABILITIES = new Set([
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
]);

const capabilitiesBaseline: CheckFn = (_meta, spec) => {
  const badContainers: string[] = [];
  const badCapabilities: string[] = [];
  for (const c of containers(spec)) {
    const added = arr(obj(c.securityContext?.capabilities)?.add).map(String);
    const forbidden = added.filter((cap) => !BASELINE_CAPABILITIES.has(cap));
    if (forbidden.length > 0) {
      badContainers.push(c.name);
      badCapabilities.push(...forbidden);
    }
  }
  if (badContainers.length === 0) return undefined;
  return {
    reason: 'non-default capabilities',
    detail: `${pluralize('container', 'containers', badContainers.length)} ${joinQuote(badContainers)} must not include ${joinQuote(
      sortedUnique(badCapabilities),
    )} in securityContext.capabilities.add`,
  };
};

const hostPathVolumes: CheckFn = (_meta, spec) => {
  const bad = arr(spec.volumes)
    .map((v) => obj(v) ?? {})
    .filter((v) => v.hostPath !== undefined && v.hostPath !== null)
    .map((v) => str(v.name) ?? '');
  if (bad.length === 0) return undefined;
  return {
    reason: 'hostPath volumes',
    detail: `${pluralize('volume', 'volumes', bad.length)} ${joinQuote(bad)}`,
  };
};

const hostPorts: CheckFn = (_meta, spec) => {
  const badContainers: string[] = [];
  const ports: string[] = [];
  for (const c of containers(spec)) {
    const used = arr(c.raw.ports)
      .map((p) => obj(p)?.hostPort)
      .filter((port): port is number => typeof port === 'number' && port !== 0);
    if (used.length > 0) {
      badContainers.push(c.name);
      ports.push(...used.map(String));
    }
  }
  if (badContainers.length === 0) return undefined;
  const many = badContainers.length > 1;
  return {
    reason: 'hostPort',
    detail: `${many ? 'containers' : 'container'} ${joinQuote(badContainers)} ${many ? 'use' : 'uses'} ${pluralize(
      'hostPort',
      'hostPorts',
      new Set(ports).size,
    )} ${sortedUnique(ports).join(', ')}`,
  };
};

const APPARMOR_ANNOTATION = 'container.apparmor.security.beta.kubernetes.io/';

const appArmorProfile: CheckFn = (meta, spec) => {
  const badSetters: string[] = [];
  const badValues: string[] = [];
  const annotations = obj(meta.annotations) ?? {};
  const badAnnotations: string[] = [];
  for (const [key, value] of Object.entries(annotations)) {
    if (!key.startsWith(APPARMOR_ANNOTATION)) continue;
    const profile = String(value);
    if (!(profile === '' || profile === 'runtime/default' || profile.startsWith('localhost/')))
      badAnnotations.push(`${key}=${JSON.stringify(profile)}`);
  }
  const okType = (type: unknown) => type === undefined || type === 'RuntimeDefault' || type === 'Localhost';
  const podType = obj(podSecurityContext(spec)?.appArmorProfile)?.type;
  if (!okType(podType)) {
    badSetters.push('pod');
    badValues.push(String(podType));
  }
  const badContainers: string[] = [];
  for (const c of containers(spec)) {
    const type = obj(c.securityContext?.appArmorProfile)?.type;
    if (!okType(type)) {
      badContainers.push(c.name);
      badValues.push(String(type));
    }
  }
  if (badContainers.length > 0)
    badSetters.push(
      `${pluralize('container', 'containers', badContainers.length)} ${joinQuote(badContainers)}`,
    );
  if (badSetters.length === 0 && badAnnotations.length === 0) return undefined;
  const details: string[] = [];
  if (badSetters.length > 0)
    details.push(
      `${badSetters.join(' and ')} must not set AppArmor profile type to ${joinQuote(sortedUnique(badValues))}`,
    );
  if (badAnnotations.length > 0)
    details.push(
      `${pluralize('annotation', 'annotations', badAnnotations.length)} must not set AppArmor profile type to ${joinQuote(badAnnotations.sort())}`,
    );
  return {
    reason: pluralize(
      'forbidden AppArmor profile',
      'forbidden AppArmor profiles',
      badValues.length + badAnnotations.length,
    ),
    detail: details.join('; '),
  };
};

function seLinuxOptions(allowedTypes: ReadonlySet<string>): CheckFn {
  return (_meta, spec) => {
    const badSetters: string[] = [];
    const badTypes: string[] = [];
    let userSet = false;
    let roleSet = false;
    const inspect = (options: Json | undefined) => {
      if (!options) return false;
      let bad = false;
      const type = str(options.type) ?? '';
      if (!allowedTypes.has(type)) {
        badTypes.push(type);
        bad = true;
      }
      if ((str(options.user) ?? '') !== '') {
        userSet = true;
        bad = true;
      }
      if ((str(options.role) ?? '') !== '') {
        roleSet = true;
        bad = true;
      }
      return bad;
    };
    const pod = inspect(obj(podSecurityContext(spec)?.seLinuxOptions));
    const badContainers = containers(spec)
      .filter((c) => inspect(obj(c.securityContext?.seLinuxOptions)))
      .map((c) => c.name);
    if (pod) badSetters.push('pod');
    if (badContainers.length > 0)
      badSetters.push(
        `${pluralize('container', 'containers', badContainers.length)} ${joinQuote(badContainers)}`,
      );
    if (badSetters.length === 0) return undefined;
    const problems: string[] = [];
    if (badTypes.length > 0)
      problems.push(
        `${pluralize('type', 'types', new Set(badTypes).size)} ${joinQuote(sortedUnique(badTypes))}`,
      );
    if (userSet) problems.push('user may not be set');
    if (roleSet) problems.push('role may not be set');
    return {
      reason: 'seLinuxOptions',
      detail: `${badSetters.join(' and ')} set forbidden securityContext.seLinuxOptions: ${problems.join('; ')}`,
    };
  };
}

const SELINUX_TYPES = new Set(['', 'container_t', 'container_init_t', 'container_kvm_t']);
const SELINUX_TYPES_1_31 = new Set([...SELINUX_TYPES, 'container_engine_t']);

function procMount(relaxForUserNamespaces: boolean): CheckFn {
  return (_meta, spec) => {
    if (relaxForUserNamespaces && hostUsersFalse(spec)) return undefined;
    const bad: string[] = [];
    const values: string[] = [];
    for (const c of containers(spec)) {
      const value = c.securityContext?.procMount;
      if (value !== undefined && value !== null && value !== 'Default') {
        bad.push(c.name);
        values.push(String(value));
      }
    }
    if (bad.length === 0) return undefined;
    return {
      reason: 'procMount',
      detail: `${pluralize('container', 'containers', bad.length)} ${joinQuote(bad)} must not set securityContext.procMount to ${joinQuote(sortedUnique(values))}`,
    };
  };
}

const SECCOMP_POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
const SECCOMP_CONTAINER_ANNOTATION = 'container.seccomp.security.alpha.kubernetes.io/';
const validSeccompAnnotation = (value: string) =>
  value === 'runtime/default' || value === 'docker/default' || value.startsWith('localhost/');
const validSeccompType = (type: unknown) => type === 'RuntimeDefault' || type === 'Localhost';

const seccompBaselineAnnotations: CheckFn = (meta, spec) => {
  const annotations = obj(meta.annotations) ?? {};
  const forbidden: string[] = [];
  const podValue = annotations[SECCOMP_POD_ANNOTATION];
  if (podValue !== undefined && !validSeccompAnnotation(String(podValue)))
    forbidden.push(`${SECCOMP_POD_ANNOTATION}=${JSON.stringify(String(podValue))}`);
  for (const c of containers(spec)) {
    const key = SECCOMP_CONTAINER_ANNOTATION + c.name;
    const value = annotations[key];
    if (value !== undefined && !validSeccompAnnotation(String(value)))
      forbidden.push(`${key}=${JSON.stringify(String(value))}`);
  }
  if (forbidden.length === 0) return undefined;
  return {
    reason: 'seccompProfile',
    detail: `forbidden ${pluralize('annotation', 'annotations', forbidden.length)} ${sortedUnique(forbidden).join(', ')}`,
  };
};

const seccompBaselineFields: CheckFn = (_meta, spec) => {
  const badValues: string[] = [];
  const podProfile = obj(podSecurityContext(spec)?.seccompProfile);
  const pod = podProfile !== undefined && !validSeccompType(podProfile.type);
  if (pod) badValues.push(String(podProfile!.type));
  const bad: string[] = [];
  for (const c of containers(spec)) {
    const profile = obj(c.securityContext?.seccompProfile);
    if (profile && !validSeccompType(profile.type)) {
      bad.push(c.name);
      badValues.push(String(profile.type));
    }
  }
  if (!pod && bad.length === 0) return undefined;
  return {
    reason: 'seccompProfile',
    detail: `${settersText(pod, bad)} must not set securityContext.seccompProfile.type to ${joinQuote(sortedUnique(badValues))}`,
  };
};

const SAFE_SYSCTLS_1_0 = [
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_unprivileged_port_start',
];
const SAFE_SYSCTLS_1_27 = [...SAFE_SYSCTLS_1_0, 'net.ipv4.ip_local_reserved_ports'];
const SAFE_SYSCTLS_1_29 = [
  ...SAFE_SYSCTLS_1_27,
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
];
const SAFE_SYSCTLS_1_32 = [...SAFE_SYSCTLS_1_29, 'net.ipv4.tcp_rmem', 'net.ipv4.tcp_wmem'];
const SAFE_SYSCTLS_1_37 = [
  ...SAFE_SYSCTLS_1_32,
  'net.ipv4.tcp_slow_start_after_idle',
  'net.ipv4.tcp_notsent_lowat',
];

function sysctls(allowed: readonly string[]): CheckFn {
  const allowedSet = new Set(allowed);
  return (_meta, spec) => {
    const names = arr(podSecurityContext(spec)?.sysctls).map((s) => str(obj(s)?.name) ?? '');
    const forbidden = names.filter((name) => !allowedSet.has(name));
    if (forbidden.length === 0) return undefined;
    return {
      reason: pluralize('forbidden sysctl', 'forbidden sysctls', forbidden.length),
      detail: forbidden.join(', '),
    };
  };
}

const hostProbesAndHostLifecycle: CheckFn = (_meta, spec) => {
  const badContainers: string[] = [];
  const hosts: string[] = [];
  for (const c of containers(spec, false)) {
    const handlers: unknown[] = [c.raw.livenessProbe, c.raw.readinessProbe, c.raw.startupProbe];
    const lifecycle = obj(c.raw.lifecycle);
    if (lifecycle) handlers.push(lifecycle.postStart, lifecycle.preStop);
    let bad = false;
    for (const handler of handlers) {
      const h = obj(handler);
      if (!h) continue;
      for (const kind of ['httpGet', 'tcpSocket']) {
        const host = str(obj(h[kind])?.host) ?? '';
        if (host !== '') {
          bad = true;
          hosts.push(host);
        }
      }
    }
    if (bad) badContainers.push(c.name);
  }
  if (badContainers.length === 0) return undefined;
  const many = badContainers.length > 1;
  return {
    reason: 'probe or lifecycle host',
    detail: `${many ? 'containers' : 'container'} ${joinQuote(badContainers)} ${many ? 'use' : 'uses'} probe or lifecycle ${pluralize(
      'host',
      'hosts',
      new Set(hosts).size,
    )} ${joinQuote(sortedUnique(hosts))}`,
  };
};

// ---------- restricted checks ----------

const ALLOWED_VOLUME_TYPES = new Set([
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'image',
  'persistentVolumeClaim',
  'projected',
  'secret',
]);
const KNOWN_VOLUME_TYPES = new Set([
  ...ALLOWED_VOLUME_TYPES,
  'hostPath',
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'gitRepo',
  'nfs',
  'iscsi',
  'glusterfs',
  'rbd',
  'flexVolume',
  'cinder',
  'cephfs',
  'flocker',
  'fc',
  'azureFile',
  'vsphereVolume',
  'quobyte',
  'azureDisk',
  'photonPersistentDisk',
  'portworxVolume',
  'scaleIO',
  'storageos',
]);

const restrictedVolumes: CheckFn = (_meta, spec) => {
  const badVolumes: string[] = [];
  const badTypes: string[] = [];
  for (const item of arr(spec.volumes)) {
    const volume = obj(item) ?? {};
    const sources = Object.keys(volume).filter(
      (key) => key !== 'name' && volume[key] !== null && volume[key] !== undefined,
    );
    // A volume without a source is defaulted to emptyDir before admission.
    if (sources.length === 0 || sources.every((source) => ALLOWED_VOLUME_TYPES.has(source))) continue;
    badVolumes.push(str(volume.name) ?? '');
    for (const source of sources)
      if (!ALLOWED_VOLUME_TYPES.has(source))
        badTypes.push(KNOWN_VOLUME_TYPES.has(source) ? source : 'unknown');
  }
  if (badVolumes.length === 0) return undefined;
  const many = badVolumes.length > 1;
  const types = sortedUnique(badTypes);
  return {
    reason: 'restricted volume types',
    detail: `${many ? 'volumes' : 'volume'} ${joinQuote(badVolumes)} ${many ? 'use' : 'uses'} restricted volume ${pluralize('type', 'types', types.length)} ${joinQuote(types)}`,
  };
};

function allowPrivilegeEscalation(windowsExempt: boolean): CheckFn {
  return (_meta, spec) => {
    if (windowsExempt && isWindows(spec)) return undefined;
    const bad = containers(spec)
      .filter((c) => c.securityContext?.allowPrivilegeEscalation !== false)
      .map((c) => c.name);
    if (bad.length === 0) return undefined;
    return {
      reason: 'allowPrivilegeEscalation != false',
      detail: `${pluralize('container', 'containers', bad.length)} ${joinQuote(bad)} must set securityContext.allowPrivilegeEscalation=false`,
    };
  };
}

function runAsNonRoot(relaxForUserNamespaces: boolean): CheckFn {
  return (_meta, spec) => {
    if (relaxForUserNamespaces && hostUsersFalse(spec)) return undefined;
    const podValue = podSecurityContext(spec)?.runAsNonRoot;
    const podBad = podValue === false;
    const podOk = podValue === true;
    const explicit: string[] = [];
    const implicit: string[] = [];
    for (const c of containers(spec)) {
      const value = c.securityContext?.runAsNonRoot;
      if (value === false) explicit.push(c.name);
      else if (value !== true && !podOk) implicit.push(c.name);
    }
    if (!podBad && explicit.length === 0 && implicit.length === 0) return undefined;
    const details: string[] = [];
    if (podBad || explicit.length > 0)
      details.push(`${settersText(podBad, explicit)} must not set securityContext.runAsNonRoot=false`);
    if (implicit.length > 0)
      details.push(
        `pod or ${pluralize('container', 'containers', implicit.length)} ${joinQuote(implicit)} must set securityContext.runAsNonRoot=true`,
      );
    return { reason: 'runAsNonRoot != true', detail: details.join('; ') };
  };
}

function runAsUser(relaxForUserNamespaces: boolean): CheckFn {
  return (_meta, spec) => {
    if (relaxForUserNamespaces && hostUsersFalse(spec)) return undefined;
    const pod = podSecurityContext(spec)?.runAsUser === 0;
    const bad = containers(spec)
      .filter((c) => c.securityContext?.runAsUser === 0)
      .map((c) => c.name);
    if (!pod && bad.length === 0) return undefined;
    return { reason: 'runAsUser=0', detail: `${settersText(pod, bad)} must not set runAsUser=0` };
  };
}

function seccompRestricted(windowsExempt: boolean): CheckFn {
  return (_meta, spec) => {
    if (windowsExempt && isWindows(spec)) return undefined;
    const podProfile = obj(podSecurityContext(spec)?.seccompProfile);
    const podBad = podProfile !== undefined && !validSeccompType(podProfile.type);
    const podOk = podProfile !== undefined && validSeccompType(podProfile.type);
    const badValues: string[] = podBad ? [String(podProfile!.type)] : [];
    const explicit: string[] = [];
    const implicit: string[] = [];
    for (const c of containers(spec)) {
      const profile = obj(c.securityContext?.seccompProfile);
      if (profile) {
        if (!validSeccompType(profile.type)) {
          explicit.push(c.name);
          badValues.push(String(profile.type));
        }
      } else if (!podOk) implicit.push(c.name);
    }
    if (!podBad && explicit.length === 0 && implicit.length === 0) return undefined;
    const details: string[] = [];
    if (podBad || explicit.length > 0)
      details.push(
        `${settersText(podBad, explicit)} must not set securityContext.seccompProfile.type to ${joinQuote(sortedUnique(badValues))}`,
      );
    if (implicit.length > 0)
      details.push(
        `pod or ${pluralize('container', 'containers', implicit.length)} ${joinQuote(implicit)} must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"`,
      );
    return { reason: 'seccompProfile', detail: details.join('; ') };
  };
}

function capabilitiesRestricted(windowsExempt: boolean): CheckFn {
  return (_meta, spec) => {
    if (windowsExempt && isWindows(spec)) return undefined;
    const missingDrop: string[] = [];
    const badAdd: string[] = [];
    const badCaps: string[] = [];
    for (const c of containers(spec)) {
      const capabilities = obj(c.securityContext?.capabilities);
      if (!arr(capabilities?.drop).map(String).includes('ALL')) missingDrop.push(c.name);
      const forbidden = arr(capabilities?.add)
        .map(String)
        .filter((cap) => cap !== 'NET_BIND_SERVICE');
      if (forbidden.length > 0) {
        badAdd.push(c.name);
        badCaps.push(...forbidden);
      }
    }
    if (missingDrop.length === 0 && badAdd.length === 0) return undefined;
    const details: string[] = [];
    if (missingDrop.length > 0)
      details.push(
        `${pluralize('container', 'containers', missingDrop.length)} ${joinQuote(missingDrop)} must set securityContext.capabilities.drop=["ALL"]`,
      );
    if (badAdd.length > 0)
      details.push(
        `${pluralize('container', 'containers', badAdd.length)} ${joinQuote(badAdd)} must not include ${joinQuote(sortedUnique(badCaps))} in securityContext.capabilities.add`,
      );
    return { reason: 'unrestricted capabilities', detail: details.join('; ') };
  };
}

// ---------- registry ----------

/** In upstream order (by check ID as the Go files sort), which is the order failures are printed in. */
const CHECKS: Check[] = [
  {
    id: 'allowPrivilegeEscalation',
    level: 'restricted',
    versions: [
      { minVersion: 8, fn: allowPrivilegeEscalation(false) },
      { minVersion: 25, fn: allowPrivilegeEscalation(true) },
    ],
  },
  { id: 'appArmorProfile', level: 'baseline', versions: [{ minVersion: 0, fn: appArmorProfile }] },
  { id: 'capabilities_baseline', level: 'baseline', versions: [{ minVersion: 0, fn: capabilitiesBaseline }] },
  {
    id: 'capabilities_restricted',
    level: 'restricted',
    versions: [
      { minVersion: 22, overrides: ['capabilities_baseline'], fn: capabilitiesRestricted(false) },
      { minVersion: 25, overrides: ['capabilities_baseline'], fn: capabilitiesRestricted(true) },
    ],
  },
  { id: 'hostNamespaces', level: 'baseline', versions: [{ minVersion: 0, fn: hostNamespaces }] },
  { id: 'hostPathVolumes', level: 'baseline', versions: [{ minVersion: 0, fn: hostPathVolumes }] },
  { id: 'hostPorts', level: 'baseline', versions: [{ minVersion: 0, fn: hostPorts }] },
  {
    id: 'hostProbesAndHostLifecycle',
    level: 'baseline',
    versions: [{ minVersion: 34, fn: hostProbesAndHostLifecycle }],
  },
  { id: 'privileged', level: 'baseline', versions: [{ minVersion: 0, fn: privileged }] },
  {
    id: 'procMount',
    level: 'baseline',
    versions: [
      { minVersion: 0, fn: procMount(false) },
      { minVersion: 35, fn: procMount(true) },
    ],
  },
  {
    id: 'procMount_restricted',
    level: 'restricted',
    versions: [{ minVersion: 35, overrides: ['procMount'], fn: procMount(false) }],
  },
  {
    id: 'restrictedVolumes',
    level: 'restricted',
    versions: [{ minVersion: 0, overrides: ['hostPathVolumes'], fn: restrictedVolumes }],
  },
  {
    id: 'runAsNonRoot',
    level: 'restricted',
    versions: [
      { minVersion: 0, fn: runAsNonRoot(false) },
      { minVersion: 35, fn: runAsNonRoot(true) },
    ],
  },
  {
    id: 'runAsUser',
    level: 'restricted',
    versions: [
      { minVersion: 23, fn: runAsUser(false) },
      { minVersion: 35, fn: runAsUser(true) },
    ],
  },
  {
    id: 'seLinuxOptions',
    level: 'baseline',
    versions: [
      { minVersion: 0, fn: seLinuxOptions(SELINUX_TYPES) },
      { minVersion: 31, fn: seLinuxOptions(SELINUX_TYPES_1_31) },
    ],
  },
  {
    id: 'seccompProfile_baseline',
    level: 'baseline',
    versions: [
      { minVersion: 0, fn: seccompBaselineAnnotations },
      { minVersion: 19, fn: seccompBaselineFields },
    ],
  },
  {
    id: 'seccompProfile_restricted',
    level: 'restricted',
    versions: [
      { minVersion: 19, overrides: ['seccompProfile_baseline'], fn: seccompRestricted(false) },
      { minVersion: 25, overrides: ['seccompProfile_baseline'], fn: seccompRestricted(true) },
    ],
  },
  {
    id: 'sysctls',
    level: 'baseline',
    versions: [
      { minVersion: 0, fn: sysctls(SAFE_SYSCTLS_1_0) },
      { minVersion: 27, fn: sysctls(SAFE_SYSCTLS_1_27) },
      { minVersion: 29, fn: sysctls(SAFE_SYSCTLS_1_29) },
      { minVersion: 32, fn: sysctls(SAFE_SYSCTLS_1_32) },
      { minVersion: 37, fn: sysctls(SAFE_SYSCTLS_1_37) },
    ],
  },
  { id: 'windowsHostProcess', level: 'baseline', versions: [{ minVersion: 0, fn: windowsHostProcess }] },
];

/** The newest policy version these checks know about. */
export const NEWEST_POLICY_MINOR = 37;

const activeCache = new Map<string, { id: string; fn: CheckFn }[]>();

function activeChecks(level: 'baseline' | 'restricted', minor: number): { id: string; fn: CheckFn }[] {
  const key = `${level}:${minor}`;
  const cached = activeCache.get(key);
  if (cached) return cached;
  const selected: { id: string; fn: CheckFn; overrides: string[] }[] = [];
  for (const check of CHECKS) {
    if (level === 'baseline' && check.level === 'restricted') continue;
    const entry = [...check.versions].reverse().find((version) => version.minVersion <= minor);
    if (entry) selected.push({ id: check.id, fn: entry.fn, overrides: entry.overrides ?? [] });
  }
  const overridden = new Set(selected.flatMap((entry) => entry.overrides));
  const result = selected.filter((entry) => !overridden.has(entry.id)).map(({ id, fn }) => ({ id, fn }));
  activeCache.set(key, result);
  return result;
}

/** Parses a namespace label version ("v1.30", "latest"); anything malformed means latest. */
export function parsePolicyVersion(version: string | undefined, latestMinor: number): number {
  const match = /^v1\.(\d+)$/.exec(version ?? '');
  if (!match) return latestMinor;
  return Math.min(Number(match[1]), latestMinor);
}

/** Evaluates a Pod object (metadata + spec) against one level at one policy version (minor number). */
export function evaluatePodSecurity(
  pod: { metadata?: unknown; spec?: unknown },
  level: PssLevel,
  minor: number,
): PssResult {
  if (level === 'privileged') return { allowed: true, failures: [] };
  const meta = obj(pod.metadata) ?? {};
  const spec = obj(pod.spec) ?? {};
  const failures: CheckFailure[] = [];
  for (const check of activeChecks(level, minor)) {
    const result = check.fn(meta, spec);
    if (result) failures.push({ checkId: check.id, ...result });
  }
  return { allowed: failures.length === 0, failures };
}

/** `reason (detail), reason (detail)` as the admission plugin prints it. */
export function failureText(failures: readonly CheckFailure[]): string {
  return failures.map((f) => (f.detail ? `${f.reason} (${f.detail})` : f.reason)).join(', ');
}
