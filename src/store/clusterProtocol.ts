/** Messages between the cluster client (page) and the cluster worker. Only clusterClient.ts sends them. */
import type { ScenarioRef } from '../../simulations/index';
import type {
  ClusterStep,
  KubectlOutcome,
  ManifestChoice,
  RestoredSession,
  RowsByTable,
  TimelineEvent,
} from './clusterSession';

/** Which cluster to build: the dataset's scenario, seed and days, as it was generated. */
export interface LiveClusterRequest {
  readonly scenario: string | ScenarioRef;
  readonly seed: number;
  readonly days: number;
}

export type ClusterRequestBody =
  | {
      readonly type: 'open';
      readonly cluster: LiveClusterRequest;
      readonly steps: readonly ClusterStep[];
      readonly rewriteAll: boolean;
    }
  | { readonly type: 'kubectl'; readonly line: string; readonly stdin?: string }
  | { readonly type: 'complete'; readonly line: string }
  | { readonly type: 'advance'; readonly to: number }
  | { readonly type: 'timeline' };

export type ClusterRequest = ClusterRequestBody & { readonly id: number };

export interface OpenedCluster extends RestoredSession {
  readonly learner?: string;
  readonly timeline: readonly TimelineEvent[];
  readonly manifests: readonly ManifestChoice[];
}

export interface KubectlReply extends KubectlOutcome {
  /** Virtual time of the call. */
  readonly time: number;
}

export interface ClusterReplyValues {
  open: OpenedCluster;
  kubectl: KubectlReply;
  complete: readonly string[];
  advance: { readonly now: number; readonly rows: RowsByTable };
  timeline: readonly TimelineEvent[];
}

export type ClusterResponse =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly message: string };
