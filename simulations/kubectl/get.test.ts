import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LiveCluster } from '../live/liveCluster';
import { cells, names, webShellCluster } from './testCluster';

let live: LiveCluster;

beforeAll(async () => {
  live = await webShellCluster();
}, 60_000);

describe('kubectl get', () => {
  it('nodes, and -o wide adds the node columns', () => {
    expect(live.kubectl('kubectl get nodes').stdout).toBe(
      [
        'NAME                                STATUS   ROLES    AGE   VERSION',
        'aks-nodepool1-38425911-vmss000000   Ready    <none>   42d   v1.30.6',
        'aks-nodepool1-38425911-vmss000001   Ready    <none>   42d   v1.30.6',
        'aks-nodepool1-38425911-vmss000002   Ready    <none>   42d   v1.30.6',
        '',
      ].join('\n'),
    );
    const wide = live.kubectl('kubectl get no -o wide').stdout.split('\n');
    expect(wide[0]).toBe(
      'NAME                                STATUS   ROLES    AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE             KERNEL-VERSION      CONTAINER-RUNTIME',
    );
    expect(wide[1]).toBe(
      'aks-nodepool1-38425911-vmss000000   Ready    <none>   42d   v1.30.6   10.224.0.4    <none>        Ubuntu 22.04.5 LTS   5.15.0-1079-azure   containerd://1.7.23-1',
    );
  });

  it('pods in a namespace, in name order, with READY, STATUS, RESTARTS and AGE', () => {
    const table = live.kubectl('kubectl get pods -n shop').stdout;
    const lines = table.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^NAME {3,}READY {3}STATUS {4,}RESTARTS {3}AGE$/);
    expect(names(table)).toEqual([...names(table)].sort());
    const storefront = lines.filter((l) => l.startsWith('storefront-7d9c6b8f5-'));
    expect(storefront).toHaveLength(3);
    for (const line of storefront) expect(cells(line).slice(1)).toEqual(['2/2', 'Running', '0', '4d14h']);
    // Columns line up: every cell of a column starts where its header starts.
    const at = lines[0]!.indexOf('STATUS');
    for (const line of lines.slice(1)) expect(line.slice(at - 3, at)).toBe('   ');
  });

  it('-A prepends NAMESPACE; -o wide adds IP, NODE, NOMINATED NODE, READINESS GATES', () => {
    const lines = live.kubectl('kubectl get pods -A -o wide').stdout.trimEnd().split('\n');
    expect(cells(lines[0]!)).toEqual([
      'NAMESPACE',
      'NAME',
      'READY',
      'STATUS',
      'RESTARTS',
      'AGE',
      'IP',
      'NODE',
      'NOMINATED NODE',
      'READINESS GATES',
    ]);
    const namespaces = lines.slice(1).map((l) => l.split(/\s+/)[0]!);
    expect(namespaces).toEqual([...namespaces].sort());
    // hostNetwork pods (kube-proxy) carry their node's IP.
    const proxy = lines.find((l) => /^kube-system +kube-proxy-/.test(l))!;
    const [ip, node] = cells(proxy).slice(6, 8);
    expect(ip).toBe(
      { vmss000000: '10.224.0.4', vmss000001: '10.224.0.5', vmss000002: '10.224.0.6' }[node!.slice(-10)],
    );
  });

  it('-l selects by label, --no-headers drops the header, -o name prints kind/name', () => {
    const selected = live.kubectl('kubectl get pods -n shop -l app=storefront,tier=web --no-headers').stdout;
    expect(selected.trimEnd().split('\n')).toHaveLength(3);
    expect(selected).not.toContain('NAME');
    expect(live.kubectl('kubectl get deploy -n shop -o name').stdout).toBe(
      'deployment.apps/catalog-api\ndeployment.apps/shop-db\ndeployment.apps/storefront\n',
    );
  });

  it('-o yaml and -o json give the object, or a List for several', () => {
    const pod = names(live.kubectl('kubectl get pods -n shop -l app=storefront').stdout)[0]!;
    const yaml = live.kubectl(`kubectl get pod ${pod} -n shop -o yaml`).stdout;
    expect(yaml.startsWith('apiVersion: v1\nkind: Pod\nmetadata:\n')).toBe(true);
    const object = parse(yaml);
    expect(object.metadata.name).toBe(pod);
    expect(object.metadata.ownerReferences[0].kind).toBe('ReplicaSet');
    expect(object.spec.containers.map((c: { name: string }) => c.name)).toEqual(['nginx', 'php-fpm']);
    expect(object.status.podIP).toMatch(/^10\.244\./);
    const list = JSON.parse(live.kubectl('kubectl get svc -n shop -o json').stdout);
    expect(list.kind).toBe('List');
    expect(list.items.map((s: { metadata: { name: string } }) => s.metadata.name)).toEqual([
      'catalog-api',
      'shop-db',
      'storefront',
    ]);
    expect(live.kubectl('kubectl get pods -n shop -o json').stdout).toMatch(/^\{\n {4}"apiVersion": "v1",/);
  });

  it('several kinds: one table each, names prefixed with kind.group, a blank line between', () => {
    const out = live.kubectl('kubectl get deploy,rs -n shop').stdout;
    const [deployments, replicaSets] = out.split('\n\n');
    expect(deployments!.split('\n')[0]).toBe(
      'NAME                          READY   UP-TO-DATE   AVAILABLE   AGE',
    );
    expect(deployments).toContain('deployment.apps/storefront    3/3     3            3           40d');
    expect(replicaSets!.split('\n')[0]).toBe(
      'NAME                                    DESIRED   CURRENT   READY   AGE',
    );
    expect(replicaSets).toContain('replicaset.apps/storefront-7d9c6b8f5    3         3         3       ');
    const all = live.kubectl('kubectl get all -n shop').stdout;
    expect(all.split('\n\n').map((t) => t.split('\n')[1]!.split('/')[0])).toEqual([
      'pod',
      'service',
      'deployment.apps',
      'replicaset.apps',
    ]);
  });

  it('every other kind, with its own columns', () => {
    const header = (line: string) => live.kubectl(line).stdout.split('\n')[0];
    expect(header('kubectl get svc -n shop')).toBe(
      'NAME          TYPE        CLUSTER-IP    EXTERNAL-IP   PORT(S)    AGE',
    );
    expect(live.kubectl('kubectl get svc -n ingress-nginx').stdout).toContain(
      'LoadBalancer   10.0.190.12   192.0.2.10    443:30443/TCP,80:30080/TCP',
    );
    expect(header('kubectl get ds -n kube-system')).toMatch(
      /^NAME +DESIRED {3}CURRENT {3}READY {3}UP-TO-DATE {3}AVAILABLE {3}NODE SELECTOR {3}AGE$/,
    );
    expect(live.kubectl('kubectl get secrets -n shop').stdout).toBe(
      [
        'NAME                      TYPE                DATA   AGE',
        'catalog-api-appsettings   Opaque              1      40d',
        'shop-tls                  kubernetes.io/tls   2      40d',
        'storefront-db             Opaque              2      40d',
        '',
      ].join('\n'),
    );
    expect(live.kubectl('kubectl get sa -n shop').stdout).toBe(
      [
        'NAME          SECRETS   AGE',
        'catalog-api   0         40d',
        'default       0         42d',
        'storefront    0         40d',
        '',
      ].join('\n'),
    );
    expect(header('kubectl get ns')).toBe('NAME                   STATUS   AGE');
    expect(live.kubectl('kubectl get clusterroles').stdout.split('\n')[1]).toBe(
      'cluster-admin         2026-01-20T00:00:00Z',
    );
    expect(live.kubectl('kubectl get rolebindings -A').stdout).toBe(
      [
        'NAMESPACE   NAME              ROLE               AGE',
        'default     developers-edit   ClusterRole/edit   40d',
        'dev         developers-edit   ClusterRole/edit   40d',
        'shop        deployer-edit     ClusterRole/edit   40d',
        '',
      ].join('\n'),
    );
    expect(live.kubectl('kubectl get clusterrolebindings -o wide').stdout).toContain(
      'storefront-ops                  ClusterRole/storefront-ops        40d                                                  shop/storefront',
    );
    const roles = live.kubectl('kubectl get roles');
    expect([roles.stdout, roles.stderr, roles.exitCode]).toEqual([
      '',
      'No resources found in default namespace.\n',
      0,
    ]);
  });

  it('events: LAST SEEN TYPE REASON OBJECT MESSAGE, with no NAME column', () => {
    const pod = names(live.kubectl('kubectl get pods -n shop -l app=catalog-api').stdout)[0]!;
    live.kubectl(`kubectl delete pod ${pod} -n shop`);
    live.advanceBy(60_000);
    const lines = live.kubectl('kubectl get events -n shop').stdout.trimEnd().split('\n');
    expect(cells(lines[0]!)).toEqual(['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE']);
    expect(
      lines.some((l) => /Normal {3}Killing +pod\/catalog-api-.* +Stopping container catalog-api$/.test(l)),
    ).toBe(true);
    expect(lines.some((l) => /Normal {3}Scheduled +pod\/catalog-api-/.test(l))).toBe(true);
  });

  it('-o jsonpath reads fields the tables do not show; --sort-by orders the rows', () => {
    expect(live.kubectl('kubectl get deploy -n shop -o jsonpath={.items[*].metadata.name}').stdout).toBe(
      'catalog-api shop-db storefront',
    );
    const hostNetwork = live.kubectl(
      `kubectl get pods -n kube-system -o jsonpath='{range .items[*]}{.metadata.name}{"\\t"}{.spec.hostNetwork}{"\\n"}{end}'`,
    ).stdout;
    expect(hostNetwork).toMatch(/^kube-proxy-\w+\ttrue$/m);
    expect(hostNetwork).toMatch(/^coredns-\S+\t$/m);
    expect(live.kubectl('kubectl get pods -n shop -o jsonpath={.items[9].x}').stderr).toMatch(
      /^error: error executing jsonpath/,
    );
    const byAge = names(
      live.kubectl('kubectl get pods -n shop --sort-by=.metadata.creationTimestamp').stdout,
    );
    expect(byAge[0]).toMatch(/^shop-db-/);
    expect(live.kubectl('kubectl get pods --sort-by=.status.phase').stderr).toMatch(
      /^error: the simulated kubectl sorts by /,
    );
  });

  it('answers errors as kubectl does', () => {
    const missing = live.kubectl('kubectl get pod nope -n shop');
    expect([missing.stderr, missing.exitCode]).toEqual([
      'Error from server (NotFound): pods "nope" not found\n',
      1,
    ]);
    expect(live.kubectl('kubectl get deploy storefrnt -n shop').stderr).toBe(
      'Error from server (NotFound): deployments.apps "storefrnt" not found\n',
    );
    expect(live.kubectl('kubectl get clusterrolebinding x').stderr).toBe(
      'Error from server (NotFound): clusterrolebindings.rbac.authorization.k8s.io "x" not found\n',
    );
    expect(live.kubectl('kubectl get podz').stderr).toBe(
      'error: the server doesn\'t have a resource type "podz"\n',
    );
    expect(live.kubectl('kubectl get pods -o wider').stderr).toMatch(
      /^error: unable to match a printer suitable for the output format "wider", allowed formats are: /,
    );
    expect(live.kubectl('kubectl get pods -n nowhere').stderr).toBe(
      'No resources found in nowhere namespace.\n',
    );
    const forbidden = live.kubectl(
      'kubectl get pods -n kube-system --as=system:serviceaccount:shop:storefront',
    );
    expect(forbidden.stderr).toBe(
      'Error from server (Forbidden): pods is forbidden: User "system:serviceaccount:shop:storefront" cannot list resource "pods" in API group "" in the namespace "kube-system"\n',
    );
    expect((forbidden.rows.AKSAudit![0]!.ResponseStatus as { code: number }).code).toBe(403);
  });
});
