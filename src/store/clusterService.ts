/**
 * The cluster worker's brain: one live cluster for one dataset, answering the client's requests in order.
 * Framework-free so that tests run it without a worker.
 */
import type { ClusterReplyValues, ClusterRequestBody, LiveClusterRequest } from './clusterProtocol';
import { replaySteps, type LiveClusterLike } from './clusterSession';

export type CreateLiveCluster = (request: LiveClusterRequest) => Promise<LiveClusterLike>;

export function createClusterService(createLive: CreateLiveCluster) {
  let live: LiveClusterLike | undefined;

  function opened(): LiveClusterLike {
    if (!live) throw new Error('The live cluster is not open yet: open it with the dataset first.');
    return live;
  }

  return {
    async handle(body: ClusterRequestBody): Promise<ClusterReplyValues[ClusterRequestBody['type']]> {
      switch (body.type) {
        case 'open': {
          live = await createLive(body.cluster);
          const restored = replaySteps(live, body.steps, body.rewriteAll);
          return {
            ...restored,
            timeline: live.timeline(),
            manifests: live.manifests(),
            ...(live.learner !== undefined ? { learner: live.learner } : {}),
          };
        }
        case 'kubectl': {
          const cluster = opened();
          const time = cluster.now();
          return {
            ...cluster.kubectl(body.line, body.stdin !== undefined ? { stdin: body.stdin } : {}),
            time,
          };
        }
        case 'complete':
          return opened().complete(body.line);
        case 'advance': {
          const cluster = opened();
          const rows = body.to > cluster.now() ? cluster.advanceTo(body.to) : {};
          return { now: cluster.now(), rows };
        }
        case 'timeline':
          return opened().timeline();
      }
    },
  };
}

export type ClusterService = ReturnType<typeof createClusterService>;
