import type { PodState } from '../../cluster/podState';
import type { ProcessInfo } from '../../cluster/runtime';
import type { ClusterWorld } from '../../cluster/world';
import { hashString } from '../../core/random';

/** Programs that run, print and exit: a `ps` after them no longer lists them. */
const ONE_SHOT = new Set([
  'id',
  'whoami',
  'cat',
  'ls',
  'uname',
  'hostname',
  'env',
  'ps',
  'curl',
  'wget',
  'grep',
  'find',
  'head',
  'tail',
  'chmod',
  'chown',
  'mkdir',
  'cp',
  'mv',
  'rm',
  'echo',
  'base64',
  'kubectl',
  'mount',
  'df',
  'ss',
  'netstat',
  'crontab',
  'apt-get',
  'apt',
  'apk',
  'history',
  'touch',
  'tar',
  'gzip',
  'openssl',
  'jq',
  'sed',
  'awk',
  'ip',
  'ifconfig',
  'which',
  'nslookup',
  'dig',
  'getent',
  'stat',
  'file',
  'chroot',
  'docker',
  'ctr',
  'crictl',
  'nmap',
  'masscan',
]);

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Whether the process still runs: servers, shells, listeners and miners do; one-shot tools are gone. */
export function stillRunning(process: ProcessInfo): boolean {
  const first = process.cmdline.split(/\s+/)[0] ?? '';
  const name = basename(first.includes(':') ? process.exe : first) || basename(process.exe);
  if (/\/dev\/tcp\/|stratum|xmrig|\bnc\b.*-l|socat|sleep/.test(process.cmdline)) return true;
  if ((name === 'sh' || name === 'bash') && /\s-c\s/.test(process.cmdline)) {
    // A shell that only ran one command exits with it.
    const inner = process.cmdline.split(/\s-c\s/)[1] ?? '';
    const innerName = basename(inner.replace(/^['"]/, '').split(/\s+/)[0] ?? '');
    return !ONE_SHOT.has(innerName);
  }
  return !ONE_SHOT.has(name) && !ONE_SHOT.has(basename(process.exe));
}

export interface VisibleProcess {
  pid: number;
  user: string;
  command: string;
  tty: boolean;
  main: boolean;
  startedAt: number;
}

/**
 * The processes `ps` shows from a container: its own PID namespace (its main process is PID 1), or — in a
 * hostPID pod — the node's: init, containerd, the kubelet, and every container on the node.
 */
export function visibleProcesses(world: ClusterWorld, pod: PodState, container: string): VisibleProcess[] {
  const started = (p: PodState, c: string) =>
    p.containers.find((x) => x.spec.name === c)?.startedAt ?? p.startedAt ?? p.createdAt;
  if (pod.template.hostPID) return hostProcesses(world, pod);
  const own = (pod.runtime?.processes ?? []).filter(
    (p) => (world.processContainers.get(p) ?? pod.containers[0]!.spec.name) === container && stillRunning(p),
  );
  const main = own.find((p) => p.parentExe === 'containerd-shim-runc-v2');
  return own.map((p) => ({
    pid: p === main ? 1 : p.pid + 6,
    user: p.user,
    command: p.cmdline,
    tty: p.tty === true,
    main: p === main,
    startedAt: world.processStarts.get(p) ?? started(pod, container),
  }));
}

function hostProcesses(world: ClusterWorld, viewer: PodState): VisibleProcess[] {
  const node = viewer.node;
  const boot = viewer.createdAt - 12 * 24 * 3600_000;
  const list: VisibleProcess[] = [
    { pid: 1, user: 'root', command: '/sbin/init', tty: false, main: true, startedAt: boot },
    { pid: 1089, user: 'root', command: '/usr/bin/containerd', tty: false, main: true, startedAt: boot },
    {
      pid: 1123,
      user: 'root',
      command: `/usr/local/bin/kubelet --enable-server --node-labels=agentpool=${node.pool},kubernetes.azure.com/agentpool=${node.pool} --kubeconfig=/var/lib/kubelet/kubeconfig --bootstrap-kubeconfig=/var/lib/kubelet/bootstrap-kubeconfig --config=/etc/default/kubeletconfig.json`,
      tty: false,
      main: true,
      startedAt: boot,
    },
  ];
  const pods = [...world.pods.values()]
    .filter((p) => p.node === node && p.runtime && p.phase !== 'Pending')
    .sort((a, b) => a.createdAt - b.createdAt);
  for (const pod of pods) {
    const base = 2000 + (hashString(pod.uid) % 900) * 20;
    for (const [index, container] of pod.containers.entries()) {
      list.push({
        pid: base + index * 7,
        user: 'root',
        command: `/usr/bin/containerd-shim-runc-v2 -namespace k8s.io -id ${container.containerId} -address /run/containerd/containerd.sock`,
        tty: false,
        main: true,
        startedAt: container.startedAt ?? pod.createdAt,
      });
    }
    for (const process of pod.runtime!.processes.filter(stillRunning))
      list.push({
        pid: base + 100 + process.pid,
        user: process.user,
        command: process.cmdline,
        tty: process.tty === true,
        main: process.parentExe === 'containerd-shim-runc-v2',
        startedAt: world.processStarts.get(process) ?? pod.startedAt ?? pod.createdAt,
      });
  }
  return list.sort((a, b) => a.pid - b.pid);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function startColumn(startedAt: number, now: number): string {
  const d = new Date(startedAt);
  const pad = (n: number) => String(n).padStart(2, '0');
  if (now - startedAt < 24 * 3600_000 && new Date(now).getUTCDate() === d.getUTCDate())
    return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  return `${MONTHS[d.getUTCMonth()]}${pad(d.getUTCDate())}`;
}

function userColumn(user: string): string {
  return user.length > 8 ? `${user.slice(0, 7)}+` : user.padEnd(8);
}

/** procps-ng `ps aux` (PID 7 wide: AKS nodes' pid_max is 4194304); the `ps` itself is the last line. */
export function psAux(
  processes: VisibleProcess[],
  self: { pid: number; user: string; tty: boolean },
  now: number,
): string {
  const rows = [
    ...processes,
    {
      pid: self.pid,
      user: self.user,
      command: 'ps aux',
      tty: self.tty,
      main: false,
      startedAt: now,
      self: true,
    },
  ].map((p) => {
    const seed = hashString(`${p.pid}:${p.command}`);
    const isSelf = 'self' in p;
    const cpu = p.main && !isSelf ? ((seed % 7) / 10).toFixed(1) : '0.0';
    const mem = p.main && !isSelf ? ((seed % 5) / 10).toFixed(1) : '0.0';
    const vsz = p.main ? 100_000 + (seed % 800_000) : 2_000 + (seed % 9_000);
    const rss = p.main ? 9_000 + (seed % 80_000) : 800 + (seed % Math.floor(vsz / 2));
    const stat = isSelf ? (p.tty ? 'Rs+' : 'Rs') : p.main ? 'Ss' : p.tty ? 'Ss+' : 'S';
    const minutes =
      p.main && !isSelf ? Math.floor(((now - p.startedAt) / 3600_000) * ((seed % 9) / 10 + 0.1)) : 0;
    const time = `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
    return `${userColumn(p.user)} ${String(p.pid).padStart(7)} ${cpu.padStart(4)} ${mem.padStart(4)} ${String(vsz).padStart(6)} ${String(rss).padStart(5)} ${(p.tty ? 'pts/0' : '?').padEnd(8)} ${stat.padEnd(4)} ${startColumn(p.startedAt, now).padStart(5)} ${time.padStart(6)} ${p.command}`;
  });
  return `USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n${rows.join('\n')}\n`;
}

/** BusyBox `ps` (Alpine and BusyBox images): `PID   USER     TIME  COMMAND`. */
export function busyboxPs(processes: VisibleProcess[], self: { pid: number; user: string }): string {
  const rows = [...processes, { pid: self.pid, user: self.user, command: 'ps', startedAt: 0 }].map(
    (p) => `${String(p.pid).padStart(5)} ${p.user.slice(0, 8).padEnd(8)} ${'0:00'.padStart(5)} ${p.command}`,
  );
  return `PID   USER     TIME  COMMAND\n${rows.join('\n')}\n`;
}
