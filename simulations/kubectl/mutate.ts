import { evaluatePodSecurity, failureText, parsePolicyVersion, type PssLevel } from '../admission/pss';
import { PSS_LATEST_VERSION } from '../cluster/constants';
import { findManifest } from '../live/manifests/index';
import { readPodManifest } from '../live/podManifest';
import type { ParsedArgs } from './flags';
import type { KubectlHost } from './host';
import { resolveResource } from './resources';
import { fail, ok, serverError, type CommandOutput } from './result';

export const DELETE_FLAGS = ['selector', 'wait', 'now'];

/** `delete pod NAME…` (or `pod/NAME`): graceful, and the pod's controller makes a new one. */
export function deletePods(host: KubectlHost, args: ParsedArgs): CommandOutput {
  const words = args.positionals;
  if (words.length === 0)
    return fail(
      `error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n`,
    );
  const namespace = args.flags.get('namespace') ?? 'default';
  const as = args.flags.get('as');
  let names: string[];
  if (words[0]!.includes('/')) {
    const types = words.map((w) => resolveResource(w.split('/')[0]!));
    if (types.some((t) => !t))
      return fail(`error: the server doesn't have a resource type "${words[0]!.split('/')[0]}"\n`);
    const bindingType = types[0]!.plural;
    if (
      (bindingType === 'clusterrolebindings' || bindingType === 'rolebindings') &&
      types.every((t) => t === types[0])
    )
      return deleteBindings(
        host,
        args,
        bindingType === 'rolebindings',
        words.map((w) => w.slice(w.indexOf('/') + 1)),
      );
    if (types.some((t) => t!.plural !== 'pods'))
      return fail(`error: this simulated cluster deletes pods and role bindings only\n`);
    names = words.map((w) => w.slice(w.indexOf('/') + 1));
  } else {
    const type = resolveResource(words[0]!);
    if (!type) return fail(`error: the server doesn't have a resource type "${words[0]}"\n`);
    if ((type.plural === 'clusterrolebindings' || type.plural === 'rolebindings') && words.length > 1)
      return deleteBindings(host, args, type.plural === 'rolebindings', words.slice(1));
    if (type.plural !== 'pods')
      return fail(`error: this simulated cluster deletes pods and role bindings only\n`);
    names = words.slice(1);
    if (names.length === 0 && !args.flags.has('selector'))
      return fail(`error: resource(s) were provided, but no name was specified\n`);
  }
  const selector = args.flags.get('selector');
  if (selector)
    names = [...host.world.pods.values()]
      .filter(
        (p) =>
          p.namespace === namespace &&
          Object.entries(p.template.labels).some(([k, v]) => selector === `${k}=${v}`),
      )
      .map((p) => p.name);
  let stdout = '';
  let stderr = '';
  for (const name of names) {
    const pod = [...host.world.pods.values()].find((p) => p.name === name && p.namespace === namespace);
    if (!pod) {
      const outcome = host.request(
        { verb: 'delete', resource: 'pods', namespace, name, code: 404, message: `pods "${name}" not found` },
        as,
      );
      stderr += serverError(outcome.code, outcome.message ?? `pods "${name}" not found`);
      continue;
    }
    const outcome = host.deletePod(pod, as);
    if (outcome.code >= 400) stderr += serverError(outcome.code, outcome.message ?? '');
    else stdout += `pod "${name}" deleted\n`;
  }
  if (names.length === 0) return ok('', 'No resources found\n');
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
}

/** `cordon` / `uncordon NODE`: the node's spec.unschedulable, patched through the API server. */
export function cordon(unschedulable: boolean) {
  return (host: KubectlHost, args: ParsedArgs): CommandOutput => {
    const [word] = args.positionals;
    if (!word)
      return fail(
        `error: USAGE: ${unschedulable ? 'cordon' : 'uncordon'} NODE [flags]\nSee 'kubectl ${unschedulable ? 'cordon' : 'uncordon'} -h' for help and examples\n`,
      );
    const name = word.replace(/^(nodes?|no)\//, '');
    const node = host.world.nodes.find((n) => n.name === name);
    const as = args.flags.get('as');
    if (!node) {
      const outcome = host.request(
        { verb: 'get', resource: 'nodes', name, code: 404, message: `nodes "${name}" not found` },
        as,
      );
      return fail(serverError(outcome.code, outcome.message ?? `nodes "${name}" not found`));
    }
    const read = host.request({ verb: 'get', resource: 'nodes', name }, as);
    if (read.code >= 400) return fail(serverError(read.code, read.message ?? ''));
    if ((node.unschedulable ?? false) === unschedulable)
      return ok(`node/${name} already ${unschedulable ? 'cordoned' : 'uncordoned'}\n`);
    const outcome = host.request(
      {
        verb: 'patch',
        resource: 'nodes',
        name,
        requestObject: { spec: { unschedulable: unschedulable ? true : null } },
      },
      as,
    );
    if (outcome.code >= 400) return fail(serverError(outcome.code, outcome.message ?? ''));
    node.unschedulable = unschedulable;
    return ok(`node/${name} ${unschedulable ? 'cordoned' : 'uncordoned'}\n`);
  };
}

const PSS_PREFIX = 'pod-security.kubernetes.io/';
const LEVELS: readonly string[] = ['privileged', 'baseline', 'restricted'];

/** The API server's warnings when a namespace's enforce level changes: existing pods it would refuse. */
function enforceWarnings(host: KubectlHost, namespace: string, labels: Record<string, string>): string {
  const level = labels[`${PSS_PREFIX}enforce`];
  if (!level || level === 'privileged' || !LEVELS.includes(level)) return '';
  const latest = Number(PSS_LATEST_VERSION.split('.')[1]);
  const versionLabel = labels[`${PSS_PREFIX}enforce-version`];
  const version = versionLabel && /^v1\.\d+$/.test(versionLabel) ? versionLabel : 'latest';
  const byFailure = new Map<string, string[]>();
  const pods = [...host.world.pods.values()]
    .filter((p) => p.namespace === namespace && p.phase !== 'Succeeded')
    .sort((a, b) => a.name.localeCompare(b.name));
  for (const pod of pods) {
    const result = evaluatePodSecurity(
      pod.object as { metadata?: unknown; spec?: unknown },
      level as PssLevel,
      parsePolicyVersion(versionLabel, latest),
    );
    if (result.allowed) continue;
    const text = failureText(result.failures);
    byFailure.set(text, [...(byFailure.get(text) ?? []), pod.name]);
  }
  if (byFailure.size === 0) return '';
  let warnings = `Warning: existing pods in namespace "${namespace}" violate the new PodSecurity enforce level "${level}:${version}"\n`;
  for (const [text, names] of byFailure) {
    const others = names.length - 1;
    warnings += `Warning: ${names[0]}${others > 0 ? ` (and ${others} other pod${others > 1 ? 's' : ''})` : ''}: ${text}\n`;
  }
  return warnings;
}

/** `label ns NAME key=value… [key-] [--overwrite]`: namespaces' labels, the Pod Security levels among them. */
export function label(host: KubectlHost, args: ParsedArgs): CommandOutput {
  const [typeWord, ...rest] = args.positionals;
  if (!typeWord)
    return fail(
      `error: one or more resources must be specified as <resource> <name> or <resource>/<name>\nSee 'kubectl label -h' for help and examples\n`,
    );
  let name: string | undefined;
  let changes: string[];
  let typeName = typeWord;
  if (typeWord.includes('/')) {
    [typeName, name] = typeWord.split('/', 2) as [string, string];
    changes = rest;
  } else {
    name = rest[0];
    changes = rest.slice(1);
  }
  const type = resolveResource(typeName);
  if (!type) return fail(`error: the server doesn't have a resource type "${typeName}"\n`);
  if (type.plural !== 'namespaces') return fail(`error: this simulated cluster labels namespaces only\n`);
  if (!name)
    return fail(
      `error: one or more resources must be specified as <resource> <name> or <resource>/<name>\nSee 'kubectl label -h' for help and examples\n`,
    );
  if (changes.length === 0)
    return fail(
      `error: at least one label update is required\nSee 'kubectl label -h' for help and examples\n`,
    );
  const set: Record<string, string> = {};
  const remove: string[] = [];
  for (const change of changes) {
    if (change.endsWith('-') && !change.includes('=')) remove.push(change.slice(0, -1));
    else {
      const index = change.indexOf('=');
      if (index <= 0) return fail(`error: invalid label spec: ${change}\n`);
      const [key, value] = [change.slice(0, index), change.slice(index + 1)];
      if (!/^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/.test(value) && value !== '')
        return fail(
          `error: invalid label value: "${change}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')\n`,
        );
      set[key] = value;
    }
  }
  const as = args.flags.get('as');
  const namespace = host.world.namespaces.get(name);
  if (!namespace) {
    const outcome = host.request(
      { verb: 'get', resource: 'namespaces', name, code: 404, message: `namespaces "${name}" not found` },
      as,
    );
    return fail(serverError(outcome.code, outcome.message ?? `namespaces "${name}" not found`));
  }
  const read = host.request({ verb: 'get', resource: 'namespaces', name }, as);
  if (read.code >= 400) return fail(serverError(read.code, read.message ?? ''));
  if (!args.flags.has('overwrite'))
    for (const [key, value] of Object.entries(set))
      if (namespace.labels[key] !== undefined && namespace.labels[key] !== value)
        return fail(
          `error: '${key}' already has a value (${namespace.labels[key]}), and --overwrite is false\n`,
        );
  const next = { ...namespace.labels, ...set };
  for (const key of remove) delete next[key];
  const unchanged =
    Object.keys(next).length === Object.keys(namespace.labels).length &&
    Object.entries(next).every(([k, v]) => namespace.labels[k] === v);
  if (unchanged) return ok(`namespace/${name} not labeled\n`);
  const outcome = host.request(
    {
      verb: 'patch',
      resource: 'namespaces',
      name,
      requestObject: {
        metadata: { labels: { ...set, ...Object.fromEntries(remove.map((k) => [k, null])) } },
      },
    },
    as,
  );
  if (outcome.code >= 400) return fail(serverError(outcome.code, outcome.message ?? ''));
  const warnings =
    next[`${PSS_PREFIX}enforce`] !== namespace.labels[`${PSS_PREFIX}enforce`]
      ? enforceWarnings(host, name, next)
      : '';
  namespace.labels = next;
  return { stdout: `namespace/${name} labeled\n`, stderr: warnings, exitCode: 0, lead: warnings };
}

export const APPLY_FLAGS = ['filename', 'dry-run'];

/** `apply -f FILE|-`: a Pod manifest (a built-in one by name, or stdin) through RBAC and admission. */
export function apply(host: KubectlHost, args: ParsedArgs, input: { stdin?: string }): CommandOutput {
  const file = args.flags.get('filename');
  if (!file) return fail(`error: must specify one of -f and -k\n\n`);
  let text: string;
  let source: string;
  if (file === '-') {
    if (!input.stdin || input.stdin.trim() === '') return fail(`error: no objects passed to apply\n`);
    text = input.stdin;
    source = 'STDIN';
  } else {
    const manifest = findManifest(file);
    if (!manifest) return fail(`error: the path "${file}" does not exist\n`);
    text = manifest.yaml;
    source = file;
  }
  const reading = readPodManifest(text, source);
  if ('error' in reading) return fail(`${reading.error}\n`);
  const { manifest } = reading;
  const flagNamespace = args.flags.get('namespace');
  if (flagNamespace && manifest.namespace && flagNamespace !== manifest.namespace)
    return fail(
      `error: the namespace from the provided object "${manifest.namespace}" does not match the namespace "${flagNamespace}". You must pass '--namespace=${manifest.namespace}' to perform this operation.\n`,
    );
  const namespace = manifest.namespace ?? flagNamespace ?? 'default';
  const as = args.flags.get('as');
  const dryRun = args.flags.get('dry-run');
  if (dryRun !== undefined && dryRun !== 'client' && dryRun !== 'none')
    return fail(`error: the simulated cluster supports --dry-run=client only\n`);
  if (dryRun === 'client') return ok(`pod/${manifest.name} created (dry run)\n`);
  if (!host.world.namespaces.has(namespace)) {
    const outcome = host.request(
      {
        verb: 'get',
        resource: 'pods',
        namespace,
        name: manifest.name,
        code: 404,
        message: `namespaces "${namespace}" not found`,
      },
      as,
    );
    return fail(
      serverError(
        outcome.code,
        `error when creating "${source}": ${outcome.message ?? `namespaces "${namespace}" not found`}`,
      ),
    );
  }
  const existing = [...host.world.pods.values()].find(
    (p) => p.name === manifest.name && p.namespace === namespace,
  );
  if (existing) {
    const outcome = host.request({ verb: 'get', resource: 'pods', namespace, name: manifest.name }, as);
    if (outcome.code >= 400) return fail(serverError(outcome.code, outcome.message ?? ''));
    return ok(`pod/${manifest.name} unchanged\n`);
  }
  const result = host.applyPod(manifest, namespace, as);
  const warnings = result.warnings.map((w) => `Warning: ${w}\n`).join('');
  if (!result.pod)
    return fail(
      `${warnings}${serverError(result.code, `error when creating "${source}": ${result.denied ?? ''}`)}`,
    );
  return { stdout: `pod/${manifest.name} created\n`, stderr: warnings, exitCode: 0, lead: warnings };
}

export const CREATE_FLAGS = ['clusterrole', 'role', 'serviceaccount', 'user', 'group', 'dry-run'];

const RBAC_GROUP = 'rbac.authorization.k8s.io';

/** `create clusterrolebinding|rolebinding NAME --clusterrole=R|--role=R --serviceaccount=NS:SA|--user=U|--group=G`. */
export function create(host: KubectlHost, args: ParsedArgs): CommandOutput {
  const [kind, name] = args.positionals;
  if (kind !== 'clusterrolebinding' && kind !== 'rolebinding') {
    if (kind === undefined)
      return fail(`error: Required resource not specified.\nSee 'kubectl create -h' for help and examples\n`);
    return fail(`error: this simulated cluster creates clusterrolebindings and rolebindings only\n`);
  }
  if (!name)
    return fail(
      `error: exactly one NAME is required, got 0\nSee 'kubectl create ${kind} -h' for help and examples\n`,
    );
  const namespaced = kind === 'rolebinding';
  const clusterRole = args.flags.get('clusterrole');
  const role = namespaced ? args.flags.get('role') : undefined;
  if (!clusterRole && !role)
    return fail(
      namespaced
        ? `error: exactly one of clusterrole or role must be specified\n`
        : `error: required flag(s) "clusterrole" not set\n`,
    );
  const subjects: { kind: 'ServiceAccount' | 'User' | 'Group'; name: string; namespace?: string }[] = [];
  const account = args.flags.get('serviceaccount');
  if (account) {
    const [namespace, accountName] = account.split(':');
    if (!namespace || !accountName) return fail(`error: serviceaccount must be <namespace>:<name>\n`);
    subjects.push({ kind: 'ServiceAccount', name: accountName, namespace });
  }
  if (args.flags.get('user')) subjects.push({ kind: 'User', name: args.flags.get('user')! });
  if (args.flags.get('group')) subjects.push({ kind: 'Group', name: args.flags.get('group')! });
  const namespace = namespaced ? (args.flags.get('namespace') ?? 'default') : undefined;
  const resource = namespaced ? 'rolebindings' : 'clusterrolebindings';
  const qualified = `${resource}.${RBAC_GROUP}`;
  const exists = host.world.spec.bindings.some((b) => b.name === name && b.namespace === namespace);
  const roleRef = { apiGroup: RBAC_GROUP, kind: role ? 'Role' : 'ClusterRole', name: (role ?? clusterRole)! };
  const body = {
    kind: namespaced ? 'RoleBinding' : 'ClusterRoleBinding',
    apiVersion: `${RBAC_GROUP}/v1`,
    metadata: { name, ...(namespace ? { namespace } : {}), creationTimestamp: null },
    roleRef,
    subjects: subjects.map((s) => (s.kind === 'ServiceAccount' ? s : { apiGroup: RBAC_GROUP, ...s })),
  };
  if (args.flags.get('dry-run') === 'client') return ok(`${kind}.${RBAC_GROUP}/${name} created (dry run)\n`);
  const outcome = host.request(
    {
      verb: 'create',
      resource,
      apiGroup: RBAC_GROUP,
      namespace,
      name,
      query: 'fieldManager=kubectl-create&fieldValidation=Strict',
      requestObject: body,
      ...(exists ? { code: 409, message: `${qualified} "${name}" already exists` } : {}),
    },
    args.flags.get('as'),
  );
  if (outcome.code === 409)
    return fail(`error: failed to create ${kind}: ${qualified} "${name}" already exists\n`);
  if (outcome.code >= 400) return fail(`error: failed to create ${kind}: ${outcome.message ?? ''}\n`);
  host.world.authorizerAddBinding({
    name,
    ...(namespace ? { namespace } : {}),
    roleKind: role ? 'Role' : 'ClusterRole',
    roleName: (role ?? clusterRole)!,
    subjects,
  });
  return ok(`${kind}.${RBAC_GROUP}/${name} created\n`);
}

/** `delete clusterrolebinding|rolebinding NAME…`: the binding is gone, and the rights it granted with it. */
export function deleteBindings(
  host: KubectlHost,
  args: ParsedArgs,
  namespaced: boolean,
  names: string[],
): CommandOutput {
  const resource = namespaced ? 'rolebindings' : 'clusterrolebindings';
  const namespace = namespaced ? (args.flags.get('namespace') ?? 'default') : undefined;
  let stdout = '';
  let stderr = '';
  for (const name of names) {
    const bindings = host.world.spec.bindings;
    const index = bindings.findIndex((b) => b.name === name && b.namespace === namespace);
    const outcome = host.request(
      {
        verb: 'delete',
        resource,
        apiGroup: RBAC_GROUP,
        namespace,
        name,
        ...(index === -1 ? { code: 404, message: `${resource}.${RBAC_GROUP} "${name}" not found` } : {}),
      },
      args.flags.get('as'),
    );
    if (outcome.code >= 400) {
      stderr += serverError(outcome.code, outcome.message ?? '');
      continue;
    }
    bindings.splice(index, 1);
    stdout += `${namespaced ? 'rolebinding' : 'clusterrolebinding'}.${RBAC_GROUP} "${name}" deleted\n`;
  }
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
}
