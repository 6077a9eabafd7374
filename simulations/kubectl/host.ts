import type { EventLog } from '../cluster/eventLog';
import type { PodLogBook } from '../cluster/podLogs';
import type { VolumeFiles } from '../cluster/volumeFiles';
import type { PodState, Requester } from '../cluster/podState';
import type { ClusterWorld } from '../cluster/world';
import type { PodTemplate } from '../cluster/types';
import type { ApiCall } from '../telemetry/auditLog';
import { qualifiedName, type ResourceType } from './resources';

/** A request the learner's kubectl sends: what the API server logs about it (the identity is the host's). */
export type LearnerRequest = Omit<ApiCall, 'time' | 'user' | 'sourceIp' | 'userAgent' | 'code'> & {
  code?: number;
};

export interface RequestOutcome {
  code: number;
  /** The API server's message for a refused request (403). */
  message?: string;
}

/**
 * What the simulated kubectl runs against: the live cluster at the current virtual time. Every request
 * the commands make goes through `request`, which authorizes it (as the learner, or as `--as`) and writes
 * the audit rows; the commands never touch telemetry themselves.
 */
export interface KubectlHost {
  readonly world: ClusterWorld;
  /** The learner as the API server sees them (for requests that go through the world's own paths, like exec). */
  readonly learner: Requester;
  now(): number;
  /** When the cluster and its built-in objects were created (the AGE of nodes, namespaces, roles). */
  readonly clusterCreatedAt: number;
  readonly events: EventLog;
  readonly logs: PodLogBook;
  /** Files written into persistent volume claims, which every pod mounting the claim sees. */
  readonly volumes: VolumeFiles;
  /** When objects created during the run were created, by `resource/namespace/name`. */
  readonly created: ReadonlyMap<string, number>;
  request(call: LearnerRequest, as?: string): RequestOutcome;
  /** File names `apply -f` accepts besides `-` (the lab's built-in manifests). */
  manifestNames(): string[];
  /** Deletes a pod as the learner (or `--as`); its controller, if it has one, creates a replacement. */
  deletePod(pod: PodState, as?: string): RequestOutcome;
  /** Creates a pod the learner applied, through RBAC and admission: the pod and warnings, or the denial. */
  applyPod(
    manifest: { name: string; template: PodTemplate },
    namespace: string,
    as?: string,
  ): { pod?: PodState; denied?: string; warnings: string[]; code: number };
}

/**
 * GET of one named object, as kubectl sends it: authorized and audited whether or not the object exists (a name that
 * is not there is the API server's 404 with its message).
 */
export function requestNamedObject(
  host: KubectlHost,
  type: ResourceType,
  namespace: string,
  name: string,
  exists: boolean,
  as?: string,
): RequestOutcome {
  return host.request(
    {
      verb: 'get',
      resource: type.plural,
      apiGroup: type.group || undefined,
      namespace: type.namespaced ? namespace : undefined,
      name,
      ...(exists ? {} : { code: 404, message: `${qualifiedName(type)} "${name}" not found` }),
    },
    as,
  );
}
