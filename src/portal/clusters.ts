/**
 * Kubernetes clusters and their Defender for Containers protection, derived from what the workspace receives: the
 * nodes (KubeNodeInventory), the Defender sensor's DaemonSet pods on them at the latest pod inventory
 * (KubePodInventory), and Defender's own output for the cluster (alerts, recommendations).
 */
import type { WireValue } from '../kql/types';
import { readRecords, stringList, text, type KqlRunner } from './kqlSource';
import type { RecommendationView } from './recommendations';
import type { SecurityAlertView } from './securityAlerts';

/** The Defender sensor's DaemonSet: one pod per node collects the runtime events. */
export const SENSOR_DAEMONSET = 'microsoft-defender-collector-ds';

export const CLUSTER_NODES_QUERY = `KubeNodeInventory
| summarize arg_max(TimeGenerated, *) by ClusterId, Computer
| summarize Nodes = make_set(Computer), KubernetesVersion = max(KubeletVersion), LastSeen = max(TimeGenerated)
    by ClusterId, ClusterName
| order by ClusterName asc`;

/** Nodes where the sensor pod ran at the latest pod inventory (written every 5 minutes, a few seconds apart). */
export const SENSOR_PODS_QUERY = `let snapshots = KubePodInventory | summarize Snapshot = max(TimeGenerated) by ClusterId;
KubePodInventory
| where Namespace == "kube-system" and ControllerName == "${SENSOR_DAEMONSET}"
| join kind=inner snapshots on ClusterId
| where TimeGenerated > Snapshot - 4m and PodStatus == "Running"
| summarize SensorNodes = make_set(Computer) by ClusterId`;

export type ProtectionStatus = 'Protected' | 'Partially protected' | 'Not protected';

export interface ClusterView {
  id: string;
  name: string;
  kubernetesVersion: string;
  nodes: string[];
  sensorNodes: string[];
  /** Nodes without a running sensor: their containers' processes go unseen. */
  unprotectedNodes: string[];
  protection: ProtectionStatus;
  openAlerts: number;
  unhealthyRecommendations: RecommendationView[];
  lastSeen: string;
}

function protectionOf(nodes: number, sensorNodes: number): ProtectionStatus {
  if (nodes > 0 && sensorNodes >= nodes) return 'Protected';
  return sensorNodes > 0 ? 'Partially protected' : 'Not protected';
}

export function toClusterViews(
  nodeRecords: readonly Record<string, WireValue>[],
  sensorRecords: readonly Record<string, WireValue>[],
  alerts: readonly SecurityAlertView[],
  recommendations: readonly RecommendationView[],
): ClusterView[] {
  const sensors = new Map(
    sensorRecords.map((record) => [text(record.ClusterId).toLowerCase(), stringList(record.SensorNodes)]),
  );
  return nodeRecords.map((record) => {
    const id = text(record.ClusterId);
    const key = id.toLowerCase();
    const nodes = stringList(record.Nodes).sort();
    const sensorNodes = (sensors.get(key) ?? []).filter((node) => nodes.includes(node)).sort();
    return {
      id,
      name: text(record.ClusterName),
      kubernetesVersion: text(record.KubernetesVersion),
      nodes,
      sensorNodes,
      unprotectedNodes: nodes.filter((node) => !sensorNodes.includes(node)),
      protection: protectionOf(nodes.length, sensorNodes.length),
      openAlerts: alerts.filter(
        (alert) =>
          alert.resourceId.toLowerCase() === key &&
          alert.status !== 'Resolved' &&
          alert.status !== 'Dismissed',
      ).length,
      unhealthyRecommendations: recommendations.filter(
        (recommendation) =>
          recommendation.resourceId.toLowerCase() === key && recommendation.state === 'Unhealthy',
      ),
      lastSeen: text(record.LastSeen),
    };
  });
}

export async function readClusters(
  run: KqlRunner,
  alerts: readonly SecurityAlertView[],
  recommendations: readonly RecommendationView[],
): Promise<ClusterView[]> {
  const nodes = await readRecords(run, 'clusters', CLUSTER_NODES_QUERY);
  const sensors = await readRecords(run, 'Defender sensor coverage', SENSOR_PODS_QUERY);
  return toClusterViews(nodes, sensors, alerts, recommendations);
}
