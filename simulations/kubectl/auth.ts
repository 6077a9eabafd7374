import { serviceAccountUser, type AuditUser } from '../cluster/identities';
import type { BindingSpec } from '../cluster/types';
import type { ParsedArgs } from './flags';
import type { KubectlHost } from './host';
import { resolveResource } from './resources';
import { fail, ok, type CommandOutput } from './result';
import { GET_TABS, tabulate } from './tabwriter';

export const AUTH_FLAGS = ['list', 'all-namespaces', 'no-headers', 'quiet'];

/** The non-resource URLs every authenticated identity may read (system:discovery, public-info-viewer, basic-user). */
const DISCOVERY_URLS = [
  '/.well-known/openid-configuration/',
  '/.well-known/openid-configuration',
  '/api/*',
  '/api',
  '/apis/*',
  '/apis',
  '/healthz',
  '/healthz',
  '/livez',
  '/livez',
  '/openapi/*',
  '/openapi',
  '/openid/v1/jwks/',
  '/openid/v1/jwks',
  '/readyz',
  '/readyz',
  '/version/',
  '/version/',
  '/version',
  '/version',
];

const SELF_REVIEW_RULES = [
  { group: 'authentication.k8s.io', resource: 'selfsubjectreviews', verbs: ['create'] },
  { group: 'authorization.k8s.io', resource: 'selfsubjectaccessreviews', verbs: ['create'] },
  { group: 'authorization.k8s.io', resource: 'selfsubjectrulesreviews', verbs: ['create'] },
];

/** The identity `--as` names (a service account, or a user in no group but system:authenticated). */
export function identityOf(host: KubectlHost, as: string | undefined): AuditUser {
  if (!as) return host.learner.user;
  const account = /^system:serviceaccount:([^:]+):([^:]+)$/.exec(as);
  if (account)
    return serviceAccountUser(
      account[1]!,
      account[2]!,
      host.world.serviceAccountUid(account[1]!, account[2]!),
    );
  return { username: as, groups: ['system:authenticated'] };
}

function subjectMatches(subject: BindingSpec['subjects'][number], user: AuditUser): boolean {
  if (subject.kind === 'ServiceAccount')
    return user.username === `system:serviceaccount:${subject.namespace}:${subject.name}`;
  if (subject.kind === 'User') return user.username === subject.name;
  return user.groups.includes(subject.name);
}

/** `auth can-i --list`: the rules bound to the identity in the namespace, as SelfSubjectRulesReview returns them. */
function listRules(host: KubectlHost, user: AuditUser, namespace: string, noHeaders: boolean): string {
  const roles = new Map(host.world.spec.clusterRoles.map((r) => [r.name, r]));
  const rules = host.world.spec.bindings
    .filter(
      (b) =>
        (b.namespace === undefined || b.namespace === namespace) &&
        b.subjects.some((s) => subjectMatches(s, user)),
    )
    .flatMap((b) => roles.get(b.roleName)?.rules ?? []);
  const admin =
    user.groups.includes('system:masters') ||
    rules.some((r) => r.verbs.includes('*') && r.resources.includes('*') && r.apiGroups.includes('*'));
  const header = noHeaders ? [] : ['Resources\tNon-Resource URLs\tResource Names\tVerbs'];
  if (admin) return `${tabulate([...header, '*.*\t[]\t[]\t[*]', '\t[*]\t[]\t[*]'], GET_TABS)}\n`;
  const rows = new Map<string, { group: string; resource: string; verbs: string[] }>();
  for (const rule of [
    ...rules.flatMap((r) =>
      r.apiGroups.flatMap((group) => r.resources.map((resource) => ({ group, resource, verbs: r.verbs }))),
    ),
    ...SELF_REVIEW_RULES,
  ]) {
    const key = `${rule.resource}|${rule.group}`;
    const row = rows.get(key) ?? { group: rule.group, resource: rule.resource, verbs: [] };
    for (const verb of rule.verbs) if (!row.verbs.includes(verb)) row.verbs.push(verb);
    rows.set(key, row);
  }
  const sorted = [...rows.values()].sort((a, b) => {
    const form = (r: typeof a) =>
      `Verbs:[${r.verbs.join(' ')}],APIGroups:[${r.group}],Resources:[${r.resource}]`;
    return form(a) < form(b) ? -1 : form(a) > form(b) ? 1 : 0;
  });
  const lines = [
    ...header,
    ...sorted.map(
      (r) => `${r.group ? `${r.resource}.${r.group}` : r.resource}\t[]\t[]\t[${r.verbs.join(' ')}]`,
    ),
    ...DISCOVERY_URLS.map((url) => `\t[${url}]\t[]\t[get]`),
  ];
  return `${tabulate(lines, GET_TABS)}\n`;
}

export function auth(host: KubectlHost, args: ParsedArgs): CommandOutput {
  const [sub, verb, target] = args.positionals;
  if (sub !== 'can-i') {
    if (sub === undefined)
      return ok(
        'Inspect authorization.\n\nAvailable Commands:\n  can-i         Check whether an action is allowed\n\nUsage:\n  kubectl auth [flags] [options]\n',
      );
    return fail(`error: unknown command "${sub}" for "kubectl auth"\nRun 'kubectl auth --help' for usage.\n`);
  }
  const namespace = args.flags.get('namespace') ?? 'default';
  const as = args.flags.get('as');
  const user = identityOf(host, as);
  if (args.flags.has('list')) {
    host.request({ verb: 'create', resource: 'selfsubjectrulesreviews', apiGroup: 'authorization.k8s.io' });
    return ok(listRules(host, user, namespace, args.flags.has('no-headers')));
  }
  if (!verb || !target)
    return fail(
      `error: you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'kubectl auth can-i -h' for help and examples\n`,
    );
  const [resourceWord, name] = target.split('/', 2) as [string, string | undefined];
  let stderr = '';
  let resource = resourceWord;
  let group = '';
  let subresource = '';
  const type = resolveResource(resourceWord);
  if (type) {
    resource = type.plural;
    group = type.group;
    // `pods/exec` names a subresource; `pods/x` names an object.
    if (
      name &&
      ['exec', 'log', 'attach', 'portforward', 'status', 'binding', 'eviction', 'proxy', 'token'].includes(
        name,
      )
    )
      subresource = name;
  } else if (resourceWord !== '*')
    stderr = `Warning: the server doesn't have a resource type '${resourceWord}'\n`;
  const all = args.flags.has('all-namespaces');
  host.request({ verb: 'create', resource: 'selfsubjectaccessreviews', apiGroup: 'authorization.k8s.io' });
  const decision = host.world.authorizer.authorize(
    user,
    verb,
    subresource ? `${resource}/${subresource}` : resource,
    group,
    type && !type.namespaced ? undefined : all ? undefined : namespace,
  );
  const quiet = args.flags.has('quiet');
  return {
    stdout: quiet ? '' : `${decision.allowed ? 'yes' : 'no'}\n`,
    stderr,
    exitCode: decision.allowed ? 0 : 1,
  };
}
