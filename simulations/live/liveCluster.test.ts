import { beforeAll, describe, expect, it } from 'vitest';
import { findTableDefinition } from '../../src/tables/index';
import { validateRow } from '../core/rowValidator';
import { createLiveCluster, type LiveCluster } from './liveCluster';

let live: LiveCluster;

beforeAll(async () => {
  live = await createLiveCluster({ scenario: 'web-shell-reverse-shell', seed: 7, days: 1 });
}, 60_000);

describe('the live cluster', () => {
  it("starts at the dataset's now and lists the shop's pods and the nodes as kubectl does", () => {
    expect(new Date(live.now()).toISOString()).toBe('2026-03-03T00:00:00.000Z');
    const pods = live.kubectl('kubectl get pods -n shop');
    expect(pods.exitCode).toBe(0);
    const lines = pods.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^NAME {2,}READY {3}STATUS {4,}RESTARTS {3}AGE$/);
    expect(lines.filter((l) => /^storefront-7d9c6b8f5-[a-z0-9]{5} +2\/2 +Running +\d+/.test(l))).toHaveLength(
      3,
    );
    const nodes = live.kubectl('kubectl get nodes');
    expect(nodes.stdout).toBe(
      [
        'NAME                                STATUS   ROLES    AGE   VERSION',
        'aks-nodepool1-38425911-vmss000000   Ready    <none>   42d   v1.30.6',
        'aks-nodepool1-38425911-vmss000001   Ready    <none>   42d   v1.30.6',
        'aks-nodepool1-38425911-vmss000002   Ready    <none>   42d   v1.30.6',
        '',
      ].join('\n'),
    );
  });

  it('logs each call as the learner, in rows that pass the table definitions', () => {
    const result = live.kubectl('kubectl get pod no-such-pod -n shop');
    expect(result.stderr).toBe('Error from server (NotFound): pods "no-such-pod" not found\n');
    expect(result.exitCode).toBe(1);
    const audit = result.rows.AKSAudit ?? [];
    expect(audit).toHaveLength(1);
    const row = audit[0]!;
    expect(row.Verb).toBe('get');
    expect((row.User as { username: string }).username).toBe('analyst@contoso.com');
    expect(row.SourceIps).toEqual(['192.0.2.100']);
    expect(String(row.UserAgent)).toMatch(/^kubectl\/v1\.3\d/);
    expect((row.ResponseStatus as { code: number }).code).toBe(404);
    for (const [table, rows] of Object.entries(result.rows))
      for (const each of rows) expect(validateRow(findTableDefinition(table)!, each)).toEqual([]);
  });
});
