import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openClusterSession, withoutRepeatedClockRuns, type AppendRows } from './clusterClient';
import type { ClusterRequest, ClusterResponse } from './clusterProtocol';
import { createClusterService } from './clusterService';
import type { LiveClusterLike, RowsByTable } from './clusterSession';
import { createLearnerStore, type LearnerStore } from './learner';
import { createLearnerDb } from './learnerDb';

const START = Date.parse('2026-03-02T12:00:00Z');
const LEASE_MS = 10_000;

/**
 * A small deterministic cluster: a lease row every 10 s of virtual time, an audit row per kubectl call (numbered,
 * so a replay that skipped or repeated a call would be seen), pods that `delete pod` removes.
 */
function fakeLiveCluster(): LiveClusterLike {
  let now = START;
  let calls = 0;
  const pods = new Set(['web-1', 'web-2']);
  return {
    now: () => now,
    advanceTo(ms) {
      const rows: RowsByTable = { AKSAudit: [] };
      for (let lease = Math.floor(now / LEASE_MS) + 1; lease * LEASE_MS <= ms; lease++)
        rows.AKSAudit!.push({ TimeGenerated: new Date(lease * LEASE_MS).toISOString(), Verb: 'update' });
      now = ms;
      return rows;
    },
    timeline: () => [{ time: START + 60_000, label: 'web-1 replaced' }],
    kubectl(line, options) {
      const stdin = options?.stdin;
      calls += 1;
      const [, verb, , name] = line.split(' ');
      if (verb === 'delete' && name) pods.delete(name);
      const stdout = verb === 'get' ? [...pods].join('\n') + '\n' : `${stdin ?? ''}done\n`;
      const row = { TimeGenerated: new Date(now + 1_000).toISOString(), Verb: verb, Call: calls };
      return { stdout, stderr: '', exitCode: 0, rows: { AKSAudit: [row] } };
    },
    complete: (partial) =>
      ['pods', 'nodes'].filter((word) => word.startsWith(partial.split(' ').pop() ?? '')),
    manifests: () => [{ name: 'privileged-pod', yaml: 'kind: Pod' }],
  };
}

/** The worker's service, answering in-process as the worker would (asynchronously, in order). */
function inProcessWorker() {
  const service = createClusterService(async () => fakeLiveCluster());
  const listeners: ((event: Event) => void)[] = [];
  let queue = Promise.resolve();
  return {
    addEventListener(type: string, listener: EventListenerOrEventListenerObject) {
      if (type === 'message') listeners.push(listener as (event: Event) => void);
    },
    postMessage(request: ClusterRequest) {
      queue = queue.then(async () => {
        let response: ClusterResponse;
        try {
          response = { id: request.id, ok: true, value: await service.handle(request) };
        } catch (error) {
          response = { id: request.id, ok: false, message: (error as Error).message };
        }
        for (const listener of listeners) listener(new MessageEvent('message', { data: response }));
      });
    },
    terminate() {},
  };
}

let store: LearnerStore;
let written: { table: string; rows: Record<string, unknown>[] }[];
let failWrites: boolean;
let dbCount = 0;

const appendRows: AppendRows = async (_datasetId, table, rows) => {
  if (failWrites) throw new Error('the disk is full');
  written.push({ table, rows });
};

function open(datasetCreatedAt = 1) {
  return openClusterSession({
    datasetId: 'privileged-pod-escape:7:3',
    datasetCreatedAt,
    cluster: { scenario: 'privileged-pod-escape', seed: 7, days: 3 },
    createWorker: inProcessWorker,
    sessions: store,
    appendRows,
  });
}

function writtenCalls(): unknown[] {
  return written.flatMap((write) => write.rows.map((row) => row.Call)).filter((call) => call !== undefined);
}

beforeEach(() => {
  store = createLearnerStore(createLearnerDb(`cluster-client-${++dbCount}`));
  written = [];
  failWrites = false;
});
afterEach(async () => {
  await store.db.delete();
});

describe('cluster client', () => {
  it('runs a command, writes its rows to the dataset and keeps the step', async () => {
    const session = await open();
    expect(session.now()).toBe(START);
    expect(session.manifests().map((manifest) => manifest.name)).toEqual(['privileged-pod']);
    const result = await session.kubectl('kubectl get pods');
    expect(result).toMatchObject({ stdout: 'web-1\nweb-2\n', exitCode: 0, time: START });
    expect(await result.written).toEqual({ rowsWritten: 1 });
    expect(writtenCalls()).toEqual([1]);
    const stored = await store.getClusterSession('privileged-pod-escape:7:3');
    expect(stored?.steps).toMatchObject([{ time: START, line: 'kubectl get pods', appended: true }]);
    expect(await session.complete('kubectl get no')).toEqual(['nodes']);
  });

  it('writes the rows of a run of the clock and keeps runs one after another as one step', async () => {
    const session = await open();
    expect(await session.advanceTo(START + 30_000)).toEqual({ now: START + 30_000, rowsWritten: 3 });
    expect(await session.advanceTo(START + 50_000)).toEqual({ now: START + 50_000, rowsWritten: 2 });
    expect(await session.advanceTo(START + 40_000)).toEqual({ now: START + 50_000, rowsWritten: 0 });
    const stored = await store.getClusterSession('privileged-pod-escape:7:3');
    expect(stored?.steps).toMatchObject([{ time: START + 50_000, appended: true }]);
    expect(stored?.steps[0]?.line).toBeUndefined();
  });

  it('a reload replays the steps to the same state and writes nothing twice', async () => {
    const first = await open();
    await first.kubectl('kubectl delete pod web-1');
    await first.advanceTo(START + 20_000);
    await (
      await first.kubectl('kubectl apply -f -', 'kind: Pod\n')
    ).written;
    first.close();
    const writes = written.length;

    const again = await open();
    expect(again.restoredSteps).toBe(3);
    expect(again.now()).toBe(START + 20_000);
    expect(again.history()).toEqual(['kubectl delete pod web-1', 'kubectl apply -f -']);
    expect(written.length).toBe(writes);
    // The call numbers go on from the replayed ones: the cluster saw the same three calls again.
    expect((await again.kubectl('kubectl get pods')).stdout).toBe('web-2\n');
    expect(writtenCalls()).toEqual([1, 2, 3]);
  });

  it('keeps a step whose rows could not be written, says so, and writes them on the next visit', async () => {
    const first = await open();
    failWrites = true;
    const result = await (await first.kubectl('kubectl get pods')).written;
    expect(result.rowsWritten).toBe(0);
    expect(result.writeProblem).toMatch(/could not be written.*the disk is full.*next visit/);
    expect((await store.getClusterSession('privileged-pod-escape:7:3'))?.steps[0]?.appended).toBe(false);

    failWrites = false;
    const again = await open();
    expect(again.restoreProblem).toBeUndefined();
    expect(writtenCalls()).toEqual([1]);
    expect((await store.getClusterSession('privileged-pod-escape:7:3'))?.steps[0]?.appended).toBe(true);
  });

  it('writes every step again into a regenerated dataset', async () => {
    const first = await open(1);
    await first.kubectl('kubectl get pods');
    await first.advanceTo(START + 10_000);
    written = [];
    await open(2);
    expect(written.flatMap((write) => write.rows)).toHaveLength(2);
    expect((await store.getClusterSession('privileged-pod-escape:7:3'))?.datasetCreatedAt).toBe(2);
  });

  it('keeps apart a run of the clock whose rows are not written', () => {
    const clock = (time: number, appended: boolean) => ({ time, ranAt: 0, appended });
    expect(withoutRepeatedClockRuns([clock(1, true), clock(2, true), clock(3, false)])).toEqual([
      clock(2, true),
      clock(3, false),
    ]);
  });
});

describe('cluster probe', () => {
  it('runs lines on a cluster of its own, keeping nothing and writing nothing', async () => {
    const { openClusterProbe } = await import('./clusterClient');
    const probe = openClusterProbe({ scenario: 'privileged-pod-escape', seed: 7, days: 3 }, inProcessWorker);
    expect(await probe.run('kubectl get pods')).toEqual({ ok: true, value: 'web-1\nweb-2\n' });
    expect(await probe.run('kubectl get pods')).toEqual({ ok: true, value: 'web-1\nweb-2\n' });
    probe.close();
    expect(written).toEqual([]);
    expect(await store.getClusterSession('privileged-pod-escape:7:3')).toBeUndefined();
  });
});
