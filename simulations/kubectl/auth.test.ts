import { beforeAll, describe, expect, it } from 'vitest';
import type { LiveCluster } from '../live/liveCluster';
import { webShellCluster } from './testCluster';

let live: LiveCluster;

beforeAll(async () => {
  live = await webShellCluster();
}, 60_000);

describe('kubectl auth can-i', () => {
  it('answers yes (exit 0) or no (exit 1), as the learner or as --as', () => {
    expect(live.kubectl('kubectl auth can-i delete pods -n kube-system')).toMatchObject({
      stdout: 'yes\n',
      exitCode: 0,
    });
    const sa = '--as=system:serviceaccount:shop:storefront';
    expect(live.kubectl(`kubectl auth can-i create clusterrolebindings ${sa}`)).toMatchObject({
      stdout: 'yes\n',
      exitCode: 0,
    });
    expect(live.kubectl(`kubectl auth can-i list pods -n kube-system ${sa}`)).toMatchObject({
      stdout: 'no\n',
      exitCode: 1,
    });
    expect(live.kubectl(`kubectl auth can-i get secrets -n shop ${sa}`).stdout).toBe('yes\n');
    expect(live.kubectl('kubectl auth can-i create pods/exec -n default --as=j.doe@contoso.com').stdout).toBe(
      'yes\n',
    );
    expect(live.kubectl('kubectl auth can-i create pods/exec -n shop --as=j.doe@contoso.com').stdout).toBe(
      'no\n',
    );
  });

  it('warns about a resource type the server does not know', () => {
    const result = live.kubectl('kubectl auth can-i get podz --as=system:serviceaccount:shop:storefront');
    expect(result.stderr).toBe("Warning: the server doesn't have a resource type 'podz'\n");
    expect(result.stdout).toBe('no\n');
  });

  it('--list for a user bound to edit in one namespace', () => {
    const lines = live.kubectl('kubectl auth can-i --list -n dev --as=j.doe@contoso.com').stdout.split('\n');
    expect(lines[0]).toMatch(/^Resources +Non-Resource URLs +Resource Names {3}Verbs$/);
    // One row per resource and API group of each rule, sorted by the rule's text (verbs, groups, resources).
    expect(lines[1]).toMatch(/^configmaps +\[\] +\[\] +\[\*\]$/);
    expect(lines).toContainEqual(expect.stringMatching(/^pods\/exec +\[\] +\[\] +\[\*\]$/));
    expect(lines).toContainEqual(expect.stringMatching(/^deployments\.apps +\[\] +\[\] +\[\*\]$/));
    expect(lines).toContainEqual(
      expect.stringMatching(/^selfsubjectrulesreviews\.authorization\.k8s\.io +\[\] +\[\] +\[create\]$/),
    );
    expect(lines).toContainEqual(expect.stringMatching(/^ +\[\/version\] +\[\] +\[get\]$/));
    expect(lines.join('\n')).not.toContain('clusterrolebindings');
  });

  it('each question is a SelfSubjectAccessReview the API server logs', () => {
    const rows = live.kubectl('kubectl auth can-i get pods').rows.AKSAudit!;
    expect(rows.map((r) => r.RequestUri)).toEqual(['/apis/authorization.k8s.io/v1/selfsubjectaccessreviews']);
    expect(live.kubectl('kubectl auth can-i get').stderr).toMatch(/^error: you must specify two arguments/);
  });
});
