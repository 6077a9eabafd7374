import { beforeAll, describe, expect, it } from 'vitest';
import type { LiveCluster } from '../live/liveCluster';
import { names, webShellCluster } from './testCluster';

let live: LiveCluster;
let storefront: string;

beforeAll(async () => {
  live = await webShellCluster();
  storefront = names(live.kubectl('kubectl get pods -n shop -l app=storefront').stdout)[0]!;
}, 60_000);

describe('kubectl logs', () => {
  it("prints the container's lines, and says which container it defaulted to", () => {
    const result = live.kubectl(`kubectl logs ${storefront} -n shop --tail=3`);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe('Defaulted container "nginx" out of: nginx, php-fpm\n');
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    // The app's nginx logs the ingress controller's address, the shopper in X-Forwarded-For.
    for (const line of lines)
      expect(line).toMatch(
        /^10\.244\.\d+\.\d+ - - \[\d\d\/\w{3}\/2026:\d\d:\d\d:\d\d \+0000\] "\w+ \S+ HTTP\/1\.1" \d{3} /,
      );
    expect(result.transcript.startsWith('Defaulted container')).toBe(true);
  });

  it('-c picks the container; --timestamps and --prefix decorate each line', () => {
    const lines = live
      .kubectl(`kubectl logs ${storefront} -n shop -c php-fpm --tail=2 --timestamps --prefix`)
      .stdout.trimEnd()
      .split('\n');
    expect(lines).toHaveLength(2);
    for (const line of lines)
      expect(line).toMatch(
        new RegExp(
          `^\\[pod/${storefront}/php-fpm\\] 2026-03-0[23]T\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z 10\\.244\\.\\d+\\.\\d+ - {2}\\d\\d/\\w{3}/2026:`,
        ),
      );
  });

  it("--all-containers prints both containers' logs", () => {
    const all = live.kubectl(`kubectl logs ${storefront} -n shop --all-containers --tail=1`);
    expect(all.stderr).toBe('');
    expect(all.stdout.trimEnd().split('\n')).toHaveLength(2);
  });

  it('deploy/NAME picks one of its pods and says so', () => {
    const result = live.kubectl('kubectl logs deploy/storefront -n shop -c nginx --tail=1');
    expect(result.stderr).toBe(`Found 3 pods, using pod/${storefront}\n`);
  });

  it('--previous needs a terminated instance; a wrong container or pod is an error', () => {
    expect(live.kubectl(`kubectl logs ${storefront} -n shop -c nginx --previous`).stderr).toBe(
      `Error from server (BadRequest): previous terminated container "nginx" in pod "${storefront}" not found\n`,
    );
    expect(live.kubectl(`kubectl logs ${storefront} -n shop -c php`).stderr).toBe(
      `Error from server (BadRequest): container php is not valid for pod ${storefront}\n`,
    );
    const missing = live.kubectl('kubectl logs nope -n shop');
    expect([missing.stderr, missing.exitCode]).toEqual([
      'Error from server (NotFound): pods "nope" not found\n',
      1,
    ]);
  });

  it('each read is a get on pods/log in the audit log', () => {
    const rows = live.kubectl(`kubectl logs ${storefront} -n shop -c nginx --tail=1`).rows.AKSAudit!;
    expect(rows.map((r) => r.RequestUri)).toEqual([
      `/api/v1/namespaces/shop/pods/${storefront}/log?container=nginx&tailLines=1`,
    ]);
  });
});
