import { isoSeconds } from '../core/time';
import { podObject } from './podObject';
import type { Requester } from './podState';
import type { JsonObject, NodeSpec, WorkloadSpec } from './types';
import type { ClusterWorld } from './world';

// What kube-controller-manager's workload controllers do for requests the simulation makes: a DaemonSet
// gets one pod per node, a Deployment rollout gets a new ReplicaSet whose pods replace the old ones.

/** Creates a DaemonSet through the API server; its controller then starts one pod per eligible node. */
export function createDaemonSet(world: ClusterWorld, workload: WorkloadSpec, requester: Requester): number {
  const code = world.call(requester, {
    verb: 'create',
    resource: 'daemonsets',
    apiGroup: 'apps',
    namespace: workload.namespace,
    query: 'fieldManager=kubectl-create&fieldValidation=Strict',
    code: 201,
    requestObject: {
      kind: 'DaemonSet',
      apiVersion: 'apps/v1',
      metadata: { name: workload.name, namespace: workload.namespace, creationTimestamp: null },
      spec: {
        selector: { matchLabels: workload.template.labels },
        template: podObject(workload.name, workload.namespace, workload.template),
      },
    },
  });
  if (code !== 201) return code;
  world.workloads.push(workload);
  let delay = world.random.int(500, 2500);
  for (const node of world.nodes.filter(
    (n) => !workload.template.nodePool || n.pool === workload.template.nodePool,
  )) {
    world.clock.setTimeout(() => world.createPod({ workload, node }), delay);
    delay += world.random.int(20, 400);
  }
  return code;
}

/**
 * Creates a Job through the API server; the job controller then starts its one pod (on `node` when given,
 * as a nodeSelector or affinity would). The pod's own `create pods` is audited under the job controller,
 * not the requester: only the Job's create names who asked.
 */
export function createJob(
  world: ClusterWorld,
  job: WorkloadSpec,
  requester: Requester,
  node?: NodeSpec,
): number {
  const code = world.call(requester, {
    verb: 'create',
    resource: 'jobs',
    apiGroup: 'batch',
    namespace: job.namespace,
    query: 'fieldManager=kubectl-create&fieldValidation=Strict',
    code: 201,
    requestObject: {
      kind: 'Job',
      apiVersion: 'batch/v1',
      metadata: { name: job.name, namespace: job.namespace, creationTimestamp: null },
      spec: { backoffLimit: 0, template: jobPodTemplate(job) },
    },
  });
  if (code !== 201) return code;
  world.workloads.push(job);
  world.clock.setTimeout(() => world.createPod({ workload: job, node }), world.random.int(300, 1500));
  return code;
}

/** The pod template inside a Job's spec: a Job's pods never restart in place. */
function jobPodTemplate(job: WorkloadSpec): JsonObject {
  const pod = podObject(job.name, job.namespace, job.template);
  return { metadata: pod.metadata, spec: { ...(pod.spec as JsonObject), restartPolicy: 'Never' } };
}

/** Rolls a Deployment out: new ReplicaSet, pods replaced one by one (surge 1). */
export function rolloutDeployment(world: ClusterWorld, workload: WorkloadSpec, requester: Requester): void {
  const oldPods = world.podsOf(workload);
  world.call(requester, {
    verb: 'patch',
    resource: 'deployments',
    apiGroup: 'apps',
    namespace: workload.namespace,
    name: workload.name,
    query: 'fieldManager=kubectl-patch',
    requestObject: {
      spec: {
        template: {
          metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': isoSeconds(world.now) } },
        },
      },
    },
  });
  workload.templateHash = world.random.k8sSuffix(world.random.int(9, 10));
  const rsName = `${workload.name}-${workload.templateHash}`;
  world.call(world.controller('deployment-controller'), {
    verb: 'create',
    resource: 'replicasets',
    apiGroup: 'apps',
    namespace: workload.namespace,
    code: 201,
  });
  world.events.record({
    time: world.now,
    namespace: workload.namespace,
    objectKind: 'Deployment',
    name: workload.name,
    reason: 'ScalingReplicaSet',
    message: `Scaled up replica set ${rsName} to 1`,
    type: 'Normal',
    source: 'deployment-controller',
  });
  let delay = 0;
  for (const old of oldPods) {
    world.clock.setTimeout(() => {
      world.createPod({ workload });
    }, delay);
    delay += world.random.int(12_000, 40_000);
    world.clock.setTimeout(() => {
      if (world.pods.has(old.uid)) world.deletePod(old);
    }, delay);
    delay += world.random.int(1_000, 5_000);
  }
}
