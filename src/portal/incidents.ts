/**
 * Sentinel's incident queue, derived from SecurityIncident: every change to an incident is a new row, so the queue
 * is the latest row of each IncidentNumber. The KQL here is what the queue shows; a learner can run the same text
 * in the lab.
 */
import type { WireValue } from '../kql/types';
import { entitiesOf, mergeEntities, type EntityView } from './entities';
import { kqlString, numberOr, objectOf, readRecords, stringList, text, type KqlRunner } from './kqlSource';

export const INCIDENT_STATUSES = ['New', 'Active', 'Closed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export const SEVERITIES = ['High', 'Medium', 'Low', 'Informational'] as const;

export interface IncidentOwner {
  objectId: string | null;
  email: string | null;
  assignedTo: string | null;
  userPrincipalName: string | null;
}

export const UNASSIGNED: IncidentOwner = {
  objectId: null,
  email: null,
  assignedTo: null,
  userPrincipalName: null,
};

export interface IncidentView {
  number: number;
  name: string;
  title: string;
  description: string;
  severity: string;
  status: string;
  owner: IncidentOwner;
  /** What the Owner column of the queue shows. */
  ownerLabel: string;
  modifiedBy: string;
  createdTime: string;
  lastModifiedTime: string;
  firstActivityTime: string;
  lastActivityTime: string;
  alertIds: string[];
  tactics: string[];
  classification: string;
  classificationReason: string;
  classificationComment: string;
  closedTime: string;
}

/** The queue: the latest state of each incident, newest first. */
export const INCIDENT_QUEUE_QUERY = `SecurityIncident
| summarize arg_max(LastModifiedTime, *) by IncidentNumber
| project IncidentNumber, IncidentName, Title, Description, Severity, Status, Owner, ModifiedBy,
    CreatedTime, LastModifiedTime, FirstActivityTime, LastActivityTime, AlertIds, AdditionalData,
    Classification, ClassificationReason, ClassificationComment, ClosedTime
| order by IncidentNumber desc`;

/** The latest row of one incident, every column (what an action copies before changing it). */
export function latestIncidentRowQuery(incidentNumber: number): string {
  if (!Number.isSafeInteger(incidentNumber)) throw new Error(`Not an incident number: ${incidentNumber}`);
  return `SecurityIncident
| where IncidentNumber == ${incidentNumber}
| summarize arg_max(LastModifiedTime, *) by IncidentNumber`;
}

/** The latest state of the alerts an incident holds (each alert's status changes are rows too). */
export function incidentAlertsQuery(alertIds: readonly string[]): string {
  const list = alertIds.map(kqlString).join(', ');
  return `SecurityAlert
| where SystemAlertId in (${list})
| summarize arg_max(TimeGenerated, *) by SystemAlertId
| project SystemAlertId, AlertName, AlertType, AlertSeverity, Status, StartTime, CompromisedEntity, Tactics, Entities
| order by StartTime asc`;
}

export function ownerOf(value: WireValue | undefined): IncidentOwner {
  const owner = objectOf(value);
  const field = (key: keyof IncidentOwner) => {
    const found = owner[key];
    return typeof found === 'string' && found !== '' ? found : null;
  };
  return {
    objectId: field('objectId'),
    email: field('email'),
    assignedTo: field('assignedTo'),
    userPrincipalName: field('userPrincipalName'),
  };
}

export function ownerLabel(owner: IncidentOwner): string {
  return owner.assignedTo ?? owner.userPrincipalName ?? owner.email ?? 'Unassigned';
}

export function toIncidentView(record: Record<string, WireValue>): IncidentView {
  const owner = ownerOf(record.Owner);
  return {
    number: numberOr(record.IncidentNumber, 0),
    name: text(record.IncidentName),
    title: text(record.Title),
    description: text(record.Description),
    severity: text(record.Severity),
    status: text(record.Status),
    owner,
    ownerLabel: ownerLabel(owner),
    modifiedBy: text(record.ModifiedBy),
    createdTime: text(record.CreatedTime),
    lastModifiedTime: text(record.LastModifiedTime),
    firstActivityTime: text(record.FirstActivityTime),
    lastActivityTime: text(record.LastActivityTime),
    alertIds: stringList(record.AlertIds),
    tactics: stringList(objectOf(record.AdditionalData).tactics),
    classification: text(record.Classification),
    classificationReason: text(record.ClassificationReason),
    classificationComment: text(record.ClassificationComment),
    closedTime: text(record.ClosedTime),
  };
}

export async function readIncidentQueue(run: KqlRunner): Promise<IncidentView[]> {
  const records = await readRecords(run, 'incident queue', INCIDENT_QUEUE_QUERY);
  return records.map(toIncidentView);
}

export interface IncidentAlertView {
  id: string;
  name: string;
  alertType: string;
  severity: string;
  status: string;
  startTime: string;
  compromisedEntity: string;
  tactics: string;
  entities: EntityView[];
}

export interface IncidentDetails {
  alerts: IncidentAlertView[];
  /** The entities of all its alerts, each once. */
  entities: EntityView[];
}

export async function readIncidentDetails(run: KqlRunner, incident: IncidentView): Promise<IncidentDetails> {
  if (incident.alertIds.length === 0) return { alerts: [], entities: [] };
  const records = await readRecords(run, 'incident’s alerts', incidentAlertsQuery(incident.alertIds));
  const alerts = records.map((record) => ({
    id: text(record.SystemAlertId),
    name: text(record.AlertName),
    alertType: text(record.AlertType),
    severity: text(record.AlertSeverity),
    status: text(record.Status),
    startTime: text(record.StartTime),
    compromisedEntity: text(record.CompromisedEntity),
    tactics: text(record.Tactics),
    entities: entitiesOf(record.Entities),
  }));
  return { alerts, entities: mergeEntities(alerts.map((alert) => alert.entities)) };
}

export interface IncidentFilters {
  severity: string;
  status: string;
  owner: string;
  /** Words to find in the title, number or owner. */
  search: string;
}

export const NO_FILTERS: IncidentFilters = { severity: '', status: '', owner: '', search: '' };

export function filterIncidents(
  incidents: readonly IncidentView[],
  filters: IncidentFilters,
): IncidentView[] {
  const words = filters.search.toLowerCase().split(/\s+/).filter(Boolean);
  return incidents.filter((incident) => {
    if (filters.severity && incident.severity !== filters.severity) return false;
    if (filters.status && incident.status !== filters.status) return false;
    if (filters.owner && incident.ownerLabel !== filters.owner) return false;
    const haystack = `${incident.number} ${incident.title} ${incident.ownerLabel}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

/** Counts the queue's header shows: open incidents, new ones, and open ones by severity. */
export function queueSummary(incidents: readonly IncidentView[]) {
  const open = incidents.filter((incident) => incident.status !== 'Closed');
  return {
    open: open.length,
    new: incidents.filter((incident) => incident.status === 'New').length,
    active: incidents.filter((incident) => incident.status === 'Active').length,
    bySeverity: SEVERITIES.map((severity) => ({
      severity,
      count: open.filter((incident) => incident.severity === severity).length,
    })),
  };
}

/** The owners a filter can offer: those in the queue, Unassigned included when some incident has no owner. */
export function ownerChoices(incidents: readonly IncidentView[]): string[] {
  return [...new Set(incidents.map((incident) => incident.ownerLabel))].sort((a, b) => a.localeCompare(b));
}
