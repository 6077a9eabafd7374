import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LiveCluster } from '../live/liveCluster';
import { GET_TABS, TOP_TABS, tabulate } from './tabwriter';
import { webShellCluster } from './testCluster';

// The reference formats, read in place (never copied into the project).
const REFERENCE = new URL('../../../shared/reference/kubectl-output.md', import.meta.url);
const available = existsSync(REFERENCE);
if (!available) console.warn('kubectl-output.md not found beside the repository: reference goldens skipped');
const text = available ? readFileSync(REFERENCE, 'utf8') : '';

/** The code block that follows a line containing `marker` in the reference. */
function blockAfter(marker: string): string {
  const start = text.indexOf(marker);
  const open = text.indexOf('```text\n', start);
  const close = text.indexOf('\n```', open + 8);
  return text.slice(open + 8, close);
}

/** Splits a rendered table back into cells (two or more spaces separate them), and renders it again. */
function rerender(block: string, options = GET_TABS): string {
  const lines = block.split('\n').map((line) => line.trimEnd().split(/ {2,}/).join('\t'));
  return tabulate(lines, options);
}

describe.skipIf(!available)('kubectl formats against the reference', () => {
  let live: LiveCluster;
  beforeAll(async () => {
    live = await webShellCluster();
  }, 60_000);

  it('the tabwriter renders the reference pod tables cell for cell', () => {
    const pods = blockAfter('`kubectl get pods -n shop`');
    expect(rerender(pods)).toBe(pods);
    const deployments = blockAfter('## 8. `kubectl get deploy,rs -n shop`').split('\n\n')[0]!;
    expect(rerender(deployments)).toBe(deployments);
  });

  it('kubectl top pads its last column too', () => {
    const top = blockAfter('## 9. `kubectl top pod`');
    const lines = top.split('\n').map((line) => line.trimEnd().split(/ {2,}/).join('\t'));
    expect(tabulate(lines, TOP_TABS)).toBe(top);
  });

  it('auth can-i --list for the over-permissive storefront account matches the reference', () => {
    const expected = blockAfter('`kubectl auth can-i --list --as=system:serviceaccount:shop:storefront`');
    expect(live.kubectl('kubectl auth can-i --list --as=system:serviceaccount:shop:storefront').stdout).toBe(
      `${expected}\n`,
    );
    const admin = blockAfter('cluster-admin:');
    expect(live.kubectl('kubectl auth can-i --list').stdout).toBe(`${admin}\n`);
  });

  it('describe clusterrolebinding has the reference layout', () => {
    const reference = blockAfter('`kubectl describe clusterrolebinding system:node-health-binding`');
    const ours = live.kubectl('kubectl describe clusterrolebinding storefront-ops').stdout;
    const shape = (s: string) =>
      s.split('\n').map((line) => line.replace(/\S+/g, 'x').replace(/x( x)*/g, 'x'));
    expect(shape(ours.trimEnd()).slice(0, 7)).toEqual(shape(reference).slice(0, 7));
  });

  it('error texts are the reference ones', () => {
    const errors = blockAfter('## 12. Error messages (exact text)');
    expect(errors).toContain(live.kubectl('kubectl get deploy storefrnt -n shop').stderr.trimEnd());
    expect(errors).toContain(live.kubectl('kubectl get podz').stderr.trimEnd());
    expect(errors).toContain(live.kubectl('kubectl get roles -n shop').stderr.trimEnd());
    expect(errors).toContain(
      live.kubectl('kubectl exec -n shop storefront-7d9c6b8f5-7d7n6 -c php -- id').stderr.trimEnd(),
    );
  });
});
