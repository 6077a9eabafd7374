import { describe, expect, it } from 'vitest';
import { findTableDefinition } from '../../src/tables/index';
import { validateRow } from '../core/rowValidator';
import { learnerAuditRows } from './learnerAudit';

describe('learner audit rows', () => {
  it('writes valid AKSAudit and AzureDiagnostics rows for a get, and AKSAuditAdmin only for modifying verbs', () => {
    const time = Date.parse('2026-03-05T00:02:00Z');
    const get = learnerAuditRows({ time, verb: 'get', resource: 'pods', namespace: 'shop', name: 'x' }, 1, 0);
    expect(Object.keys(get).sort()).toEqual(['AKSAudit', 'AzureDiagnostics']);
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
    expect(Object.keys(del).sort()).toEqual(['AKSAudit', 'AKSAuditAdmin', 'AzureDiagnostics']);
    for (const [table, rows] of [...Object.entries(get), ...Object.entries(del)]) {
      for (const row of rows) expect(validateRow(findTableDefinition(table)!, row)).toEqual([]);
    }
    expect(del.AKSAudit![0]!.RequestUri).toBe('/apis/rbac.authorization.k8s.io/v1/clusterrolebindings/b');
    expect(learnerAuditRows({ time, verb: 'get', resource: 'pods' }, 1, 0)).toEqual(
      learnerAuditRows({ time, verb: 'get', resource: 'pods' }, 1, 0),
    );
  });
});
