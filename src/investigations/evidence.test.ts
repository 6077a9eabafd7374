import { beforeAll, describe, expect, it } from 'vitest';
import { createKqlEngine, type KqlEngine } from '../kql/engine';
import { MemorySink, simulate } from '../../simulations/index';
import {
  alertsOf,
  alertsQuery,
  DETECTIONS_QUERY,
  detectionsOf,
  entitiesOf,
  incidentOf,
  incidentQuery,
  kqlString,
  openingAlertQuery,
} from './evidence';

describe('kqlString', () => {
  it('quotes any text as one KQL literal', () => {
    expect(kqlString("it's")).toBe("'it\\'s'");
    expect(kqlString('a\\b')).toBe("'a\\\\b'");
  });
});

describe('entitiesOf', () => {
  it('names a pod by namespace/name and a process by its command line', () => {
    const entities = JSON.stringify([
      { $id: '6', Name: 'default', Type: 'K8s-namespace' },
      { $id: '7', Name: 'sys-diag', Namespace: { $ref: '6' }, Type: 'K8s-pod' },
      { $id: '8', HostName: 'aks-nodepool1-0', Type: 'host' },
      { $id: '11', CommandLine: 'cat /etc/shadow', Type: 'process' },
      { $id: '12', Type: 'K8s-cluster' },
    ]);
    expect(entitiesOf(entities)).toEqual([
      { type: 'K8s-namespace', value: 'default' },
      { type: 'K8s-pod', value: 'default/sys-diag' },
      { type: 'host', value: 'aks-nodepool1-0' },
      { type: 'process', value: 'cat /etc/shadow' },
    ]);
    expect(entitiesOf('not json')).toEqual([]);
  });
});

describe('opening evidence on a simulated dataset', () => {
  let engine: KqlEngine;
  let attackStart: string;
  const now = new Date('2026-03-03T00:00:00Z');

  beforeAll(async () => {
    const sink = new MemorySink();
    const result = await simulate({ scenario: 'privileged-pod-escape', seed: 1, days: 1, sink });
    attackStart = result.manifest.attackStart;
    engine = createKqlEngine();
    for (const table of ['SecurityAlert', 'SecurityIncident'])
      engine.loadTable(table, sink.rows(table) as Record<string, unknown>[]);
  }, 60_000);

  function run(query: string) {
    const outcome = engine.query(query, { now });
    if (!outcome.ok) throw new Error(`${outcome.code}: ${outcome.message}\n${query}`);
    return { columns: outcome.columns, rows: outcome.rows() };
  }

  it('finds the opening alert, its incident and the incident’s alerts', () => {
    const opening = run(openingAlertQuery('K8S.NODE_KubeConfigAccess', attackStart));
    expect(opening.rows).toHaveLength(1);
    const alertId = String(opening.rows[0]![0]);
    const incident = incidentOf(run(incidentQuery(alertId)));
    expect(incident?.title).toBe('Access to kubelet kubeconfig file detected');
    expect(incident?.alertIds).toEqual([alertId]);
    const [alert] = alertsOf(run(alertsQuery(incident!.alertIds)));
    expect(alert?.severity).toBe('Medium');
    expect(alert?.tactics).toEqual(['CredentialAccess']);
    expect(alert?.entities.some((entity) => entity.type === 'K8s-pod' && entity.value.includes('/'))).toBe(
      true,
    );
    expect(Date.parse(alert!.time)).toBeGreaterThanOrEqual(Date.parse(attackStart));
  });

  it('has no incident for an Informational alert (Sentinel’s rule leaves them out)', () => {
    const opening = run(openingAlertQuery('K8S_PrivilegedContainer', attackStart));
    expect(incidentOf(run(incidentQuery(String(opening.rows[0]![0]))))).toBeUndefined();
  });

  it('lists every detection that fired once per alert type', () => {
    const detections = detectionsOf(run(DETECTIONS_QUERY));
    const types = detections.map((detection) => detection.type);
    expect(new Set(types).size).toBe(types.length);
    expect(types).toContain('K8S_PrivilegedContainer');
  });
});
