import { beforeAll, describe, expect, it } from 'vitest';
import { MemorySink, type Row } from '../core/sink';
import { DAY, HOUR, MINUTE } from '../core/time';
import { DEFAULT_VIRTUAL_START, simulate } from '../scenario/runner';
import { CORRELATION_WINDOW_MS } from './incidents';

/** Three days of generated data per storyline: what the learner queries. */
const STORYLINE_SEEDS: [string, number][] = [
  ['crypto-miner-daemonset', 1],
  ['stolen-token-escalation', 2],
  ['privileged-pod-escape', 3],
];
const datasets = new Map<string, MemorySink>();
const END_MS = Date.parse(DEFAULT_VIRTUAL_START) + 3 * DAY;

beforeAll(async () => {
  for (const [storyline, seed] of STORYLINE_SEEDS) {
    const sink = new MemorySink();
    await simulate({ scenario: storyline, seed, days: 3, sink });
    datasets.set(storyline, sink);
  }
}, 240_000);

const ms = (value: unknown) => Date.parse(String(value));
const each = (fn: (sink: MemorySink, storyline: string) => void) => () => {
  for (const [storyline, sink] of datasets) fn(sink, storyline);
};
function latestBy(rows: readonly Row[], key: string): Map<string, Row> {
  const latest = new Map<string, Row>();
  for (const row of rows) {
    const id = String(row[key]);
    const previous = latest.get(id);
    if (!previous || ms(row.TimeGenerated) >= ms(previous.TimeGenerated)) latest.set(id, row);
  }
  return latest;
}
const entitiesOf = (alert: Row) => JSON.parse(String(alert.Entities)) as { Type: string }[];

describe('alert lifecycle', () => {
  it(
    'writes status changes as later rows with the same SystemAlertId, after a first row with status New',
    each((sink, storyline) => {
      const rows = sink.rows('SecurityAlert');
      const byId = new Map<string, Row[]>();
      for (const row of rows)
        byId.set(String(row.SystemAlertId), [...(byId.get(String(row.SystemAlertId)) ?? []), row]);
      let updates = 0;
      for (const [id, versions] of byId) {
        const [first, ...later] = versions;
        expect(first!.Status, `${storyline} ${id}`).toBe('New');
        for (const row of later) {
          updates++;
          expect(['InProgress', 'Resolved']).toContain(row.Status);
          expect(ms(row.TimeGenerated)).toBeGreaterThan(ms(first!.TimeGenerated));
          expect([row.AlertType, row.StartTime, row.VendorOriginalId]).toEqual([
            first!.AlertType,
            first!.StartTime,
            first!.VendorOriginalId,
          ]);
        }
      }
      expect(updates, storyline).toBeGreaterThan(0);
    }),
  );

  it(
    'raises every alert after the event that raised it: a control-plane alert never starts before its audit row',
    each((sink, storyline) => {
      const audit = sink.rows('AKSAudit').filter((row) => row.Verb === 'create');
      let checked = 0;
      for (const alert of sink.rows('SecurityAlert')) {
        expect(ms(alert.TimeGenerated)).toBeGreaterThan(ms(alert.StartTime));
        if (alert.AlertType !== 'K8S_SensitiveMount' && alert.AlertType !== 'K8S_KubeSystemContainer')
          continue;
        const props = JSON.parse(String(alert.ExtendedProperties)) as Record<string, string>;
        const name = props['Pod name'] ?? props['Resource name'];
        const cause = audit.find(
          (row) =>
            (row.ResponseObject as { metadata?: { name?: string } } | null)?.metadata?.name === name ||
            (row.RequestObject as { metadata?: { name?: string } } | null)?.metadata?.name === name,
        );
        if (!cause) continue;
        expect(ms(alert.StartTime), `${storyline} ${String(alert.AlertType)} ${name}`).toBeGreaterThanOrEqual(
          ms(cause.TimeGenerated),
        );
        checked++;
      }
      expect(checked, storyline).toBeGreaterThan(0);
    }),
  );

  it(
    "keeps the actor's account and address out of control-plane alerts that do not carry them",
    each((sink) => {
      const silent = ['K8S_ClusterAdminBinding', 'K8S_HighPrivilegesRole', 'K8S_KubeSystemContainer'];
      for (const alert of sink
        .rows('SecurityAlert')
        .filter((row) => silent.includes(String(row.AlertType)))) {
        const types = entitiesOf(alert).map((entity) => entity.Type);
        expect(types).not.toContain('account');
        expect(types).not.toContain('ip');
        expect(String(alert.ExtendedProperties)).not.toContain('User name');
      }
    }),
  );
});

describe('incidents', () => {
  it(
    'numbers incidents in creation order, one number per incident, every change a new row',
    each((sink, storyline) => {
      const rows = sink.rows('SecurityIncident');
      const latest = latestBy(rows, 'IncidentNumber');
      const byNumber = [...latest.values()].sort(
        (a, b) => Number(a.IncidentNumber) - Number(b.IncidentNumber),
      );
      for (let i = 1; i < byNumber.length; i++) {
        expect(Number(byNumber[i]!.IncidentNumber)).toBe(Number(byNumber[i - 1]!.IncidentNumber) + 1);
        expect(ms(byNumber[i]!.CreatedTime), storyline).toBeGreaterThanOrEqual(
          ms(byNumber[i - 1]!.CreatedTime),
        );
      }
      for (const row of rows) {
        const final = latest.get(String(row.IncidentNumber))!;
        expect([row.IncidentName, row.CreatedTime]).toEqual([final.IncidentName, final.CreatedTime]);
      }
      expect(rows.length).toBeGreaterThan(latest.size);
    }),
  );

  it(
    'groups the alerts of an attack into one incident and puts each alert of severity Low or above in exactly one',
    each((sink, storyline) => {
      const incidents = [...latestBy(sink.rows('SecurityIncident'), 'IncidentNumber').values()];
      const alerts = latestBy(sink.rows('SecurityAlert'), 'SystemAlertId');
      const owner = new Map<string, number>();
      for (const incident of incidents)
        for (const id of incident.AlertIds as string[]) {
          expect(owner.has(id), `${storyline}: alert ${id} in two incidents`).toBe(false);
          owner.set(id, Number(incident.IncidentNumber));
        }
      const createdBefore = (alert: Row) =>
        incidents.some((incident) => ms(incident.TimeGenerated) >= ms(alert.TimeGenerated));
      for (const [id, alert] of alerts) {
        if (alert.AlertSeverity === 'Informational') expect(owner.has(id)).toBe(false);
        else if (createdBefore(alert))
          expect(owner.has(id), `${storyline} ${String(alert.AlertType)}`).toBe(true);
      }
      const largest = Math.max(...incidents.map((incident) => (incident.AlertIds as string[]).length));
      expect(largest, storyline).toBeGreaterThanOrEqual(2);
      for (const incident of incidents) {
        const starts = (incident.AlertIds as string[])
          .map((id) => ms(alerts.get(id)!.StartTime))
          .sort((a, b) => a - b);
        for (let i = 1; i < starts.length; i++)
          expect(starts[i]! - starts[i - 1]!).toBeLessThanOrEqual(CORRELATION_WINDOW_MS + HOUR);
        expect(incident.AdditionalData).toMatchObject({ alertsCount: starts.length });
      }
    }),
  );

  it(
    "keeps an incident's alerts in step with it: taken (Active) → InProgress, closed → Resolved",
    each((sink) => {
      const alerts = latestBy(sink.rows('SecurityAlert'), 'SystemAlertId');
      for (const incident of latestBy(sink.rows('SecurityIncident'), 'IncidentNumber').values()) {
        const expected = { Active: 'InProgress', Closed: 'Resolved' }[String(incident.Status)];
        if (!expected) continue;
        // A status change lands up to 20 s after the incident's; one in the dataset's last minute may not have.
        if (ms(incident.TimeGenerated) > END_MS - MINUTE) continue;
        for (const id of incident.AlertIds as string[]) expect(alerts.get(id)!.Status).toBe(expected);
      }
    }),
  );
});
