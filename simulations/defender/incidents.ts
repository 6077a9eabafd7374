import { RESOURCE_GROUP, SUBSCRIPTION_ID, WORKSPACE_ID } from '../cluster/constants';
import type { Row } from '../core/sink';
import { HOUR, MINUTE } from '../core/time';
import type { EmitContext } from '../telemetry/context';

const WORKSPACE_NAME = 'law-contoso-sentinel';
/** The Sentinel analytics rule "Create incidents based on Microsoft Defender for Cloud alerts". */
const MICROSOFT_SECURITY_RULE = 'a1f3c5e7-9b2d-4f6a-8c0e-2b4d6f8a0c1e';
const ANALYST = {
  objectId: '3d5f7a9c-1e2b-4c6d-8f0a-2c4e6a8c0e1f',
  email: 'soc.analyst@contoso.com',
  assignedTo: 'SOC Analyst',
  userPrincipalName: 'soc.analyst@contoso.com',
};

/**
 * Microsoft Sentinel's incident creation from Defender for Cloud alerts: one incident per alert of
 * severity Low or above (the rule leaves Informational alerts out), written to SecurityIncident when
 * created and again on every change. The SOC closes the alerts it knows to be expected as benign.
 */
export class SentinelIncidents {
  private nextNumber = 1207;

  constructor(private readonly ctx: EmitContext) {}

  onAlert(alert: Row, generatedMs: number): void {
    const severity = String(alert.AlertSeverity);
    if (severity === 'Informational') return;
    const random = this.ctx.random;
    const number = this.nextNumber++;
    const name = random.uuid();
    const createdMs = generatedMs + random.int(20_000, 3 * MINUTE);
    const tactics = String(alert.Tactics).split(', ').filter(Boolean);
    const base = {
      TenantId: WORKSPACE_ID,
      Type: 'SecurityIncident',
      SourceSystem: 'Azure',
      _ResourceId: `/subscriptions/${SUBSCRIPTION_ID}/resourcegroups/${RESOURCE_GROUP}/providers/microsoft.operationalinsights/workspaces/${WORKSPACE_NAME}`,
      _SubscriptionId: SUBSCRIPTION_ID,
      IncidentName: name,
      IncidentNumber: number,
      IncidentUrl: `https://portal.azure.com/#asset/Microsoft_Azure_Security_Insights/Incident/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/${RESOURCE_GROUP}/providers/Microsoft.OperationalInsights/workspaces/${WORKSPACE_NAME}/providers/Microsoft.SecurityInsights/Incidents/${name}`,
      ProviderName: 'Azure Sentinel',
      ProviderIncidentId: String(number),
      Title: alert.AlertName,
      Description: alert.Description,
      Severity: severity,
      AlertIds: [alert.SystemAlertId],
      BookmarkIds: [],
      Comments: [],
      Tasks: [],
      Labels: [],
      RelatedAnalyticRuleIds: [MICROSOFT_SECURITY_RULE],
      FirstActivityTime: alert.StartTime,
      LastActivityTime: alert.EndTime,
      CreatedTime: new Date(createdMs).toISOString(),
      FirstModifiedTime: new Date(createdMs).toISOString(),
      AdditionalData: {
        alertsCount: 1,
        bookmarksCount: 0,
        commentsCount: 0,
        alertProductNames: ['Azure Security Center'],
        tactics,
        techniques: JSON.parse(String(alert.Techniques)) as string[],
      },
    };
    const created = {
      ...base,
      TimeGenerated: new Date(createdMs).toISOString(),
      LastModifiedTime: new Date(createdMs).toISOString(),
      Status: 'New',
      Owner: { objectId: null, email: null, assignedTo: null, userPrincipalName: null },
      ModifiedBy: 'Microsoft Defender for Cloud',
      Classification: '',
      ClassificationReason: '',
      ClassificationComment: '',
      ClosedTime: null,
    };
    this.at(createdMs, created);
    if (this.isKnownBenign(alert) && random.chance(0.8)) {
      const closedMs = createdMs + random.int(40 * MINUTE, 6 * HOUR);
      this.at(closedMs, {
        ...created,
        TimeGenerated: new Date(closedMs).toISOString(),
        LastModifiedTime: new Date(closedMs).toISOString(),
        Status: 'Closed',
        Owner: ANALYST,
        ModifiedBy: ANALYST.userPrincipalName,
        Classification: 'BenignPositive',
        ClassificationReason: 'SuspiciousButExpected',
        ClassificationComment:
          'catalog-api reads Key Vault with the kubelet identity through IMDS; tracked in change CHG-4471 to move it to workload identity.',
        ClosedTime: new Date(closedMs).toISOString(),
      });
    }
  }

  /** What the SOC already knows: catalog-api's managed-identity calls. */
  private isKnownBenign(alert: Row): boolean {
    return (
      alert.AlertType === 'K8S.NODE_ImdsCall' &&
      String(alert.ExtendedProperties).includes('"Pod name":"catalog-api-')
    );
  }

  private at(timeMs: number, row: Row): void {
    this.ctx.clock.at(timeMs, () => {
      if (timeMs < this.ctx.endMs) this.ctx.writer.write('SecurityIncident', row);
    });
  }
}
