import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findTableDefinition } from '../../src/tables/index';
import { validateRow } from '../core/rowValidator';
import { MemorySink, type Row } from '../core/sink';
import { simulate, type RunResult } from '../scenario/runner';

type Json = Record<string, unknown>;
const user = (row: Row) => String((row.User as Json).username);
const objectRef = (row: Row) => (row.ObjectRef ?? {}) as Json;

function shares(rows: Row[], key: (row: Row) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(key(row), (counts.get(key(row)) ?? 0) + 1);
  return new Map([...counts].map(([value, count]) => [value, count / rows.length]));
}

describe('system traffic and collection defaults (privileged-pod-escape, seed 1, 1 day, defaults)', () => {
  const sink = new MemorySink();
  let result: RunResult;
  beforeAll(async () => {
    result = await simulate({ scenario: 'privileged-pod-escape', seed: 1, days: 1, sink });
  }, 120_000);

  it('holds enough audit rows a day that 3 days pass 100,000', () => {
    expect(sink.rows('AKSAudit').length).toBeGreaterThan(100_000 / 3);
  });

  it('has every verb in realistic shares: lease updates first, then reads and watches', () => {
    const verbs = shares(sink.rows('AKSAudit'), (row) => String(row.Verb));
    for (const verb of ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'])
      expect(verbs.get(verb), verb).toBeGreaterThan(0);
    expect(verbs.get('update')).toBeGreaterThan(0.4);
    expect(verbs.get('update')).toBeLessThan(0.8);
    expect(verbs.get('get')! + verbs.get('watch')!).toBeGreaterThan(0.15);
    expect(verbs.get('delete')).toBeLessThan(0.01);
  });

  it('is dominated by kubelets and the control plane, not the monitoring agents', () => {
    const agents = [...shares(sink.rows('AKSAudit'), (row) => String(row.UserAgent).split('/')[0]!)].sort(
      (a, b) => b[1] - a[1],
    );
    expect(agents[0]![0]).toBe('kubelet');
    expect(agents.slice(0, 3).map(([agent]) => agent)).toEqual(
      expect.arrayContaining(['kubelet', 'kube-controller-manager', 'kube-scheduler']),
    );
    const users = new Set(sink.rows('AKSAudit').map(user));
    for (const name of [
      'masterclient',
      'aksService',
      'system:kube-controller-manager',
      'system:kube-scheduler',
    ])
      expect(users, name).toContain(name);
  });

  it('renews each node lease and each leader-election lease every 10 s', () => {
    const leaseUpdates = sink
      .rows('AKSAudit')
      .filter((row) => row.Verb === 'update' && objectRef(row).resource === 'leases');
    const perHolder = shares(leaseUpdates, (row) => String(objectRef(row).name));
    const holders = [
      ...result.world.nodes.map((node) => node.name),
      'kube-controller-manager',
      'kube-scheduler',
    ];
    expect([...perHolder.keys()].sort()).toEqual(holders.sort());
    for (const holder of holders) {
      const count = leaseUpdates.filter((row) => objectRef(row).name === holder).length;
      expect(count, holder).toBeGreaterThan(8_600);
      expect(count, holder).toBeLessThanOrEqual(8_640);
    }
    for (const node of result.world.nodes) {
      const own = leaseUpdates.find((row) => objectRef(row).name === node.name)!;
      expect(user(own)).toBe(`system:node:${node.name}`);
      expect(own.SourceIps).toEqual([node.ip]);
    }
  });

  it('has kubelets request service-account tokens, review tokens and watch their mounted config maps', () => {
    const rows = sink.rows('AKSAudit').filter((row) => user(row).startsWith('system:node:'));
    const token = rows.filter((row) => objectRef(row).subresource === 'token' && row.Verb === 'create');
    expect(token.length).toBeGreaterThan(500);
    expect(String(token[0]!.RequestUri)).toMatch(
      /^\/api\/v1\/namespaces\/[^/]+\/serviceaccounts\/[^/]+\/token$/,
    );
    expect(rows.some((row) => objectRef(row).resource === 'tokenreviews')).toBe(true);
    expect(rows.some((row) => objectRef(row).resource === 'subjectaccessreviews')).toBe(true);
    expect(
      rows.some((row) => row.Verb === 'watch' && String(row.RequestUri).includes('kube-root-ca.crt')),
    ).toBe(true);
    expect(sink.rows('AKSAudit').some((row) => objectRef(row).resource === 'endpointslices')).toBe(true);
  });

  it('writes AKSAuditAdmin as the kube-audit-admin category: every non-read event, and no get, list or watch', () => {
    const admin = sink.rows('AKSAuditAdmin');
    expect(admin.filter((row) => ['get', 'list', 'watch'].includes(String(row.Verb)))).toEqual([]);
    const writes = sink
      .rows('AKSAudit')
      .filter((row) => !['get', 'list', 'watch'].includes(String(row.Verb)));
    expect(admin.length).toBe(writes.length);
  });

  it('sends a create to the collection: the URI never ends with the new object name', () => {
    const creates = sink
      .rows('AKSAudit')
      .filter((row) => row.Verb === 'create' && !objectRef(row).subresource && objectRef(row).name);
    expect(creates.length).toBeGreaterThan(0);
    for (const row of creates)
      expect(
        String(row.RequestUri)
          .split('?')[0]!
          .endsWith(`/${String(objectRef(row).name)}`),
      ).toBe(false);
  });

  it('has kubectl apply read the pod (404) just before it creates it', () => {
    const [namespace, name] = String(result.storyline.indicators!.pod).split('/') as [string, string];
    const rows = sink
      .rows('AKSAudit')
      .filter((row) => objectRef(row).namespace === namespace && objectRef(row).name === name);
    const create = rows.find((row) => row.Verb === 'create' && !objectRef(row).subresource)!;
    const lookup = rows.find((row) => row.Verb === 'get' && (row.ResponseStatus as Json).code === 404)!;
    expect(create).toBeDefined();
    expect(lookup).toBeDefined();
    expect(user(lookup)).toBe(user(create));
    expect(String(lookup.RequestReceivedTime) < String(create.RequestReceivedTime)).toBe(true);
    expect(String(lookup.RequestUri)).toBe(`/api/v1/namespaces/${namespace}/pods/${name}`);
  });

  it('gives pod tokens a well-formed node uid', () => {
    const uids = sink
      .rows('AKSAudit')
      .flatMap(
        (row) =>
          ((row.User as Json).extra as Json | undefined)?.['authentication.kubernetes.io/node-uid'] ?? [],
      )
      .map(String);
    expect(uids.length).toBeGreaterThan(0);
    for (const uid of uids)
      expect(uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("has the attacker's stolen kubelet identity come from that node's own kubelet address", () => {
    const node = result.world.nodes.find((n) => n.name === result.storyline.indicators!.node)!;
    const stolen = sink
      .rows('AKSAudit')
      .filter(
        (row) => user(row) === `system:node:${node.name}` && String(row.UserAgent).startsWith('kubectl/'),
      );
    expect(stolen.length).toBeGreaterThan(0);
    for (const row of stolen) expect(row.SourceIps).toEqual([node.ip]);
  });

  it('starts every alert at or after the audit row of the request that raised it', () => {
    const audit = sink.rows('AKSAudit');
    const alerts = sink.rows('SecurityAlert').filter((row) => String(row.AlertType).startsWith('K8S_'));
    expect(alerts.length).toBeGreaterThan(0);
    const times = audit.map((row) => Date.parse(String(row.TimeGenerated)));
    for (const alert of alerts) {
      const start = Date.parse(String(alert.StartTime));
      // The audit row of the cause is logged at the alert's start, never after it.
      expect(
        times.some((time) => time === start),
        String(alert.AlertType),
      ).toBe(true);
    }
  });

  it('sends the audit and control-plane logs to the resource-specific tables only, as the diagnostic setting does by default', () => {
    expect(sink.rows('AKSAudit').length).toBeGreaterThan(0);
    expect(sink.rows('AKSControlPlane').length).toBeGreaterThan(0);
    expect(sink.rows('AzureDiagnostics')).toEqual([]);
  });

  it('keeps only Warning events and no kube-system container logs by default', () => {
    expect(sink.rows('KubeEvents').length).toBeGreaterThan(0);
    expect(sink.rows('KubeEvents').filter((row) => row.KubeEventType !== 'Warning')).toEqual([]);
    expect(sink.rows('ContainerLogV2').filter((row) => row.PodNamespace === 'kube-system')).toEqual([]);
    expect(sink.rows('ContainerLog')).toEqual([]);
  });
});

describe('collection switches (stolen-token-escalation, seed 3, 1 day)', () => {
  const sink = new MemorySink();
  beforeAll(async () => {
    await simulate({
      scenario: {
        id: 'stolen-token-escalation',
        storyline: 'stolen-token-escalation',
        collection: {
          auditRate: 0.25,
          kubeEvents: 'all',
          kubeSystemLogs: true,
          containerLogSchema: 'v1',
        },
      },
      seed: 3,
      days: 1,
      sink,
    });
  }, 120_000);

  it('keeps Normal events and kube-system logs when asked, in the legacy ContainerLog table', () => {
    expect(sink.rows('KubeEvents').some((row) => row.KubeEventType === 'Normal')).toBe(true);
    expect(sink.rows('ContainerLogV2')).toEqual([]);
    const legacy = sink.rows('ContainerLog');
    expect(legacy.length).toBeGreaterThan(1_000);
    const definition = findTableDefinition('ContainerLog')!;
    for (const row of legacy.slice(0, 2_000)) expect(validateRow(definition, row)).toEqual([]);
    expect(legacy[0]!.Name).toMatch(/^[0-9a-f-]{36}\/[a-z0-9-]+$/);
  });

  it('thins the system traffic with the rate: a quarter of the lease renewals', () => {
    const leases = sink
      .rows('AKSAudit')
      .filter((row) => row.Verb === 'update' && objectRef(row).name === 'kube-scheduler');
    expect(leases.length).toBeGreaterThan(2_100);
    expect(leases.length).toBeLessThanOrEqual(2_160);
  });

  it('refuses a rate out of range by name', async () => {
    await expect(
      simulate({
        scenario: { id: 'x', storyline: 'stolen-token-escalation', collection: { auditRate: 0 } },
        seed: 1,
        days: 1,
        sink: new MemorySink(),
      }),
    ).rejects.toThrow(/collection\.auditRate/);
  });
});

describe('Azure diagnostics mode (privileged-pod-escape, seed 1, 1 day)', () => {
  const sink = new MemorySink();
  beforeAll(async () => {
    await simulate({
      scenario: {
        id: 'privileged-pod-escape',
        storyline: 'privileged-pod-escape',
        collection: { diagnosticDestination: 'azure-diagnostics' },
      },
      seed: 1,
      days: 1,
      sink,
    });
  }, 120_000);

  it('writes the audit and control-plane logs to AzureDiagnostics in Azure diagnostics mode, one row per category', () => {
    expect(sink.rows('AKSAudit')).toEqual([]);
    expect(sink.rows('AKSAuditAdmin')).toEqual([]);
    expect(sink.rows('AKSControlPlane')).toEqual([]);
    const rows = sink.rows('AzureDiagnostics');
    const definition = findTableDefinition('AzureDiagnostics')!;
    expect(rows.flatMap((row) => validateRow(definition, row)).slice(0, 5)).toEqual([]);
    const byCategory = (category: string) => rows.filter((row) => row.Category === category);
    const audit = byCategory('kube-audit');
    const admin = byCategory('kube-audit-admin');
    const verb = (row: Row) => String((JSON.parse(String(row.log_s)) as Json).verb);
    // kube-audit-admin is kube-audit without the reads: the same events, each logged once per category.
    expect(admin.map((row) => row.log_s)).toEqual(
      audit.filter((row) => !['get', 'list', 'watch'].includes(verb(row))).map((row) => row.log_s),
    );
    expect(admin.length).toBeGreaterThan(1_000);
    expect(byCategory('kube-scheduler').length).toBeGreaterThan(0);
    expect(String(byCategory('kube-scheduler')[0]!.log_s)).toMatch(/^I\d{4} [\d:.]+ +1 schedule_one\.go/);
  });

  const samplePath = join(
    import.meta.dirname,
    '../../../shared/reference/sample-data/sysdiglabs-aks-audit-log/event.json',
  );
  const itWithSample = existsSync(samplePath) ? it : it.skip;
  if (!existsSync(samplePath))
    console.log('skipped: audit shape vs sample (../shared/reference/sample-data not found)');
  itWithSample(
    'shapes kube-audit events like the AKS sample: same keys, value families and timestamp format',
    () => {
      const sample = (
        JSON.parse(readFileSync(samplePath, 'utf8')) as { records: { properties: { log: string } }[] }
      ).records.map((record) => JSON.parse(record.properties.log) as Json);
      const ours = sink
        .rows('AzureDiagnostics')
        .filter((row) => row.Category === 'kube-audit')
        .slice(0, 5_000)
        .map((row) => JSON.parse(String(row.log_s)) as Json);
      const sampleKeys = new Set(sample.flatMap((event) => Object.keys(event)));
      const ourKeys = new Set(ours.flatMap((event) => Object.keys(event)));
      expect([...ourKeys].filter((key) => !sampleKeys.has(key))).toEqual([]);
      const micros = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/;
      const malformed = [...sample, ...ours].filter(
        (event) =>
          !micros.test(String(event.requestReceivedTimestamp)) ||
          !micros.test(String(event.stageTimestamp)) ||
          !['Metadata', 'Request', 'RequestResponse'].includes(String(event.level)),
      );
      expect(malformed).toEqual([]);
      const sampleVerbs = new Set(sample.map((event) => String(event.verb)));
      const ourVerbs = new Set(ours.map((event) => String(event.verb)));
      for (const verb of sampleVerbs) expect(ourVerbs, verb).toContain(verb);
    },
  );
});
