import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findTableDefinition } from '../tables/index';
import { createDatasetDb } from './datasetDb';
import { createDatasetStore, type DatasetStore } from './datasets';
import { exportTableNdjson, importNdjson, tableNameFromFileName } from './ndjson';
import { StoreError } from './storeError';
import { ALL_TYPES_ROWS, ALL_TYPES_TABLE } from './testTables';

let store: DatasetStore;
let count = 0;

beforeEach(() => {
  store = createDatasetStore(createDatasetDb(`ndjson-${++count}`), {
    chunkRows: 2,
    resolveTable: (name) => (name === 'AllTypes' ? ALL_TYPES_TABLE : findTableDefinition(name)),
  });
});
afterEach(async () => {
  await store.db.delete();
});

const ndjson = (rows: readonly object[]) =>
  new Blob([rows.map((row) => JSON.stringify(row)).join('\n') + '\n']);

describe('NDJSON export and import', () => {
  it('exports every column of every row and imports it back to the same text', async () => {
    const dataset = await store.beginDataset({ scenario: 'src', seed: 1 });
    await store.appendBatch(dataset.id, 'AllTypes', ALL_TYPES_ROWS);
    const exported = await (await exportTableNdjson(store, dataset.id, 'AllTypes')).text();
    const lines = exported.trimEnd().split('\n');
    expect(lines).toHaveLength(ALL_TYPES_ROWS.length);
    const first = JSON.parse(lines[0]!);
    expect(Object.keys(first)).toEqual(ALL_TYPES_TABLE.columns.map((column) => column.name));
    expect(first.TimeGenerated).toBe('2026-11-26T10:00:00.123Z');
    expect(first.Duration).toBe('1.02:03:04.5000000');
    expect(first.Bag).toEqual({ labels: { app: 'web' }, list: [1, 'two', null] });

    const progress: number[] = [];
    const imported = await importNdjson(
      store,
      { scenario: 'copy', seed: 9, files: [{ table: 'AllTypes', file: new Blob([exported]) }] },
      (_, rows) => progress.push(rows),
    );
    expect(imported).toMatchObject({ id: 'copy:9', status: 'ready' });
    expect(imported.tables['AllTypes']!.rowCount).toBe(ALL_TYPES_ROWS.length);
    expect(progress.at(-1)).toBe(ALL_TYPES_ROWS.length);
    expect(await (await exportTableNdjson(store, 'copy:9', 'AllTypes')).text()).toBe(exported);
  });

  it('names the file and line of a broken row and leaves no half-imported dataset', async () => {
    const good = { TimeGenerated: '2026-11-26T10:00:00Z', Text: 'ok' };
    const broken = new Blob([`${JSON.stringify(good)}\n\n${JSON.stringify(good)}\n{"Text": "no end"\n`]);
    const failure = await importNdjson(store, {
      scenario: 'bad',
      seed: 1,
      files: [{ table: 'AllTypes', file: broken }],
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StoreError);
    expect((failure as Error).message).toMatch(/^AllTypes\.ndjson, line 4, is not valid JSON/);
    expect(await store.getDataset('bad:1')).toBeUndefined();
    expect(await store.db.chunks.count()).toBe(0);

    const wrongColumn = ndjson([good, good, good, { ...good, Extra: 1 }]);
    await expect(
      importNdjson(store, { scenario: 'bad', seed: 2, files: [{ table: 'AllTypes', file: wrongColumn }] }),
    ).rejects.toThrow(
      /^AllTypes\.ndjson, line 4, has a column "Extra" that the table does not have\. Nothing was imported\.$/,
    );
    expect(await store.listDatasets()).toEqual([]);
  });

  it('never overwrites a dataset that is already here', async () => {
    await store.beginDataset({ scenario: 'keep', seed: 1 });
    await store.appendBatch('keep:1', 'AllTypes', [{ Text: 'mine' }]);
    await expect(
      importNdjson(store, { scenario: 'keep', seed: 1, files: [{ table: 'AllTypes', file: ndjson([{}]) }] }),
    ).rejects.toThrow(/already in this browser/);
    expect((await store.getDataset('keep:1'))!.tables['AllTypes']!.rowCount).toBe(1);
  });

  it('takes the table name from the file name', () => {
    expect(tableNameFromFileName('out/AKSAudit.ndjson')).toBe('AKSAudit');
  });
});

describe('NDJSON import of hostile files (issue 16, item 5)', () => {
  const request = (file: Blob) => ({ scenario: 'typed', seed: 1, files: [{ table: 'AllTypes', file }] });

  it('refuses wrong-typed cells, counted per column, and keeps nothing', async () => {
    const rows = [
      { ...ALL_TYPES_ROWS[0], Ratio: 'abc', TimeGenerated: 'not a date' },
      { ...ALL_TYPES_ROWS[0], Ratio: 'def' },
      { ...ALL_TYPES_ROWS[0], Count: 1.5 },
    ];
    const error = await importNdjson(store, request(ndjson(rows))).catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(StoreError);
    const message = (error as StoreError).message;
    expect(message).toContain('2 cells of Ratio (real) are not a number (first on line 1: "abc")');
    expect(message).toContain('1 cell of TimeGenerated (datetime) is not a date and time (first on line 1');
    expect(message).toContain('1 cell of Count (long) is not a whole number (first on line 3: 1.5)');
    expect(await store.listDatasets()).toEqual([]);
  });

  it('the cells of the export format are all accepted', async () => {
    // The last test row holds wrong-typed cells on purpose (the encoder's own test): all the others are valid.
    await expect(importNdjson(store, request(ndjson(ALL_TYPES_ROWS.slice(0, -1))))).resolves.toMatchObject({
      status: 'ready',
    });
  });

  it('refuses a line nested too deep or too long, saying where', async () => {
    const deep = '{"Bag":' + '['.repeat(5000) + ']'.repeat(5000) + '}\n';
    await expect(importNdjson(store, request(new Blob([deep])))).rejects.toThrow(
      /line 1, holds JSON that nests more/,
    );
    const long = JSON.stringify({ Text: 'x'.repeat(1_000_001) }) + '\n';
    await expect(importNdjson(store, request(new Blob([long])))).rejects.toThrow(/line 1, is longer than/);
    expect(await store.listDatasets()).toEqual([]);
  });
});
