import { CLUSTER_NAME, KUBERNETES_VERSION, USER_AGENT } from '../cluster/constants';
import { splitCommandLine } from './argv';
import { FlagError, parseArgs, type ParsedArgs } from './flags';
import { AUTH_FLAGS, auth } from './auth';
import { describe } from './describe';
import { EXEC_FLAGS, exec } from './exec';
import { GET_FLAGS, get } from './get';
import { LOGS_FLAGS, logs } from './logs';
import { APPLY_FLAGS, CREATE_FLAGS, DELETE_FLAGS, apply, cordon, create, deletePods, label } from './mutate';
import { TOP_FLAGS, top } from './top';
import type { KubectlHost } from './host';
import { fail, ok, type CommandOutput } from './result';

export interface Command {
  /** Flags the command accepts besides the global ones. */
  flags: string[];
  run(host: KubectlHost, args: ParsedArgs, input: { stdin?: string }): CommandOutput;
  summary: string;
  group: string;
}

const CLIENT_VERSION = USER_AGENT.kubectl.split(' ')[0]!.replace('kubectl/', '');

/** The commands the simulated kubectl knows; the rest of kubectl's are answered as unknown. */
export const COMMANDS: Record<string, Command> = {
  get: {
    flags: GET_FLAGS,
    run: get,
    summary: 'Display one or many resources',
    group: 'Basic Commands (Intermediate)',
  },
  create: {
    flags: CREATE_FLAGS,
    run: create,
    summary: 'Create a resource from a file or from stdin',
    group: 'Basic Commands (Beginner)',
  },
  delete: {
    flags: DELETE_FLAGS,
    run: deletePods,
    summary: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
    group: 'Basic Commands (Intermediate)',
  },
  describe: {
    flags: ['selector', 'all-namespaces'],
    run: describe,
    summary: 'Show details of a specific resource or group of resources',
    group: 'Troubleshooting and Debugging Commands',
  },
  logs: {
    flags: LOGS_FLAGS,
    run: logs,
    summary: 'Print the logs for a container in a pod',
    group: 'Troubleshooting and Debugging Commands',
  },
  exec: {
    flags: EXEC_FLAGS,
    run: exec,
    summary: 'Execute a command in a container',
    group: 'Troubleshooting and Debugging Commands',
  },
  auth: {
    flags: AUTH_FLAGS,
    run: auth,
    summary: 'Inspect authorization',
    group: 'Troubleshooting and Debugging Commands',
  },
  top: {
    flags: TOP_FLAGS,
    run: top,
    summary: 'Display resource (CPU/memory) usage',
    group: 'Cluster Management Commands',
  },
  cordon: {
    flags: [],
    run: cordon(true),
    summary: 'Mark node as unschedulable',
    group: 'Cluster Management Commands',
  },
  uncordon: {
    flags: [],
    run: cordon(false),
    summary: 'Mark node as schedulable',
    group: 'Cluster Management Commands',
  },
  apply: {
    flags: APPLY_FLAGS,
    run: apply,
    summary: 'Apply a configuration to a resource by file name or stdin',
    group: 'Advanced Commands',
  },
  label: {
    flags: ['overwrite'],
    run: label,
    summary: 'Update the labels on a resource',
    group: 'Settings Commands',
  },
  version: {
    flags: ['client', 'output', 'short'],
    summary: 'Print the client and server version information',
    group: 'Other Commands',
    run: (_host, args) => {
      if (args.positionals.length > 0)
        return fail(`error: unexpected arguments: [${args.positionals.join(' ')}]\n`);
      const client = `Client Version: ${CLIENT_VERSION}\nKustomize Version: v5.0.4-0.20230601165947-6ce0bf390ce3\n`;
      return ok(args.flags.has('client') ? client : `${client}Server Version: ${KUBERNETES_VERSION}\n`);
    },
  },
  config: {
    flags: [],
    summary: 'Modify kubeconfig files',
    group: 'Settings Commands',
    run: (_host, args) => {
      const [sub] = args.positionals;
      if (sub === 'current-context') return ok(`${CLUSTER_NAME}\n`);
      if (sub === 'get-contexts')
        return ok(
          `CURRENT   NAME               CLUSTER            AUTHINFO                                     NAMESPACE\n*         ${CLUSTER_NAME}   ${CLUSTER_NAME}   clusterUser_rg-contoso-prod_${CLUSTER_NAME}   \n`,
        );
      if (sub === undefined)
        return fail(`error: Required subcommand not specified: current-context, get-contexts\n`);
      return fail(
        `error: unknown command "${sub}" for "kubectl config"\nRun 'kubectl config --help' for usage.\n`,
      );
    },
  },
};

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

/** Every command real kubectl has: a known one we do not simulate is refused plainly, not as a typo. */
const KUBECTL_COMMANDS = [
  'annotate',
  'api-resources',
  'api-versions',
  'apply',
  'attach',
  'auth',
  'autoscale',
  'certificate',
  'cluster-info',
  'completion',
  'config',
  'cordon',
  'cp',
  'create',
  'debug',
  'delete',
  'describe',
  'diff',
  'drain',
  'edit',
  'events',
  'exec',
  'explain',
  'expose',
  'get',
  'help',
  'kustomize',
  'label',
  'logs',
  'patch',
  'plugin',
  'port-forward',
  'proxy',
  'replace',
  'rollout',
  'run',
  'scale',
  'set',
  'taint',
  'top',
  'uncordon',
  'version',
  'wait',
];

function unknownCommand(name: string): CommandOutput {
  const suggestions = KUBECTL_COMMANDS.filter(
    (c) => distance(name, c) <= 2 || c.startsWith(name.toLowerCase()),
  );
  const hint =
    suggestions.length > 0 ? `\nDid you mean this?\n${suggestions.map((s) => `\t${s}\n`).join('')}\n` : '';
  return fail(`error: unknown command "${name}" for "kubectl"\n${hint}Run 'kubectl --help' for usage.\n`);
}

export function helpText(): string {
  const groups = new Map<string, [string, Command][]>();
  for (const [name, command] of Object.entries(COMMANDS)) {
    const list = groups.get(command.group) ?? [];
    list.push([name, command]);
    groups.set(command.group, list);
  }
  const order = [
    'Basic Commands (Beginner)',
    'Basic Commands (Intermediate)',
    'Cluster Management Commands',
    'Troubleshooting and Debugging Commands',
    'Advanced Commands',
    'Settings Commands',
    'Other Commands',
  ];
  const sections = order
    .filter((group) => groups.has(group))
    .map((group) => {
      const entries = groups.get(group)!;
      const width = Math.max(...entries.map(([name]) => name.length)) + 3;
      return `${group}:\n${entries.map(([name, c]) => `  ${name.padEnd(width)}${c.summary}`).join('\n')}\n`;
    });
  return `kubectl controls the Kubernetes cluster manager.\n\n Find more information at: https://kubernetes.io/docs/reference/kubectl/\n\n${sections.join('\n')}\nUsage:\n  kubectl [flags] [options]\n\nUse "kubectl <command> --help" for more information about a given command.\n`;
}

/** Runs one command line against the host. `kubectl` (or `k`) may lead the line. */
export function runKubectl(
  host: KubectlHost,
  commandLine: string,
  input: { stdin?: string } = {},
): CommandOutput {
  const split = splitCommandLine(commandLine.trim());
  if (split.error) return fail(`bash: ${split.error}\n`, 2);
  const words = split.words;
  if (words.length === 0) return ok('');
  const program = words[0]!;
  if (program !== 'kubectl' && program !== 'k') return fail(`bash: ${program}: command not found\n`, 127);
  let rest = words.slice(1);
  // Global flags may come before the command (`kubectl -n shop get pods`).
  const leading: string[] = [];
  while (rest.length > 0 && rest[0]!.startsWith('-') && rest[0] !== '--') {
    const word = rest[0]!;
    leading.push(word);
    rest = rest.slice(1);
    if (
      (word === '-n' || word === '--namespace' || word === '--as' || word === '--context') &&
      rest.length > 0
    ) {
      leading.push(rest[0]!);
      rest = rest.slice(1);
    }
  }
  const name = rest[0];
  if (name === undefined || name === 'help' || leading.includes('--help') || leading.includes('-h'))
    return ok(helpText());
  const command = COMMANDS[name];
  if (!command) {
    if (KUBECTL_COMMANDS.includes(name))
      return fail(`error: "kubectl ${name}" is not available in this simulated cluster's terminal\n`);
    return unknownCommand(name);
  }
  let args: ParsedArgs;
  try {
    args = parseArgs([...leading, ...rest.slice(1)], command.flags);
  } catch (error) {
    if (error instanceof FlagError)
      return fail(
        error.known
          ? `error: ${error.message}\n`
          : `error: ${error.message}\nSee 'kubectl ${name} --help' for usage.\n`,
      );
    throw error;
  }
  if (args.flags.has('help'))
    return ok(
      `${command.summary}.\n\nUsage:\n  kubectl ${name} [options]\n\nSupported flags: ${command.flags.map((f) => `--${f}`).join(', ')}\n`,
    );
  const context = args.flags.get('context');
  if (context !== undefined && context !== CLUSTER_NAME)
    return fail(`error: context "${context}" does not exist\n`);
  if (args.flags.has('namespace') && args.flags.get('namespace') === '')
    return fail('error: a namespace must be specified\n');
  return command.run(host, args, input);
}
