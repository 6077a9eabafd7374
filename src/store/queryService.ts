/**
 * What the query worker does, without the worker plumbing (so Node tests can drive it): owns the engine,
 * loads a dataset's tables from IndexedDB lazily, caches them per table revision, runs queries with the
 * dataset's virtual now and keeps recent results for paging.
 */
import type { KqlEngine } from '../kql/engine';
import type { QueryResult } from '../kql/types';
import { datasetStore, type DatasetRecord, type DatasetStore, type EngineTableLoad } from './datasets';
import { StoreError } from './storeError';
import type { PreparedQuery, ResultTablePage, RunOutcome } from './workerProtocol';

const KEPT_RESULTS = 6;

type EngineFactory = () => Promise<KqlEngine>;

/** What the service runs, one per idle moment, once its engine has started (see `scheduleWarmUp`). */
export interface WarmUpPlan {
  /** Self-contained queries (kql/warmUpQueries.ts); their results are dropped. */
  readonly queries: readonly string[];
  /** How long the service must have had nothing to do before a step: a request arriving then waits for one step. */
  readonly idleMs: number;
}

/** The now() of warm-up queries: any fixed time, so that a step does the same work on every page. */
const WARM_UP_NOW = new Date(Date.UTC(2026, 0, 2));

/**
 * The now() of a query over a dataset: its virtual now, never the wall clock. A dataset still being generated has no
 * virtual now yet: the end of its virtual time, or the latest time in its rows, stands in; the wall clock only for a
 * dataset with no time at all.
 */
export function virtualNowOf(dataset: DatasetRecord): number {
  if (dataset.virtualNow !== undefined) return dataset.virtualNow;
  if (dataset.virtualEnd !== undefined) return dataset.virtualEnd;
  const latest = Object.values(dataset.tables)
    .map((table) => table.maxTime)
    .filter((time): time is number => time !== undefined);
  return latest.length > 0 ? Math.max(...latest) : Date.now();
}

/** What a result over an unfinished dataset must say about itself; undefined for a ready one. */
export function unfinishedNotice(dataset: DatasetRecord): string | undefined {
  if (dataset.status === 'ready') return undefined;
  if (dataset.status === 'generating') {
    return `The dataset ${dataset.id} is still being generated: this result covers only the rows written so far.`;
  }
  return `The dataset ${dataset.id} is incomplete${dataset.problem ? ` (${dataset.problem})` : ''}: this result covers only part of it.`;
}

export function createQueryService(
  options: { store?: DatasetStore; engineFactory?: EngineFactory; warmUp?: WarmUpPlan } = {},
) {
  const store = options.store ?? datasetStore();
  const engineFactory: EngineFactory =
    options.engineFactory ??
    (async () => {
      const { createKqlEngine } = await import('../kql/index');
      const engine = createKqlEngine();
      engine.warm();
      return engine;
    });
  let enginePromise: Promise<KqlEngine> | undefined;
  /**
   * table → `${datasetId}@${createdAt}#${revision}` of what the engine holds. Writes happen in another worker, so a
   * dataset that is reset and made again (its revisions start again from 0) is told apart by its creation time.
   */
  const loaded = new Map<string, string>();
  /**
   * Records of ready datasets, kept between queries: reading one from IndexedDB on every run cost a round trip to
   * the browser's storage (a wake-up of another process on a busy machine). Whoever writes a dataset announces it
   * (`datasetChanged`); a dataset still being written is read on every run.
   */
  const records = new Map<string, DatasetRecord>();
  /**
   * Reads of a table from IndexedDB for the engine, by the key `loaded` will hold once its columns are in: started by
   * the lab's loading ahead (outside the queue) or by a query, and taken by whichever puts the columns in first.
   */
  const reads = new Map<string, { table: string; load: Promise<EngineTableLoad> }>();
  const results = new Map<number, QueryResult>();
  let nextResultId = 1;
  let queue: Promise<unknown> = Promise.resolve();
  /** Requests in the queue (waiting or running), and when the last one ended: what the warm-up waits for. */
  let queued = 0;
  let lastEnded = performance.now();

  function engine(): Promise<KqlEngine> {
    if (!enginePromise) {
      enginePromise = engineFactory();
      if (options.warmUp) {
        const plan = options.warmUp;
        enginePromise.then(
          (kql) => scheduleWarmUp(kql, plan),
          () => undefined,
        );
      }
    }
    return enginePromise;
  }

  /** One query or load at a time: the engine is single-threaded and loads must not interleave. */
  function serialized<T>(work: () => Promise<T>): Promise<T> {
    queued++;
    const run = queue.then(work, work).finally(() => {
      queued--;
      lastEnded = performance.now();
    });
    queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Runs the warm-up queries one at a time, each once the service has been idle for `idleMs`: the first query of each
   * kind a learner runs then finds Kusto.Language's and the engine's code already run once. A step runs synchronously
   * with nothing in the queue, so it never interleaves with a request; one that arrives meanwhile waits for that
   * step only (a few tens of milliseconds).
   */
  function scheduleWarmUp(kql: KqlEngine, plan: WarmUpPlan): void {
    let next = 0;
    const step = () => {
      const idleFor = performance.now() - lastEnded;
      if (queued > 0 || idleFor < plan.idleMs) {
        setTimeout(step, queued > 0 ? plan.idleMs : plan.idleMs - idleFor);
        return;
      }
      const text = plan.queries[next++]!;
      // A warm-up query that fails warms little: say so, for whoever changes the engine or the queries.
      try {
        const outcome = kql.query(text, { now: WARM_UP_NOW });
        if (!outcome.ok)
          console.warn(`A warm-up query failed (${outcome.code}: ${outcome.message}):\n${text}`);
      } catch (error) {
        console.warn(`A warm-up query failed:\n${text}`, error);
      }
      lastEnded = performance.now();
      if (next < plan.queries.length) setTimeout(step, plan.idleMs);
    };
    if (plan.queries.length > 0) setTimeout(step, plan.idleMs);
  }

  async function requireDataset(datasetId: string): Promise<DatasetRecord> {
    const kept = records.get(datasetId);
    if (kept) return kept;
    const dataset = await store.getDataset(datasetId);
    if (dataset?.status === 'ready') records.set(datasetId, dataset);
    if (!dataset)
      throw new StoreError(
        'not-found',
        `There is no dataset "${datasetId}" in this browser. Generate or import it on the Datasets page.`,
      );
    return dataset;
  }

  /** What `loaded` holds for a table once the engine has the dataset's current rows of it. */
  function loadKey(dataset: DatasetRecord, table: string): string {
    return `${dataset.id}@${dataset.createdAt}#${dataset.tables[table]?.revision ?? 'empty'}`;
  }

  /** The read of a table's current rows: the one in flight or done, else a new one. */
  function readTable(dataset: DatasetRecord, table: string, key: string): Promise<EngineTableLoad> {
    let read = reads.get(key);
    if (!read) {
      read = { table, load: store.loadTableForEngine(dataset.id, table) };
      reads.set(key, read);
      // A failed read is forgotten, so that the next attempt reads again (its error reaches whoever awaits it).
      read.load.catch(() => reads.delete(key));
    }
    return read.load;
  }

  /** Makes the engine hold exactly the dataset's current rows of `tables`. Returns the ms spent loading (0: none). */
  async function ensureLoaded(
    kql: KqlEngine,
    dataset: DatasetRecord,
    tables: readonly string[],
    signal?: AbortSignal,
  ) {
    const started = performance.now();
    let loadedAny = false;
    for (const table of tables) {
      const info = dataset.tables[table];
      const wanted = loadKey(dataset, table);
      if (loaded.get(table) === wanted) continue;
      loadedAny = true;
      if (signal?.aborted) throw new StoreError('unknown', 'cancelled');
      if (!info || info.rowCount === 0) {
        kql.clearTable(table);
      } else {
        const load = await readTable(dataset, table, wanted);
        kql.loadColumns(table, load.rowCount, load.columns);
      }
      loaded.set(table, wanted);
      // Done with this table's reads, the one just used and any of an older revision.
      for (const [key, read] of reads) if (read.table === table) reads.delete(key);
    }
    return loadedAny ? performance.now() - started : 0;
  }

  /**
   * Keeps a query's result tables for paging, and forgets the oldest beyond the latest few (never one of this query's
   * own tables, however many a fork returns).
   */
  function keep(tables: readonly QueryResult[]): number[] {
    const ids = tables.map((table) => {
      const id = nextResultId++;
      results.set(id, table);
      return id;
    });
    while (results.size > Math.max(KEPT_RESULTS, tables.length)) results.delete(results.keys().next().value!);
    return ids;
  }

  /** A result table's first page; the rest come from `page` by its id. */
  function firstPage(result: QueryResult, resultId: number, pageSize: number): ResultTablePage {
    const page: ResultTablePage = {
      resultId,
      name: result.name,
      columns: result.columns,
      rowCount: result.rowCount,
      rows: result.page(0, pageSize),
    };
    if (result.chart) page.chart = result.chart;
    if (result.truncated) page.truncated = { ...result.truncated };
    return page;
  }

  return {
    async query(
      datasetId: string,
      text: string,
      pageSize: number,
      options: { timeoutMs?: number; signal?: AbortSignal } = {},
    ): Promise<RunOutcome> {
      return serialized(async () => {
        const dataset = await requireDataset(datasetId);
        const kql = await engine();
        const loadMs = await ensureLoaded(kql, dataset, kql.tablesReferenced(text), options.signal);
        const now = new Date(virtualNowOf(dataset));
        const queryOptions: { now: Date; signal?: AbortSignal; timeoutMs?: number } = { now };
        if (options.signal) queryOptions.signal = options.signal;
        if (options.timeoutMs !== undefined) queryOptions.timeoutMs = options.timeoutMs;
        const outcome = kql.query(text, queryOptions);
        if (!outcome.ok) return outcome;
        const extraTables = outcome.extraTables ?? [];
        const [resultId, ...extraIds] = keep([outcome, ...extraTables]);
        const reply: RunOutcome = {
          ok: true,
          ...firstPage(outcome, resultId!, pageSize),
          elapsedMs: outcome.elapsedMs,
          loadMs,
          now: now.toISOString(),
        };
        if (extraTables.length > 0) {
          reply.extraTables = extraTables.map((table, i) => firstPage(table, extraIds[i]!, pageSize));
        }
        const unfinished = unfinishedNotice(dataset);
        if (unfinished) reply.unfinished = unfinished;
        return reply;
      });
    },

    page(resultId: number, offset: number, count: number) {
      const result = results.get(resultId);
      if (!result) {
        throw new StoreError(
          'not-found',
          'This result is no longer kept (only the latest few are); run the query again.',
        );
      }
      return result.page(offset, count);
    },

    release(resultId: number): void {
      results.delete(resultId);
    },

    async diagnose(text: string) {
      return (await engine()).diagnose(text);
    },

    /**
     * Gets a query ready before it is run: analyses it (the engine keeps its plan), loads the tables it reads and
     * builds the text columns it names, so that running it then costs only its execution. The lab does this for the
     * query in the editor, in the pauses of the typing.
     */
    async prepare(datasetId: string, text: string): Promise<PreparedQuery> {
      return serialized(async () => {
        const dataset = await requireDataset(datasetId);
        const kql = await engine();
        const tables = kql.tablesReferenced(text);
        const loadMs = await ensureLoaded(kql, dataset, tables);
        kql.readNamedColumns(text);
        return { tables, loadMs };
      });
    },

    /**
     * Loads one table into the engine now (the lab loads the tables no query has read yet, one at a time). The read
     * from IndexedDB, most of a load's time, happens before the load takes its place in the queue: a query asked for
     * meanwhile runs at once (or, when it reads this table, takes this read) instead of waiting 100–400 ms behind it.
     */
    async loadTable(datasetId: string, table: string) {
      const started = performance.now();
      const dataset = await requireDataset(datasetId);
      const key = loadKey(dataset, table);
      if (loaded.get(table) !== key && (dataset.tables[table]?.rowCount ?? 0) > 0) {
        await readTable(dataset, table, key);
      }
      return serialized(async () => {
        const kql = await engine();
        const loadMs = await ensureLoaded(kql, dataset, [table]);
        return { rowCount: kql.rowCount(table), loadMs: loadMs === 0 ? 0 : performance.now() - started };
      });
    },

    /** Forgets what the engine holds of a dataset (after a reset). */
    forget(datasetId: string): void {
      records.delete(datasetId);
      for (const [table, key] of loaded) if (key.startsWith(`${datasetId}@`)) loaded.delete(table);
      for (const key of reads.keys()) if (key.startsWith(`${datasetId}@`)) reads.delete(key);
    },

    /**
     * A dataset was written (rows appended, generated, imported, reset): its record is read again by the next query,
     * which then loads the tables whose revision changed. Without an id: every dataset.
     */
    datasetChanged(datasetId?: string): void {
      if (datasetId === undefined) records.clear();
      else records.delete(datasetId);
      for (const key of reads.keys())
        if (datasetId === undefined || key.startsWith(`${datasetId}@`)) reads.delete(key);
    },
  };
}

export type QueryService = ReturnType<typeof createQueryService>;
