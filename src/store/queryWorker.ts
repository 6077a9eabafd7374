/// <reference lib="webworker" />
/**
 * The query worker: owns the KQL engine and the dataset store off the main thread. Talk to it only
 * through queryClient.ts.
 */
import { WARM_UP_QUERIES } from '../kql/warmUpQueries';
import { appendRows } from './appendRows';
import { datasetStore } from './datasets';
import { generateDataset } from './generate';
import { exportTableNdjson, importNdjson } from './ndjson';
import { createQueryService } from './queryService';
import { StoreError } from './storeError';
import { DATASET_CHANGES, DATASET_WRITES, type WorkerRequest, type WorkerResponse } from './workerProtocol';

// Bridge.NET (Kusto.Language) assigns its globals through `global`, which a worker does not have.
(self as unknown as { global?: unknown }).global ??= self;

const store = datasetStore();
/**
 * An engine step taking more than a frame or two would be felt by a query asked for meanwhile; 250 ms without a request
 * is a learner reading a result or typing, not one running queries back to back.
 */
const WARM_UP_IDLE_MS = 250;

const service = createQueryService({ store, warmUp: { queries: WARM_UP_QUERIES, idleMs: WARM_UP_IDLE_MS } });
const running = new Map<number, AbortController>();
const cancelled = new Set<number>();

/** Writes in other pages: their workers say so here (a write of this page comes as a `datasetsChanged` request). */
const datasetChanges =
  typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(DATASET_CHANGES);
datasetChanges?.addEventListener('message', () => service.datasetChanged());

function reply(message: WorkerResponse): void {
  try {
    (self as unknown as DedicatedWorkerGlobalScope).postMessage(message);
  } catch (error) {
    // A value the structured clone cannot copy (nested too deep, or not cloneable): the caller still gets an
    // answer, so nothing waits for ever.
    if (!('ok' in message)) return;
    const reason = error instanceof Error ? error.message : String(error);
    (self as unknown as DedicatedWorkerGlobalScope).postMessage({
      id: message.id,
      ok: false,
      error: { kind: 'unknown', message: `The result could not be sent to the page: ${reason}` },
    } satisfies WorkerResponse);
  }
}

async function handle(request: WorkerRequest): Promise<unknown> {
  switch (request.type) {
    case 'query': {
      const controller = new AbortController();
      running.set(request.id, controller);
      try {
        const options: { signal: AbortSignal; timeoutMs?: number } = { signal: controller.signal };
        if (request.timeoutMs !== undefined) options.timeoutMs = request.timeoutMs;
        return await service.query(request.datasetId, request.text, request.pageSize, options);
      } finally {
        running.delete(request.id);
      }
    }
    case 'page':
      return service.page(request.resultId, request.offset, request.count);
    case 'release':
      service.release(request.resultId);
      return null;
    case 'cancel':
      if (running.has(request.target)) cancelled.add(request.target);
      running.get(request.target)?.abort();
      return null;
    case 'diagnose':
      return service.diagnose(request.text);
    case 'prepare':
      return service.prepare(request.datasetId, request.text);
    case 'listDatasets':
      return store.listDatasets();
    case 'datasetInfo':
      return (await store.getDataset(request.datasetId)) ?? null;
    case 'resetDataset':
      await store.resetDataset(request.datasetId);
      service.forget(request.datasetId);
      return null;
    case 'appendRows':
      return appendRows(store, request.datasetId, request.table, request.rows);
    case 'importNdjson':
      return importNdjson(store, request.request, (table, rows) =>
        reply({ id: request.id, progress: { table, rows } }),
      );
    case 'generate': {
      const dataset = await generateDataset(store, request.request, (progress) =>
        reply({ id: request.id, progress }),
      );
      service.forget(dataset.id);
      return dataset;
    }
    case 'exportNdjson':
      return exportTableNdjson(store, request.datasetId, request.table);
    case 'loadTable':
      return service.loadTable(request.datasetId, request.table);
    case 'datasetsChanged':
      service.datasetChanged();
      return null;
  }
}

/** Now in ms since the epoch, comparable with the page's clock (WorkerTiming). */
const epochNow = () => performance.timeOrigin + performance.now();

self.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  const received = epochNow();
  const settled = handle(request);
  if (DATASET_WRITES.has(request.type)) {
    const announce = () => datasetChanges?.postMessage(null);
    settled.then(announce, announce);
  }
  settled.then(
    (value) => {
      cancelled.delete(request.id);
      reply({ id: request.id, ok: true, value, timing: { received, replied: epochNow() } });
    },
    (error: unknown) => {
      const wasCancelled = cancelled.delete(request.id);
      reply({
        id: request.id,
        ok: false,
        error: wasCancelled
          ? { kind: 'cancelled', message: 'The query was cancelled.' }
          : error instanceof StoreError
            ? { kind: error.kind, message: error.message }
            : { kind: 'unknown', message: error instanceof Error ? error.message : String(error) },
      });
    },
  );
});
