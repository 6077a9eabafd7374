import { RESOURCE_GROUP, SUBSCRIPTION_ID, WORKSPACE_ID } from '../cluster/constants';
import type { Row } from '../core/sink';
import { HOUR, MINUTE } from '../core/time';
import type { EmitContext } from '../telemetry/context';
import type { AlertStatus } from './alerts';

const WORKSPACE_NAME = 'law-contoso-sentinel';
/** The Sentinel analytics rule "Create incidents based on Microsoft Defender for Cloud alerts". */
const MICROSOFT_SECURITY_RULE = 'a1f3c5e7-9b2d-4f6a-8c0e-2b4d6f8a0c1e';
const ANALYST = {
  objectId: '3d5f7a9c-1e2b-4c6d-8f0a-2c4e6a8c0e1f',
  email: 'soc.analyst@contoso.com',
  assignedTo: 'SOC Analyst',
  userPrincipalName: 'soc.analyst@contoso.com',
};
const UNASSIGNED = { objectId: null, email: null, assignedTo: null, userPrincipalName: null };

/** Alerts on the same resource whose activity lies this close to an open incident's latest alert join it. */
export const CORRELATION_WINDOW_MS = 4 * HOUR;

const SEVERITY_RANK: Record<string, number> = { Informational: 0, Low: 1, Medium: 2, High: 3 };

/** Changes an incident makes to its alerts' status (Defender XDR keeps the two in step). */
export type AlertStatusSink = (systemAlertId: string, status: AlertStatus, atMs: number) => void;

interface Incident {
  name: string;
  number?: number;
  createdMs: number;
  alerts: Row[];
  status: 'New' | 'Active' | 'Closed';
  knownBenign: boolean;
  lastActivityMs: number;
  resourceId: string;
  owner: typeof ANALYST | typeof UNASSIGNED;
  modifiedBy: string;
  classification?: { value: string; reason: string; comment: string; closedMs: number };
}

const startOf = (alert: Row) => Date.parse(String(alert.StartTime));

/**
 * Incidents as Defender XDR correlates Defender for Cloud alerts and Sentinel records them: alerts of severity
 * Low or above on the same resource within a few hours of an open incident's activity join it (an attack's
 * alerts become one incident); each incident is numbered when it is created, so numbers follow creation time;
 * every change (a joined alert, an analyst taking it, its closure) is a new SecurityIncident row. The SOC takes
 * each incident within the hour and closes the alerts it knows to be expected as benign.
 */
export class SentinelIncidents {
  private nextNumber = 1207;
  private readonly open: Incident[] = [];

  constructor(
    private readonly ctx: EmitContext,
    private readonly setAlertStatus: AlertStatusSink = () => {},
  ) {}

  onAlert(alert: Row, deliveredMs: number): void {
    if (String(alert.AlertSeverity) === 'Informational') return;
    const random = this.ctx.random;
    const knownBenign = this.isKnownBenign(alert);
    const joined = knownBenign ? undefined : this.correlate(alert);
    if (joined) {
      joined.alerts.push(alert);
      joined.lastActivityMs = Math.max(joined.lastActivityMs, Date.parse(String(alert.EndTime)));
      const changedMs = deliveredMs + random.int(20_000, 2 * MINUTE);
      if (joined.status === 'Active')
        this.setAlertStatus(String(alert.SystemAlertId), 'InProgress', changedMs);
      // Before its creation the incident simply holds the alert; afterwards, the change is a new row.
      if (joined.number !== undefined || changedMs > joined.createdMs)
        this.at(changedMs, () => this.write(joined, changedMs, 'Microsoft Defender XDR'));
      return;
    }
    const incident: Incident = {
      name: random.uuid(),
      createdMs: deliveredMs + random.int(20_000, 3 * MINUTE),
      alerts: [alert],
      status: 'New',
      knownBenign,
      lastActivityMs: Date.parse(String(alert.EndTime)),
      resourceId: String(alert.ResourceId),
      owner: UNASSIGNED,
      modifiedBy: 'Microsoft Defender for Cloud',
    };
    this.open.push(incident);
    this.at(incident.createdMs, () => {
      incident.number = this.nextNumber++;
      this.write(incident, incident.createdMs, incident.modifiedBy);
    });
    if (knownBenign) {
      if (!random.chance(0.8)) return;
      const closedMs = incident.createdMs + random.int(40 * MINUTE, 6 * HOUR);
      this.at(closedMs, () =>
        this.close(incident, closedMs, {
          value: 'BenignPositive',
          reason: 'SuspiciousButExpected',
          comment:
            'catalog-api reads Key Vault with the kubelet identity through IMDS; tracked in change CHG-4471 to move it to workload identity.',
        }),
      );
      return;
    }
    const takenMs = incident.createdMs + random.int(12 * MINUTE, 55 * MINUTE);
    this.at(takenMs, () => {
      incident.status = 'Active';
      incident.owner = ANALYST;
      incident.modifiedBy = ANALYST.userPrincipalName;
      this.write(incident, takenMs, ANALYST.userPrincipalName);
      for (const member of incident.alerts)
        this.setAlertStatus(String(member.SystemAlertId), 'InProgress', takenMs + random.int(1000, 20_000));
    });
  }

  /** The open incident this alert belongs to: same resource, activity within the correlation window. */
  private correlate(alert: Row): Incident | undefined {
    const start = startOf(alert);
    return this.open.find(
      (incident) =>
        incident.status !== 'Closed' &&
        !incident.knownBenign &&
        incident.resourceId === String(alert.ResourceId) &&
        Math.abs(start - incident.lastActivityMs) <= CORRELATION_WINDOW_MS,
    );
  }

  private close(
    incident: Incident,
    closedMs: number,
    classification: { value: string; reason: string; comment: string },
  ): void {
    incident.status = 'Closed';
    incident.owner = ANALYST;
    incident.modifiedBy = ANALYST.userPrincipalName;
    incident.classification = { ...classification, closedMs };
    this.write(incident, closedMs, ANALYST.userPrincipalName);
    for (const member of incident.alerts)
      this.setAlertStatus(
        String(member.SystemAlertId),
        'Resolved',
        closedMs + this.ctx.random.int(1000, 20_000),
      );
  }

  /** What the SOC already knows: catalog-api's managed-identity calls. */
  private isKnownBenign(alert: Row): boolean {
    return (
      alert.AlertType === 'K8S.NODE_ImdsCall' &&
      String(alert.ExtendedProperties).includes('"Pod name":"catalog-api-')
    );
  }

  private write(incident: Incident, timeMs: number, modifiedBy: string): void {
    if (timeMs >= this.ctx.endMs || incident.number === undefined) return;
    const number = incident.number;
    const alerts = [...incident.alerts].sort((a, b) => startOf(a) - startOf(b));
    // The incident keeps the name of the alert that opened it; its activity starts with the earliest alert.
    const opening = incident.alerts[0]!;
    const first = alerts[0]!;
    const severity = alerts
      .map((alert) => String(alert.AlertSeverity))
      .reduce((worst, next) => ((SEVERITY_RANK[next] ?? 0) > (SEVERITY_RANK[worst] ?? 0) ? next : worst));
    const tactics = [
      ...new Set(alerts.flatMap((alert) => String(alert.Tactics).split(', ').filter(Boolean))),
    ];
    const techniques = [
      ...new Set(alerts.flatMap((alert) => JSON.parse(String(alert.Techniques)) as string[])),
    ];
    const created = new Date(incident.createdMs).toISOString();
    const time = new Date(timeMs).toISOString();
    const classification = incident.classification;
    this.ctx.writer.write('SecurityIncident', {
      TenantId: WORKSPACE_ID,
      Type: 'SecurityIncident',
      SourceSystem: 'Azure',
      _ResourceId: `/subscriptions/${SUBSCRIPTION_ID}/resourcegroups/${RESOURCE_GROUP}/providers/microsoft.operationalinsights/workspaces/${WORKSPACE_NAME}`,
      _SubscriptionId: SUBSCRIPTION_ID,
      IncidentName: incident.name,
      IncidentNumber: number,
      IncidentUrl: `https://portal.azure.com/#asset/Microsoft_Azure_Security_Insights/Incident/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/${RESOURCE_GROUP}/providers/Microsoft.OperationalInsights/workspaces/${WORKSPACE_NAME}/providers/Microsoft.SecurityInsights/Incidents/${incident.name}`,
      ProviderName: 'Azure Sentinel',
      ProviderIncidentId: String(number),
      Title: opening.AlertName,
      Description: opening.Description,
      Severity: severity,
      AlertIds: alerts.map((alert) => String(alert.SystemAlertId)),
      BookmarkIds: [],
      Comments: [],
      Tasks: [],
      Labels: [],
      RelatedAnalyticRuleIds: [MICROSOFT_SECURITY_RULE],
      FirstActivityTime: first.StartTime,
      LastActivityTime: new Date(incident.lastActivityMs).toISOString(),
      CreatedTime: created,
      FirstModifiedTime: created,
      AdditionalData: {
        alertsCount: alerts.length,
        bookmarksCount: 0,
        commentsCount: 0,
        alertProductNames: ['Azure Security Center'],
        tactics,
        techniques,
      },
      TimeGenerated: time,
      LastModifiedTime: time,
      Status: incident.status,
      Owner: incident.owner,
      ModifiedBy: modifiedBy,
      Classification: classification?.value ?? '',
      ClassificationReason: classification?.reason ?? '',
      ClassificationComment: classification?.comment ?? '',
      ClosedTime: classification ? new Date(classification.closedMs).toISOString() : null,
    });
  }

  private at(timeMs: number, fn: () => void): void {
    this.ctx.clock.at(timeMs, () => {
      if (timeMs < this.ctx.endMs) fn();
    });
  }
}
