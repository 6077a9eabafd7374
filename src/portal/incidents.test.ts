import { describe, expect, it } from 'vitest';
import {
  applyIncidentAction,
  CLOSING_CLASSIFICATIONS,
  IncidentActionError,
  incidentChangeRow,
  LEARNER_OWNER,
} from './incidentActions';
import {
  filterIncidents,
  NO_FILTERS,
  ownerChoices,
  queueSummary,
  readIncidentDetails,
  readIncidentQueue,
} from './incidents';
import { recordsOf } from './kqlSource';
import { engineWith, NOW } from './testData';

const LATEST = 'SecurityIncident | summarize arg_max(LastModifiedTime, *) by IncidentNumber';

describe('incident queue', () => {
  it('shows the latest row of each incident, newest number first', async () => {
    const { run } = engineWith();
    const queue = await readIncidentQueue(run);
    expect(queue.map((incident) => [incident.number, incident.status, incident.ownerLabel])).toEqual([
      [1208, 'New', 'Unassigned'],
      [1207, 'Closed', 'SOC Analyst'],
    ]);
    const closed = queue[1]!;
    expect(closed).toMatchObject({
      name: 'inc-imds',
      severity: 'Medium',
      classification: 'BenignPositive',
      classificationReason: 'SuspiciousButExpected',
      alertIds: ['a-imds'],
      tactics: ['InitialAccess'],
      modifiedBy: 'soc.analyst@contoso.com',
    });
    expect(closed.closedTime).toMatch(/^2026-03-03T05:00:00/);
  });

  it('reads an incident’s alerts at their latest status, with their entities', async () => {
    const { run } = engineWith();
    const [dashboard] = await readIncidentQueue(run);
    const details = await readIncidentDetails(run, dashboard!);
    expect(details.alerts.map((alert) => [alert.name, alert.status, alert.alertType])).toEqual([
      ['Exposed Kubernetes dashboard detected', 'InProgress', 'K8S_ExposedDashboard'],
    ]);
    expect(details.entities.map((entity) => `${entity.kind}: ${entity.name}`)).toEqual([
      'Azure resource: aks-contoso-prod',
      'Kubernetes cluster: aks-contoso-prod',
      'Kubernetes namespace: kubernetes-dashboard',
      'Kubernetes service: kubernetes-dashboard',
    ]);
    expect(details.entities[3]!.details).toEqual(['Namespace: kubernetes-dashboard']);
  });

  it('filters by severity, status, owner and words, and counts the open ones', async () => {
    const { run } = engineWith();
    const queue = await readIncidentQueue(run);
    expect(filterIncidents(queue, { ...NO_FILTERS, status: 'Closed' }).map((i) => i.number)).toEqual([1207]);
    expect(filterIncidents(queue, { ...NO_FILTERS, severity: 'High' }).map((i) => i.number)).toEqual([1208]);
    expect(filterIncidents(queue, { ...NO_FILTERS, owner: 'Unassigned' }).map((i) => i.number)).toEqual([
      1208,
    ]);
    expect(filterIncidents(queue, { ...NO_FILTERS, search: 'metadata 1207' }).map((i) => i.number)).toEqual([
      1207,
    ]);
    expect(filterIncidents(queue, { ...NO_FILTERS, search: 'nothing-like-this' })).toEqual([]);
    expect(queueSummary(queue)).toMatchObject({ open: 1, new: 1, active: 0 });
    expect(ownerChoices(queue)).toEqual(['SOC Analyst', 'Unassigned']);
  });
});

describe('incident actions', () => {
  it('assigning writes a new row with the same number and name, the owner and who changed it', async () => {
    const { run, append } = engineWith();
    const at = NOW + 60_000;
    const { incident: row, alerts } = await applyIncidentAction(
      run,
      append,
      1208,
      { kind: 'assign', owner: LEARNER_OWNER },
      { at },
    );
    // Assigning changes no alert's status.
    expect(alerts).toEqual([]);
    expect(row).toMatchObject({
      IncidentNumber: 1208,
      IncidentName: 'inc-dash',
      Status: 'New',
      ModifiedBy: 'analyst@contoso.com',
      LastModifiedTime: new Date(at).toISOString(),
      TimeGenerated: new Date(at).toISOString(),
      Owner: LEARNER_OWNER,
    });
    const rows = recordsOf(
      await run(`${LATEST} | where IncidentNumber == 1208 | project Owner, Status, ModifiedBy`),
    );
    expect(rows).toEqual([{ Owner: LEARNER_OWNER, Status: 'New', ModifiedBy: 'analyst@contoso.com' }]);
    expect(recordsOf(await run('SecurityIncident | where IncidentNumber == 1208 | count'))).toEqual([
      { Count: 2 },
    ]);
  });

  it('closing sets the status, classification, reason, comment and closed time, seen by arg_max', async () => {
    const { run, append } = engineWith();
    const choice = CLOSING_CLASSIFICATIONS.find((c) => c.reason === 'SuspiciousActivity')!;
    const taken = await applyIncidentAction(
      run,
      append,
      1208,
      { kind: 'status', status: 'Active' },
      { at: NOW },
    );
    // Its alert is in progress already: no alert row.
    expect(taken.alerts).toEqual([]);
    const closed = await applyIncidentAction(
      run,
      append,
      1208,
      { kind: 'close', choice, comment: ' Dashboard exposed. ' },
      { at: NOW },
    );
    expect(closed.alerts.map((alert) => [alert.SystemAlertId, alert.Status])).toEqual([
      ['a-dash', 'Resolved'],
    ]);
    expect(
      recordsOf(
        await run(
          'SecurityAlert | where SystemAlertId == "a-dash" | summarize arg_max(TimeGenerated, Status, AlertName) by SystemAlertId',
        ),
      ),
    ).toEqual([
      {
        SystemAlertId: 'a-dash',
        TimeGenerated: '2026-03-03T12:00:01Z',
        Status: 'Resolved',
        AlertName: 'Exposed Kubernetes dashboard detected',
      },
    ]);
    const [latest] = recordsOf(
      await run(
        `${LATEST} | where IncidentNumber == 1208 | project Status, Classification, ClassificationReason, ClassificationComment, ClosedTime, LastModifiedTime`,
      ),
    );
    // The second action at the same virtual time is stamped just after the first, so it is the latest.
    expect(latest).toEqual({
      Status: 'Closed',
      Classification: 'TruePositive',
      ClassificationReason: 'SuspiciousActivity',
      ClassificationComment: 'Dashboard exposed.',
      ClosedTime: '2026-03-03T12:00:01Z',
      LastModifiedTime: '2026-03-03T12:00:01Z',
    });
  });

  it('refuses what does not apply, and writes nothing', async () => {
    const { run, append } = engineWith();
    const choice = CLOSING_CLASSIFICATIONS[4];
    await expect(
      applyIncidentAction(run, append, 1207, { kind: 'close', choice, comment: '' }, { at: NOW }),
    ).rejects.toThrow('Incident 1207 is already closed.');
    await expect(
      applyIncidentAction(run, append, 1208, { kind: 'status', status: 'New' }, { at: NOW }),
    ).rejects.toThrow(IncidentActionError);
    await expect(
      applyIncidentAction(run, append, 4040, { kind: 'status', status: 'Active' }, { at: NOW }),
    ).rejects.toThrow('There is no incident 4040 in this dataset.');
    expect(recordsOf(await run('SecurityIncident | count'))).toEqual([{ Count: 3 }]);
  });

  it('reopening clears the classification and keeps when it was last closed', () => {
    const row = incidentChangeRow(
      {
        IncidentNumber: 7,
        Status: 'Closed',
        Classification: 'FalsePositive',
        ClassificationReason: 'InaccurateData',
        ClosedTime: '2026-03-03T01:00:00Z',
        LastModifiedTime: '2026-03-03T01:00:00Z',
      },
      { kind: 'status', status: 'Active' },
      { at: NOW },
    );
    expect(row).toMatchObject({
      Status: 'Active',
      Classification: '',
      ClassificationReason: '',
      ClosedTime: '2026-03-03T01:00:00Z',
    });
  });

  it('offers Sentinel’s classifications with their reasons', () => {
    expect(CLOSING_CLASSIFICATIONS.map((c) => `${c.classification}/${c.reason}`)).toEqual([
      'TruePositive/SuspiciousActivity',
      'BenignPositive/SuspiciousButExpected',
      'FalsePositive/IncorrectAlertLogic',
      'FalsePositive/InaccurateData',
      'Undetermined/',
    ]);
  });
});
