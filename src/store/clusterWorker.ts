/// <reference lib="webworker" />
/**
 * The cluster worker: the simulation's live cluster of one dataset, off the main thread (rebuilding it re-runs the
 * simulation, seconds of CPU). Talk to it only through clusterClient.ts.
 */
import type { ClusterRequest, ClusterResponse } from './clusterProtocol';
import { createClusterService } from './clusterService';
import type { LiveClusterLike } from './clusterSession';

const scope = self as unknown as DedicatedWorkerGlobalScope;

const service = createClusterService(async (request) => {
  // Loaded on the first open: the worker starts at once, the simulation arrives with the first cluster.
  const { createLiveCluster, LEARNER } = await import('../../simulations/index');
  const live = await createLiveCluster(request);
  const withIdentity: LiveClusterLike = Object.assign(live, { learner: LEARNER.upn });
  return withIdentity;
});

// Requests run one after another: a command must see the cluster that the previous one left.
let queue: Promise<void> = Promise.resolve();

scope.addEventListener('message', (event: MessageEvent<ClusterRequest>) => {
  const request = event.data;
  queue = queue.then(async () => {
    let response: ClusterResponse;
    try {
      response = { id: request.id, ok: true, value: await service.handle(request) };
    } catch (error) {
      response = {
        id: request.id,
        ok: false,
        message: error instanceof Error ? error.message : String(error),
      };
    }
    scope.postMessage(response);
  });
});
