import { beforeAll, describe, expect, it } from 'vitest';
import { findTableDefinition } from '../../src/tables/index';
import { validateRow } from '../core/rowValidator';
import { createLiveCluster, type LiveCluster } from './liveCluster';

let live: LiveCluster;

beforeAll(async () => {
  live = await createLiveCluster({ scenario: 'web-shell-reverse-shell', seed: 7, days: 1 });
}, 60_000);

const NOW = Date.parse('2026-03-03T00:00:00.000Z');

describe('the live cluster', () => {
  it("starts at the dataset's now, with the case's timeline: steps, alerts, the scheduled replacement", () => {
    expect(live.now()).toBe(NOW);
    const timeline = live.timeline();
    expect(timeline.map((e) => e.time)).toEqual([...timeline.map((e) => e.time)].sort((a, b) => a - b));
    expect(timeline.some((e) => e.label.startsWith('Uploads a PHP web shell'))).toBe(true);
    expect(timeline.some((e) => e.label.startsWith('Alert: '))).toBe(true);
    const replacement = timeline.find((e) => e.label.startsWith('Pod shop/storefront-'))!;
    expect(replacement.time - NOW).toBeGreaterThanOrEqual(40 * 60_000);
    expect(replacement.time - NOW).toBeLessThan(76 * 60_000);
  });

  it('logs each call as the learner, in rows that pass the table definitions', () => {
    const result = live.kubectl('kubectl get pod no-such-pod -n shop');
    expect(result.stderr).toBe('Error from server (NotFound): pods "no-such-pod" not found\n');
    const row = result.rows.AKSAudit![0]!;
    expect(row.Verb).toBe('get');
    expect((row.User as { username: string }).username).toBe('analyst@contoso.com');
    expect(row.SourceIps).toEqual(['192.0.2.100']);
    expect(String(row.UserAgent)).toMatch(/^kubectl\/v1\.3\d/);
    expect((row.ResponseStatus as { code: number }).code).toBe(404);
    expect(Date.parse(String(row.TimeGenerated))).toBeGreaterThanOrEqual(NOW);
    for (const [table, rows] of Object.entries(result.rows))
      for (const each of rows) expect(validateRow(findTableDefinition(table)!, each)).toEqual([]);
  });

  it('replaces the compromised pod on schedule: its processes, connections and files go with it', () => {
    const replacement = live.timeline().find((e) => e.label.startsWith('Pod shop/storefront-'))!;
    const victim = /^Pod shop\/(\S+) /.exec(replacement.label)![1]!;
    expect(live.kubectl(`kubectl exec -n shop ${victim} -c php-fpm -- ss -tnp`).stdout).toMatch(/ESTAB/);
    const rows = live.advanceTo(replacement.time + 2 * 60_000);
    expect(live.now()).toBe(replacement.time + 2 * 60_000);
    expect(live.kubectl(`kubectl get pod ${victim} -n shop`).exitCode).toBe(1);
    const admin = (rows.AKSAuditAdmin ?? []).map((r) => `${r.Verb} ${r.RequestUri}`);
    expect(admin).toContain(`delete /api/v1/namespaces/shop/pods/${victim}`);
    for (const [table, list] of Object.entries(rows))
      for (const row of list.slice(0, 50)) expect(validateRow(findTableDefinition(table)!, row)).toEqual([]);
    const pods = live
      .kubectl('kubectl get pods -n shop -l app=storefront -o name')
      .stdout.trimEnd()
      .split('\n')
      .map((pod) => pod.slice('pod/'.length));
    expect(pods).toHaveLength(3);
    expect(pods).not.toContain(victim);
    for (const name of pods) {
      expect(live.kubectl(`kubectl exec -n shop ${name} -c php-fpm -- ps aux`).stdout).not.toMatch(
        /\/dev\/tcp\//,
      );
      expect(live.kubectl(`kubectl exec -n shop ${name} -c php-fpm -- ss -tnp`).stdout).not.toMatch(/ESTAB/);
      // The uploads claim is shared and outlives pods: the web shell the attacker stored there is still in it.
      expect(
        live.kubectl(`kubectl exec -n shop ${name} -c nginx -- ls /var/www/html/uploads`).stdout,
      ).toMatch(/\.php\n$/);
    }
    // Container insights keeps collecting: its next inventory lists the replacement and no longer the victim.
    const later = live.advanceBy(6 * 60_000);
    const inventory = new Set((later.KubePodInventory ?? []).map((r) => String(r.Name)));
    expect(inventory.has(victim)).toBe(false);
    for (const name of pods) expect(inventory.has(name)).toBe(true);
    expect(live.advanceTo(live.now() - 1)).toEqual({});
  });

  it('turns a fault in a command into an error message, not an exception', () => {
    // A stdin that is not text reaches the manifest reader as something it cannot split.
    const result = live.kubectl('kubectl apply -f -', { stdin: 42 as unknown as string });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/^error: the simulated cluster could not run "kubectl apply -f -": /);
  });

  it('offers its own manifests', () => {
    expect(live.manifests().map((m) => m.name)).toEqual([
      'node-debugger.yaml',
      'host-root-reader.yaml',
      'host-pid-viewer.yaml',
      'restricted-web.yaml',
    ]);
  });
});

describe('replay', () => {
  it('restores the same cluster from the same commands at the same times', async () => {
    const commands = [
      { time: NOW + 5_000, line: 'kubectl label ns default pod-security.kubernetes.io/enforce=privileged' },
      { time: NOW + 9_000, line: 'kubectl apply -f node-debugger.yaml' },
      { time: NOW + 60_000, line: 'kubectl exec node-debugger -- ps aux' },
      { time: NOW + 90_000, line: 'kubectl delete pod node-debugger' },
    ];
    const [a, b] = await Promise.all([
      createLiveCluster({ scenario: 'web-shell-reverse-shell', seed: 7, days: 1 }),
      createLiveCluster({ scenario: 'web-shell-reverse-shell', seed: 7, days: 1 }),
    ]);
    const first = a.replay(commands);
    const second = b.replay(commands);
    expect(second).toEqual(first);
    expect(first[2]!.stdout).toMatch(/sleep infinity\n/);
    expect(a.kubectl('kubectl get pods -A -o wide').stdout).toBe(
      b.kubectl('kubectl get pods -A -o wide').stdout,
    );
    expect(a.advanceBy(3_600_000)).toEqual(b.advanceBy(3_600_000));
  }, 60_000);
});
