// Cancel always works (issue 16, item 4): a query stuck in a synchronous loop is cancelled by replacing the query
// worker, while an import or a generation in progress goes on and completes; cancelling leaves no unhandled
// rejection behind.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClientError, createQueryClient } from './queryClient';
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
