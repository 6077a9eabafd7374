/// <reference lib="webworker" />
/**
 * The query worker: owns the KQL engine and the dataset store off the main thread. Talk to it only
 * through queryClient.ts.
 */
import { appendRows } from './appendRows';
import { datasetStore } from './datasets';
import { generateDataset } from './generate';
import { exportTableNdjson, importNdjson } from './ndjson';
import { createQueryService } from './queryService';
import { StoreError } from './storeError';
import type { WorkerRequest, WorkerResponse } from './workerProtocol';

// Bridge.NET (Kusto.Language) assigns its globals through `global`, which a worker does not have.
(self as unknown as { global?: unknown }).global ??= self;

const store = datasetStore();
const service = createQueryService({ store });
const running = new Map<number, AbortController>();
const cancelled = new Set<number>();

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
    case 'schema':
      return service.schema(request.datasetId);
    case 'listDatasets':
      return store.listDatasets();
    case 'datasetInfo':
      return (await store.getDataset(request.datasetId)) ?? null;
    case 'resetDataset':
      await store.resetDataset(request.datasetId);
      service.forget(request.datasetId);
      return null;
    case 'beginDataset': {
      const begin: Parameters<typeof store.beginDataset>[0] = {
        scenario: request.scenario,
        seed: request.seed,
      };
      if (request.days !== undefined) begin.days = request.days;
      if (request.virtualNow !== undefined) begin.virtualNow = request.virtualNow;
      return store.beginDataset(begin);
    }
    case 'ingest':
      await store.appendBatch(request.datasetId, request.table, request.rows);
      return store.getDataset(request.datasetId);
    case 'appendRows':
      return appendRows(store, request.datasetId, request.table, request.rows);
    case 'finishDataset': {
      const time: Parameters<typeof store.finishDataset>[1] = {};
      if (request.virtualStart !== undefined) time.virtualStart = request.virtualStart;
      if (request.virtualEnd !== undefined) time.virtualEnd = request.virtualEnd;
      if (request.virtualNow !== undefined) time.virtualNow = request.virtualNow;
      return store.finishDataset(request.datasetId, time);
    }
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
  }
}

self.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  handle(request).then(
    (value) => {
      cancelled.delete(request.id);
      reply({ id: request.id, ok: true, value });
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
