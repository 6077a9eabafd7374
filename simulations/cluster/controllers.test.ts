import { describe, expect, it } from 'vitest';
import { AdmissionChain } from '../admission/admission';
import { ImagePolicy } from '../admission/imagePolicy';
import { Random } from '../../src/shared/random';
import { RowWriter } from '../core/rowWriter';
import { SimulatedClock } from '../core/simulatedClock';
import { MemorySink } from '../core/sink';
import { MINUTE } from '../core/time';
import { ImageRegistry } from '../registry/registry';
import { AuditLog } from '../telemetry/auditLog';
import type { EmitContext } from '../telemetry/context';
import { KubeEventsRecorder } from '../telemetry/kubeEvents';
import { IP } from './constants';
import { createJob } from './controllers';
import { entraUser, serviceAccountUser } from './identities';
import { defaultCluster } from './inventory';
import type { WorkloadSpec } from './types';
import { ClusterWorld, type Requester } from './world';

const START = Date.parse('2026-03-02T10:00:00Z');

async function cluster() {
  const clock = new SimulatedClock(START);
  const sink = new MemorySink();
  const writer = new RowWriter(sink);
  const context = (label: string): EmitContext => ({
    clock,
    random: new Random(label),
    writer,
    endMs: START + 86_400_000,
  });
  const spec = defaultCluster();
  spec.namespaces.push({ name: 'batch', labels: {} });
  spec.bindings.push({
    name: 'deployer-edit',
    namespace: 'batch',
    roleKind: 'ClusterRole',
    roleName: 'edit',
    subjects: [{ kind: 'ServiceAccount', name: 'deployer', namespace: 'batch' }],
  });
  const world = new ClusterWorld(spec, {
    clock,
    random: new Random('world'),
    audit: new AuditLog(context('audit')),
    events: new KubeEventsRecorder(context('events')),
    images: new ImageRegistry(START),
    admission: new AdmissionChain(30, new ImagePolicy(new Set(), () => [])),
    startMs: START,
  });
  world.bootstrap();
  const rows = async (table: string) => {
    await writer.drain();
    return sink.rows(table);
  };
  return { world, clock, rows };
}

const deployer: Requester = {
  user: serviceAccountUser('batch', 'deployer', 'uid-deployer'),
  sourceIp: '203.0.113.9',
  userAgent: 'kubectl/v1.30.2',
};

const job: WorkloadSpec = {
  kind: 'Job',
  name: 'log-rotate-24111',
  namespace: 'batch',
  runMinutes: 60,
  template: {
    labels: { 'job-name': 'log-rotate-24111' },
    serviceAccount: 'default',
    containers: [
      {
        name: 'rotate',
        image: { registry: 'docker.io', repository: 'library/busybox', tag: '1.36' },
        command: ['sleep', '3600'],
        process: { exe: '/bin/sleep', cmdline: 'sleep 3600', user: 'root' },
      },
    ],
  },
};

interface Audit {
  Verb: string;
  User: { username: string };
  ObjectRef: Record<string, string>;
  RequestObject: {
    metadata: { ownerReferences?: Record<string, unknown>[] };
    spec: { template: { spec: { restartPolicy: string } } };
  };
}

describe('createJob', () => {
  it('audits the Job under its requester and its pod under the job controller, owned by the Job, on the given node', async () => {
    const { world, clock, rows } = await cluster();
    const node = world.nodes[2]!;
    expect(createJob(world, job, deployer, node)).toBe(201);
    clock.runUntil(START + MINUTE);
    const audit = (await rows('AKSAudit')) as unknown as Audit[];
    const jobCreate = audit.find((row) => row.Verb === 'create' && row.ObjectRef.resource === 'jobs');
    expect(jobCreate?.User.username).toBe('system:serviceaccount:batch:deployer');
    expect(jobCreate?.RequestObject.spec.template.spec.restartPolicy).toBe('Never');
    const podCreate = audit.find(
      (row) => row.Verb === 'create' && row.ObjectRef.resource === 'pods' && !row.ObjectRef.subresource,
    );
    expect(podCreate?.User.username).toBe('system:serviceaccount:kube-system:job-controller');
    expect(podCreate?.RequestObject.metadata.ownerReferences?.[0]).toMatchObject({
      kind: 'Job',
      name: job.name,
    });
    const pod = [...world.pods.values()].find((p) => p.workload === job)!;
    expect(pod.name).toMatch(/^log-rotate-24111-[a-z0-9]{5}$/);
    expect(pod.node.name).toBe(node.name);
    expect(pod.controllerKind).toBe('Job');
  });

  it('lets the job pod run to completion after its run time', async () => {
    const { world, clock } = await cluster();
    createJob(world, job, deployer);
    clock.runUntil(START + 10 * MINUTE);
    const pod = [...world.pods.values()].find((p) => p.workload === job)!;
    expect(pod.phase).toBe('Running');
    clock.runUntil(START + 70 * MINUTE);
    expect(pod.phase).not.toBe('Running');
  });

  it('creates nothing when the requester may not create Jobs there', async () => {
    const { world, clock } = await cluster();
    expect(createJob(world, { ...job, namespace: 'shop' }, deployer)).toBe(403);
    clock.runUntil(START + MINUTE);
    expect([...world.pods.values()].some((p) => p.name.startsWith('log-rotate'))).toBe(false);
  });
});

describe('a patched Service', () => {
  const admin: Requester = {
    user: entraUser('ops@contoso.com', 'oid', true),
    sourceIp: IP.corporateEgress,
    userAgent: 'kubectl',
  };

  it('takes its new type, and a load balancer gets an address and node ports', async () => {
    const { world } = await cluster();
    const code = world.call(admin, {
      verb: 'patch',
      resource: 'services',
      namespace: 'kubernetes-dashboard',
      name: 'kubernetes-dashboard',
      requestObject: { spec: { type: 'LoadBalancer' } },
    });
    expect(code).toBe(200);
    const service = world.services.find((s) => s.name === 'kubernetes-dashboard')!;
    expect(service.type).toBe('LoadBalancer');
    expect(service.externalIp).toBe(IP.dashboardPublic);
    expect(service.ports.every((port) => port.nodePort !== undefined)).toBe(true);
  });

  it('stays as it was when the patch is refused', async () => {
    const { world } = await cluster();
    const code = world.call(deployer, {
      verb: 'patch',
      resource: 'services',
      namespace: 'kubernetes-dashboard',
      name: 'kubernetes-dashboard',
      requestObject: { spec: { type: 'LoadBalancer' } },
    });
    expect(code).toBe(403);
    expect(world.services.find((s) => s.name === 'kubernetes-dashboard')!.type).toBe('ClusterIP');
  });
});
