import type { BindingSpec, ClusterRoleSpec, PolicyRule } from './types';
import type { AuditUser } from './identities';

export interface Decision {
  allowed: boolean;
  /** authorization.k8s.io/reason, worded as the RBAC authorizer words it. */
  reason: string;
}

/**
 * Kubernetes RBAC, as far as the simulation needs it: bindings to cluster roles, wildcards, and the
 * system identities that AKS grants through built-in roles.
 */
export class Authorizer {
  constructor(
    private readonly roles: Map<string, ClusterRoleSpec>,
    private readonly bindings: BindingSpec[],
  ) {}

  addRole(role: ClusterRoleSpec): void {
    this.roles.set(role.name, role);
  }

  addBinding(binding: BindingSpec): void {
    this.bindings.push(binding);
  }

  authorize(user: AuditUser, verb: string, resource: string, apiGroup: string, namespace?: string): Decision {
    if (user.groups.includes('system:masters')) return { allowed: true, reason: '' };
    const builtIn = builtInReason(user.username);
    if (builtIn !== undefined) return { allowed: true, reason: builtIn };
    if (SELF_REVIEWS.has(resource) && verb === 'create')
      return {
        allowed: true,
        reason:
          'RBAC: allowed by ClusterRoleBinding "system:basic-user" of ClusterRole "system:basic-user" to Group "system:authenticated"',
      };
    for (const binding of this.bindings) {
      if (binding.namespace && binding.namespace !== namespace) continue;
      const subject = binding.subjects.find((s) => subjectMatches(s, user));
      if (!subject) continue;
      const role = this.roles.get(binding.roleName);
      if (!role || !role.rules.some((rule) => ruleAllows(rule, verb, resource, apiGroup))) continue;
      const kind = binding.namespace ? 'RoleBinding' : 'ClusterRoleBinding';
      const where = binding.namespace ? `${binding.name}/${binding.namespace}` : binding.name;
      const subjectText =
        subject.kind === 'ServiceAccount'
          ? `ServiceAccount "${subject.name}/${subject.namespace}"`
          : `${subject.kind} "${subject.name}"`;
      return {
        allowed: true,
        reason: `RBAC: allowed by ${kind} "${where}" of ClusterRole "${role.name}" to ${subjectText}`,
      };
    }
    return { allowed: false, reason: '' };
  }

  forbiddenMessage(
    user: AuditUser,
    verb: string,
    resource: string,
    apiGroup: string,
    namespace?: string,
    name?: string,
  ): string {
    const scope = namespace ? `in the namespace "${namespace}"` : 'at the cluster scope';
    const target = name ? `${resource} "${name}" is forbidden` : `${resource} is forbidden`;
    return `${target}: User "${user.username}" cannot ${verb} resource "${resource}" in API group "${apiGroup}" ${scope}`;
  }
}

/** Every authenticated identity may ask what it is allowed to do (system:basic-user). */
const SELF_REVIEWS = new Set(['selfsubjectrulesreviews', 'selfsubjectaccessreviews', 'selfsubjectreviews']);

function subjectMatches(subject: BindingSpec['subjects'][number], user: AuditUser): boolean {
  if (subject.kind === 'ServiceAccount')
    return user.username === `system:serviceaccount:${subject.namespace}:${subject.name}`;
  if (subject.kind === 'User') return user.username === subject.name;
  return user.groups.includes(subject.name);
}

function ruleAllows(rule: PolicyRule, verb: string, resource: string, apiGroup: string): boolean {
  const has = (list: string[], value: string) => list.includes('*') || list.includes(value);
  return has(rule.verbs, verb) && has(rule.resources, resource) && has(rule.apiGroups, apiGroup);
}

/** kube-system service accounts of AKS add-ons, bound to their own cluster roles by AKS. */
const AKS_ADDON_ACCOUNTS = new Set([
  'ama-logs',
  'microsoft-defender-collector-sa',
  'coredns',
  'coredns-autoscaler',
  'metrics-server',
  'konnectivity-agent',
  'kube-proxy',
  'cloud-node-manager',
  'csi-azuredisk-node-sa',
]);

function builtInReason(username: string): string | undefined {
  if (username.startsWith('system:serviceaccount:kube-system:')) {
    const name = username.slice('system:serviceaccount:kube-system:'.length);
    if (!name.endsWith('-controller') && !AKS_ADDON_ACCOUNTS.has(name)) return undefined;
    if (name.endsWith('-controller'))
      return `RBAC: allowed by ClusterRoleBinding "system:controller:${name}" of ClusterRole "system:controller:${name}" to ServiceAccount "${name}/kube-system"`;
    return `RBAC: allowed by ClusterRoleBinding "${name}" of ClusterRole "${name}" to ServiceAccount "${name}/kube-system"`;
  }
  if (username === 'system:kube-scheduler')
    return 'RBAC: allowed by ClusterRoleBinding "system:kube-scheduler" of ClusterRole "system:kube-scheduler" to User "system:kube-scheduler"';
  if (username.startsWith('system:node:')) return '';
  return undefined;
}
