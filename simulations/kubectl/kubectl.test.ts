import { beforeAll, describe, expect, it } from 'vitest';
import type { LiveCluster } from '../live/liveCluster';
import { splitCommandLine } from './argv';
import { webShellCluster } from './testCluster';

let live: LiveCluster;

beforeAll(async () => {
  live = await webShellCluster();
}, 60_000);

describe('the command line', () => {
  it('splits words as a shell does', () => {
    expect(splitCommandLine(`kubectl exec p -- sh -c 'echo "a b"' x\\ y`).words).toEqual([
      'kubectl',
      'exec',
      'p',
      '--',
      'sh',
      '-c',
      'echo "a b"',
      'x y',
    ]);
    expect(live.kubectl("kubectl get 'pods").stderr).toBe(
      "bash: unexpected EOF while looking for matching `''\n",
    );
  });

  it('takes flags before or after the command, in every pflag form', () => {
    const a = live.kubectl('kubectl -n shop get pods -o name').stdout;
    expect(live.kubectl('kubectl get pods --namespace=shop --output name').stdout).toBe(a);
    expect(live.kubectl('kubectl get pods -nshop -oname').stdout).toBe(a);
  });

  it('answers unknown commands, flags and programs as kubectl and bash do', () => {
    expect(live.kubectl('kubectl gett pods')).toMatchObject({
      stderr:
        'error: unknown command "gett" for "kubectl"\n\nDid you mean this?\n\tget\n\tset\n\nRun \'kubectl --help\' for usage.\n',
      exitCode: 1,
    });
    expect(live.kubectl('kubectl frobnicate').stderr).toBe(
      'error: unknown command "frobnicate" for "kubectl"\nRun \'kubectl --help\' for usage.\n',
    );
    expect(live.kubectl('kubectl get pods --bogus').stderr).toBe(
      "error: unknown flag: --bogus\nSee 'kubectl get --help' for usage.\n",
    );
    expect(live.kubectl('kubectl get pods -z').stderr).toBe(
      "error: unknown shorthand flag: 'z' in -z\nSee 'kubectl get --help' for usage.\n",
    );
    expect(live.kubectl('kubectl get pods -n').stderr).toBe(
      "error: flag needs an argument: 'n' in -n\nSee 'kubectl get --help' for usage.\n",
    );
    expect(live.kubectl('kubectl get pods -w').stderr).toBe(
      'error: -w is a kubectl flag this simulated cluster does not support\n',
    );
    expect(live.kubectl('kubectl logs x --since=1h').stderr).toBe(
      'error: --since is a kubectl flag this simulated cluster does not support\n',
    );
    expect(live.kubectl('kubectl get pods --context=prod').stderr).toBe(
      'error: context "prod" does not exist\n',
    );
    expect(live.kubectl('kubectl get pods x -A').stderr).toBe(
      'error: a resource cannot be retrieved by name across all namespaces\n',
    );
    expect(live.kubectl('ls -la')).toMatchObject({ stderr: 'bash: ls: command not found\n', exitCode: 127 });
    expect(live.kubectl('kubectl port-forward svc/x 8080').stderr).toBe(
      'error: "kubectl port-forward" is not available in this simulated cluster\'s terminal\n',
    );
  });

  it('version, config current-context and help', () => {
    expect(live.kubectl('kubectl version').stdout).toBe(
      'Client Version: v1.30.2\nKustomize Version: v5.0.4-0.20230601165947-6ce0bf390ce3\nServer Version: v1.30.6\n',
    );
    expect(live.kubectl('kubectl config current-context').stdout).toBe('aks-contoso-prod\n');
    const help = live.kubectl('kubectl help').stdout;
    expect(help.startsWith('kubectl controls the Kubernetes cluster manager.\n')).toBe(true);
    for (const command of [
      'get',
      'describe',
      'logs',
      'exec',
      'auth',
      'delete',
      'cordon',
      'uncordon',
      'label',
      'apply',
      'top',
    ])
      expect(help).toMatch(new RegExp(`\\n  ${command} +\\S`));
    expect(live.kubectl('kubectl').stdout).toBe(help);
  });

  it('writes no audit row for what never reaches the API server', () => {
    expect(live.kubectl('kubectl get podz').rows).toEqual({});
    expect(live.kubectl('kubectl version --client').rows).toEqual({});
  });
});

describe('completion', () => {
  it('completes subcommands, resource types, names in the namespace, namespaces and flags', () => {
    expect(live.complete('kubectl de')).toEqual(['delete', 'describe']);
    expect(live.complete('kubectl get dep')).toEqual(['deploy', 'deployment', 'deployments']);
    expect(live.complete('kubectl get pods -n shop store')).toHaveLength(3);
    expect(live.complete('kubectl get deploy -n shop ')).toEqual(['catalog-api', 'shop-db', 'storefront']);
    expect(live.complete('kubectl get pods -n ku')).toEqual([
      'kube-node-lease',
      'kube-public',
      'kube-system',
      'kubernetes-dashboard',
    ]);
    expect(live.complete('kubectl logs -n shop shop')).toEqual([expect.stringMatching(/^shop-db-/)]);
    expect(live.complete('kubectl get pods --no')).toEqual(['--no-headers']);
    expect(live.complete('kubectl cordon aks-nodepool1-38425911-vmss00000')).toHaveLength(3);
    const pod = live.complete('kubectl exec -n shop storefront')[0]!;
    expect(live.complete(`kubectl exec -n shop ${pod} -c `)).toEqual(['nginx', 'php-fpm']);
    expect(live.complete('kubectl apply -f node')).toEqual(['node-debugger.yaml']);
    expect(live.complete('kubectl top ')).toEqual(['node', 'pod']);
  });
});
