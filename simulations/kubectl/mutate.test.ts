import { beforeAll, describe, expect, it } from 'vitest';
import { findTableDefinition } from '../../src/tables/index';
import { validateRow } from '../core/rowValidator';
import type { LiveCluster } from '../live/liveCluster';
import { names, webShellCluster } from './testCluster';

let live: LiveCluster;

beforeAll(async () => {
  live = await webShellCluster();
}, 60_000);

interface AuditRow {
  Verb: string;
  RequestUri: string;
  ResponseStatus: { code: number; message?: string; reason?: string };
  User: { username: string };
  RequestObject: unknown;
  Annotations: Record<string, string>;
}

describe('kubectl apply through admission', () => {
  it('a privileged pod is refused at baseline and admitted at privileged, each decision in the audit log', () => {
    const refused = live.kubectl('kubectl apply -f node-debugger.yaml -n dev');
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toBe(
      'Error from server (Forbidden): error when creating "node-debugger.yaml": pods "node-debugger" is forbidden: violates PodSecurity "baseline:v1.30": privileged (container "debugger" must not set securityContext.privileged=true)\n',
    );
    const denial = (refused.rows.AKSAudit as unknown as AuditRow[]).find((r) => r.Verb === 'create')!;
    expect(denial.RequestUri).toBe(
      '/api/v1/namespaces/dev/pods?fieldManager=kubectl-client-side-apply&fieldValidation=Strict',
    );
    expect(denial.ResponseStatus.code).toBe(403);
    expect(denial.ResponseStatus.message).toContain('violates PodSecurity "baseline:v1.30"');
    expect(denial.User.username).toBe('analyst@contoso.com');
    expect(refused.rows.AKSAuditAdmin).toHaveLength(1);

    const relabel = live.kubectl(
      'kubectl label ns dev pod-security.kubernetes.io/enforce=privileged --overwrite',
    );
    expect(relabel.stdout).toBe('namespace/dev labeled\n');
    const admitted = live.kubectl('kubectl apply -f node-debugger.yaml -n dev');
    expect([admitted.stdout, admitted.exitCode]).toEqual(['pod/node-debugger created\n', 0]);
    const create = (admitted.rows.AKSAudit as unknown as AuditRow[]).find((r) => r.Verb === 'create')!;
    expect(create.ResponseStatus.code).toBe(201);
    expect(create.Annotations['pod-security.kubernetes.io/enforce-policy']).toBe('privileged:v1.30');
    for (const [table, rows] of Object.entries(admitted.rows))
      for (const row of rows) expect(validateRow(findTableDefinition(table)!, row)).toEqual([]);
    expect(live.kubectl('kubectl apply -f node-debugger.yaml -n dev').stdout).toBe(
      'pod/node-debugger unchanged\n',
    );
  });

  it('the warn label adds warnings before the answer; a restricted-ready pod passes everywhere', () => {
    const warned = live.kubectl('kubectl apply -f host-pid-viewer.yaml -n shop');
    expect(warned.stderr).toMatch(
      /^Warning: would violate PodSecurity "restricted:latest": .*host namespaces \(hostPID=true\)/,
    );
    expect(warned.stderr).toMatch(
      /\nError from server \(Forbidden\): error when creating "host-pid-viewer\.yaml": pods "host-pid-viewer" is forbidden: violates PodSecurity "baseline:latest": host namespaces \(hostPID=true\)\n$/,
    );
    expect(live.kubectl('kubectl apply -f restricted-web.yaml -n monitoring').stdout).toBe(
      'pod/restricted-web created\n',
    );
  });

  it('reads a manifest from stdin, and refuses what is not a manifest', () => {
    const yaml =
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: from-stdin\nspec:\n  containers:\n  - name: c\n    image: busybox:1.36\n    command: ["sleep", "60"]\n';
    expect(live.kubectl('kubectl apply -f -', { stdin: yaml }).stdout).toBe('pod/from-stdin created\n');
    expect(live.kubectl('kubectl apply -f -', { stdin: 'kind: [' }).stderr).toMatch(
      /^error: error parsing STDIN: /,
    );
    expect(live.kubectl('kubectl apply -f missing.yaml').stderr).toBe(
      'error: the path "missing.yaml" does not exist\n',
    );
    expect(
      live.kubectl('kubectl apply -f -', { stdin: 'apiVersion: v1\nkind: Pod\nmetadata: {}\n' }).stderr,
    ).toMatch(/missing required field "name"/);
  });
});

describe('kubectl label ns', () => {
  it('needs --overwrite to change a value, and warns about running pods a stricter level would refuse', () => {
    expect(live.kubectl('kubectl label ns shop pod-security.kubernetes.io/enforce=restricted').stderr).toBe(
      "error: 'pod-security.kubernetes.io/enforce' already has a value (baseline), and --overwrite is false\n",
    );
    const result = live.kubectl(
      'kubectl label ns shop pod-security.kubernetes.io/enforce=restricted --overwrite',
    );
    expect(result.stdout).toBe('namespace/shop labeled\n');
    expect(result.stderr).toMatch(
      /^Warning: existing pods in namespace "shop" violate the new PodSecurity enforce level "restricted:latest"\n/,
    );
    expect(result.stderr).toMatch(
      /\nWarning: storefront-7d9c6b8f5-\w+ \(and 2 other pods\): allowPrivilegeEscalation != false/,
    );
    expect(live.kubectl('kubectl get ns shop --show-labels').stdout).toContain(
      'pod-security.kubernetes.io/enforce=restricted',
    );
    expect(
      live.kubectl('kubectl label ns shop pod-security.kubernetes.io/enforce=restricted --overwrite').stdout,
    ).toBe('namespace/shop not labeled\n');
    live.kubectl('kubectl label ns shop pod-security.kubernetes.io/enforce=baseline --overwrite');
  });
});

describe('kubectl cordon', () => {
  it('marks the node unschedulable and back, through a patch of the node', () => {
    const result = live.kubectl('kubectl cordon aks-nodepool1-38425911-vmss000002');
    expect(result.stdout).toBe('node/aks-nodepool1-38425911-vmss000002 cordoned\n');
    const patch = (result.rows.AKSAudit as unknown as AuditRow[]).find((r) => r.Verb === 'patch')!;
    expect(patch.RequestUri).toBe('/api/v1/nodes/aks-nodepool1-38425911-vmss000002');
    expect(live.kubectl('kubectl get node aks-nodepool1-38425911-vmss000002').stdout).toContain(
      'Ready,SchedulingDisabled',
    );
    expect(live.kubectl('kubectl cordon aks-nodepool1-38425911-vmss000002').stdout).toBe(
      'node/aks-nodepool1-38425911-vmss000002 already cordoned\n',
    );
    expect(live.kubectl('kubectl uncordon aks-nodepool1-38425911-vmss000002').stdout).toBe(
      'node/aks-nodepool1-38425911-vmss000002 uncordoned\n',
    );
    expect(live.kubectl('kubectl cordon nope').stderr).toBe(
      'Error from server (NotFound): nodes "nope" not found\n',
    );
  });
});

describe('kubectl delete pod', () => {
  it('ends the pod gracefully; its ReplicaSet replaces it, and the evidence does not come back', () => {
    const victim = /^Pod shop\/(\S+) replaced/.exec(
      live.timeline().find((e) => e.label.startsWith('Pod shop/'))!.label,
    )![1]!;
    expect(live.kubectl(`kubectl exec -n shop ${victim} -c php-fpm -- ps aux`).stdout).toMatch(
      /\/dev\/tcp\//,
    );
    const deleted = live.kubectl(`kubectl delete pod ${victim} -n shop`);
    expect(deleted.stdout).toBe(`pod "${victim}" deleted\n`);
    expect((deleted.rows.AKSAuditAdmin as unknown as AuditRow[])[0]!.Verb).toBe('delete');
    expect(live.kubectl(`kubectl get pod ${victim} -n shop`).stdout).toMatch(/0\/2 +Terminating/);
    live.advanceBy(60_000);
    expect(live.kubectl(`kubectl get pod ${victim} -n shop`).stderr).toBe(
      `Error from server (NotFound): pods "${victim}" not found\n`,
    );
    const pods = names(live.kubectl('kubectl get pods -n shop -l app=storefront').stdout);
    expect(pods).toHaveLength(3);
    const replacement = pods.find(
      (p) => !live.kubectl(`kubectl get pod ${p} -n shop`).stdout.includes('4d14h'),
    )!;
    expect(replacement).toBeDefined();
    expect(live.kubectl(`kubectl exec -n shop ${replacement} -c php-fpm -- ps aux`).stdout).not.toMatch(
      /\/dev\/tcp\//,
    );
    // Its scheduled replacement is off the timeline: the pod is already gone.
    expect(live.timeline().some((e) => e.label.startsWith(`Pod shop/${victim}`))).toBe(false);
    expect(live.kubectl('kubectl delete pod nope -n shop').stderr).toBe(
      'Error from server (NotFound): pods "nope" not found\n',
    );
    expect(live.kubectl('kubectl delete deploy storefront -n shop').stderr).toBe(
      'error: this simulated cluster deletes pods and role bindings only\n',
    );
  });
});

describe('kubectl create clusterrolebinding', () => {
  it('grants the role at once, raises the cluster-admin binding alert, and delete takes the rights back', () => {
    const sa = '--as=system:serviceaccount:shop:storefront';
    expect(live.kubectl(`kubectl auth can-i delete nodes ${sa}`).stdout).toBe('no\n');
    const created = live.kubectl(
      'kubectl create clusterrolebinding lab-admin --clusterrole=cluster-admin --serviceaccount=shop:storefront',
    );
    expect(created.stdout).toBe('clusterrolebinding.rbac.authorization.k8s.io/lab-admin created\n');
    const row = (created.rows.AKSAuditAdmin as unknown as AuditRow[])[0]!;
    expect(row.RequestUri).toBe(
      '/apis/rbac.authorization.k8s.io/v1/clusterrolebindings?fieldManager=kubectl-create&fieldValidation=Strict',
    );
    expect(row.RequestObject).toMatchObject({ roleRef: { name: 'cluster-admin' } });
    expect(live.kubectl(`kubectl auth can-i delete nodes ${sa}`).stdout).toBe('yes\n');
    expect(live.kubectl('kubectl get clusterrolebinding lab-admin').stdout).toMatch(
      /^lab-admin +ClusterRole\/cluster-admin +0s$/m,
    );
    expect(
      live.kubectl('kubectl create clusterrolebinding lab-admin --clusterrole=cluster-admin --user=x').stderr,
    ).toBe(
      'error: failed to create clusterrolebinding: clusterrolebindings.rbac.authorization.k8s.io "lab-admin" already exists\n',
    );
    const alerts = (live.advanceBy(65 * 60_000).SecurityAlert ?? []).map((r) => r.AlertType);
    expect(alerts).toContain('K8S_ClusterAdminBinding');
    expect(live.kubectl('kubectl delete clusterrolebinding lab-admin').stdout).toBe(
      'clusterrolebinding.rbac.authorization.k8s.io "lab-admin" deleted\n',
    );
    expect(live.kubectl(`kubectl auth can-i delete nodes ${sa}`).stdout).toBe('no\n');
    expect(live.kubectl('kubectl create clusterrolebinding y').stderr).toBe(
      'error: required flag(s) "clusterrole" not set\n',
    );
  });
});
