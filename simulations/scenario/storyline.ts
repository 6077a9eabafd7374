import type { ClusterSpec, NodeSpec, PodTemplate, WorkloadSpec } from '../cluster/types';
import type { Random } from '../../src/shared/random';

/**
 * A storyline as the registry holds it: what it is, and how to build its data for one case. `build` draws the
 * case's indicators (attacker pod and user names, source IPs within the documentation ranges, image tags, pool
 * hosts, timings) from `random`, which is seeded by the scenario and seed alone, so the same case always gets
 * the same indicators and another seed gives another investigation with other answers.
 */
export interface StorylineDefinition {
  id: string;
  title: string;
  summary: string;
  build(random: Random): Storyline;
}

/**
 * A storyline is data: who does what, when (seconds after the attack starts), from where, with which
 * process, parent and user, which API calls, files and connections, and which Defender alerts that
 * should raise. The scenario runner plays it over the background activity.
 */
export interface Storyline {
  id: string;
  title: string;
  summary: string;
  /**
   * The indicators drawn for this case, by name (e.g. `attackerIp`), for tests and authors. Learners never see
   * them: they find each one by querying.
   */
  indicators?: Record<string, string>;
  /** UTC hour on the dataset's last day at which the attack starts. */
  attackHourUtc: number;
  setup?: StorylineSetup;
  actors: Record<string, StorylineActor>;
  steps: StorylineStep[];
  /**
   * Alerts the storyline must raise, by the step (index in `steps`) whose action triggers them. The
   * alert's StartTime is the step's time, or up to `withinSeconds` later when the step sets off
   * something else that triggers it (a controller starting pods).
   */
  expectedAlerts: { alertType: string; step: number; withinSeconds?: number }[];
}

export interface StorylineSetup {
  extraNodes?: NodeSpec[];
  extraWorkloads?: WorkloadSpec[];
  /** Workloads (by namespace/name) to remove from the default cluster. */
  removeWorkloads?: string[];
  namespaceLabels?: Record<string, Record<string, string>>;
  /** Free-form changes to the cluster spec (kept small: prefer the fields above). */
  patch?: (spec: ClusterSpec) => void;
}

/** Who acts: a person with kubectl, a stolen token, or a process inside a pod. */
export type StorylineActor =
  | { kind: 'user'; upn: string; oid: string; sourceIp: string; userAgent: string; admin?: boolean }
  | { kind: 'podToken'; pod: PodRef; sourceIp: string; userAgent: string }
  | { kind: 'serviceAccount'; namespace: string; name: string; sourceIp: string; userAgent: string }
  | { kind: 'node'; node: string; sourceIp: string; userAgent: string };

/** A bare pod by name, or a replica of a workload (chosen when first needed, then fixed for the storyline). */
export type PodRef = { namespace: string; name: string } | { namespace: string; workload: string };

export interface StorylineStep {
  /** Seconds after the attack start. */
  at: number;
  description: string;
  actions: StepAction[];
}

export interface ProcessSpec {
  exe: string;
  cmdline: string;
  parentExe: string;
  user: string;
  tty?: boolean;
  inHostNamespaces?: boolean;
  files?: { path: string; operation: 'read' | 'write' | 'delete' }[];
  connections?: { ip: string; port: number; domain?: string }[];
}

export type StepAction =
  | {
      type: 'api';
      actor: string;
      verb: string;
      resource?: string;
      subresource?: string;
      namespace?: string;
      name?: string;
      apiGroup?: string;
      query?: string;
      requestUri?: string;
      requestObject?: unknown;
      code?: number;
      /** Error message when `code` is an error the authorizer alone would not produce (e.g. the Node authorizer). */
      message?: string;
      /** RBAC objects the call creates, so later calls are authorized by them. */
      grants?: {
        clusterRole?: {
          name: string;
          rules: { apiGroups: string[]; resources: string[]; verbs: string[] }[];
        };
        clusterRoleBinding?: {
          name: string;
          role: string;
          serviceAccount: { namespace: string; name: string };
        };
      };
    }
  | {
      type: 'createPod';
      actor: string;
      namespace: string;
      name: string;
      template: PodTemplate;
      node?: string;
      fieldManager?: string;
    }
  | { type: 'deletePod'; actor: string; pod: PodRef }
  | { type: 'createDaemonSet'; actor: string; workload: WorkloadSpec }
  /** A Job (`workload.kind` 'Job'); its controller starts the pod, on `node` when given. */
  | { type: 'createJob'; actor: string; job: WorkloadSpec; node?: string }
  /** A network connection from the pod's main process (the container's entrypoint). */
  | { type: 'connect'; pod: PodRef; container?: string; ip: string; port: number; domain?: string }
  | {
      type: 'exec';
      actor: string;
      pod: PodRef;
      container?: string;
      command: string[];
      tty?: boolean;
      user?: string;
    }
  | ({ type: 'process'; pod?: PodRef; node?: string; container?: string } & ProcessSpec)
  | {
      type: 'http';
      client: string;
      method: string;
      path: string;
      status: number;
      bytes: number;
      userAgent: string;
      pod: PodRef;
    }
  /** A container log line; `{time}` is replaced by the virtual time (ISO seconds), `{clock}` by it as Go's log prints it. */
  | { type: 'log'; pod: PodRef; container?: string; message: string; source?: 'stdout' | 'stderr' };
