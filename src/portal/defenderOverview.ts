/**
 * Everything the Defender for Cloud page shows, read in one go: the recommendations first (registries, clusters
 * and alerts' "Take action" refer to them), then alerts, registries and clusters.
 */
import { readClusters, type ClusterView } from './clusters';
import type { KqlRunner } from './kqlSource';
import {
  groupRecommendations,
  readRecommendations,
  type RecommendationGroup,
  type RecommendationView,
} from './recommendations';
import { readRegistries, type RegistryView } from './registries';
import { readSecurityAlerts, type SecurityAlertView } from './securityAlerts';

export interface DefenderOverview {
  alerts: SecurityAlertView[];
  recommendations: RecommendationView[];
  recommendationGroups: RecommendationGroup[];
  registries: RegistryView[];
  clusters: ClusterView[];
}

export async function readDefenderOverview(run: KqlRunner): Promise<DefenderOverview> {
  const recommendations = await readRecommendations(run);
  const alerts = await readSecurityAlerts(run);
  const registries = await readRegistries(run, recommendations);
  const clusters = await readClusters(run, alerts, recommendations);
  return {
    alerts,
    recommendations,
    recommendationGroups: groupRecommendations(recommendations),
    registries,
    clusters,
  };
}
