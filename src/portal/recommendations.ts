/**
 * Defender for Cloud's recommendations, from SecurityRecommendation: each assessment is exported as snapshots, so
 * the current state is the latest row of each RecommendationId (one recommendation on one resource). The list
 * groups them by recommendation, with the resources each affects and what on them is unhealthy.
 */
import type { WireValue } from '../kql/types';
import { objectOf, readRecords, text, type KqlRunner } from './kqlSource';

export const RECOMMENDATIONS_QUERY = `SecurityRecommendation
| summarize arg_max(TimeGenerated, *) by RecommendationId
| project RecommendationId, RecommendationName, RecommendationDisplayName, RecommendationSeverity,
    RecommendationState, AssessedResourceId, Description, Properties, RecommendationAdditionalData, TimeGenerated
| order by RecommendationDisplayName asc`;

/** One recommendation on one resource, at its latest assessment. */
export interface RecommendationView {
  id: string;
  /** The assessment key: the same recommendation on every resource. */
  key: string;
  displayName: string;
  severity: string;
  state: string;
  resourceId: string;
  resourceName: string;
  /** "managedClusters", "registries"… */
  resourceType: string;
  description: string;
  /** What on the resource fails it: workloads ("shop/Deployment/catalog-api") or images. */
  unhealthyItems: string[];
  assessedAt: string;
}

function unhealthyItemsOf(record: Record<string, WireValue>): string[] {
  const fromProperties = objectOf(objectOf(record.Properties).additionalData);
  const fromExport = objectOf(record.RecommendationAdditionalData);
  const items: string[] = [];
  for (const source of [fromExport, fromProperties]) {
    for (const key of ['unhealthyWorkloads', 'unhealthyImages']) {
      const list = source[key];
      if (!Array.isArray(list)) continue;
      for (const item of list) {
        if (typeof item === 'string') items.push(item);
        else if (item && typeof item === 'object' && !Array.isArray(item)) {
          items.push(
            [item.namespace, item.kind, item.owner]
              .map((part) => text(part))
              .filter(Boolean)
              .join('/'),
          );
        }
      }
    }
  }
  return [...new Set(items.filter(Boolean))];
}

function lastSegment(id: string): string {
  return id.split('/').filter(Boolean).pop() ?? id;
}

export function toRecommendationView(record: Record<string, WireValue>): RecommendationView {
  const details = objectOf(objectOf(record.Properties).resourceDetails);
  const resourceId = text(record.AssessedResourceId) || text(details.Id);
  return {
    id: text(record.RecommendationId),
    key: text(record.RecommendationName),
    displayName: text(record.RecommendationDisplayName),
    severity: text(record.RecommendationSeverity),
    state: text(record.RecommendationState),
    resourceId,
    resourceName: text(details.ResourceName) || lastSegment(resourceId),
    resourceType: text(details.ResourceType) || lastSegment(resourceId.replace(/\/[^/]+$/, '')),
    description: text(record.Description),
    unhealthyItems: unhealthyItemsOf(record),
    assessedAt: text(record.TimeGenerated),
  };
}

export async function readRecommendations(run: KqlRunner): Promise<RecommendationView[]> {
  const records = await readRecords(run, 'recommendations', RECOMMENDATIONS_QUERY);
  return records.map(toRecommendationView);
}

/** A recommendation as the portal lists it: its resources, the unhealthy ones first. */
export interface RecommendationGroup {
  key: string;
  displayName: string;
  severity: string;
  description: string;
  unhealthyCount: number;
  resources: RecommendationView[];
}

const SEVERITY_ORDER = ['Critical', 'High', 'Medium', 'Low', 'Informational'];

export function groupRecommendations(views: readonly RecommendationView[]): RecommendationGroup[] {
  const groups = new Map<string, RecommendationGroup>();
  for (const view of views) {
    const key = view.key || view.displayName;
    let group = groups.get(key);
    if (!group) {
      group = {
        key,
        displayName: view.displayName,
        severity: view.severity,
        description: view.description,
        unhealthyCount: 0,
        resources: [],
      };
      groups.set(key, group);
    }
    group.resources.push(view);
    if (view.state === 'Unhealthy') group.unhealthyCount += 1;
  }
  for (const group of groups.values()) {
    group.resources.sort(
      (a, b) =>
        Number(b.state === 'Unhealthy') - Number(a.state === 'Unhealthy') ||
        a.resourceName.localeCompare(b.resourceName),
    );
  }
  return [...groups.values()].sort(
    (a, b) =>
      Number(b.unhealthyCount > 0) - Number(a.unhealthyCount > 0) ||
      SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) ||
      a.displayName.localeCompare(b.displayName),
  );
}
