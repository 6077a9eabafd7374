// Cancel always works (issue 16, item 4): a query stuck in a synchronous loop is cancelled by replacing the query
// worker, while an import or a generation in progress goes on and completes; cancelling leaves no unhandled
// rejection behind.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClientError, createQueryClient, WORKER_REQUEST_MEASURE } from './queryClient';
import type { WorkerRequest, WorkerResponse } from './workerProtocol';

/**
 * A stand-in worker. A query never finishes and, like an engine busy in a synchronous loop, the worker answers
 * nothing after it; any other request answers a moment later.
 */
class BusyWorker extends EventTarget {
  static made: BusyWorker[] = [];
  terminated = false;
  busy = false;
  readonly received: WorkerRequest[] = [];

  constructor() {
    super();
    BusyWorker.made.push(this);
  }

  postMessage(request: WorkerRequest): void {
    this.received.push(request);
    if (request.type === 'query') this.busy = true;
    setTimeout(() => {
      if (this.terminated || this.busy) return;
      const data: WorkerResponse = { id: request.id, ok: true, value: { id: 'imported' } };
      this.dispatchEvent(new MessageEvent('message', { data }));
    }, 5);
  }

  terminate(): void {
    this.terminated = true;
  }
}

afterEach(() => {
  BusyWorker.made = [];
  vi.useRealTimers();
});

describe('query client cancel', () => {
  it('cancels a runaway query while an import goes on, and the import completes', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    const client = createQueryClient({ createWorker: () => new BusyWorker() as unknown as Worker });
    const handle = client.run('print s="aaaa!" | where s matches regex "(a+)+$"', { datasetId: 'd' });
    const imported = client.importNdjson({ scenario: 's', seed: 1, files: [] });
    handle.cancel();
    await expect(handle.outcome).rejects.toMatchObject({ kind: 'cancelled' });
    await expect(imported).resolves.toEqual({ id: 'imported' });
    const [queryWorker, storeWorker] = BusyWorker.made;
    expect(queryWorker!.terminated).toBe(true);
    expect(storeWorker!.terminated).toBe(false);
    expect(storeWorker!.received.map((r) => r.type)).toEqual(['importNdjson']);
    // A new query gets a fresh worker.
    client.run('print 1', { datasetId: 'd' }).outcome.catch(() => undefined);
    expect(BusyWorker.made).toHaveLength(3);
    await new Promise((resolve) => setTimeout(resolve, 20));
    process.off('unhandledRejection', onUnhandled);
    expect(unhandled).toEqual([]);
    client.close();
  });

  it('a generation started while a query runs does not wait for it', async () => {
    const client = createQueryClient({ createWorker: () => new BusyWorker() as unknown as Worker });
    const handle = client.run('range x from 1 to 100000000 step 1', { datasetId: 'd' });
    handle.outcome.catch(() => undefined);
    await expect(client.generate({ scenario: 's', seed: 1, days: 1 })).resolves.toEqual({ id: 'imported' });
    await expect(client.listDatasets()).resolves.toBeTruthy();
    client.close();
    await expect(handle.outcome).rejects.toBeInstanceOf(ClientError);
  });
});

/** A stand-in worker that answers every request a moment later. */
class AnsweringWorker extends EventTarget {
  readonly received: WorkerRequest[] = [];

  postMessage(request: WorkerRequest): void {
    this.received.push(request);
    setTimeout(() => {
      const data: WorkerResponse = { id: request.id, ok: true, value: null };
      this.dispatchEvent(new MessageEvent('message', { data }));
    }, 1);
  }

  terminate(): void {}
}

describe('query client and dataset writes', () => {
  it('tells the query worker of a settled write before the query that follows it', async () => {
    const made: AnsweringWorker[] = [];
    const client = createQueryClient({
      createWorker: () => {
        const worker = new AnsweringWorker();
        made.push(worker);
        return worker as unknown as Worker;
      },
    });
    await client.diagnose('print 1');
    const [queryWorker] = made;
    await client.appendRows('d', 'KubeEvents', []);
    await client.run('KubeEvents | count', { datasetId: 'd' }).outcome;
    expect(queryWorker!.received.map((request) => request.type)).toEqual([
      'diagnose',
      'datasetsChanged',
      'query',
    ]);
    // A read changes nothing.
    await client.listDatasets();
    await client.run('KubeEvents | count', { datasetId: 'd' }).outcome;
    expect(queryWorker!.received.map((request) => request.type).slice(3)).toEqual(['query']);
  });
});

/** A worker that answers a query at once, with the times at which it says it took it up and replied. */
class TimedWorker extends EventTarget {
  postMessage(request: WorkerRequest): void {
    const received = performance.timeOrigin + performance.now();
    setTimeout(() => {
      const data: WorkerResponse = {
        id: request.id,
        ok: true,
        value: null,
        timing: { received, replied: received + 3 },
      };
      this.dispatchEvent(new MessageEvent('message', { data }));
    }, 5);
  }

  terminate(): void {}
}

describe('query client round-trip measures', () => {
  it("records a query's post, the worker's start and end, and its answer in the page's time base", async () => {
    performance.clearMeasures(WORKER_REQUEST_MEASURE);
    const client = createQueryClient({ createWorker: () => new TimedWorker() as unknown as Worker });
    const posted = performance.now();
    await client.run('print 1', { datasetId: 'd' }).outcome;
    await client.diagnose('print 1');
    const measures = performance.getEntriesByName(WORKER_REQUEST_MEASURE) as PerformanceMeasure[];
    // Diagnoses are not timed: only the requests a run waits for.
    expect(measures).toHaveLength(1);
    const [measure] = measures;
    const detail = measure!.detail as { type: string; workerReceived: number; workerReplied: number };
    expect(detail.type).toBe('query');
    expect(measure!.startTime).toBeGreaterThanOrEqual(posted);
    expect(detail.workerReceived).toBeGreaterThanOrEqual(measure!.startTime - 1);
    expect(detail.workerReplied - detail.workerReceived).toBeCloseTo(3, 5);
    expect(measure!.startTime + measure!.duration).toBeGreaterThanOrEqual(detail.workerReplied - 1);
    client.close();
  });
});
