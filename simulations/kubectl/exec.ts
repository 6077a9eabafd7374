import type { PodState } from '../cluster/podState';
import { fileTree, cat, ls, mounts } from './container/files';
import { envOutput, idOutput } from './container/identity';
import { busyboxPs, psAux, visibleProcesses } from './container/processes';
import { ssOutput } from './container/sockets';
import type { ParsedArgs } from './flags';
import type { KubectlHost } from './host';
import { fail, serverError, type CommandOutput } from './result';

export const EXEC_FLAGS = ['container', 'stdin', 'tty', 'quiet'];

/** Finds the pod named `pod/x` or `x` in the namespace; the message kubectl prints when there is none. */
function findPod(host: KubectlHost, word: string, namespace: string): PodState | undefined {
  const name = word.replace(/^(pods?|po)\//, '');
  return [...host.world.pods.values()].find((p) => p.name === name && p.namespace === namespace);
}

/** The container kubectl picks: -c, the default-container annotation, else the first (with a notice). */
export function pickContainer(
  pod: PodState,
  requested: string | undefined,
): { name: string; notice: string } {
  if (requested) return { name: requested, notice: '' };
  const names = pod.containers.map((c) => c.spec.name);
  return {
    name: names[0]!,
    notice: names.length > 1 ? `Defaulted container "${names[0]}" out of: ${names.join(', ')}\n` : '',
  };
}

function isBusybox(pod: PodState, container: string): boolean {
  const image = pod.containers.find((c) => c.spec.name === container)?.image ?? '';
  return /busybox|alpine/.test(image);
}

/** Runs a program in the container from the runtime model; what it prints and its exit status. */
function runProgram(
  host: KubectlHost,
  pod: PodState,
  container: string,
  argv: string[],
  self: { pid: number; user: string; tty: boolean },
): { stdout: string; stderr: string; exitCode: number } {
  const [program, ...args] = argv as [string, ...string[]];
  const name = program.slice(program.lastIndexOf('/') + 1);
  const now = host.now();
  const view = { pod, container, now };
  switch (name) {
    case 'ps': {
      const processes = visibleProcesses(host.world, pod, container);
      return {
        stdout: isBusybox(pod, container) ? busyboxPs(processes, self) : psAux(processes, self, now),
        stderr: '',
        exitCode: 0,
      };
    }
    case 'ss': {
      const flags = args.filter((a) => a.startsWith('-')).join('');
      return { stdout: ssOutput(host.world, pod, container, flags), stderr: '', exitCode: 0 };
    }
    case 'ls':
      return ls(view, args, pod.createdAt);
    case 'cat':
      return cat(view, args);
    case 'env':
    case 'printenv':
      return { stdout: envOutput(pod, host.world.services), stderr: '', exitCode: 0 };
    case 'mount':
      return { stdout: mounts(view), stderr: '', exitCode: 0 };
    case 'id':
      return { stdout: idOutput(self.user), stderr: '', exitCode: 0 };
    case 'whoami':
      return { stdout: `${self.user}\n`, stderr: '', exitCode: 0 };
    case 'hostname':
      return { stdout: `${pod.template.hostNetwork ? pod.node.name : pod.name}\n`, stderr: '', exitCode: 0 };
    case 'test':
      return {
        stdout: '',
        stderr: '',
        exitCode: args[0] === '-e' && fileTree(view).has(args[1] ?? '') ? 0 : 1,
      };
    default:
      return {
        stdout: '',
        stderr: `error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${host.world.random.hex(64)}": OCI runtime exec failed: exec failed: unable to start container process: exec: "${program}": executable file not found in $PATH: unknown\n`,
        exitCode: 1,
      };
  }
}

/** The user a container's processes run as: its securityContext's runAsUser, or its main process's user. */
function containerUser(pod: PodState, container: string): string {
  const spec = pod.containers.find((c) => c.spec.name === container)?.spec;
  const runAs = (spec?.securityContext as { runAsUser?: number } | undefined)?.runAsUser;
  if (runAs !== undefined) return String(runAs);
  return 'root';
}

export function exec(host: KubectlHost, args: ParsedArgs): CommandOutput {
  const [podWord, ...extra] = args.positionals;
  if (!podWord)
    return fail(
      `error: expected 'exec POD_NAME COMMAND [ARG1] [ARG2] ... [ARGN]'.\nPOD_NAME and COMMAND are required arguments for the exec command\nSee 'kubectl exec -h' for help and examples\n`,
    );
  if (!args.rest)
    return fail(
      extra.length > 0
        ? `error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n`
        : `error: you must specify at least one command for the container\n`,
    );
  if (args.rest.length === 0) return fail(`error: you must specify at least one command for the container\n`);
  const namespace = args.flags.get('namespace') ?? 'default';
  const as = args.flags.get('as');
  const pod = findPod(host, podWord, namespace);
  const podName = podWord.replace(/^(pods?|po)\//, '');
  if (!pod) {
    const outcome = host.request(
      {
        verb: 'get',
        resource: 'pods',
        namespace,
        name: podName,
        code: 404,
        message: `pods "${podName}" not found`,
      },
      as,
    );
    return fail(serverError(outcome.code, outcome.message ?? `pods "${podName}" not found`));
  }
  // kubectl reads the pod first, to choose the container and check it runs.
  const read = host.request({ verb: 'get', resource: 'pods', namespace, name: pod.name }, as);
  if (read.code >= 400) return fail(serverError(read.code, read.message ?? ''));
  const { name: container, notice } = pickContainer(pod, args.flags.get('container'));
  if (pod.phase === 'Succeeded' || pod.phase === 'Failed')
    return fail(
      `${notice}error: cannot exec into a container in a completed pod; current phase is ${pod.phase}\n`,
    );
  if (!pod.containers.some((c) => c.spec.name === container))
    return fail(`${notice}error: unable to upgrade connection: container not found ("${container}")\n`);
  const state = pod.containers.find((c) => c.spec.name === container)!;
  if (pod.phase !== 'Running' || state.status !== 'running' || !pod.runtime)
    return fail(`${notice}error: unable to upgrade connection: container not found ("${container}")\n`);
  if (as) {
    const allowed = host.request(
      { verb: 'create', resource: 'pods', subresource: 'exec', namespace, name: pod.name },
      as,
    );
    if (allowed.code === 403) return fail(`${notice}${serverError(403, allowed.message ?? '')}`);
  }
  const tty = args.flags.has('tty');
  const user = containerUser(pod, container);
  const process = host.world.exec(pod, host.learner, args.rest, { container, tty, user });
  if (!process)
    return fail(`${notice}error: unable to upgrade connection: container not found ("${container}")\n`);
  const result = runProgram(host, pod, container, args.rest, { pid: process.pid + 6, user, tty });
  // What the program read is a file access the runtime sensor sees (reading a kubeconfig raises an alert).
  if (/(^|\/)cat$/.test(args.rest[0]!) && result.exitCode === 0)
    for (const path of args.rest.slice(1).filter((a) => !a.startsWith('-')))
      host.world.accessFile({ pod, container }, process, path, 'read');
  // The program has exited: it is no longer one of the container's processes.
  const index = pod.runtime?.processes.indexOf(process) ?? -1;
  if (index >= 0) pod.runtime!.processes.splice(index, 1);
  const quiet = args.flags.has('quiet');
  const status =
    result.exitCode !== 0 && !result.stderr.startsWith('error:')
      ? `command terminated with exit code ${result.exitCode}\n`
      : '';
  return {
    stdout: result.stdout,
    stderr: `${quiet ? '' : notice}${result.stderr}${status}`,
    exitCode: result.exitCode,
    lead: quiet ? '' : notice,
  };
}
