import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { learnerAuditRows } from '../../simulations/telemetry/learnerAudit';
import { createKqlEngine } from '../kql/index';
import { findTableDefinition } from '../tables/index';
import { appendRows, checkRowsAgainstTable } from './appendRows';
import { ClientError, createQueryClient } from './queryClient';
import { createDatasetDb } from './datasetDb';
import { createDatasetStore, type DatasetStore } from './datasets';
import { createQueryService, type QueryService } from './queryService';
import { StoreError } from './storeError';
import type { WorkerRequest, WorkerResponse } from './workerProtocol';

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
    // The worker that wrote announces it (queryClient and queryWorker carry this to the query worker).
    service.datasetChanged(id);

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

/** A worker that answers appendRows as the real one does: the store's answer, or its StoreError as a failure. */
class AppendingWorker extends EventTarget {
  readonly received: WorkerRequest[] = [];
  constructor(private readonly target: () => DatasetStore) {
    super();
  }
  postMessage(request: WorkerRequest): void {
    this.received.push(request);
    if (request.type !== 'appendRows') return;
    appendRows(this.target(), request.datasetId, request.table, request.rows).then(
      (value) => this.answer({ id: request.id, ok: true, value }),
      (error: StoreError) =>
        this.answer({ id: request.id, ok: false, error: { kind: error.kind, message: error.message } }),
    );
  }
  private answer(data: WorkerResponse) {
    this.dispatchEvent(new MessageEvent('message', { data }));
  }
  terminate(): void {}
}

describe('queryClient.appendRows', () => {
  it('goes to the store worker and gives the store’s answer, or its error as a ClientError', async () => {
    const id = await readyDataset();
    const made: AppendingWorker[] = [];
    const client = createQueryClient({
      createWorker: () => {
        const worker = new AppendingWorker(() => store);
        made.push(worker);
        return worker as unknown as Worker;
      },
    });
    await expect(client.appendRows(id, 'SecurityIncident', [incident(5, 'New', 0)])).resolves.toEqual({
      rows: 1,
    });
    const failure = client.appendRows(id, 'SecurityIncident', [{ IncidentNumber: 'five' }]);
    await expect(failure).rejects.toBeInstanceOf(ClientError);
    await expect(
      client.appendRows(id, 'SecurityIncident', [{ IncidentNumber: 'five' }]),
    ).rejects.toMatchObject({
      kind: 'invalid-input',
      message: expect.stringContaining('IncidentNumber (int) is not a whole number'),
    });
    // Writes never go to the query worker, which a runaway query may have to replace.
    expect(made).toHaveLength(1);
    expect(made[0]!.received.every((request) => request.type === 'appendRows')).toBe(true);
    client.close();
  });
});

describe('rows the learner’s actions write', () => {
  it('the audit rows of a simulated kubectl call pass the checks as the simulation shapes them', () => {
    const written = learnerAuditRows(
      {
        time: NOW,
        verb: 'create',
        resource: 'pods',
        subresource: 'exec',
        namespace: 'default',
        name: 'web-0',
      },
      7,
      1,
    );
    // The default diagnostic setting is resource-specific: no AzureDiagnostics copy.
    expect(Object.keys(written).sort()).toEqual(['AKSAudit', 'AKSAuditAdmin']);
    const legacy = learnerAuditRows(
      {
        time: NOW,
        verb: 'create',
        resource: 'pods',
        subresource: 'exec',
        namespace: 'default',
        name: 'web-0',
      },
      7,
      1,
      'azure-diagnostics',
    );
    expect(Object.keys(legacy).sort()).toEqual(['AzureDiagnostics']);
    for (const [table, rows] of [...Object.entries(written), ...Object.entries(legacy)]) {
      expect(() => checkRowsAgainstTable(findTableDefinition(table)!, rows)).not.toThrow();
    }
  });
});
