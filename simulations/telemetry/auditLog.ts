import {
  API_SERVER_POD,
  CLUSTER_RESOURCE_ID_LOWER,
  SUBSCRIPTION_ID,
  WORKSPACE_ID,
} from '../cluster/constants';
import { azureDiagnosticsRow } from '../azure/diagnosticSetting';
import type { AuditUser } from '../cluster/identities';
import { statusReason } from '../cluster/statusReason';
import { iso, isoMicros } from '../core/time';
import type { DiagnosticDestination } from './collection';
import type { EmitContext } from './context';

/** One request to the API server, as the simulation describes it before it becomes an audit event. */
export interface ApiCall {
  time: number;
  user: AuditUser;
  sourceIp: string;
  userAgent: string;
  verb: string;
  resource?: string;
  subresource?: string;
  namespace?: string;
  name?: string;
  apiGroup?: string;
  apiVersion?: string;
  /** Query string appended to the computed URI (without "?"), or a full URI for non-resource requests. */
  query?: string;
  requestUri?: string;
  code: number;
  /** Error message of a failed request (403 etc.), as `ResponseStatus.message`. */
  message?: string;
  reason?: string;
  requestObject?: unknown;
  responseObject?: unknown;
  annotations?: Record<string, string>;
  /** Long-running requests (exec, watch) are logged at ResponseStarted too. */
  longRunning?: boolean;
}

/** The audit.k8s.io/v1 Event the API server logs for a call (ResponseComplete stage). */
export interface AuditEvent {
  kind: 'Event';
  apiVersion: 'audit.k8s.io/v1';
  level: 'Metadata' | 'Request' | 'RequestResponse';
  auditID: string;
  stage: string;
  requestURI: string;
  verb: string;
  user: AuditUser;
  sourceIPs: string[];
  userAgent: string;
  objectRef?: Record<string, string>;
  responseStatus: Record<string, unknown>;
  requestObject?: unknown;
  responseObject?: unknown;
  requestReceivedTimestamp: string;
  stageTimestamp: string;
  annotations: Record<string, string>;
}

/**
 * A request the cluster's own components repeat all day (lease renewals, watches, token requests), prepared
 * once: every row of it shares the nested objects and the serialised event, and only the audit id and the
 * timestamps change from one row to the next.
 */
export interface RoutineRequest {
  readonly verb: string;
  readonly level: AuditEvent['level'];
  readonly requestUri: string;
  readonly user: AuditUser;
  readonly sourceIps: readonly string[];
  readonly userAgent: string;
  readonly objectRef: Record<string, string> | null;
  readonly responseStatus: Record<string, unknown>;
  readonly annotations: Record<string, string>;
  /** The kube-audit JSON line cut around the audit id and the two timestamps. */
  readonly logParts: readonly [string, string, string, string];
  readonly minLatencyMs: number;
  readonly maxLatencyMs: number;
}

const AUDIT_ID_SLOT = '@@auditID@@';
const RECEIVED_SLOT = '@@requestReceivedTimestamp@@';
const STAGE_SLOT = '@@stageTimestamp@@';

export type AuditListener = (event: AuditEvent, call: ApiCall, stageMs: number) => void;

const READ_VERBS = new Set(['get', 'list', 'watch']);
/** AKS's audit policy logs secrets, config maps and token reviews at Metadata (no bodies). */
const METADATA_ONLY = new Set(['secrets', 'configmaps', 'tokenreviews', 'serviceaccounts/token']);

export function requestUri(call: ApiCall): string {
  if (call.requestUri) return call.requestUri;
  const group = call.apiGroup ?? '';
  const version = call.apiVersion ?? 'v1';
  let uri = group === '' ? `/api/${version}` : `/apis/${group}/${version}`;
  if (call.namespace) uri += `/namespaces/${call.namespace}`;
  if (call.resource) uri += `/${call.resource}`;
  // A create is a POST to the collection: the new object's name is in the body (and objectRef), not the URI.
  if (call.name && (call.verb !== 'create' || call.subresource)) uri += `/${call.name}`;
  if (call.subresource) uri += `/${call.subresource}`;
  if (call.query) uri += `?${call.query}`;
  return uri;
}

/**
 * The API server's audit backend: turns calls into audit events and writes each one where the cluster's
 * diagnostic setting sends the kube-audit and kube-audit-admin categories: in resource-specific mode as AKSAudit
 * and, for modifying verbs, AKSAuditAdmin; in Azure diagnostics mode as AzureDiagnostics rows of those categories
 * whose `log_s` holds the event JSON. Listeners (Defender's control-plane analytics) see every event either way.
 */
export class AuditLog {
  private readonly listeners: AuditListener[] = [];

  constructor(
    private readonly ctx: EmitContext,
    private readonly destination: DiagnosticDestination = 'resource-specific',
  ) {}

  subscribe(listener: AuditListener): void {
    this.listeners.push(listener);
  }

  record(call: ApiCall): AuditEvent {
    const random = this.ctx.random;
    const latencyMs = call.longRunning ? random.int(40, 400) : random.int(1, 45);
    const receivedMicros = random.int(0, 999);
    const stageMs = call.time + latencyMs;
    const resourceKey = call.subresource ? `${call.resource}/${call.subresource}` : (call.resource ?? '');
    const metadataOnly =
      METADATA_ONLY.has(resourceKey) || METADATA_ONLY.has(call.resource ?? '') || READ_VERBS.has(call.verb);
    const level = metadataOnly
      ? 'Metadata'
      : call.responseObject !== undefined
        ? 'RequestResponse'
        : 'Request';
    const auditId = random.uuid();
    const event = this.eventFor(
      call,
      level,
      auditId,
      isoMicros(call.time, receivedMicros),
      isoMicros(stageMs, random.int(0, 999)),
    );
    if (stageMs < this.ctx.endMs) this.write(event, stageMs);
    for (const listener of this.listeners) listener(event, call, stageMs);
    return event;
  }

  private eventFor(
    call: ApiCall,
    level: AuditEvent['level'],
    auditId: string,
    received: string,
    stage: string,
  ): AuditEvent {
    const objectRef: Record<string, string> | undefined = call.resource
      ? {
          resource: call.resource,
          ...(call.namespace ? { namespace: call.namespace } : {}),
          ...(call.name ? { name: call.name } : {}),
          ...(call.apiGroup ? { apiGroup: call.apiGroup } : {}),
          apiVersion: call.apiVersion ?? 'v1',
          ...(call.subresource ? { subresource: call.subresource } : {}),
        }
      : undefined;
    const responseStatus: Record<string, unknown> = { metadata: {}, code: call.code };
    if (call.code >= 400) {
      responseStatus.status = 'Failure';
      if (call.message) responseStatus.message = call.message;
      responseStatus.reason = call.reason ?? statusReason(call.code);
    }
    return {
      kind: 'Event',
      apiVersion: 'audit.k8s.io/v1',
      level,
      auditID: auditId,
      stage: 'ResponseComplete',
      requestURI: requestUri(call),
      verb: call.verb,
      user: call.user,
      sourceIPs: [call.sourceIp],
      userAgent: call.userAgent,
      ...(objectRef ? { objectRef } : {}),
      responseStatus,
      ...(level !== 'Metadata' && call.requestObject !== undefined
        ? { requestObject: call.requestObject }
        : {}),
      ...(level === 'RequestResponse' ? { responseObject: call.responseObject } : {}),
      requestReceivedTimestamp: received,
      stageTimestamp: stage,
      annotations: call.annotations ?? {
        'authorization.k8s.io/decision': call.code === 403 ? 'forbid' : 'allow',
        'authorization.k8s.io/reason': '',
      },
    };
  }

  /** Prepares a routine request (no bodies: routine traffic is logged at Metadata or without objects). */
  prepareRoutine(
    call: Omit<ApiCall, 'time' | 'requestObject' | 'responseObject'>,
    latencyMs: readonly [number, number] = [1, 30],
  ): RoutineRequest {
    const event = this.eventFor(
      { ...call, time: 0 },
      READ_VERBS.has(call.verb) ||
        METADATA_ONLY.has(call.resource ?? '') ||
        METADATA_ONLY.has(`${call.resource}/${call.subresource}`)
        ? 'Metadata'
        : 'Request',
      AUDIT_ID_SLOT,
      RECEIVED_SLOT,
      STAGE_SLOT,
    );
    const [head, afterId] = `${JSON.stringify(event)}\n`.split(`"${AUDIT_ID_SLOT}"`) as [string, string];
    const [middle, afterReceived] = afterId.split(`"${RECEIVED_SLOT}"`) as [string, string];
    const [beforeStage, tail] = afterReceived.split(`"${STAGE_SLOT}"`) as [string, string];
    return {
      verb: event.verb,
      level: event.level,
      requestUri: event.requestURI,
      user: event.user,
      sourceIps: event.sourceIPs,
      userAgent: event.userAgent,
      objectRef: event.objectRef ?? null,
      responseStatus: event.responseStatus,
      annotations: event.annotations,
      logParts: [`${head}"`, `"${middle}"`, `"${beforeStage}"`, `"${tail}`],
      minLatencyMs: latencyMs[0],
      maxLatencyMs: latencyMs[1],
    };
  }

  /**
   * Writes one occurrence of a routine request. Defender's control-plane analytics are not told: routine
   * requests come from the cluster's own identities and addresses, which none of its rules match.
   */
  recordRoutine(request: RoutineRequest, time: number): void {
    const random = this.ctx.random;
    const stageMs = time + random.int(request.minLatencyMs, request.maxLatencyMs);
    if (stageMs >= this.ctx.endMs) return;
    const auditId = random.uuid();
    const received = isoMicros(time, random.int(0, 999));
    const stage = isoMicros(stageMs, random.int(0, 999));
    const timeGenerated = `${stage.slice(0, 23)}Z`;
    const writer = this.ctx.writer;
    const modifying = !READ_VERBS.has(request.verb);
    if (this.destination === 'resource-specific') {
      writer.write('AKSAudit', this.routineRow(request, 'AKSAudit', timeGenerated, auditId, received, stage));
      if (modifying)
        writer.write(
          'AKSAuditAdmin',
          this.routineRow(request, 'AKSAuditAdmin', timeGenerated, auditId, received, stage),
        );
      return;
    }
    const [head, middle, beforeStage, tail] = request.logParts;
    this.writeDiagnostics(
      timeGenerated,
      `${head}${auditId}${middle}${received}${beforeStage}${stage}${tail}`,
      modifying,
    );
  }

  /** The event in AzureDiagnostics: a kube-audit row, and a kube-audit-admin row too for a modifying verb. */
  private writeDiagnostics(timeGenerated: string, log: string, modifying: boolean): void {
    const writer = this.ctx.writer;
    writer.write(
      'AzureDiagnostics',
      azureDiagnosticsRow('kube-audit', timeGenerated, log, API_SERVER_POD, 'stdout'),
    );
    if (modifying)
      writer.write(
        'AzureDiagnostics',
        azureDiagnosticsRow('kube-audit-admin', timeGenerated, log, API_SERVER_POD, 'stdout'),
      );
  }

  private routineRow(
    request: RoutineRequest,
    type: string,
    timeGenerated: string,
    auditId: string,
    received: string,
    stage: string,
  ) {
    return {
      TenantId: WORKSPACE_ID,
      TimeGenerated: timeGenerated,
      Level: request.level,
      AuditId: auditId,
      Stage: 'ResponseComplete',
      RequestUri: request.requestUri,
      Verb: request.verb,
      User: request.user,
      SourceIps: request.sourceIps,
      UserAgent: request.userAgent,
      ObjectRef: request.objectRef,
      ResponseStatus: request.responseStatus,
      RequestObject: null,
      ResponseObject: null,
      RequestReceivedTime: received,
      StageReceivedTime: stage,
      Annotations: request.annotations,
      PodName: API_SERVER_POD,
      SourceSystem: 'Azure',
      _ResourceId: CLUSTER_RESOURCE_ID_LOWER,
      _SubscriptionId: SUBSCRIPTION_ID,
      Type: type,
    };
  }

  private write(event: AuditEvent, stageMs: number): void {
    const timeGenerated = iso(stageMs);
    const modifying = !READ_VERBS.has(event.verb);
    if (this.destination === 'azure-diagnostics') {
      this.writeDiagnostics(timeGenerated, `${JSON.stringify(event)}\n`, modifying);
      return;
    }
    const row = {
      TenantId: WORKSPACE_ID,
      TimeGenerated: timeGenerated,
      Level: event.level,
      AuditId: event.auditID,
      Stage: event.stage,
      RequestUri: event.requestURI,
      Verb: event.verb,
      User: event.user,
      SourceIps: event.sourceIPs,
      UserAgent: event.userAgent,
      ObjectRef: event.objectRef ?? null,
      ResponseStatus: event.responseStatus,
      RequestObject: event.requestObject ?? null,
      ResponseObject: event.responseObject ?? null,
      RequestReceivedTime: event.requestReceivedTimestamp,
      StageReceivedTime: event.stageTimestamp,
      Annotations: event.annotations,
      PodName: API_SERVER_POD,
      SourceSystem: 'Azure',
      _ResourceId: CLUSTER_RESOURCE_ID_LOWER,
      _SubscriptionId: SUBSCRIPTION_ID,
    };
    this.ctx.writer.write('AKSAudit', { ...row, Type: 'AKSAudit' });
    if (modifying) this.ctx.writer.write('AKSAuditAdmin', { ...row, Type: 'AKSAuditAdmin' });
  }
}
