import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fromWireValue, toWireValue } from '../kql/values';
import { findTableDefinition } from '../tables/index';
import { createDatasetDb, CURRENT_DATASET_VERSION, DATASET_SCHEMA_VERSIONS } from './datasetDb';
import { createDatasetStore, datasetIdOf, type DatasetStore } from './datasets';
import { IndexedDbSink } from './indexedDbSink';
import { createLearnerStore } from './learner';
import { createLearnerDb } from './learnerDb';
import { StoreError } from './storeError';
import { ALL_TYPES_ROWS, ALL_TYPES_TABLE } from './testTables';

let store: DatasetStore;
let count = 0;

function open(chunkRows = 4): DatasetStore {
  return createDatasetStore(createDatasetDb(`datasets-test-${++count}`), {
    chunkRows,
    resolveTable: (name) => (name === 'AllTypes' ? ALL_TYPES_TABLE : findTableDefinition(name)),
  });
}

function timedRows(n: number, startMs = Date.UTC(2026, 10, 26), stepMs = 60_000) {
  return Array.from({ length: n }, (_, i) => ({
    TimeGenerated: new Date(startMs + i * stepMs).toISOString(),
    Text: `row ${i}`,
    Count: i,
  }));
}

async function allWireRows(target: DatasetStore, id: string, table: string) {
  const rows = [];
  for await (const chunk of target.readWireRows(id, table)) rows.push(...chunk);
  return rows;
}

beforeEach(() => {
  store = open();
});
afterEach(async () => {
  await store.db.delete();
});

describe('dataset store', () => {
  it('round-trips every Kusto type through IndexedDB', async () => {
    const dataset = await store.beginDataset({ scenario: 'types', seed: 1 });
    await store.appendBatch(dataset.id, 'AllTypes', ALL_TYPES_ROWS);
    const back = await allWireRows(store, dataset.id, 'AllTypes');
    expect(back).toHaveLength(ALL_TYPES_ROWS.length);
    back.forEach((row, index) => {
      for (const column of ALL_TYPES_TABLE.columns) {
        const expected = toWireValue(
          fromWireValue(ALL_TYPES_ROWS[index]![column.name], column.type),
          column.type,
        );
        expect(row[column.name], `${column.name} row ${index}`).toEqual(expected);
      }
    });
  });

  it('splits batches at chunk boundaries and reads them back in order', async () => {
    const dataset = await store.beginDataset({ scenario: 'chunks', seed: 7 });
    await store.appendBatch(dataset.id, 'AllTypes', timedRows(9)); // chunks of 4, 4, 1
    await store.appendBatch(dataset.id, 'AllTypes', timedRows(4, Date.UTC(2026, 10, 27))); // one more chunk of 4
    const chunks = await store.db.chunks.where('datasetId').equals(dataset.id).toArray();
    expect(chunks.map((chunk) => [chunk.seq, chunk.rowCount]).sort((a, b) => a[0]! - b[0]!)).toEqual([
      [0, 4],
      [1, 4],
      [2, 1],
      [3, 4],
    ]);
    const info = (await store.getDataset(dataset.id))!.tables['AllTypes']!;
    expect(info).toMatchObject({ rowCount: 13, chunkCount: 4, minTime: Date.UTC(2026, 10, 26) });
    const load = await store.loadTableForEngine(dataset.id, 'AllTypes');
    expect(load.rowCount).toBe(13);
    const text = load.columns['Text'] as { dictionary: string[]; codes: Int32Array };
    const texts = Array.from(text.codes, (code) => (code < 0 ? '' : text.dictionary[code]));
    expect(texts).toEqual([...timedRows(9), ...timedRows(4)].map((row) => row.Text));
  });

  it('loads only the chunks that overlap a time range', async () => {
    const dataset = await store.beginDataset({ scenario: 'range', seed: 1 });
    const start = Date.UTC(2026, 10, 26);
    await store.appendBatch(dataset.id, 'AllTypes', timedRows(12, start, 3_600_000)); // hours 0-3, 4-7, 8-11
    const load = await store.loadTableForEngine(dataset.id, 'AllTypes', {
      from: start + 5 * 3_600_000,
      to: start + 6 * 3_600_000,
    });
    expect(load.rowCount).toBe(4);
    const all = await store.loadTableForEngine(dataset.id, 'AllTypes', {
      from: start,
      to: start + 12 * 3_600_000,
    });
    expect(all.rowCount).toBe(12);
  });

  it('the sink buffers appends into whole chunks and writes the rest on flush', async () => {
    const dataset = await store.beginDataset({ scenario: 'sink', seed: 3 });
    const sink = new IndexedDbSink(dataset.id, store);
    for (let i = 0; i < 3; i++) await sink.append('AllTypes', timedRows(3, Date.UTC(2026, 10, 26, i)));
    expect((await store.getDataset(dataset.id))!.tables['AllTypes']!.rowCount).toBe(8);
    await sink.flush();
    const finished = await store.finishDataset(dataset.id);
    expect(finished.status).toBe('ready');
    expect(finished.tables['AllTypes']).toMatchObject({ rowCount: 9, chunkCount: 3 });
    expect(finished.virtualNow).toBe(finished.virtualEnd);
    expect((await allWireRows(store, dataset.id, 'AllTypes')).map((row) => row['Count'])).toEqual([
      0, 1, 2, 0, 1, 2, 0, 1, 2,
    ]);
  });

  it('a batch with a bad row stores nothing of that batch', async () => {
    const dataset = await store.beginDataset({ scenario: 'bad', seed: 1 });
    await store.appendBatch(dataset.id, 'AllTypes', timedRows(5));
    const bad = [...timedRows(6), { Text: 'x', NotAColumn: 1 }];
    await expect(store.appendBatch(dataset.id, 'AllTypes', bad)).rejects.toThrow(
      /Row 7 of the AllTypes batch has a column "NotAColumn"/,
    );
    // The unknown column sits where the rows before it had a known one.
    const late = [...timedRows(3), { TimeGenerated: '2026-11-26T00:00:00Z', Textt: 'x', Count: 3 }];
    await expect(store.appendBatch(dataset.id, 'AllTypes', late)).rejects.toThrow(
      /Row 4 of the AllTypes batch has a column "Textt"/,
    );
    await expect(store.appendBatch(dataset.id, 'NoSuchTable', [{}])).rejects.toThrow(
      /not one of the simulated tables/,
    );
    expect((await store.getDataset(dataset.id))!.tables['AllTypes']!.rowCount).toBe(5);
    expect(await store.db.chunks.count()).toBe(2);
  });

  it('a full disk in the middle of a batch rolls the whole batch back, keeps earlier rows and says so plainly', async () => {
    const dataset = await store.beginDataset({ scenario: 'quota', seed: 1 });
    const sink = new IndexedDbSink(dataset.id, store);
    await sink.append('AllTypes', timedRows(4));
    let created = 0;
    const failOnThird = () => {
      created++;
      if (created === 3) {
        throw Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
      }
    };
    store.db.chunks.hook('creating', failOnThird);
    const failure = await sink.append('AllTypes', timedRows(12)).catch((error: unknown) => error);
    store.db.chunks.hook('creating').unsubscribe(failOnThird);
    expect(failure).toBeInstanceOf(StoreError);
    expect((failure as StoreError).kind).toBe('quota');
    expect((failure as StoreError).message).toMatch(
      /ran out of storage space while saving 12 rows of AllTypes/,
    );
    expect((failure as StoreError).message).toMatch(/Nothing already saved was lost/);
    const after = (await store.getDataset(dataset.id))!;
    expect(after.tables['AllTypes']).toMatchObject({ rowCount: 4, chunkCount: 1 });
    expect(after.status).toBe('incomplete');
    expect(after.problem).toMatch(/storage space/);
    expect(await store.db.chunks.count()).toBe(1);
    await expect(sink.append('AllTypes', timedRows(1))).rejects.toBe(failure);
  });

  it('reset deletes one dataset and nothing else, learner data included', async () => {
    const learner = createLearnerStore(createLearnerDb(`learner-beside-datasets-${count}`));
    await learner.markLessonComplete('l1', 1);
    const a = await store.beginDataset({ scenario: 'a', seed: 1 });
    const b = await store.beginDataset({ scenario: 'b', seed: 2 });
    await store.appendBatch(a.id, 'AllTypes', timedRows(5));
    await store.appendBatch(b.id, 'AllTypes', timedRows(3));
    await store.resetDataset(a.id);
    expect((await store.listDatasets()).map((d) => d.id)).toEqual([b.id]);
    expect(await store.db.chunks.where('datasetId').equals(a.id).count()).toBe(0);
    expect((await store.loadTableForEngine(b.id, 'AllTypes')).rowCount).toBe(3);
    expect(await learner.getProgress()).toEqual([{ lessonId: 'l1', completedAt: 1 }]);
    await learner.db.delete();
  });

  it('starting a dataset again replaces its rows and bumps the revision', async () => {
    const first = await store.beginDataset({ scenario: 's', seed: 5 });
    await store.appendBatch(first.id, 'AllTypes', timedRows(5));
    const revision = (await store.getDataset(first.id))!.revision;
    const again = await store.beginDataset({ scenario: 's', seed: 5, virtualNow: 123 });
    expect(again.id).toBe(datasetIdOf('s', 5));
    expect(datasetIdOf('docker-sock-escape', 11, 3)).toBe('docker-sock-escape:11:3');
    expect(again.revision).toBeGreaterThan(revision);
    expect((await store.loadTableForEngine(again.id, 'AllTypes')).rowCount).toBe(0);
    await expect(store.loadTableForEngine('nope:1', 'AllTypes')).rejects.toThrow(/no dataset "nope:1"/);
  });
});

describe('dataset database migrations', () => {
  it('opens at the current version', async () => {
    const db = createDatasetDb('datasets-fresh');
    await db.open();
    expect(db.verno).toBe(CURRENT_DATASET_VERSION);
    db.close();
  });

  for (const schema of DATASET_SCHEMA_VERSIONS.filter((s) => s.version < CURRENT_DATASET_VERSION)) {
    it(`keeps datasets when upgrading from version ${schema.version}`, async () => {
      const name = `datasets-migrate-${schema.version}`;
      const old = createDatasetStore(createDatasetDb(name, schema.version), { chunkRows: 4 });
      const dataset = await old.beginDataset({ scenario: 'm', seed: 1 });
      await old.appendBatch(dataset.id, 'KubeEvents', [{ TimeGenerated: '2026-11-26T00:00:00Z', Name: 'x' }]);
      old.db.close();
      const current = createDatasetStore(createDatasetDb(name));
      expect((await current.loadTableForEngine(dataset.id, 'KubeEvents')).rowCount).toBe(1);
      await current.db.delete();
    });
  }
});

describe('chunks written by earlier and later versions', () => {
  const resolveTable = (name: string) => (name === 'AllTypes' ? ALL_TYPES_TABLE : findTableDefinition(name));
  const t0 = Date.UTC(2026, 10, 26);

  it('reads format-1 chunks (database version 1) unchanged after the upgrade', async () => {
    const name = 'datasets-format-1';
    const old = createDatasetDb(name, 1);
    await old.datasets.put({
      id: 'old:1',
      scenario: 'old',
      seed: 1,
      status: 'ready',
      createdAt: 1,
      updatedAt: 1,
      tables: { AllTypes: { rowCount: 3, chunkCount: 1, minTime: t0, maxTime: t0 + 2000, revision: 1 } },
      revision: 1,
    });
    // Exactly what version 1 wrote: dictionaries only, dynamic cells as JSON.stringify output.
    await old.chunks.add({
      datasetId: 'old:1',
      table: 'AllTypes',
      seq: 0,
      rowCount: 3,
      minTime: t0,
      maxTime: t0 + 2000,
      columnNames: ['TimeGenerated', 'Text', 'Bag'],
      columns: [
        { kind: 'datetime', epochMs: new Float64Array([t0, t0 + 1000, t0 + 2000]) },
        { kind: 'dict', dictionary: ['web', 'db'], codes: new Int32Array([0, -1, 1]) },
        { kind: 'dict', dictionary: ['{"app":"web"}', '"plain text"'], codes: new Int32Array([0, 1, -1]) },
      ],
    });
    old.close();

    const current = createDatasetStore(createDatasetDb(name), { resolveTable });
    const rows = await allWireRows(current, 'old:1', 'AllTypes');
    expect(current.db.verno).toBe(CURRENT_DATASET_VERSION);
    expect(rows.map((row) => [row.TimeGenerated, row.Text, row.Bag, row.Count])).toEqual([
      ['2026-11-26T00:00:00Z', 'web', { app: 'web' }, null],
      ['2026-11-26T00:00:01Z', '', 'plain text', null],
      ['2026-11-26T00:00:02Z', 'db', null, null],
    ]);
    const load = await current.loadTableForEngine('old:1', 'AllTypes');
    const bag = load.columns.Bag;
    expect(bag && 'values' in bag && Array.from(bag.values)).toEqual([{ app: 'web' }, 'plain text', null]);
    await current.db.delete();
  });

  it('asks for a reset when a chunk has a format this version cannot read, and leaves learner data alone', async () => {
    const learner = createLearnerStore(createLearnerDb(`learner-beside-unreadable-${++count}`));
    await learner.markLessonComplete('l1', 1);
    const dataset = await store.beginDataset({ scenario: 'future', seed: 1 });
    await store.appendBatch(dataset.id, 'AllTypes', timedRows(2));
    await store.db.chunks
      .where('datasetId')
      .equals(dataset.id)
      .modify((chunk) => {
        (chunk.columns[1] as { kind: string }).kind = 'from-a-newer-site';
      });
    const failure = await store.loadTableForEngine(dataset.id, 'AllTypes').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StoreError);
    expect((failure as StoreError).kind).toBe('corrupt');
    expect((failure as StoreError).message).toMatch(/cannot read.*Reset the dataset/);
    await expect(allWireRows(store, dataset.id, 'AllTypes')).rejects.toThrow(/Reset the dataset/);
    await store.resetDataset(dataset.id);
    expect(await store.getDataset(dataset.id)).toBeUndefined();
    expect(await learner.getProgress()).toEqual([{ lessonId: 'l1', completedAt: 1 }]);
    learner.db.close();
  });
});
