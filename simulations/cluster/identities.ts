import { Random } from '../../src/shared/random';
import { ENTRA_GROUP_AKS_ADMINS } from './constants';

/** authentication/v1 UserInfo as the audit log records it. */
export interface AuditUser {
  username: string;
  uid?: string;
  groups: string[];
  extra?: Record<string, string[]>;
}

export function serviceAccountUser(
  namespace: string,
  name: string,
  uid: string,
  pod?: { name: string; uid: string; node: string; credentialId: string },
): AuditUser {
  const user: AuditUser = {
    username: `system:serviceaccount:${namespace}:${name}`,
    uid,
    groups: ['system:serviceaccounts', `system:serviceaccounts:${namespace}`, 'system:authenticated'],
  };
  if (pod) {
    user.extra = {
      'authentication.kubernetes.io/credential-id': [`JTI=${pod.credentialId}`],
      'authentication.kubernetes.io/node-name': [pod.node],
      'authentication.kubernetes.io/node-uid': [nodeUid(pod.node)],
      'authentication.kubernetes.io/pod-name': [pod.name],
      'authentication.kubernetes.io/pod-uid': [pod.uid],
    };
  }
  return user;
}

/** A kube-controller-manager controller running with its own service account (use-service-account-credentials). */
export function controllerUser(controller: string, uid: string): AuditUser {
  return serviceAccountUser('kube-system', controller, uid);
}

export function entraUser(upn: string, oid: string, admin: boolean): AuditUser {
  return {
    username: upn,
    groups: [
      ...(admin ? [ENTRA_GROUP_AKS_ADMINS] : ['9c1e5a7b-3d2f-4b6a-8e0c-6f4a2d8b0e1c']),
      'system:authenticated',
    ],
    extra: { oid: [oid] },
  };
}

const nodeUids = new Map<string, string>();

/** The Node object's uid: a well-formed UUID, the same for a node name in every case. */
export function nodeUid(node: string): string {
  let uid = nodeUids.get(node);
  if (!uid) {
    uid = new Random(`node-uid:${node}`).uuid();
    nodeUids.set(node, uid);
  }
  return uid;
}

export function nodeUser(node: string): AuditUser {
  return { username: `system:node:${node}`, groups: ['system:nodes', 'system:authenticated'] };
}

export const SCHEDULER_USER: AuditUser = {
  username: 'system:kube-scheduler',
  groups: ['system:authenticated'],
};
export const MASTERCLIENT_USER: AuditUser = {
  username: 'masterclient',
  groups: ['system:masters', 'system:authenticated'],
};
export const AKS_SERVICE_USER: AuditUser = {
  username: 'aksService',
  groups: ['system:masters', 'system:authenticated'],
};
