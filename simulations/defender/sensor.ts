import { IP } from '../cluster/constants';
import type { RuntimeEvent } from '../cluster/runtime';
import type { AlertEmitter, AlertSubject } from './alerts';

const RECON =
  /^(id|whoami|hostname|uname( -a)?|ps( aux[w]*)?|env|ifconfig|ip a(ddr)?|capsh --print|mount|cat \/etc\/passwd|cat \/etc\/os-release|ls -la? \/var\/run\/secrets\S*|w|who|lsblk|df -h)$/;

/** A server-side script dropped under a web root: what a web shell looks like on disk. */
const WEB_SCRIPT =
  /^\/(var\/www|usr\/share\/nginx|usr\/local\/tomcat\/webapps|srv)\/\S*\.(php\d?|phtml|jspx?|aspx?)$/;
/** Accounts web servers and their interpreters run as: the writer of a web shell uploaded through the application. */
const WEB_SERVER_USERS = new Set(['www-data', 'nginx', 'apache', 'tomcat']);

/**
 * The Defender sensor (the eBPF collector DaemonSet) and its cloud analytics: process, file and network
 * events from every node become K8S.NODE_ alerts. Azure's own add-ons are excluded, as Defender does.
 */
export class RuntimeSensor {
  private readonly recentRecon = new Map<string, number[]>();

  constructor(private readonly alerts: AlertEmitter) {}

  observe(event: RuntimeEvent): void {
    if (event.pod?.system) return;
    const subject: AlertSubject = {
      namespace: event.pod?.namespace,
      pod: event.pod?.name,
      container: event.container,
      image: event.pod?.image,
      node: event.node.name,
      account: event.process.user,
      process: {
        pid: event.process.pid,
        commandLine: event.process.cmdline,
        exe: event.process.exe,
        user: event.process.user,
        parentExe: event.process.parentExe,
      },
    };
    const where = event.pod ? `${event.pod.namespace}/${event.pod.name}/${event.container}` : event.node.name;
    const base = {
      'Pod name': event.pod?.name ?? '',
      Namespace: event.pod?.namespace ?? '',
      'Container name': event.container ?? '',
      'Container ID': event.containerId ?? '',
      'Node name': event.node.name,
      'Command line': event.process.cmdline,
      'Process name': event.process.exe,
      'Parent process': event.process.parentExe,
      'User name': event.process.user,
    };
    const raise = (type: string, extra: Record<string, string> = {}, dedupMs = 3600_000) =>
      this.alerts.raise(type, event.time, subject, { ...base, ...extra }, { dedupKey: where, dedupMs });
    if (event.kind === 'process') {
      const cmd = event.process.cmdline;
      // A command exec'd into a privileged container (kubectl exec: runc is the parent) runs with the node's privileges.
      if (event.pod?.privileged && event.process.parentExe === 'runc') {
        this.alerts.raise('K8S.NODE_PrivilegedExecutionInContainer', event.time, subject, base, {
          dedupKey: `${where}|${cmd}`,
          dedupMs: 3600_000,
        });
      }
      if (/\bdocker\b.*\brun\b.*--privileged/.test(cmd) || /\bctr\b.*\brun\b.*--privileged/.test(cmd))
        raise('K8S.NODE_PrivilegedContainerArtifacts');
      if (/\b(?:docker|nerdctl|buildctl)\b.*\bbuild\b/.test(cmd))
        raise('K8S.NODE_ImageBuildOnNode', {}, 12 * 3600_000);
      if (
        (/\bnsenter\b.*(--target 1|-t 1)/.test(cmd) || /\bchroot \/host\b/.test(cmd)) &&
        (event.pod?.privileged || event.pod === undefined || event.process.inHostNamespaces)
      ) {
        raise('K8S.NODE_PrivilegedExecutionInContainer');
      }
      if (/history -c|rm -f? ?\S*\.bash_history/.test(cmd)) raise('K8S.NODE_HistoryFileCleared');
      if (/\/dev\/tcp\/|\bnc\b.*\s-e\s|\bncat\b.*--sh-exec/.test(cmd)) raise('K8S.NODE_ReverseShell');
      if (/(curl|wget)[^|]*\|\s*(ba)?sh/.test(cmd)) raise('K8S.NODE_DownloadAndRunCombo');
      if (/stratum\d?\+(tcp|ssl):\/\//.test(cmd)) raise('K8S.NODE_DigitalCurrencyMining');
      if (/\b(nmap|masscan|zmap)\b/.test(cmd)) raise('K8S.NODE_KnownLinuxAttackTool');
      if (
        /https:\/\/(kubernetes\.default(\.svc)?|10\.0\.0\.1)\b/.test(cmd) &&
        /Authorization: Bearer/i.test(cmd)
      )
        raise('K8S.NODE_KubernetesAPI');
      if (/kubernetes-dashboard\.kubernetes-dashboard(\.svc)?/.test(cmd))
        raise('K8S.NODE_KubernetesDashboard');
      this.recon(event, cmd, raise);
      return;
    }
    if (event.kind === 'file') {
      const path = event.path;
      if (/\/var\/lib\/kubelet\/kubeconfig$/.test(path) && event.operation === 'read')
        raise('K8S.NODE_KubeConfigAccess', { 'File path': path });
      if (/\/etc\/shadow$/.test(path) && event.operation === 'read')
        raise('K8S.NODE_SuspectPasswordFileAccess', { 'File path': path });
      if (/\/\.ssh\/authorized_keys$/.test(path)) raise('K8S.NODE_SshKeyAccess', { 'File path': path });
      if (/\.bash_history$/.test(path) && event.operation === 'delete')
        raise('K8S.NODE_HistoryFileCleared', { 'File path': path });
      if (event.operation === 'write' && WEB_SCRIPT.test(path) && WEB_SERVER_USERS.has(event.process.user))
        raise('K8S.NODE_Webshell', { 'File path': path }, 6 * 3600_000);
      return;
    }
    if (event.destinationIp === IP.imds && event.destinationPort === 80) {
      raise('K8S.NODE_ImdsCall', { 'Destination IP': IP.imds }, 24 * 3600_000);
    } else if (event.destinationPort === 3333 || event.destinationPort === 14444) {
      raise('K8S.NODE_DigitalCurrencyMining', {
        'Destination IP': event.destinationIp,
        Domain: event.domain ?? '',
      });
    }
  }

  private recon(event: RuntimeEvent, cmd: string, raise: (type: string) => void): void {
    const commands = cmd
      .split(/;|&&/)
      .map((part) => part.trim())
      .filter((part) => RECON.test(part));
    if (commands.length === 0) return;
    const key = event.pod ? `${event.pod.uid}/${event.container}` : event.node.name;
    const window = (this.recentRecon.get(key) ?? []).filter((time) => event.time - time < 10 * 60_000);
    for (let i = 0; i < commands.length; i++) window.push(event.time);
    this.recentRecon.set(key, window);
    if (window.length >= 4) raise('K8S.NODE_ReconnaissanceArtifactsBurst');
  }
}
