import {
  ClientError,
  queryClient,
  type DatasetRecord,
  type ResultTablePage,
  type RunOutcome,
} from '../../store/queryClient';
import type { WireValue } from '../../kql/types';
import type { DatasetSummary, LabBackend } from './backend';

/** Rows fetched per message: the grid sorts and filters the whole result, so all of it comes over in pages. */
const PAGE_ROWS = 50_000;

function iso(ms: number | undefined): string | undefined {
  return ms === undefined ? undefined : new Date(ms).toISOString().replace('.000Z', 'Z');
}

export function summaryOf(record: DatasetRecord): DatasetSummary {
  const rowCounts: Record<string, number> = {};
  for (const [table, info] of Object.entries(record.tables)) rowCounts[table] = info.rowCount;
  const virtualNow = iso(record.virtualNow);
  const start = iso(record.virtualStart);
  const end = iso(record.virtualEnd);
  return {
    id: record.id,
    scenarioId: record.scenario,
    seed: record.seed,
    ...(record.days !== undefined ? { days: record.days } : {}),
    ready: record.status === 'ready',
    ...(record.problem !== undefined ? { problem: record.problem } : {}),
    ...(virtualNow !== undefined ? { virtualNow } : {}),
    ...(start !== undefined ? { start } : {}),
    ...(end !== undefined ? { end } : {}),
    rowCounts,
  };
}

let pageBackend: Promise<LabBackend> | undefined;

/**
 * The page's lab backend, made on first call: the query worker starts and warms its engine then. A page with a lab
 * calls this as early as it can (lab.astro, before the island hydrates), since Kusto.Language takes a second or more
 * to start and the learner's first query waits for it.
 */
export function labBackend(): Promise<LabBackend> {
  pageBackend ??= createStoreBackend();
  return pageBackend;
}

/** The lab's data side over the store's one typed client (the query worker owns the engine and IndexedDB). */
export async function createStoreBackend(): Promise<LabBackend> {
  const client = queryClient();
  // Start the engine now (Kusto.Language loads and runs its first, slow analysis once) rather than when the learner's
  // first query needs it: a diagnosis is the cheapest request that does.
  const engineWarm = client.diagnose('print 1').then(
    () => {
      performance.mark('lab:engine-warm');
    },
    (error: unknown) => {
      console.warn('The query engine could not be warmed up; the first query will start it.', error);
      throw error;
    },
  );
  // Nobody may wait for the warm-up; its failure is already reported.
  engineWarm.catch(() => undefined);

  /** Completes a result table's rows (the worker sent its first page) page by page, in place. */
  async function fetchRemainingRows(table: ResultTablePage, signal: AbortSignal): Promise<void> {
    const rows: WireValue[][] = table.rows;
    while (rows.length < table.rowCount) {
      if (signal.aborted) throw new ClientError('cancelled', 'The query was cancelled.');
      const page = await client.page(table.resultId, rows.length, PAGE_ROWS);
      if (page.length === 0) break;
      for (const row of page) rows.push(row);
    }
  }

  async function runOnce(text: string, datasetId: string, signal: AbortSignal): Promise<RunOutcome> {
    const handle = client.run(text, { datasetId, pageSize: PAGE_ROWS });
    const onAbort = () => handle.cancel();
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      const first = await handle.outcome;
      if (!first.ok) return first;
      const tables = [first, ...(first.extraTables ?? [])];
      try {
        for (const table of tables) await fetchRemainingRows(table, signal);
        return first;
      } finally {
        for (const table of tables) client.release(table.resultId);
      }
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }

  return {
    engineWarm,

    async run(text: string, datasetId: string, signal: AbortSignal): Promise<RunOutcome> {
      try {
        return await runOnce(text, datasetId, signal);
      } catch (error) {
        // A query that a newer one replaced can outlive its cancel message (the engine runs synchronously); the
        // client then replaces the worker, and every request in it fails as cancelled, this one included although
        // nobody cancelled it. It runs again on the fresh worker.
        if (error instanceof ClientError && error.kind === 'cancelled' && !signal.aborted) {
          return runOnce(text, datasetId, signal);
        }
        throw error;
      }
    },

    prepare(datasetId: string, text: string) {
      return client.prepare(datasetId, text);
    },

    async loadTable(datasetId: string, table: string): Promise<number> {
      return (await client.loadTable(datasetId, table)).loadMs;
    },

    async generate(scenarioId, seed, days, onProgress): Promise<DatasetSummary> {
      return summaryOf(await client.generate({ scenario: scenarioId, seed, days }, onProgress));
    },

    async listDatasets(): Promise<DatasetSummary[]> {
      const records = await client.listDatasets();
      return records.sort((a, b) => b.updatedAt - a.updatedAt).map(summaryOf);
    },
  };
}
