import type { PodState } from '../cluster/podState';
import { hashString } from '../core/random';
import { pickContainer } from './exec';
import type { ParsedArgs } from './flags';
import type { KubectlHost } from './host';
import { resolveResource } from './resources';
import { fail, serverError, type CommandOutput } from './result';

export const LOGS_FLAGS = [
  'container',
  'previous',
  'all-containers',
  'tail',
  'timestamps',
  'prefix',
  'selector',
];

/** RFC 3339 with nanoseconds, as the kubelet stamps each line it receives. */
function nanoTimestamp(ms: number, text: string): string {
  const base = new Date(ms).toISOString().slice(0, 23);
  return `${base}${String(hashString(text) % 1_000_000).padStart(6, '0')}Z`;
}

/** Resolves `x`, `pod/x`, `deploy/x`, `ds/x` to one pod (kubectl picks the first of a controller's pods). */
function resolveTarget(
  host: KubectlHost,
  word: string,
  namespace: string,
): { pod?: PodState; notice: string; error?: string } {
  const slash = word.indexOf('/');
  if (slash === -1 || /^pods?$|^po$/.test(word.slice(0, slash))) {
    const name = slash === -1 ? word : word.slice(slash + 1);
    const pod = [...host.world.pods.values()].find((p) => p.name === name && p.namespace === namespace);
    return pod ? { pod, notice: '' } : { notice: '', error: `pods "${name}" not found` };
  }
  const type = resolveResource(word.slice(0, slash));
  const name = word.slice(slash + 1);
  if (!type || !['deployments', 'daemonsets', 'replicasets'].includes(type.plural))
    return {
      notice: '',
      error: `cannot get the logs from ${type ? `*${type.kind.toLowerCase()}` : word.slice(0, slash)}`,
    };
  const pods = [...host.world.pods.values()]
    .filter(
      (p) =>
        p.namespace === namespace &&
        p.phase !== 'Terminating' &&
        (type.plural === 'replicasets'
          ? p.controllerName === name
          : p.workload?.name === name && p.workload.kind.toLowerCase() === type.singular),
    )
    .sort((a, b) => a.name.localeCompare(b.name));
  if (pods.length === 0) return { notice: '', error: `${type.plural}.${type.group} "${name}" not found` };
  return {
    pod: pods[0],
    notice: pods.length > 1 ? `Found ${pods.length} pods, using pod/${pods[0]!.name}\n` : '',
  };
}

export function logs(host: KubectlHost, args: ParsedArgs): CommandOutput {
  const [target, containerWord] = args.positionals;
  if (!target)
    return fail(
      `error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n`,
    );
  const namespace = args.flags.get('namespace') ?? 'default';
  const as = args.flags.get('as');
  const tailText = args.flags.get('tail');
  const tail = tailText === undefined ? -1 : Number(tailText);
  if (!Number.isInteger(tail))
    return fail(
      `error: invalid argument "${tailText}" for "--tail" flag: strconv.ParseInt: parsing "${tailText}": invalid syntax\n`,
    );
  const resolved = resolveTarget(host, target, namespace);
  if (!resolved.pod) {
    const name = target.slice(target.indexOf('/') + 1);
    const outcome = host.request(
      { verb: 'get', resource: 'pods', namespace, name, code: 404, message: resolved.error },
      as,
    );
    return fail(serverError(outcome.code, outcome.message ?? resolved.error ?? ''));
  }
  const pod = resolved.pod;
  const all = args.flags.has('all-containers');
  const picked = pickContainer(pod, args.flags.get('container') ?? containerWord);
  const containers = all ? pod.containers.map((c) => c.spec.name) : [picked.name];
  const notice = `${resolved.notice}${all ? '' : picked.notice}`;
  const previous = args.flags.has('previous');
  let stdout = '';
  for (const container of containers) {
    const outcome = host.request(
      {
        verb: 'get',
        resource: 'pods',
        subresource: 'log',
        namespace,
        name: pod.name,
        query: `container=${container}${previous ? '&previous=true' : ''}${tail >= 0 ? `&tailLines=${tail}` : ''}`,
      },
      as,
    );
    if (outcome.code >= 400) return fail(`${notice}${serverError(outcome.code, outcome.message ?? '')}`);
    if (!pod.containers.some((c) => c.spec.name === container))
      return fail(`${notice}${serverError(400, `container ${container} is not valid for pod ${pod.name}`)}`);
    const state = pod.containers.find((c) => c.spec.name === container)!;
    if (!previous && state.status === 'waiting' && state.startedAt === undefined)
      return fail(
        `${notice}${serverError(400, `container "${container}" in pod "${pod.name}" is waiting to start: ${state.reason || 'ContainerCreating'}`)}`,
      );
    const lines = host.logs.lines(pod, container, host.now(), previous);
    if (!lines)
      return fail(
        `${notice}${serverError(400, `previous terminated container "${container}" in pod "${pod.name}" not found`)}`,
      );
    const shown = tail >= 0 ? lines.slice(Math.max(0, lines.length - tail)) : lines;
    for (const line of shown) {
      const prefix = args.flags.has('prefix') ? `[pod/${pod.name}/${container}] ` : '';
      const stamp = args.flags.has('timestamps') ? `${nanoTimestamp(line.time, line.text)} ` : '';
      stdout += `${prefix}${stamp}${line.text}\n`;
    }
  }
  return { stdout, stderr: notice, exitCode: 0, lead: notice };
}
