import { beforeAll, describe, expect, it } from 'vitest';
import type { LiveCluster } from '../live/liveCluster';
import { names, webShellCluster } from './testCluster';

let live: LiveCluster;
let storefront: string;

beforeAll(async () => {
  live = await webShellCluster();
  storefront = names(live.kubectl('kubectl get pods -n shop -l app=storefront').stdout)[0]!;
}, 60_000);

/** The column where a block's values start (describe pads every label of a block to the widest + 2). */
function valueColumn(lines: string[], first: string, last: string): number[] {
  const from = lines.findIndex((l) => l.startsWith(first));
  const to = lines.findIndex((l, i) => i >= from && l.startsWith(last));
  return lines
    .slice(from, to + 1)
    .filter((line) => /^\S[^:]*:\s/.test(line))
    .map((line) => line.search(/(?<=:\s*)\S/));
}

describe('kubectl describe', () => {
  it('pod: the header block aligned, containers, conditions, volumes, tolerations, events', () => {
    const out = live.kubectl(`kubectl describe pod ${storefront} -n shop`).stdout;
    const lines = out.split('\n');
    expect(lines[0]).toBe(`Name:             ${storefront}`);
    expect(new Set(valueColumn(lines, 'Name:', 'IP:'))).toEqual(new Set([18]));
    expect(lines).toContain('Labels:           app=storefront');
    expect(lines).toContain('                  tier=web');
    expect(lines).toContain('IPs:');
    expect(lines).toContain('Controlled By:  ReplicaSet/storefront-7d9c6b8f5');
    expect(lines).toContain('  nginx:');
    expect(lines).toContain('    Image:          contoso.azurecr.io/shop/storefront-nginx:1.25.4');
    expect(lines).toContain('    Port:           80/TCP');
    expect(lines).toContain('    State:          Running');
    expect(lines).toContain('      /var/www/html/uploads from uploads (rw)');
    expect(out).toContain(
      [
        'Conditions:',
        '  Type                        Status',
        '  PodReadyToStartContainers   True ',
        '  Initialized                 True ',
      ].join('\n'),
    );
    expect(out).toContain(
      [
        '  uploads:',
        '    Type:       PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)',
        '    ClaimName:  storefront-uploads',
      ].join('\n'),
    );
    expect(out).toMatch(/ {4}ConfigMapName: {11}kube-root-ca\.crt\n {4}ConfigMapOptional: {7}<nil>\n/);
    expect(out).toContain(
      'QoS Class:                   BestEffort\nNode-Selectors:              <none>\nTolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s\n                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s\n',
    );
    expect(out.endsWith('Events:  <none>\n')).toBe(true);
  });

  it('pod: a hostPath volume and recent events from the kubelet and scheduler', () => {
    live.kubectl('kubectl label ns default pod-security.kubernetes.io/enforce=privileged');
    live.kubectl('kubectl apply -f host-root-reader.yaml');
    live.advanceBy(30_000);
    const out = live.kubectl('kubectl describe pod host-root-reader').stdout;
    expect(out).toContain(
      '  host-root:\n    Type:          HostPath (bare host directory volume)\n    Path:          /\n    HostPathType:  \n',
    );
    expect(out).not.toContain('Controlled By:');
    expect(out).toContain('    Command:\n      sleep\n      3600\n');
    expect(out).toMatch(
      /Events:\n {2}Type {4}Reason {5}Age {3}From {15}Message\n {2}---- {4}------ {5}---- {2}---- {15}-------\n {2}Normal {2}Scheduled {2}\d+s {3}default-scheduler {2}Successfully assigned default\/host-root-reader to aks-nodepool1-/,
    );
    expect(out).toMatch(/Normal {2}Started {4}\d+s {3}kubelet {12}Started container reader\n$/);
  });

  it('node: labels, conditions, addresses, system info and its pods', () => {
    const out = live.kubectl('kubectl describe node aks-nodepool1-38425911-vmss000001').stdout;
    expect(out.split('\n')[0]).toBe('Name:               aks-nodepool1-38425911-vmss000001');
    expect(out).toContain('Taints:             <none>\nUnschedulable:      false\n');
    expect(out).toContain('  InternalIP:  10.224.0.5\n  Hostname:    aks-nodepool1-38425911-vmss000001\n');
    expect(out).toMatch(/ {2}Kubelet Version: {12}v1\.30\.6\n/);
    expect(out).toMatch(/Non-terminated Pods: {10}\(\d+ in total\)\n {2}Namespace {2,}Name {2,}CPU Requests/);
    live.kubectl('kubectl cordon aks-nodepool1-38425911-vmss000001');
    expect(live.kubectl('kubectl describe no aks-nodepool1-38425911-vmss000001').stdout).toContain(
      'Taints:             node.kubernetes.io/unschedulable:NoSchedule\nUnschedulable:      true\n',
    );
    live.kubectl('kubectl uncordon aks-nodepool1-38425911-vmss000001');
  });

  it('deployment: replicas, strategy, pod template, conditions, replica sets', () => {
    const out = live.kubectl('kubectl describe deployment storefront -n shop').stdout;
    expect(out).toContain('Selector:               app=storefront,tier=web\n');
    expect(out).toContain(
      'Replicas:               3 desired | 3 updated | 3 total | 3 available | 0 unavailable\n',
    );
    expect(out).toContain('RollingUpdateStrategy:  25% max unavailable, 25% max surge\n');
    expect(out).toContain(
      'Pod Template:\n  Labels:           app=storefront\n                    tier=web\n  Service Account:  storefront\n',
    );
    expect(out).toContain('NewReplicaSet:   storefront-7d9c6b8f5 (3/3 replicas created)\n');
  });

  it('answers what it cannot find as kubectl does', () => {
    expect(live.kubectl('kubectl describe pod nope -n shop').stderr).toBe(
      'Error from server (NotFound): pods "nope" not found\n',
    );
    expect(live.kubectl('kubectl describe').stderr).toMatch(
      /^You must specify the type of resource to describe/,
    );
  });
});
