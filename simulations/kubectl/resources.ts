/** A resource type as kubectl's discovery knows it: names it answers to, API group, scope. */
export interface ResourceType {
  kind: string;
  plural: string;
  singular: string;
  shortNames: string[];
  group: string;
  version: string;
  namespaced: boolean;
}

const RBAC = 'rbac.authorization.k8s.io';

export const RESOURCE_TYPES: readonly ResourceType[] = [
  {
    kind: 'Pod',
    plural: 'pods',
    singular: 'pod',
    shortNames: ['po'],
    group: '',
    version: 'v1',
    namespaced: true,
  },
  {
    kind: 'Node',
    plural: 'nodes',
    singular: 'node',
    shortNames: ['no'],
    group: '',
    version: 'v1',
    namespaced: false,
  },
  {
    kind: 'Deployment',
    plural: 'deployments',
    singular: 'deployment',
    shortNames: ['deploy'],
    group: 'apps',
    version: 'v1',
    namespaced: true,
  },
  {
    kind: 'DaemonSet',
    plural: 'daemonsets',
    singular: 'daemonset',
    shortNames: ['ds'],
    group: 'apps',
    version: 'v1',
    namespaced: true,
  },
  {
    kind: 'ReplicaSet',
    plural: 'replicasets',
    singular: 'replicaset',
    shortNames: ['rs'],
    group: 'apps',
    version: 'v1',
    namespaced: true,
  },
  {
    kind: 'Service',
    plural: 'services',
    singular: 'service',
    shortNames: ['svc'],
    group: '',
    version: 'v1',
    namespaced: true,
  },
  {
    kind: 'Event',
    plural: 'events',
    singular: 'event',
    shortNames: ['ev'],
    group: '',
    version: 'v1',
    namespaced: true,
  },
  {
    kind: 'Secret',
    plural: 'secrets',
    singular: 'secret',
    shortNames: [],
    group: '',
    version: 'v1',
    namespaced: true,
  },
  {
    kind: 'ServiceAccount',
    plural: 'serviceaccounts',
    singular: 'serviceaccount',
    shortNames: ['sa'],
    group: '',
    version: 'v1',
    namespaced: true,
  },
  {
    kind: 'Namespace',
    plural: 'namespaces',
    singular: 'namespace',
    shortNames: ['ns'],
    group: '',
    version: 'v1',
    namespaced: false,
  },
  {
    kind: 'Role',
    plural: 'roles',
    singular: 'role',
    shortNames: [],
    group: RBAC,
    version: 'v1',
    namespaced: true,
  },
  {
    kind: 'RoleBinding',
    plural: 'rolebindings',
    singular: 'rolebinding',
    shortNames: [],
    group: RBAC,
    version: 'v1',
    namespaced: true,
  },
  {
    kind: 'ClusterRole',
    plural: 'clusterroles',
    singular: 'clusterrole',
    shortNames: [],
    group: RBAC,
    version: 'v1',
    namespaced: false,
  },
  {
    kind: 'ClusterRoleBinding',
    plural: 'clusterrolebindings',
    singular: 'clusterrolebinding',
    shortNames: [],
    group: RBAC,
    version: 'v1',
    namespaced: false,
  },
];

/** What `kubectl get all` lists, in its order (of the types this cluster has). */
export const ALL_CATEGORY = ['pods', 'services', 'daemonsets', 'deployments', 'replicasets'];

/** Finds a type by any name kubectl accepts: plural, singular, short name, kind, or `name.group`. */
export function resolveResource(word: string): ResourceType | undefined {
  const lower = word.toLowerCase();
  const [name, ...groupParts] = lower.split('.');
  const group = groupParts.join('.');
  return RESOURCE_TYPES.find(
    (type) =>
      (type.plural === name ||
        type.singular === name ||
        type.kind.toLowerCase() === name ||
        type.shortNames.includes(name!)) &&
      (groupParts.length === 0 || type.group === group),
  );
}

/** `pods`, `deployments.apps`: how the API server names a resource in messages. */
export function qualifiedName(type: ResourceType): string {
  return type.group ? `${type.plural}.${type.group}` : type.plural;
}

/** The NAME cell prefix with several kinds or --show-kind: `pod/`, `deployment.apps/`. */
export function kindPrefix(type: ResourceType): string {
  return type.group ? `${type.kind.toLowerCase()}.${type.group}/` : `${type.kind.toLowerCase()}/`;
}
