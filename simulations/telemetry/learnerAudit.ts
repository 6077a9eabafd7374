import { USER_AGENT } from '../cluster/constants';
import { entraUser } from '../cluster/identities';
import { Random } from '../../src/shared/random';
import { RowWriter } from '../core/rowWriter';
import { SimulatedClock } from '../core/simulatedClock';
import { MemorySink, type Row } from '../core/sink';
import { AuditLog, type ApiCall } from './auditLog';
import type { DiagnosticDestination } from './collection';

/** The learner, as the audit log sees them: an Entra user of the AKS admins group on the corporate network. */
export const LEARNER = {
  upn: 'analyst@contoso.com',
  oid: '0e4c2a8f-6b1d-4f3e-9a7c-5d2b8f0e1a36',
  sourceIp: '192.0.2.100',
} as const;

export interface LearnerCall {
  /** Virtual time of the request (ms since epoch), normally the dataset's now plus the learner's elapsed time. */
  time: number;
  verb: string;
  resource?: string;
  subresource?: string;
  namespace?: string;
  name?: string;
  apiGroup?: string;
  query?: string;
  code?: number;
  message?: string;
}

/**
 * Audit rows for a request the learner's simulated kubectl makes, shaped exactly like the dataset's own rows
 * and written where the dataset's diagnostic setting writes (its scenario's `collection.diagnosticDestination`):
 * AKSAudit and, for modifying verbs, AKSAuditAdmin; or AzureDiagnostics kube-audit and kube-audit-admin.
 * `sequence` makes the audit ids of successive calls differ deterministically.
 */
export function learnerAuditRows(
  call: LearnerCall,
  seed: number,
  sequence: number,
  destination: DiagnosticDestination = 'resource-specific',
): Record<string, Row[]> {
  const writer = new RowWriter(new MemorySink(), Number.MAX_SAFE_INTEGER);
  const audit = new AuditLog(
    {
      clock: new SimulatedClock(call.time),
      random: new Random(`learner:${seed}:${sequence}`),
      writer,
      endMs: Number.MAX_SAFE_INTEGER,
    },
    destination,
  );
  const full: ApiCall = {
    ...call,
    user: entraUser(LEARNER.upn, LEARNER.oid, true),
    sourceIp: LEARNER.sourceIp,
    userAgent: USER_AGENT.kubectl,
    code: call.code ?? (call.verb === 'create' ? 201 : 200),
    annotations: {
      'authorization.k8s.io/decision': (call.code ?? 200) === 403 ? 'forbid' : 'allow',
      'authorization.k8s.io/reason':
        'RBAC: allowed by ClusterRoleBinding "aks-cluster-admin-binding-aad" of ClusterRole "cluster-admin" to Group "4e6a8c0e-2a4c-4e6a-8c0e-2a4c6e8a0c2e"',
    },
  };
  audit.record(full);
  return writer.takeAll();
}
