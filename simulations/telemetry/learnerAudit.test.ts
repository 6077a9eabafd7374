import { describe, expect, it } from 'vitest';
import { findTableDefinition } from '../../src/tables/index';
import { validateRow } from '../core/rowValidator';
import { learnerAuditRows } from './learnerAudit';

describe('learner audit rows', () => {
  it('writes valid AKSAudit rows for a get, and AKSAuditAdmin only for modifying verbs', () => {
    const time = Date.parse('2026-03-05T00:02:00Z');
    const get = learnerAuditRows({ time, verb: 'get', resource: 'pods', namespace: 'shop', name: 'x' }, 1, 0);
    expect(Object.keys(get).sort()).toEqual(['AKSAudit']);
    const del = learnerAuditRows(
      {
        time,
        verb: 'delete',
        resource: 'clusterrolebindings',
        apiGroup: 'rbac.authorization.k8s.io',
        name: 'b',
      },
      1,
      1,
    );
    expect(Object.keys(del).sort()).toEqual(['AKSAudit', 'AKSAuditAdmin']);
    for (const [table, rows] of [...Object.entries(get), ...Object.entries(del)]) {
      for (const row of rows) expect(validateRow(findTableDefinition(table)!, row)).toEqual([]);
    }
    expect(del.AKSAudit![0]!.RequestUri).toBe('/apis/rbac.authorization.k8s.io/v1/clusterrolebindings/b');
    expect(learnerAuditRows({ time, verb: 'get', resource: 'pods' }, 1, 0)).toEqual(
      learnerAuditRows({ time, verb: 'get', resource: 'pods' }, 1, 0),
    );
  });

  it("writes AzureDiagnostics rows instead when the dataset's diagnostic setting uses Azure diagnostics mode", () => {
    const time = Date.parse('2026-03-05T00:02:00Z');
    const call = { time, verb: 'delete', resource: 'pods', namespace: 'shop', name: 'x' };
    const rows = learnerAuditRows(call, 1, 0, 'azure-diagnostics');
    expect(Object.keys(rows)).toEqual(['AzureDiagnostics']);
    expect(rows.AzureDiagnostics!.map((row) => row.Category)).toEqual(['kube-audit', 'kube-audit-admin']);
    const event = JSON.parse(String(rows.AzureDiagnostics![0]!.log_s)) as { auditID: string; verb: string };
    // The same event as in resource-specific mode: only where it is written changes.
    expect(event.auditID).toBe(learnerAuditRows(call, 1, 0).AKSAudit![0]!.AuditId);
    for (const row of rows.AzureDiagnostics!)
      expect(validateRow(findTableDefinition('AzureDiagnostics')!, row)).toEqual([]);
  });
});
