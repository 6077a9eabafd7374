import {
  API_SERVER_FQDN,
  CLUSTER_NAME,
  RESOURCE_GROUP,
  SUBSCRIPTION_ID,
  TENANT_ID,
} from '../../cluster/constants';
import type { PodState } from '../../cluster/podState';
import type { VolumeFiles } from '../../cluster/volumeFiles';
import { hashString, Random } from '../../core/random';

/**
 * The files a container sees: its image's usual layout, its volume mounts, the service-account token, the
 * node's filesystem through a hostPath mount, and whatever the runtime model saw processes write or delete.
 * Contents are generated for the files an investigation reads (identity, config, credentials' shape).
 */
export interface FileSystemView {
  pod: PodState;
  container: string;
  now: number;
  /** Files in persistent volume claims, which outlive the pods that wrote them. */
  volumes: VolumeFiles;
}

type Entry =
  { kind: 'dir' } | { kind: 'file'; content?: () => string; unknownContent?: boolean; time?: number };

const ROOT_DIRS = [
  'bin',
  'boot',
  'dev',
  'etc',
  'home',
  'lib',
  'lib64',
  'media',
  'mnt',
  'opt',
  'proc',
  'root',
  'run',
  'sbin',
  'srv',
  'sys',
  'tmp',
  'usr',
  'var',
];
const HOST_ROOT_DIRS = [...ROOT_DIRS, 'lost+found', 'snap'];
const TOKEN_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

function base64url(text: string): string {
  const bytes = [...text].map((c) => c.charCodeAt(0) & 0xff);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += alphabet[(n >> 18) & 63]! + alphabet[(n >> 12) & 63]!;
    if (i + 1 < bytes.length) out += alphabet[(n >> 6) & 63]!;
    if (i + 2 < bytes.length) out += alphabet[n & 63]!;
  }
  return out;
}

function pem(label: string, seed: string, lines = 8): string {
  const random = new Random(`pem:${seed}`);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const body = Array.from({ length: lines }, () =>
    Array.from({ length: 64 }, () => alphabet[random.int(0, 63)]).join(''),
  );
  return `-----BEGIN ${label}-----\nMIID${body.join('\n').slice(4)}\n-----END ${label}-----\n`;
}

/** The projected token: a JWT naming the pod, its node and service account, as the API server issues it. */
function serviceAccountToken(pod: PodState, now: number): string {
  const issued = Math.floor(now / 1000) - (hashString(pod.uid) % 3000);
  const header = base64url(JSON.stringify({ alg: 'RS256', kid: new Random(`kid:${CLUSTER_NAME}`).hex(20) }));
  const payload = base64url(
    JSON.stringify({
      aud: [`https://${API_SERVER_FQDN}`, '"aks-contoso-prod-dns"'],
      exp: issued + 3607,
      iat: issued,
      iss: `https://westeurope.oic.prod-aks.azure.com/${TENANT_ID}/${new Random(`oidc:${CLUSTER_NAME}`).uuid()}/`,
      'kubernetes.io': {
        namespace: pod.namespace,
        node: { name: pod.node.name },
        pod: { name: pod.name, uid: pod.uid },
        serviceaccount: { name: pod.template.serviceAccount },
      },
      nbf: issued,
      sub: `system:serviceaccount:${pod.namespace}:${pod.template.serviceAccount}`,
    }),
  );
  const signature = base64url(new Random(`sig:${pod.uid}`).hex(128));
  return `${header}.${payload}.${signature}`;
}

const PASSWD = `root:x:0:0:root:/root:/bin/bash
daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
bin:x:2:2:bin:/bin:/usr/sbin/nologin
sys:x:3:3:sys:/dev:/usr/sbin/nologin
sync:x:4:65534:sync:/bin:/bin/sync
games:x:5:60:games:/usr/games:/usr/sbin/nologin
man:x:6:12:man:/var/cache/man:/usr/sbin/nologin
lp:x:7:7:lp:/var/spool/lpd:/usr/sbin/nologin
mail:x:8:8:mail:/var/mail:/usr/sbin/nologin
news:x:9:9:news:/var/spool/news:/usr/sbin/nologin
uucp:x:10:10:uucp:/var/spool/uucp:/usr/sbin/nologin
proxy:x:13:13:proxy:/bin:/usr/sbin/nologin
www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin
backup:x:34:34:backup:/var/backups:/usr/sbin/nologin
list:x:38:38:Mailing List Manager:/var/list:/usr/sbin/nologin
irc:x:39:39:ircd:/run/ircd:/usr/sbin/nologin
_apt:x:42:65534::/nonexistent:/usr/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
`;

function hostsFile(pod: PodState): string {
  return `# Kubernetes-managed hosts file.
127.0.0.1\tlocalhost
::1\tlocalhost ip6-localhost ip6-loopback
fe00::0\tip6-localnet
fe00::0\tip6-mcastprefix
fe00::1\tip6-allnodes
fe00::2\tip6-allrouters
${pod.ip}\t${pod.name}
`;
}

/** Files on every AKS node (seen through a hostPath mount of `/` or a directory of it). */
function nodeFiles(pod: PodState): Map<string, Entry> {
  const node = pod.node;
  const files = new Map<string, Entry>();
  const dir = (path: string) => files.set(path, { kind: 'dir' });
  const file = (path: string, content: () => string) => files.set(path, { kind: 'file', content });
  for (const d of HOST_ROOT_DIRS) dir(`/${d}`);
  for (const d of [
    '/etc/kubernetes',
    '/etc/kubernetes/certs',
    '/etc/default',
    '/var/lib',
    '/var/lib/kubelet',
    '/var/lib/kubelet/pki',
    '/var/lib/kubelet/pods',
    '/var/log',
    '/var/log/pods',
    '/root/.ssh',
    '/run/containerd',
    '/home/azureuser',
  ])
    dir(d);
  file('/etc/hostname', () => `${node.name}\n`);
  file('/etc/passwd', () => `${PASSWD}azureuser:x:1000:1000:Ubuntu:/home/azureuser:/bin/bash\n`);
  file('/etc/shadow', () => `root:*:19700:0:99999:7:::\nazureuser:!:19700:0:99999:7:::\n`);
  file(
    '/etc/os-release',
    () => `PRETTY_NAME="${node.osImage}"\nNAME="Ubuntu"\nVERSION_ID="22.04"\nID=ubuntu\n`,
  );
  file(
    '/etc/kubernetes/azure.json',
    () =>
      `${JSON.stringify(
        {
          cloud: 'AzurePublicCloud',
          tenantId: TENANT_ID,
          subscriptionId: SUBSCRIPTION_ID,
          aadClientId: 'msi',
          aadClientSecret: 'msi',
          resourceGroup: `MC_${RESOURCE_GROUP}_${CLUSTER_NAME}_westeurope`,
          location: 'westeurope',
          vmType: 'vmss',
          useManagedIdentityExtension: true,
          userAssignedIdentityID: new Random(`kubelet-identity:${CLUSTER_NAME}`).uuid(),
        },
        null,
        4,
      )}\n`,
  );
  for (const name of ['apiserver.crt', 'ca.crt', 'client.crt', 'kubeletserver.crt'])
    file(`/etc/kubernetes/certs/${name}`, () => pem('CERTIFICATE', `${node.name}:${name}`));
  for (const name of ['client.key', 'kubeletserver.key'])
    file(`/etc/kubernetes/certs/${name}`, () => pem('RSA PRIVATE KEY', `${node.name}:${name}`, 12));
  file(
    '/etc/default/kubeletconfig.json',
    () =>
      `{\n    "kind": "KubeletConfiguration",\n    "apiVersion": "kubelet.config.k8s.io/v1beta1",\n    "authentication": { "anonymous": { "enabled": false }, "webhook": { "enabled": true } },\n    "authorization": { "mode": "Webhook" },\n    "readOnlyPort": 0\n}\n`,
  );
  const kubeconfig = () =>
    `apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n    certificate-authority: /etc/kubernetes/certs/ca.crt\n    server: https://${API_SERVER_FQDN}:443\n  name: localcluster\ncontexts:\n- context:\n    cluster: localcluster\n    user: client\n  name: localclustercontext\ncurrent-context: localclustercontext\nusers:\n- name: client\n  user:\n    client-certificate: /var/lib/kubelet/pki/kubelet-client-current.pem\n    client-key: /var/lib/kubelet/pki/kubelet-client-current.pem\n`;
  file('/var/lib/kubelet/kubeconfig', kubeconfig);
  file('/var/lib/kubelet/bootstrap-kubeconfig', kubeconfig);
  file(
    '/var/lib/kubelet/config.yaml',
    () => `kind: KubeletConfiguration\napiVersion: kubelet.config.k8s.io/v1beta1\n`,
  );
  file(
    '/var/lib/kubelet/pki/kubelet-client-current.pem',
    () =>
      `${pem('CERTIFICATE', `${node.name}:kubelet-client`)}${pem('EC PRIVATE KEY', `${node.name}:kubelet-key`, 3)}`,
  );
  file('/root/.ssh/authorized_keys', () => '');
  file('/run/containerd/containerd.sock', () => '');
  return files;
}

function containerFiles(view: FileSystemView): Map<string, Entry> {
  const { pod } = view;
  const files = new Map<string, Entry>();
  const dir = (path: string) => files.set(path, { kind: 'dir' });
  const file = (path: string, content: () => string) => files.set(path, { kind: 'file', content });
  for (const d of ROOT_DIRS) dir(`/${d}`);
  for (const d of [
    '/var/run',
    '/var/run/secrets',
    '/var/run/secrets/kubernetes.io',
    '/usr/local',
    '/usr/local/bin',
    '/var/log',
    '/var/www',
    '/var/www/html',
  ])
    dir(d);
  file('/etc/hostname', () => `${pod.template.hostNetwork ? pod.node.name : pod.name}\n`);
  file('/etc/hosts', () => hostsFile(pod));
  file(
    '/etc/resolv.conf',
    () =>
      `search ${pod.namespace}.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.0.0.10\noptions ndots:5\n`,
  );
  file('/etc/passwd', () => PASSWD);
  file('/etc/group', () => 'root:x:0:\ndaemon:x:1:\nwww-data:x:33:\nnogroup:x:65534:\n');
  file('/etc/shadow', () => 'root:*:19700:0:99999:7:::\nwww-data:*:19700:0:99999:7:::\n');
  file(
    '/etc/os-release',
    () =>
      `PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION="12 (bookworm)"\nID=debian\n`,
  );
  if (pod.template.automountServiceAccountToken !== false) {
    dir(TOKEN_DIR);
    file(`${TOKEN_DIR}/ca.crt`, () => pem('CERTIFICATE', `${CLUSTER_NAME}:ca`));
    file(`${TOKEN_DIR}/namespace`, () => pod.namespace);
    file(`${TOKEN_DIR}/token`, () => serviceAccountToken(pod, view.now));
  }
  const spec = pod.containers.find((c) => c.spec.name === view.container)?.spec;
  for (const mount of spec?.volumeMounts ?? []) {
    const volume = pod.template.volumes?.find((v) => v.name === mount.name);
    const mountPath = mount.mountPath.replace(/\/$/, '') || '/';
    for (let p = mountPath; p.length > 1; p = p.slice(0, p.lastIndexOf('/')) || '/') dir(p);
    if (volume?.hostPath) {
      const hostRoot = volume.hostPath.path.replace(/\/$/, '');
      for (const [path, entry] of nodeFiles(pod)) {
        if (hostRoot && path !== hostRoot && !path.startsWith(`${hostRoot}/`)) continue;
        const inside = path.slice(hostRoot.length);
        if (inside) files.set(`${mountPath === '/' ? '' : mountPath}${inside}`, entry);
      }
    }
  }
  return files;
}

function parentOf(path: string): string {
  const index = path.lastIndexOf('/');
  return index <= 0 ? '/' : path.slice(0, index);
}

function normalise(path: string): string {
  const parts: string[] = [];
  for (const part of (path.startsWith('/') ? path : `/${path}`).split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

/** Every path the container sees, with what the runtime model saw written and deleted applied. */
export function fileTree(view: FileSystemView): Map<string, Entry> {
  const files = containerFiles(view);
  const changes: { path: string; operation: string; time: number }[] = [];
  const spec = view.pod.containers.find((c) => c.spec.name === view.container)?.spec;
  for (const mount of spec?.volumeMounts ?? []) {
    const claim = view.pod.template.volumes?.find((v) => v.name === mount.name)?.persistentVolumeClaim
      ?.claimName;
    if (!claim) continue;
    const root = mount.mountPath.replace(/\/$/, '');
    for (const [inside, file] of view.volumes.filesOf(view.pod.namespace, claim))
      changes.push({
        path: `${root}${inside}`,
        operation: file.deleted ? 'delete' : 'write',
        time: file.time,
      });
  }
  for (const change of [...changes, ...(view.pod.runtime?.files ?? [])]) {
    const path = normalise(change.path);
    if (change.operation === 'delete') files.delete(path);
    else if (change.operation === 'write') {
      for (let p = parentOf(path); p !== '/' && !files.has(p); p = parentOf(p)) files.set(p, { kind: 'dir' });
      const existing = files.get(path);
      files.set(
        path,
        existing?.kind === 'file' && existing.content
          ? { ...existing, time: change.time }
          : { kind: 'file', unknownContent: true, time: change.time },
      );
    }
  }
  return files;
}

export interface Outcome {
  stdout: string;
  stderr: string;
  exitCode: number;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function lsTime(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** `ls [-a] [-l] [path…]`, one name a line (kubectl exec without -t is not a terminal). */
export function ls(view: FileSystemView, args: string[], created: number): Outcome {
  const options = args.filter((a) => a.startsWith('-') && a !== '-').join('');
  const paths = args.filter((a) => !a.startsWith('-') || a === '-');
  const all = /a/.test(options);
  const long = /l/.test(options);
  const tree = fileTree(view);
  let stdout = '';
  let stderr = '';
  let exitCode = 0;
  const targets = paths.length > 0 ? paths : ['/'];
  for (const [index, raw] of targets.entries()) {
    const path = normalise(raw);
    const entry = path === '/' ? ({ kind: 'dir' } as Entry) : tree.get(path);
    if (!entry) {
      stderr += `ls: cannot access '${raw}': No such file or directory\n`;
      exitCode = 2;
      continue;
    }
    const names =
      entry.kind === 'file'
        ? [[raw, entry] as const]
        : [...tree.entries()]
            .filter(([p]) => p !== path && parentOf(p) === path)
            .map(([p, e]) => [p.slice(p.lastIndexOf('/') + 1), e] as const)
            .filter(([name]) => all || !name.startsWith('.'))
            .sort(([a], [b]) => (a < b ? -1 : 1));
    const listed =
      all && entry.kind === 'dir'
        ? [['.', entry] as const, ['..', { kind: 'dir' } as Entry] as const, ...names]
        : names;
    if (targets.length > 1 && entry.kind === 'dir') stdout += `${index > 0 ? '\n' : ''}${raw}:\n`;
    if (long) {
      const rows = listed.map(([name, e]) => {
        const size = e.kind === 'dir' ? 4096 : e.content ? e.content().length : 0;
        const time = e.kind === 'file' && e.time !== undefined ? e.time : created;
        const mode = e.kind === 'dir' ? 'drwxr-xr-x' : '-rw-r--r--';
        return { mode, links: e.kind === 'dir' ? '2' : '1', size: String(size), time: lsTime(time), name };
      });
      const sizeWidth = Math.max(1, ...rows.map((r) => r.size.length));
      const total = rows.reduce((sum, r) => sum + Math.ceil(Number(r.size) / 4096) * 4, 0);
      if (entry.kind === 'dir') stdout += `total ${total}\n`;
      stdout += rows
        .map((r) => `${r.mode} ${r.links} root root ${r.size.padStart(sizeWidth)} ${r.time} ${r.name}\n`)
        .join('');
    } else stdout += listed.map(([name]) => `${name}\n`).join('');
  }
  return { stdout, stderr, exitCode };
}

/** `cat <file…>`. Files the attacker wrote exist, but the runtime model keeps no record of their bytes. */
export function cat(view: FileSystemView, paths: string[]): Outcome {
  const tree = fileTree(view);
  let stdout = '';
  let stderr = '';
  let exitCode = 0;
  if (paths.length === 0) return { stdout: '', stderr: '', exitCode: 0 };
  for (const raw of paths) {
    const entry = tree.get(normalise(raw));
    if (!entry) {
      stderr += `cat: ${raw}: No such file or directory\n`;
      exitCode = 1;
    } else if (entry.kind === 'dir') {
      stderr += `cat: ${raw}: Is a directory\n`;
      exitCode = 1;
    } else if (entry.content) stdout += entry.content();
    else {
      stderr += `cat: ${raw}: the simulation recorded that this file was written, not what it holds\n`;
      exitCode = 1;
    }
  }
  return { stdout, stderr, exitCode };
}

/** `mount`: the container's overlay root, its volumes (a hostPath shows the node's disk) and the usual pseudo-filesystems. */
export function mounts(view: FileSystemView): string {
  const { pod } = view;
  const layer = new Random(`overlay:${pod.uid}:${view.container}`).hex(64);
  const lines = [
    `overlay on / type overlay (rw,relatime,lowerdir=/var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/${hashString(layer) % 900}/fs,upperdir=/var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/${(hashString(layer) % 900) + 1}/fs,workdir=/var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/${(hashString(layer) % 900) + 1}/work)`,
    'proc on /proc type proc (rw,nosuid,nodev,noexec,relatime)',
    'tmpfs on /dev type tmpfs (rw,nosuid,size=65536k,mode=755,inode64)',
    'devpts on /dev/pts type devpts (rw,nosuid,noexec,relatime,gid=5,mode=620,ptmxmode=666)',
    'mqueue on /dev/mqueue type mqueue (rw,nosuid,nodev,noexec,relatime)',
    'sysfs on /sys type sysfs (ro,nosuid,nodev,noexec,relatime)',
    'cgroup on /sys/fs/cgroup type cgroup2 (ro,nosuid,nodev,noexec,relatime,nsdelegate,memory_recursiveprot)',
  ];
  const spec = pod.containers.find((c) => c.spec.name === view.container)?.spec;
  for (const mount of spec?.volumeMounts ?? []) {
    const volume = pod.template.volumes?.find((v) => v.name === mount.name);
    const mode = mount.readOnly ? 'ro' : 'rw';
    if (volume?.hostPath)
      lines.push(`/dev/root on ${mount.mountPath} type ext4 (${mode},relatime,discard,errors=remount-ro)`);
    else if (volume?.persistentVolumeClaim)
      lines.push(
        `//f7a2c1b9e4d3.file.core.windows.net/pvc-${new Random(volume.persistentVolumeClaim.claimName).hex(8)} on ${mount.mountPath} type cifs (${mode},relatime,vers=3.1.1,cache=strict)`,
      );
    else lines.push(`/dev/root on ${mount.mountPath} type ext4 (${mode},relatime,discard,errors=remount-ro)`);
  }
  lines.push(
    '/dev/root on /etc/hosts type ext4 (rw,relatime,discard,errors=remount-ro)',
    '/dev/root on /dev/termination-log type ext4 (rw,relatime,discard,errors=remount-ro)',
    '/dev/root on /etc/hostname type ext4 (rw,relatime,discard,errors=remount-ro)',
    '/dev/root on /etc/resolv.conf type ext4 (rw,relatime,discard,errors=remount-ro)',
    'shm on /dev/shm type tmpfs (rw,nosuid,nodev,noexec,relatime,size=65536k,inode64)',
  );
  if (pod.template.automountServiceAccountToken !== false)
    lines.push(`tmpfs on ${TOKEN_DIR} type tmpfs (ro,relatime,size=16237408k,inode64)`);
  return `${lines.join('\n')}\n`;
}
