import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKqlEngine } from '../kql/index';
import { appendRows } from './appendRows';
import { createDatasetDb } from './datasetDb';
import { createDatasetStore, type DatasetStore } from './datasets';
import { createQueryService, type QueryService } from './queryService';
import { StoreError } from './storeError';

let store: DatasetStore;
let service: QueryService;
let count = 0;

const NOW = Date.UTC(2026, 10, 26, 12, 0, 0);

function incident(number: number, status: string, modifiedMinutesAgo: number) {
  return {
    TimeGenerated: new Date(NOW - modifiedMinutesAgo * 60_000).toISOString(),
    LastModifiedTime: new Date(NOW - modifiedMinutesAgo * 60_000).toISOString(),
    IncidentNumber: number,
    IncidentName: `00000000-0000-0000-0000-00000000000${number}`,
    Status: status,
    Severity: 'High',
    Owner: { objectId: null, email: null, assignedTo: null, userPrincipalName: null },
  };
}

async function readyDataset(): Promise<string> {
  const dataset = await store.beginDataset({ scenario: 'append', seed: 1, virtualNow: NOW });
  await store.appendBatch(dataset.id, 'SecurityIncident', [incident(1, 'New', 60), incident(2, 'New', 50)]);
  await store.finishDataset(dataset.id);
  return dataset.id;
}

async function rowsOf(datasetId: string, text: string) {
  const reply = await service.query(datasetId, text, 50);
  if (!reply.ok) throw new Error(reply.message);
  return reply.rows;
}

beforeEach(() => {
  store = createDatasetStore(createDatasetDb(`append-rows-${++count}`), { chunkRows: 16 });
  service = createQueryService({ store, engineFactory: async () => createKqlEngine() });
});
afterEach(async () => {
  await store.db.delete();
});

describe('appendRows', () => {
  it('adds rows to a ready dataset that the next query sees, after the table was cached', async () => {
    const id = await readyDataset();
    const latest =
      'SecurityIncident | summarize arg_max(LastModifiedTime, *) by IncidentNumber | order by IncidentNumber asc | project IncidentNumber, Status, Owner.assignedTo';
    expect(await rowsOf(id, latest)).toEqual([
      [1, 'New', null],
      [2, 'New', null],
    ]);

    const closed = {
      ...incident(1, 'Closed', 0),
      Owner: { objectId: null, email: 'analyst@contoso.com', assignedTo: 'Analyst', userPrincipalName: null },
    };
    expect(await appendRows(store, id, 'SecurityIncident', [closed])).toEqual({ rows: 1 });

    expect(await rowsOf(id, latest)).toEqual([
      [1, 'Closed', 'Analyst'],
      [2, 'New', null],
    ]);
    expect(await rowsOf(id, 'SecurityIncident | count')).toEqual([[3]]);
    const dataset = await store.getDataset(id);
    expect(dataset?.status).toBe('ready');
    expect(dataset?.tables.SecurityIncident?.rowCount).toBe(3);
  });

  it('refuses a cell of the wrong type, naming table, row and column, and stores nothing', async () => {
    const id = await readyDataset();
    const bad = { ...incident(3, 'New', 0), IncidentNumber: 'three' };
    const attempt = appendRows(store, id, 'SecurityIncident', [incident(4, 'New', 0), bad]);
    await expect(attempt).rejects.toThrow(StoreError);
    await expect(appendRows(store, id, 'SecurityIncident', [incident(4, 'New', 0), bad])).rejects.toThrow(
      'Row 2 of the SecurityIncident rows: IncidentNumber (int) is not a whole number ("three")',
    );
    expect(await rowsOf(id, 'SecurityIncident | count')).toEqual([[2]]);
  });

  it('refuses a column the table lacks and a table that does not exist', async () => {
    const id = await readyDataset();
    await expect(
      appendRows(store, id, 'SecurityIncident', [{ ...incident(3, 'New', 0), Verdict: 'bad' }]),
    ).rejects.toThrow(
      'Row 1 of the SecurityIncident rows has a column "Verdict" that SecurityIncident does not have',
    );
    await expect(appendRows(store, id, 'Incidents', [{}])).rejects.toThrow(
      '"Incidents" is not one of the simulated tables',
    );
    await expect(appendRows(store, id, 'SecurityIncident', [null as never])).rejects.toThrow(
      'Row 1 of the SecurityIncident rows is not an object',
    );
  });

  it('refuses a dataset that does not exist or is still being generated', async () => {
    await expect(
      appendRows(store, 'none:1', 'SecurityIncident', [incident(1, 'New', 0)]),
    ).rejects.toMatchObject({
      kind: 'not-found',
    });
    const generating = await store.beginDataset({ scenario: 'busy', seed: 2 });
    await expect(
      appendRows(store, generating.id, 'SecurityIncident', [incident(1, 'New', 0)]),
    ).rejects.toThrow('still being generated');
  });
});
