/**
 * Defender for Cloud's security alerts for containers, from SecurityAlert (each status change is a row, so the
 * list is the latest row of each alert), and the "Take action" tab: the mitigation steps from the alert catalog
 * and the open recommendations on the same resource that would have prevented it.
 */
import { ALERT_CATALOG } from '../../simulations/defender/catalog';
import type { WireValue } from '../kql/types';
import { entitiesOf, type EntityView } from './entities';
import { objectOf, readRecords, stringList, text, type KqlRunner } from './kqlSource';
import type { RecommendationView } from './recommendations';

export const SECURITY_ALERTS_QUERY = `SecurityAlert
| where ProductComponentName == "Containers" or AlertType startswith "K8S"
| summarize arg_max(TimeGenerated, *) by SystemAlertId
| project SystemAlertId, AlertName, AlertType, AlertSeverity, Status, StartTime, EndTime, CompromisedEntity,
    ResourceId, Description, RemediationSteps, Tactics, Techniques, ExtendedProperties, Entities
| order by StartTime desc`;

export interface SecurityAlertView {
  id: string;
  name: string;
  alertType: string;
  severity: string;
  status: string;
  startTime: string;
  endTime: string;
  /** The resource the alert is on (the cluster), as the alert names it. */
  affectedResource: string;
  resourceId: string;
  description: string;
  tactics: string[];
  techniques: string[];
  /** ExtendedProperties: the alert's own facts (pod, namespace, command line…). */
  properties: { name: string; value: string }[];
  entities: EntityView[];
  /** The steps the row itself carries (RemediationSteps). */
  rowRemediation: string[];
}

export function toSecurityAlertView(record: Record<string, WireValue>): SecurityAlertView {
  const properties = Object.entries(objectOf(record.ExtendedProperties))
    .map(([name, value]) => ({ name, value: text(value) }))
    .filter((property) => property.value !== '');
  return {
    id: text(record.SystemAlertId),
    name: text(record.AlertName),
    alertType: text(record.AlertType),
    severity: text(record.AlertSeverity),
    status: text(record.Status),
    startTime: text(record.StartTime),
    endTime: text(record.EndTime),
    affectedResource: text(record.CompromisedEntity),
    resourceId: text(record.ResourceId),
    description: text(record.Description),
    tactics: text(record.Tactics)
      .split(',')
      .map((tactic) => tactic.trim())
      .filter(Boolean),
    techniques: stringList(record.Techniques),
    properties,
    entities: entitiesOf(record.Entities),
    rowRemediation: stringList(record.RemediationSteps),
  };
}

export async function readSecurityAlerts(run: KqlRunner): Promise<SecurityAlertView[]> {
  const records = await readRecords(run, 'security alerts', SECURITY_ALERTS_QUERY);
  return records.map(toSecurityAlertView);
}

export interface TakeAction {
  /** "Mitigate the threat": the catalog's steps for this alert type. */
  mitigation: string[];
  /** Where the mitigation comes from, for the learner who wants to check it. */
  mitigationSource: 'catalog' | 'alert';
  /** "Prevent future attacks": open recommendations on the alert's resource. */
  prevention: RecommendationView[];
}

/**
 * The "Take action" tab of an alert. The steps come from the alert catalog (simulations/defender/catalog.ts); an
 * alert type the catalog lacks falls back to the steps its own row carries.
 */
export function takeActionFor(
  alert: SecurityAlertView,
  recommendations: readonly RecommendationView[],
): TakeAction {
  const definition = ALERT_CATALOG.get(alert.alertType);
  const resource = alert.resourceId.toLowerCase();
  return {
    mitigation: definition ? [...definition.remediation] : alert.rowRemediation,
    mitigationSource: definition ? 'catalog' : 'alert',
    prevention: recommendations.filter(
      (recommendation) =>
        recommendation.state === 'Unhealthy' && recommendation.resourceId.toLowerCase() === resource,
    ),
  };
}

export interface AlertFilters {
  severity: string;
  status: string;
  search: string;
}

export function filterAlerts(
  alerts: readonly SecurityAlertView[],
  filters: AlertFilters,
): SecurityAlertView[] {
  const words = filters.search.toLowerCase().split(/\s+/).filter(Boolean);
  return alerts.filter((alert) => {
    if (filters.severity && alert.severity !== filters.severity) return false;
    if (filters.status && alert.status !== filters.status) return false;
    const haystack = `${alert.name} ${alert.alertType} ${alert.affectedResource} ${alert.entities
      .map((entity) => entity.name)
      .join(' ')}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}
