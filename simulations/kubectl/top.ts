import type { PodState } from '../cluster/podState';
import { hashString } from '../core/random';
import { MINUTE } from '../core/time';
import type { ParsedArgs } from './flags';
import type { KubectlHost } from './host';
import { fail, ok, serverError, type CommandOutput } from './result';
import { TOP_TABS, tabulate } from './tabwriter';
import { stillRunning } from './container/processes';

export const TOP_FLAGS = ['all-namespaces', 'containers', 'no-headers', 'selector', 'sort-by'];

const ALLOCATABLE_MILLICORES = 3860;
const ALLOCATABLE_MIB = 12579;

/** A container's usage in the current metrics window (metrics-server scrapes every 60 s). */
function usage(pod: PodState, container: string, now: number): { cpu: number; memory: number } {
  const window = Math.floor(now / MINUTE);
  const seed = hashString(`${pod.uid}/${container}/${window}`);
  const processes = (pod.runtime?.processes ?? []).filter(stillRunning);
  // A miner pins every core it can get; nothing else in this cluster comes close.
  const mining = processes.some((p) => /xmrig|stratum\d?\+(tcp|ssl)/.test(p.cmdline));
  if (mining) return { cpu: 3820 + (seed % 80), memory: 2290 + (seed % 40) };
  const base = hashString(`${pod.workload?.name ?? pod.name}/${container}`);
  return { cpu: 1 + (base % 12) + (seed % 4), memory: 8 + (base % 90) + (seed % 6) };
}

function hasMetrics(pod: PodState, now: number): boolean {
  return pod.phase === 'Running' && pod.startedAt !== undefined && now - pod.startedAt >= MINUTE;
}

function podLines(
  host: KubectlHost,
  pods: PodState[],
  allNamespaces: boolean,
  containers: boolean,
): string[] {
  const now = host.now();
  const rows: string[] = [];
  for (const pod of pods) {
    const perContainer = pod.containers.map((c) => ({ name: c.spec.name, ...usage(pod, c.spec.name, now) }));
    const lead = allNamespaces ? [pod.namespace] : [];
    if (containers)
      for (const c of perContainer)
        rows.push([...lead, pod.name, c.name, `${c.cpu}m`, `${c.memory}Mi`].join('\t'));
    else {
      const cpu = perContainer.reduce((s, c) => s + c.cpu, 0);
      const memory = perContainer.reduce((s, c) => s + c.memory, 0);
      rows.push([...lead, pod.name, `${cpu}m`, `${memory}Mi`].join('\t'));
    }
  }
  return rows;
}

export function top(host: KubectlHost, args: ParsedArgs): CommandOutput {
  const [what, name] = args.positionals;
  const now = host.now();
  const as = args.flags.get('as');
  const noHeaders = args.flags.has('no-headers');
  if (what === 'pod' || what === 'pods' || what === 'po') {
    const allNamespaces = args.flags.has('all-namespaces');
    const namespace = args.flags.get('namespace') ?? 'default';
    const outcome = host.request(
      {
        verb: name ? 'get' : 'list',
        resource: 'pods',
        apiGroup: 'metrics.k8s.io',
        apiVersion: 'v1beta1',
        namespace: allNamespaces ? undefined : namespace,
        name,
      },
      as,
    );
    if (outcome.code >= 400) return fail(serverError(outcome.code, outcome.message ?? ''));
    let pods = [...host.world.pods.values()]
      .filter((p) => (allNamespaces || p.namespace === namespace) && (!name || p.name === name))
      .sort((a, b) =>
        a.namespace === b.namespace ? a.name.localeCompare(b.name) : a.namespace.localeCompare(b.namespace),
      );
    if (name && pods.length === 0) return fail(serverError(404, `pods "${name}" not found`));
    if (name && !hasMetrics(pods[0]!, now))
      return fail(
        `error: Metrics not available for pod ${namespace}/${name}, age: ${Math.max(0, Math.round((now - pods[0]!.createdAt) / 1000))}s\n`,
      );
    pods = pods.filter((p) => hasMetrics(p, now));
    if (pods.length === 0)
      return ok('', `No resources found${allNamespaces ? '' : ` in ${namespace} namespace`}.\n`);
    const containers = args.flags.has('containers');
    const header = [
      ...(allNamespaces ? ['NAMESPACE'] : []),
      ...(containers ? ['POD', 'NAME'] : ['NAME']),
      'CPU(cores)',
      'MEMORY(bytes)',
    ].join('\t');
    let rows = podLines(host, pods, allNamespaces, containers);
    const sortBy = args.flags.get('sort-by');
    if (sortBy === 'cpu' || sortBy === 'memory') {
      const column = (allNamespaces ? 1 : 0) + (containers ? 1 : 0) + (sortBy === 'cpu' ? 1 : 2);
      rows = [...rows].sort(
        (a, b) => parseInt(b.split('\t')[column]!, 10) - parseInt(a.split('\t')[column]!, 10),
      );
    }
    return ok(`${tabulate([...(noHeaders ? [] : [header]), ...rows], TOP_TABS)}\n`);
  }
  if (what === 'node' || what === 'nodes' || what === 'no') {
    const outcome = host.request(
      {
        verb: name ? 'get' : 'list',
        resource: 'nodes',
        apiGroup: 'metrics.k8s.io',
        apiVersion: 'v1beta1',
        name,
      },
      as,
    );
    if (outcome.code >= 400) return fail(serverError(outcome.code, outcome.message ?? ''));
    const nodes = host.world.nodes.filter((n) => !name || n.name === name);
    if (nodes.length === 0) return fail(serverError(404, `nodes "${name}" not found`));
    const rows = nodes.map((node) => {
      let cpu = 180 + (hashString(`${node.name}/${Math.floor(now / MINUTE)}`) % 60);
      let memory = 1900 + (hashString(node.name) % 300);
      for (const pod of host.world.pods.values()) {
        if (pod.node !== node || !hasMetrics(pod, now)) continue;
        for (const c of pod.containers) {
          const u = usage(pod, c.spec.name, now);
          cpu += u.cpu;
          memory += u.memory;
        }
      }
      cpu = Math.min(cpu, 4000);
      return [
        node.name,
        `${cpu}m`,
        `${Math.round((cpu / ALLOCATABLE_MILLICORES) * 100)}%`,
        `${memory}Mi`,
        `${Math.round((memory / ALLOCATABLE_MIB) * 100)}%`,
      ].join('\t');
    });
    const header = 'NAME\tCPU(cores)\tCPU(%)\tMEMORY(bytes)\tMEMORY(%)';
    return ok(`${tabulate([...(noHeaders ? [] : [header]), ...rows], TOP_TABS)}\n`);
  }
  if (what === undefined)
    return ok(
      'Display resource (CPU/memory) usage.\n\nAvailable Commands:\n  node          Display resource (CPU/memory) usage of nodes\n  pod           Display resource (CPU/memory) usage of pods\n\nUsage:\n  kubectl top [flags] [options]\n',
    );
  return fail(`error: unknown command "${what}" for "kubectl top"\nRun 'kubectl top --help' for usage.\n`);
}
