import type { PodState } from '../cluster/podState';
import { fileTree, cat, ls, mounts } from './container/files';
import { envOutput, idOutput } from './container/identity';
import { applyFilter } from './container/filters';
import { busyboxPs, psAux, visibleProcesses } from './container/processes';
import { splitCommandLine } from './argv';
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

const SIMULATED_PROGRAMS =
  'ps, ss, ls, cat, env, printenv, mount, id, whoami, hostname, test, and sh -c pipelines';

/** Programs found in most images, which a learner may reasonably try. */
const COMMON_TOOLS = new Set([
  'netstat',
  'ip',
  'ifconfig',
  'chroot',
  'nsenter',
  'curl',
  'wget',
  'find',

  'uname',
  'df',
  'du',
  'top',
  'kill',
  'pkill',
  'crontab',
  'history',
  'lsof',
  'file',
  'stat',
  'sha256sum',
  'md5sum',
  'python3',
  'python',
  'perl',
  'apt',
  'apt-get',
  'apk',
  'echo',
  'date',
  'uptime',
  'w',
  'who',
  'last',
  'getent',
  'readlink',
]);

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
  const view = { pod, container, now, volumes: host.volumes };
  switch (name) {
    case 'sh':
    case 'bash':
    case 'ash': {
      if (args[0] !== '-c' || args[1] === undefined)
        return {
          stdout: '',
          stderr: `error: the simulated terminal runs one command per exec (an interactive ${name} needs a real terminal): use kubectl exec POD -- ${name} -c 'COMMAND'\n`,
          exitCode: 1,
        };
      return runPipeline(host, pod, container, args[1], self);
    }
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
    case 'grep':
    case 'head':
    case 'tail':
    case 'wc':
    case 'sort': {
      // The filters read files too: `grep root /etc/passwd`, `tail -n 5 /etc/hosts`.
      const positional = args.filter(
        (a, i) => !a.startsWith('-') && !(args[i - 1] === '-n' && /^\d+$/.test(a)),
      );
      const files = name === 'grep' ? positional.slice(1) : positional;
      if (files.length === 0)
        return { stdout: '', stderr: `${name}: reading standard input is not simulated\n`, exitCode: 2 };
      const read = cat(view, files);
      const filtered = applyFilter([name, ...args.filter((a) => !files.includes(a))], read.stdout);
      return {
        stdout: filtered.output,
        stderr: read.stderr + (filtered.error ?? ''),
        exitCode: read.exitCode || filtered.status,
      };
    }
    default:
      // A program the image surely has but the simulation does not run is said to be so, not to be missing.
      if (COMMON_TOOLS.has(name))
        return {
          stdout: '',
          stderr: `error: the simulated container does not run "${name}"; it runs ${SIMULATED_PROGRAMS}\n`,
          exitCode: 1,
        };
      return {
        stdout: '',
        stderr: `error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${host.world.random.hex(64)}": OCI runtime exec failed: exec failed: unable to start container process: exec: "${program}": executable file not found in $PATH: unknown\n`,
        exitCode: 1,
      };
  }
}

/** `sh -c 'program args | filter | filter'`: the program from the runtime model, then the text filters. */
function runPipeline(
  host: KubectlHost,
  pod: PodState,
  container: string,
  script: string,
  self: { pid: number; user: string; tty: boolean },
): { stdout: string; stderr: string; exitCode: number } {
  const stages = script.split('|').map((stage) => splitCommandLine(stage.trim()).words);
  if (stages.some((words) => words.length === 0))
    return { stdout: '', stderr: `sh: 1: Syntax error: "|" unexpected\n`, exitCode: 2 };
  const first = runProgram(host, pod, container, stages[0]!, self);
  let stdout = first.stdout;
  let stderr = first.stderr;
  let exitCode = first.exitCode;
  for (const words of stages.slice(1)) {
    const filtered = applyFilter(words, stdout);
    stdout = filtered.output;
    stderr += filtered.error ?? '';
    exitCode = filtered.status;
  }
  return { stdout, stderr, exitCode };
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
  // The program runs and exits within this call: its own `ps` line is printed by `ps`, not listed from the model.
  const index = pod.runtime?.processes.indexOf(process) ?? -1;
  if (index >= 0) pod.runtime!.processes.splice(index, 1);
  const result = runProgram(host, pod, container, args.rest, { pid: process.pid + 6, user, tty });
  // What the program read is a file access the runtime sensor sees (reading a kubeconfig raises an alert).
  if (/(^|\/)cat$/.test(args.rest[0]!) && result.exitCode === 0)
    for (const path of args.rest.slice(1).filter((a) => !a.startsWith('-')))
      host.world.accessFile({ pod, container }, process, path, 'read');
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
