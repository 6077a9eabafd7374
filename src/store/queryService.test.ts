import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKqlEngine } from '../kql/index';
import { createDatasetDb } from './datasetDb';
import { createDatasetStore, type DatasetStore } from './datasets';
import { createQueryService, type QueryService } from './queryService';

let store: DatasetStore;
let service: QueryService;
let loads: string[];
let count = 0;

const NOW = Date.UTC(2026, 10, 26, 12, 0, 0);

function events(n: number, endMs = NOW) {
  return Array.from({ length: n }, (_, i) => ({
    TimeGenerated: new Date(endMs - i * 10 * 60_000).toISOString(),
    Reason: i % 3 === 0 ? 'BackOff' : 'Pulled',
    Name: `pod-${i}`,
    Namespace: i % 2 ? 'prod' : 'kube-system',
  }));
}

beforeEach(() => {
  store = createDatasetStore(createDatasetDb(`query-service-${++count}`), { chunkRows: 16 });
  loads = [];
  const load = store.loadTableForEngine.bind(store);
  store.loadTableForEngine = (datasetId, table, range) => {
    loads.push(table);
    return load(datasetId, table, range);
  };
  service = createQueryService({ store, engineFactory: async () => createKqlEngine() });
});
afterEach(async () => {
  await store.db.delete();
});

describe('query service', () => {
  it('reads the tables a query uses from the analyzer, not from the words in its text', () => {
    const engine = createKqlEngine();
    expect(engine.tablesReferenced('KubeEvents | join (KubePodInventory) on Name').sort()).toEqual([
      'KubeEvents',
      'KubePodInventory',
    ]);
    expect(engine.tablesReferenced('AKSAuditAdmin | take 1')).toEqual(['AKSAuditAdmin']);
    // A table's name inside a string, a comment or a column name is not a read of that table.
    expect(engine.tablesReferenced('print x = "KubeEvents"')).toEqual([]);
    expect(engine.tablesReferenced('// AKSAudit\nKubeEvents | project AKSAudit = Name')).toEqual([
      'KubeEvents',
    ]);
    expect(engine.tablesReferenced('database("Sentinel").AKSAudit | count')).toEqual(['AKSAudit']);
    expect(engine.tablesReferenced("table('AKSAuditAdmin') | count")).toEqual(['AKSAuditAdmin']);
    expect(engine.tablesReferenced('let recent = KubeEvents | take 5; recent | count')).toEqual([
      'KubeEvents',
    ]);
    expect(
      engine.tablesReferenced('KubeEvents | where Name in ((KubePodInventory | project Name))').sort(),
    ).toEqual(['KubeEvents', 'KubePodInventory']);
    // Every table for union *: each has a schema, and the analyzer expands the star.
    expect(engine.tablesReferenced('union * | count').sort()).toEqual(
      engine.schemas.map((table) => table.name).sort(),
    );
    // A query with an error reads nothing (it will not run).
    expect(engine.tablesReferenced('KubeEvents | where NoSuchColumn == 1')).toEqual([]);
  });

  it('loads tables lazily, caches them, reloads after ingest, and uses the virtual now', async () => {
    const dataset = await store.beginDataset({ scenario: 'svc', seed: 1, virtualNow: NOW });
    await store.appendBatch(dataset.id, 'KubeEvents', events(40));
    await store.finishDataset(dataset.id);
    const query =
      'KubeEvents | where TimeGenerated > ago(1h) | summarize n = count() by Reason | order by Reason asc';

    const first = await service.query(dataset.id, query, 10);
    if (!first.ok) throw new Error(first.message);
    // Rows at now, now-10m, ... now-50m are within the hour (and "> ago(1h)" excludes now-60m).
    expect(first.rows).toEqual([
      ['BackOff', 2],
      ['Pulled', 4],
    ]);
    expect(first.now).toBe(new Date(NOW).toISOString());
    expect(loads).toEqual(['KubeEvents']);

    await service.query(dataset.id, 'KubeEvents | count', 10);
    expect(loads).toEqual(['KubeEvents']);

    await store.appendBatch(dataset.id, 'KubeEvents', events(5, NOW + 60_000));
    // The worker that wrote says so (the query client and a BroadcastChannel carry it to the query worker).
    service.datasetChanged(dataset.id);
    const after = await service.query(dataset.id, 'KubeEvents | count', 10);
    expect(after.ok && after.rows).toEqual([[45]]);
    expect(loads).toEqual(['KubeEvents', 'KubeEvents']);
  });

  it("reads a ready dataset's record once until a write is announced; an unfinished one on every run", async () => {
    let reads = 0;
    const getDataset = store.getDataset.bind(store);
    store.getDataset = (id) => {
      reads++;
      return getDataset(id);
    };
    const dataset = await store.beginDataset({ scenario: 'svc', seed: 4, virtualNow: NOW });
    await store.appendBatch(dataset.id, 'KubeEvents', events(3));
    await service.query(dataset.id, 'KubeEvents | count', 10);
    await service.query(dataset.id, 'KubeEvents | count', 10);
    expect(reads).toBe(2);

    await store.finishDataset(dataset.id);
    service.datasetChanged(dataset.id);
    await service.query(dataset.id, 'KubeEvents | count', 10);
    await service.query(dataset.id, 'KubeEvents | count', 10);
    expect(reads).toBe(3);

    await store.appendBatch(dataset.id, 'KubeEvents', events(2, NOW + 60_000));
    const unannounced = await service.query(dataset.id, 'KubeEvents | count', 10);
    expect(unannounced.ok && unannounced.rows).toEqual([[3]]);
    service.datasetChanged();
    const announced = await service.query(dataset.id, 'KubeEvents | count', 10);
    expect(announced.ok && announced.rows).toEqual([[5]]);
    expect(reads).toBe(4);
  });

  it('pages a result and reports query errors with positions', async () => {
    const dataset = await store.beginDataset({ scenario: 'svc', seed: 2 });
    await store.appendBatch(dataset.id, 'KubeEvents', events(30));
    const result = await service.query(dataset.id, 'KubeEvents | order by Name asc | project Name', 5);
    if (!result.ok) throw new Error(result.message);
    expect(result.rowCount).toBe(30);
    expect(result.rows).toHaveLength(5);
    expect(service.page(result.resultId, 28, 5)).toEqual([['pod-8'], ['pod-9']]);

    const broken = await service.query(dataset.id, 'KubeEvents | where NoSuchColumn == 1', 5);
    expect(broken.ok).toBe(false);
    if (!broken.ok) {
      expect(broken.code).toMatch(/^KS/);
      expect(broken.line).toBe(1);
      expect(broken.start).toBe('KubeEvents | where '.length);
    }
    await expect(service.query('missing:1', 'KubeEvents', 5)).rejects.toThrow(/no dataset "missing:1"/);
  });

  it('sends every result table of a fork, each named and paged by its own id, and keeps them all', async () => {
    const dataset = await store.beginDataset({ scenario: 'svc', seed: 4 });
    await store.appendBatch(dataset.id, 'KubeEvents', events(30));
    const branches = Array.from({ length: 8 }, (_, i) => `(where Name != "pod-${i}" | project Name)`).join(
      ' ',
    );
    const result = await service.query(
      dataset.id,
      `KubeEvents | order by Name asc | fork Pods = (project Name) (count) ${branches}`,
      5,
    );
    if (!result.ok) throw new Error(result.message);
    expect(result.name).toBe('Pods');
    expect(result.rowCount).toBe(30);
    const extra = result.extraTables ?? [];
    expect(extra.map((table) => table.name)).toEqual([
      'GenericResult',
      ...Array.from({ length: 8 }, (_, i) => `GenericResult_${i + 2}`),
    ]);
    expect(extra[0]!.rows).toEqual([[30]]);
    expect(extra[1]!.rows).toHaveLength(5);
    // Ten tables, more than the service keeps of older queries: the first is still there to page.
    expect(service.page(result.resultId, 28, 5)).toEqual([['pod-8'], ['pod-9']]);
    expect(service.page(extra[8]!.resultId, 27, 5)).toEqual([['pod-8'], ['pod-9']]);
  });

  it('prepares a query ahead of its run: loads the tables it reads and nothing else', async () => {
    const dataset = await store.beginDataset({ scenario: 'svc', seed: 3 });
    await store.appendBatch(dataset.id, 'KubeEvents', events(3));
    const prepared = await service.prepare(dataset.id, 'KubeEvents | summarize count() by Reason');
    expect(prepared.tables).toEqual(['KubeEvents']);
    expect(loads).toEqual(['KubeEvents']);
    const result = await service.query(dataset.id, 'KubeEvents | summarize count() by Reason', 10);
    expect(result.ok && result.loadMs).toBe(0);
    expect(loads).toEqual(['KubeEvents']);
  });

  it('reads a table ahead outside the queue: a query meanwhile runs at once, or takes the same read', async () => {
    const dataset = await store.beginDataset({ scenario: 'svc', seed: 4, virtualNow: NOW });
    await store.appendBatch(dataset.id, 'KubeEvents', events(5));
    const pods = [{ TimeGenerated: new Date(NOW).toISOString(), Name: 'pod-1', Namespace: 'prod' }];
    await store.appendBatch(dataset.id, 'KubePodInventory', pods);
    await store.finishDataset(dataset.id);
    // The read of KubePodInventory is held until released, as a slow IndexedDB read would be.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const read = store.loadTableForEngine.bind(store);
    store.loadTableForEngine = async (datasetId, table, range) => {
      const load = read(datasetId, table, range);
      if (table === 'KubePodInventory') await held;
      return load;
    };
    const ahead = service.loadTable(dataset.id, 'KubePodInventory');
    const other = await service.query(dataset.id, 'KubeEvents | count', 10);
    expect(other.ok && other.rows).toEqual([[5]]);
    const needing = service.query(dataset.id, 'KubePodInventory | count', 10);
    release();
    const [loadedAhead, result] = await Promise.all([ahead, needing]);
    expect(result.ok && result.rows).toEqual([[1]]);
    expect(loadedAhead.rowCount).toBe(1);
    // One read of each table: the query took the read already under way.
    expect(loads.sort()).toEqual(['KubeEvents', 'KubePodInventory']);
  });
});

describe('the engine warm-up', () => {
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('runs its queries one per idle moment once the engine has started, never while a request is queued', async () => {
    const dataset = await store.beginDataset({ scenario: 'svc', seed: 5, virtualNow: NOW });
    await store.appendBatch(dataset.id, 'KubeEvents', events(5));
    await store.finishDataset(dataset.id);
    // Each query the engine runs, warm-up or not, in order; the learner's query's read is held as a slow one would be.
    const ran: string[] = [];
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const read = store.loadTableForEngine.bind(store);
    store.loadTableForEngine = async (datasetId, table, range) => {
      const load = read(datasetId, table, range);
      await held;
      return load;
    };
    const warming = createQueryService({
      store,
      engineFactory: async () => {
        const engine = createKqlEngine();
        const query = engine.query.bind(engine);
        engine.query = (text, options) => {
          ran.push(text);
          return query(text, options);
        };
        return engine;
      },
      warmUp: { queries: ['print warm = 1', 'print warm = 2'], idleMs: 40 },
    });
    const learner = warming.query(dataset.id, 'KubeEvents | count', 10);
    await pause(200);
    // The engine started long ago, but the learner's query has been in the queue all along.
    expect(ran).toEqual([]);
    release();
    const result = await learner;
    expect(result.ok && result.rows).toEqual([[5]]);
    await pause(200);
    expect(ran).toEqual(['KubeEvents | count', 'print warm = 1', 'print warm = 2']);
  });

  it('is not run by a service given none', async () => {
    const dataset = await store.beginDataset({ scenario: 'svc', seed: 6, virtualNow: NOW });
    await store.finishDataset(dataset.id);
    const engine = createKqlEngine();
    const ran: string[] = [];
    const query = engine.query.bind(engine);
    engine.query = (text, options) => {
      ran.push(text);
      return query(text, options);
    };
    const plain = createQueryService({ store, engineFactory: async () => engine });
    await plain.query(dataset.id, 'print 1', 10);
    await pause(100);
    expect(ran).toEqual(['print 1']);
  });
});

describe('a dataset still being generated (issue 16, item 7)', () => {
  it('is marked in every result and queried with its own virtual time, never the wall clock', async () => {
    const dataset = await store.beginDataset({ scenario: 'half', seed: 3 });
    await store.appendBatch(dataset.id, 'KubeEvents', events(5));
    const reply = await service.query(dataset.id, 'print now()', 10);
    if (!reply.ok) throw new Error(reply.message);
    expect(reply.now).toBe(new Date(NOW).toISOString());
    expect(reply.unfinished).toMatch(/still being generated/);
    await store.finishDataset(dataset.id, { virtualNow: NOW + 1000 });
    const done = await service.query(dataset.id, 'print now()', 10);
    if (!done.ok) throw new Error(done.message);
    expect(done.unfinished).toBeUndefined();
    expect(done.now).toBe(new Date(NOW + 1000).toISOString());
  });
});
