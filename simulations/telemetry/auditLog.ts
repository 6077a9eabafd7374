import {
  API_SERVER_POD,
  CCP_NAMESPACE,
  CLUSTER_NAME,
  CLUSTER_RESOURCE_ID_LOWER,
  CLUSTER_RESOURCE_ID_UPPER,
  RESOURCE_GROUP,
  SUBSCRIPTION_ID,
  WORKSPACE_ID,
} from '../cluster/constants';
import type { AuditUser } from '../cluster/identities';
import { isoMicros } from '../core/time';
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
  if (call.name) uri += `/${call.name}`;
  if (call.subresource) uri += `/${call.subresource}`;
  if (call.query) uri += `?${call.query}`;
  return uri;
}

/**
 * The API server's audit backend: turns calls into audit events and writes each one as AKSAudit, as
 * AKSAuditAdmin for modifying verbs, and as an AzureDiagnostics kube-audit row whose `log_s` holds the
 * event JSON. Listeners (Defender's control-plane analytics) see every event.
 */
export class AuditLog {
  private readonly listeners: AuditListener[] = [];

  constructor(private readonly ctx: EmitContext) {}

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
      responseStatus.reason = call.reason ?? reasonFor(call.code);
    }
    const event: AuditEvent = {
      kind: 'Event',
      apiVersion: 'audit.k8s.io/v1',
      level,
      auditID: random.uuid(),
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
      requestReceivedTimestamp: isoMicros(call.time, receivedMicros),
      stageTimestamp: isoMicros(stageMs, random.int(0, 999)),
      annotations: call.annotations ?? {
        'authorization.k8s.io/decision': call.code === 403 ? 'forbid' : 'allow',
        'authorization.k8s.io/reason': '',
      },
    };
    if (stageMs < this.ctx.endMs) this.write(event, stageMs);
    for (const listener of this.listeners) listener(event, call, stageMs);
    return event;
  }

  private write(event: AuditEvent, stageMs: number): void {
    const timeGenerated = new Date(stageMs).toISOString();
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
    if (!READ_VERBS.has(event.verb))
      this.ctx.writer.write('AKSAuditAdmin', { ...row, Type: 'AKSAuditAdmin' });
    this.ctx.writer.write('AzureDiagnostics', {
      TenantId: WORKSPACE_ID,
      TimeGenerated: timeGenerated,
      ResourceId: CLUSTER_RESOURCE_ID_UPPER,
      Category: 'kube-audit',
      ResourceGroup: RESOURCE_GROUP.toUpperCase(),
      SubscriptionId: SUBSCRIPTION_ID,
      ResourceProvider: 'MICROSOFT.CONTAINERSERVICE',
      Resource: CLUSTER_NAME.toUpperCase(),
      ResourceType: 'MANAGEDCLUSTERS',
      OperationName: 'Microsoft.ContainerService/managedClusters/diagnosticLogs/Read',
      log_s: `${JSON.stringify(event)}\n`,
      pod_s: API_SERVER_POD,
      stream_s: 'stdout',
      ccpNamespace_s: CCP_NAMESPACE,
      Cloud_s: 'AzureCloud',
      Environment_s: 'prod',
      UnderlayClass_s: 'hcp-underlay',
      UnderlayName_s: 'hcp-underlay-westeurope-cx-123',
      SourceSystem: 'Azure',
      Type: 'AzureDiagnostics',
      _ResourceId: CLUSTER_RESOURCE_ID_LOWER,
      _SubscriptionId: SUBSCRIPTION_ID,
    });
  }
}

function reasonFor(code: number): string {
  switch (code) {
    case 400:
      return 'BadRequest';
    case 401:
      return 'Unauthorized';
    case 403:
      return 'Forbidden';
    case 404:
      return 'NotFound';
    case 409:
      return 'AlreadyExists';
    case 422:
      return 'Invalid';
    default:
      return 'InternalError';
  }
}
