import { evaluatePodSecurity, failureText, parsePolicyVersion, type PssLevel } from '../admission/pss';
import { PSS_LATEST_VERSION, USER_AGENT } from '../cluster/constants';
import { entraUser, serviceAccountUser, type AuditUser } from '../cluster/identities';
import { podObject } from '../cluster/podObject';
import type { PodState, Requester } from '../cluster/podState';
import type { JsonObject, PodTemplate } from '../cluster/types';
import { Random } from '../core/random';
import type { Row } from '../core/sink';
import { DAY, MINUTE } from '../core/time';
import { alertDefinition } from '../defender/catalog';
import type { KubectlHost, LearnerRequest, RequestOutcome } from '../kubectl/host';
import { runKubectl } from '../kubectl/kubectl';
import { transcript, type CommandOutput } from '../kubectl/result';
import { completeLine } from '../kubectl/complete';
import { simulate, type RunOptions, type ScenarioRef } from '../scenario/runner';
import type { CollectionSettings } from '../telemetry/collection';
import { LEARNER } from '../telemetry/learnerAudit';
import { BUILT_IN_MANIFESTS } from './manifests/index';

export interface LiveClusterOptions {
  /** A scenario (its id and storyline) or a storyline id. */
  scenario: ScenarioRef | string;
  seed: number;
  days: number;
  collection?: Partial<CollectionSettings>;
  /** Progress of the re-run, as `runScenario` reports it (the re-run takes as long as the dataset did). */
  onProgress?: RunOptions['onProgress'];
}

export interface KubectlResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** stderr and stdout in the order kubectl prints them (warnings first, errors last). */
  transcript: string;
  /** Rows the call made the API server and Defender write (audit rows now; alerts come with the clock). */
  rows: Record<string, Row[]>;
}

export interface TimelineEvent {
  /** Virtual ms. */
  time: number;
  label: string;
}

export interface ReplayedCommand {
  time: number;
  line: string;
  stdin?: string;
}

export interface LiveCluster {
  now(): number;
  advanceTo(ms: number): Record<string, Row[]>;
  advanceBy(ms: number): Record<string, Row[]>;
  timeline(): TimelineEvent[];
  kubectl(commandLine: string, options?: { stdin?: string }): KubectlResult;
  complete(partialLine: string): string[];
  manifests(): { name: string; yaml: string }[];
  replay(commands: readonly ReplayedCommand[]): KubectlResult[];
}

/** The discarding sink: the dataset's rows are already in the learner's store. */
const DISCARD = { append: () => {}, flush: () => {} };

/** How long after the dataset's "now" a compromised workload pod is replaced (a rollout, an eviction). */
const REPLACEMENT_WINDOW_MINUTES: readonly [number, number] = [40, 75];

/**
 * The simulated cluster itself, live: the same run as the dataset (same seed, same world), kept at the
 * dataset's "now" and driven on by the virtual clock and the learner's kubectl.
 */
export async function createLiveCluster(options: LiveClusterOptions): Promise<LiveCluster> {
  const scenario: ScenarioRef =
    typeof options.scenario === 'string'
      ? {
          id: options.scenario,
          storyline: options.scenario,
          ...(options.collection ? { collection: options.collection } : {}),
        }
      : { ...options.scenario, collection: { ...options.scenario.collection, ...options.collection } };
  const run = await simulate({
    scenario,
    seed: options.seed,
    days: options.days,
    sink: DISCARD,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  const { world, live } = run;
  const datasetNow = Date.parse(run.manifest.virtualNow);
  const startMs = Date.parse(run.manifest.virtualStart);
  // From here on every emitter writes: the rows go to the learner's store through the calls' results.
  live.extendEnd(Number.MAX_SAFE_INTEGER);
  // Container insights goes on collecting: the inventories show the live cluster as it changes.
  live.resumeCollection();
  live.clock.runUntil(datasetNow);
  const random = new Random(`${scenario.id}:${options.seed}:live`);
  const learner: Requester = {
    user: entraUser(LEARNER.upn, LEARNER.oid, true),
    sourceIp: LEARNER.sourceIp,
    userAgent: USER_AGENT.kubectl,
  };
  const replacements: (TimelineEvent & { pod: PodState; done: boolean })[] = [];

  const replaceByController = (pod: PodState, delayMs: number) => {
    const workload = pod.workload;
    if (!workload || (workload.kind !== 'Deployment' && workload.kind !== 'DaemonSet')) return;
    live.clock.setTimeout(() => {
      if (
        world.podsOf(workload).length >=
        (workload.kind === 'Deployment' ? (workload.replicas ?? 1) : Infinity)
      )
        return;
      if (workload.kind === 'DaemonSet' && world.podsOf(workload).some((p) => p.node === pod.node)) return;
      world.createPod({ workload, ...(workload.kind === 'DaemonSet' ? { node: pod.node } : {}) });
    }, delayMs);
  };

  // The compromised pods that still run are replaced on their own schedule: evidence has a deadline.
  for (const pod of live.compromisedPods()) {
    if (!world.pods.has(pod.uid) || !pod.workload || pod.workload.kind === 'Pod') continue;
    if (pod.workload.kind !== 'Deployment' && pod.workload.kind !== 'DaemonSet') continue;
    const at = datasetNow + random.int(...REPLACEMENT_WINDOW_MINUTES) * MINUTE + random.int(0, 59) * 1000;
    const entry = {
      time: at,
      label: `Pod ${pod.namespace}/${pod.name} replaced (${pod.workload.kind} ${pod.workload.name})`,
      pod,
      done: false,
    };
    replacements.push(entry);
    live.clock.at(at, () => {
      if (!world.pods.has(pod.uid) || pod.phase === 'Terminating') return;
      entry.done = true;
      world.deletePod(pod);
      replaceByController(pod, random.int(800, 2500));
    });
  }

  const impersonate = (as: string, groups: string[] = []): AuditUser => {
    const account = /^system:serviceaccount:([^:]+):([^:]+)$/.exec(as);
    if (account)
      return serviceAccountUser(account[1]!, account[2]!, world.serviceAccountUid(account[1]!, account[2]!));
    return { username: as, groups: [...groups, 'system:authenticated'] };
  };

  const host: KubectlHost = {
    world,
    learner,
    now: () => live.clock.now(),
    clusterCreatedAt: startMs - 41 * DAY,
    events: live.events,
    logs: live.logs,
    volumes: live.volumes,
    created: live.created,
    manifestNames: () => BUILT_IN_MANIFESTS.map((m) => m.name),
    request: (call: LearnerRequest, as?: string): RequestOutcome => {
      if (as) {
        const user = impersonate(as);
        const resource = call.subresource ? `${call.resource}/${call.subresource}` : (call.resource ?? '');
        const decision = world.authorizer.authorize(
          user,
          call.verb,
          resource,
          call.apiGroup ?? '',
          call.namespace,
        );
        if (!decision.allowed) {
          const message = forbiddenMessage(user.username, call);
          world.call(learner, { ...call, code: 403, message });
          return { code: 403, message };
        }
      }
      const code = world.call(learner, call);
      return { code, message: call.message };
    },
    deletePod: (pod: PodState, as?: string): RequestOutcome => {
      if (as) {
        const user = impersonate(as);
        if (!world.authorizer.authorize(user, 'delete', 'pods', '', pod.namespace).allowed) {
          const call = { verb: 'delete', resource: 'pods', namespace: pod.namespace, name: pod.name };
          const message = forbiddenMessage(user.username, call);
          world.call(learner, { ...call, code: 403, message });
          return { code: 403, message };
        }
      }
      world.deletePod(pod, learner);
      replaceByController(pod, random.int(800, 2500));
      return { code: 200 };
    },
    applyPod: (manifest: { name: string; template: PodTemplate }, namespace: string, as?: string) => {
      if (as) {
        const user = impersonate(as);
        if (!world.authorizer.authorize(user, 'create', 'pods', '', namespace).allowed) {
          const call = { verb: 'create', resource: 'pods', namespace };
          const message = forbiddenMessage(user.username, { ...call, name: manifest.name });
          world.call(learner, { ...call, code: 403, message });
          return { code: 403, denied: message, warnings: [] };
        }
      }
      const warnings = podSecurityWarnings(
        world.namespaces.get(namespace)?.labels ?? {},
        podObject(manifest.name, namespace, manifest.template),
      );
      const result = world.createPod({
        template: manifest.template,
        namespace,
        name: manifest.name,
        requester: learner,
      });
      return result.pod
        ? { code: 201, pod: result.pod, warnings }
        : { code: 403, denied: result.denied, warnings };
    },
  };

  let lastTaken = live.writer.takeAll();
  const take = (): Record<string, Row[]> => {
    const rows = mergeRows(lastTaken, live.writer.takeAll());
    lastTaken = {};
    return rows;
  };

  const cluster: LiveCluster = {
    now: () => live.clock.now(),
    advanceTo(ms: number) {
      if (ms > live.clock.now()) live.clock.runUntil(ms);
      return take();
    },
    advanceBy(ms: number) {
      return cluster.advanceTo(live.clock.now() + Math.max(0, ms));
    },
    timeline() {
      const steps = run.storyline.steps.flatMap((step, index) => {
        const time = run.stepTimes[index];
        return time === undefined ? [] : [{ time, label: step.description }];
      });
      const alerts = run.alerts.map((alert) => ({
        time: alert.generatedMs,
        label: `Alert: ${alertDefinition(alert.alertType).displayName}`,
      }));
      // A replacement still to come is listed while its pod lives; one that happened stays listed.
      const scheduled = replacements
        .filter((r) => r.done || (world.pods.has(r.pod.uid) && r.pod.phase !== 'Terminating'))
        .map(({ time, label }) => ({ time, label }));
      return [...steps, ...alerts, ...scheduled].sort(
        (a, b) => a.time - b.time || a.label.localeCompare(b.label),
      );
    },
    kubectl(commandLine: string, input: { stdin?: string } = {}) {
      const { stdout, stderr, exitCode, ...rest } = runSafely(host, commandLine, input);
      return {
        stdout,
        stderr,
        exitCode,
        transcript: transcript({ stdout, stderr, exitCode, ...rest }),
        rows: take(),
      };
    },
    complete: (partialLine: string) => completeLine(host, partialLine),
    manifests: () => BUILT_IN_MANIFESTS.map(({ name, yaml }) => ({ name, yaml })),
    replay(commands: readonly ReplayedCommand[]) {
      return commands.map((command) => {
        cluster.advanceTo(command.time);
        return cluster.kubectl(command.line, { stdin: command.stdin });
      });
    },
  };
  return cluster;
}

/**
 * Runs a command line; a fault in the simulation becomes an error message on the terminal (naming the
 * command), never an exception that would take the terminal and the learner's session down with it.
 */
function runSafely(host: KubectlHost, commandLine: string, input: { stdin?: string }): CommandOutput {
  try {
    return runKubectl(host, commandLine, input);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      stdout: '',
      stderr: `error: the simulated cluster could not run "${commandLine.trim()}": ${reason}\n`,
      exitCode: 1,
    };
  }
}

function mergeRows(a: Record<string, Row[]>, b: Record<string, Row[]>): Record<string, Row[]> {
  const merged: Record<string, Row[]> = { ...a };
  for (const [table, rows] of Object.entries(b)) merged[table] = [...(merged[table] ?? []), ...rows];
  return merged;
}

/** The RBAC authorizer's refusal, as the API server words it for kubectl. */
export function forbiddenMessage(
  username: string,
  call: {
    verb: string;
    resource?: string;
    subresource?: string;
    apiGroup?: string;
    namespace?: string;
    name?: string;
  },
): string {
  const group = call.apiGroup ?? '';
  const qualified = group ? `${call.resource}.${group}` : (call.resource ?? '');
  const resource = call.subresource ? `${call.resource}/${call.subresource}` : (call.resource ?? '');
  const scope = call.namespace ? `in the namespace "${call.namespace}"` : 'at the cluster scope';
  return `${qualified}${call.name ? ` "${call.name}"` : ''} is forbidden: User "${username}" cannot ${call.verb} resource "${resource}" in API group "${group}" ${scope}`;
}

const LEVELS: readonly PssLevel[] = ['privileged', 'baseline', 'restricted'];

/** The `Warning:` lines of the namespace's `warn` Pod Security label (the API server sends them with the answer). */
function podSecurityWarnings(labels: Record<string, string>, pod: JsonObject): string[] {
  const level = labels['pod-security.kubernetes.io/warn'] as PssLevel | undefined;
  if (!level || !LEVELS.includes(level) || level === 'privileged') return [];
  const versionLabel = labels['pod-security.kubernetes.io/warn-version'];
  const latest = Number(PSS_LATEST_VERSION.split('.')[1]);
  const result = evaluatePodSecurity(pod, level, parsePolicyVersion(versionLabel, latest));
  if (result.allowed) return [];
  const version = versionLabel && /^v1\.\d+$/.test(versionLabel) ? versionLabel : 'latest';
  return [`would violate PodSecurity "${level}:${version}": ${failureText(result.failures)}`];
}
