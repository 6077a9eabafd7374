import {
  CLUSTER_NAME,
  CLUSTER_RESOURCE_ID,
  CLUSTER_RESOURCE_ID_UPPER,
  REGION,
  RESOURCE_GROUP,
  SUBSCRIPTION_ID,
  WORKSPACE_ID,
} from '../cluster/constants';
import { MINUTE } from '../core/time';
import type { Row } from '../core/sink';
import type { EmitContext } from '../telemetry/context';
import { alertDefinition } from './catalog';

/** What an alert is about; each present field becomes an entity in `Entities`. */
export interface AlertSubject {
  namespace?: string;
  pod?: string;
  deployment?: string;
  container?: string;
  image?: string;
  node?: string;
  process?: { pid: number; commandLine: string; exe: string; user: string; parentExe?: string };
  ips?: string[];
  account?: string;
}

export interface RaisedAlert {
  alertType: string;
  startMs: number;
  generatedMs: number;
  systemAlertId: string;
}

/** SecurityAlert's Status values as Defender for Cloud and Defender XDR sync them to the workspace. */
export type AlertStatus = 'New' | 'InProgress' | 'Resolved' | 'Dismissed';

/**
 * Turns detections into SecurityAlert rows as Defender for Cloud exports them to the workspace: the
 * alert reaches the table minutes (runtime sensor) to an hour (audit-log analytics) after the activity,
 * with ExtendedProperties and Entities as JSON strings and the same alert deduplicated for a while.
 */
export class AlertEmitter {
  readonly raised: RaisedAlert[] = [];
  private readonly lastByKey = new Map<string, number>();
  /** The latest row written for each alert, by SystemAlertId: a status change is written as a copy of it. */
  private readonly latest = new Map<string, Row>();

  constructor(
    private readonly ctx: EmitContext,
    private readonly onDelivered: (row: Row, generatedMs: number) => void = () => {},
  ) {}

  raise(
    alertType: string,
    startMs: number,
    subject: AlertSubject,
    extended: Record<string, string>,
    options: { dedupKey?: string; dedupMs?: number; endMs?: number } = {},
  ): void {
    const definition = alertDefinition(alertType);
    if (options.dedupKey) {
      const key = `${alertType}|${options.dedupKey}`;
      const last = this.lastByKey.get(key);
      if (last !== undefined && startMs - last < (options.dedupMs ?? 24 * 60 * MINUTE)) return;
      this.lastByKey.set(key, startMs);
    }
    const random = this.ctx.random;
    const delay =
      definition.plane === 'runtime'
        ? random.int(2 * MINUTE, 10 * MINUTE)
        : random.int(10 * MINUTE, 60 * MINUTE);
    const generatedMs = (options.endMs ?? startMs) + delay;
    const systemAlertId = random.uuid();
    const vendorOriginalId = `${reverseTicks(startMs)}_${random.uuid()}`;
    const processingEnd = generatedMs - random.int(200, 4000);
    this.raised.push({ alertType, startMs, generatedMs, systemAlertId });
    const row = {
      TenantId: WORKSPACE_ID,
      TimeGenerated: new Date(generatedMs).toISOString(),
      DisplayName: definition.displayName,
      AlertName: definition.displayName,
      AlertSeverity: definition.severity,
      Description: definition.description,
      ProviderName: 'Azure Security Center',
      VendorName: 'Microsoft',
      VendorOriginalId: vendorOriginalId,
      SystemAlertId: systemAlertId,
      ResourceId: CLUSTER_RESOURCE_ID_UPPER,
      SourceComputerId: '',
      AlertType: alertType,
      ConfidenceLevel: '',
      ConfidenceScore: null,
      IsIncident: false,
      StartTime: new Date(startMs).toISOString(),
      EndTime: new Date(options.endMs ?? startMs).toISOString(),
      ProcessingEndTime: new Date(processingEnd).toISOString(),
      RemediationSteps: JSON.stringify(definition.remediation),
      ExtendedProperties: JSON.stringify({
        ...extended,
        resourceType: 'Kubernetes Service',
        EffectiveAzureResourceId: CLUSTER_RESOURCE_ID,
        CompromisedEntity: CLUSTER_NAME,
        ProductComponentName: 'Containers',
        EffectiveSubscriptionId: SUBSCRIPTION_ID,
      }),
      Entities: JSON.stringify(entities(subject)),
      SourceSystem: 'Detection',
      WorkspaceSubscriptionId: SUBSCRIPTION_ID,
      WorkspaceResourceGroup: RESOURCE_GROUP,
      ExtendedLinks: '',
      ProductName: 'Azure Security Center',
      ProductComponentName: 'Containers',
      AlertLink: `https://portal.azure.com/#blade/Microsoft_Azure_Security_AzureDefenderForData/AlertBlade/alertId/${vendorOriginalId}/subscriptionId/${SUBSCRIPTION_ID}/resourceGroup/${RESOURCE_GROUP}/referencedFrom/alertDeepLink/location/${REGION}`,
      Status: 'New',
      CompromisedEntity: CLUSTER_NAME,
      Tactics: definition.tactics.join(', '),
      Techniques: JSON.stringify(definition.techniques),
      SubTechniques: '',
      Type: 'SecurityAlert',
      _ResourceId: CLUSTER_RESOURCE_ID.toLowerCase(),
      _SubscriptionId: SUBSCRIPTION_ID,
    };
    // Written when Defender delivers it, so a learner querying "now" never sees an alert from the future.
    this.ctx.clock.at(generatedMs, () => {
      if (generatedMs >= this.ctx.endMs) return;
      this.ctx.writer.write('SecurityAlert', row);
      this.latest.set(systemAlertId, row);
      this.onDelivered(row, generatedMs);
    });
  }

  /**
   * A status change (an analyst taking the incident, or closing it) reaches the workspace as a new row with the
   * same SystemAlertId, as Sentinel records it: readers take the latest row per alert.
   */
  updateStatus(systemAlertId: string, status: AlertStatus, atMs: number): void {
    this.ctx.clock.at(atMs, () => {
      const previous = this.latest.get(systemAlertId);
      if (!previous || previous.Status === status || atMs >= this.ctx.endMs) return;
      const time = new Date(atMs).toISOString();
      const row = { ...previous, TimeGenerated: time, ProcessingEndTime: time, Status: status };
      this.latest.set(systemAlertId, row);
      this.ctx.writer.write('SecurityAlert', row);
    });
  }
}

/** .NET reverse ticks (DateTime.MaxValue.Ticks - ticks), the prefix of Defender's VendorOriginalId. */
function reverseTicks(ms: number): string {
  const ticks = 621355968000000000n + BigInt(Math.floor(ms)) * 10000n;
  return (3155378975999999999n - ticks).toString();
}

function entities(subject: AlertSubject): unknown[] {
  const list: Record<string, unknown>[] = [];
  let next = 2;
  const add = (entity: Record<string, unknown>) => {
    const id = String(next++);
    list.push({ $id: id, ...entity });
    return { $ref: id };
  };
  let imageRef: { $ref: string } | undefined;
  if (subject.image) imageRef = add({ ImageId: subject.image, Type: 'container-image' });
  if (subject.container)
    add({ Name: subject.container, ...(imageRef ? { Image: imageRef } : {}), Type: 'container' });
  const resource = add({
    ResourceId: CLUSTER_RESOURCE_ID,
    ResourceType: 'Kubernetes Service',
    ResourceName: CLUSTER_NAME,
    Metadata: { IsGraphCenter: true },
    Asset: true,
    Type: 'azure-resource',
  });
  const cluster = add({ CloudResource: resource, Asset: false, Type: 'K8s-cluster' });
  if (subject.namespace) {
    const namespace = add({ Name: subject.namespace, Cluster: cluster, Type: 'K8s-namespace' });
    if (subject.pod) add({ Name: subject.pod, Namespace: namespace, Type: 'K8s-pod' });
    if (subject.deployment) add({ Name: subject.deployment, Namespace: namespace, Type: 'K8s-deployment' });
  }
  let host: { $ref: string } | undefined;
  if (subject.node) host = add({ HostName: subject.node, OSFamily: 'Linux', Type: 'host' });
  let account: { $ref: string } | undefined;
  if (subject.account)
    account = add({ Name: subject.account, ...(host ? { Host: host } : {}), Type: 'account' });
  if (subject.process) {
    const exe = subject.process.exe;
    const slash = exe.lastIndexOf('/');
    const file = add({
      Directory: slash > 0 ? exe.slice(0, slash) : '/',
      Name: exe.slice(slash + 1),
      Type: 'file',
    });
    add({
      ProcessId: String(subject.process.pid),
      CommandLine: subject.process.commandLine,
      ImageFile: file,
      ...(account ? { Account: account } : {}),
      ...(host ? { Host: host } : {}),
      Type: 'process',
    });
  }
  for (const ip of subject.ips ?? []) add({ Address: ip, Type: 'ip' });
  return list;
}
