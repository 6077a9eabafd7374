/**
 * The portal's only way to data: the store's query client, adapted to the view-models' KqlRunner and AppendRows.
 */
import type { WireValue } from '../../kql/types';
import type { DatasetOption } from '../../portal/datasetChoice';
import type { AppendRows } from '../../portal/incidentActions';
import { describeQueryError, PortalQueryError, type KqlRunner } from '../../portal/kqlSource';
import { queryClient } from '../../store/queryClient';

const PAGE_ROWS = 5_000;

export function storeRunner(datasetId: string): KqlRunner {
  return async (text) => {
    const client = queryClient();
    const first = await client.run(text, { datasetId, pageSize: PAGE_ROWS }).outcome;
    if (!first.ok) throw new PortalQueryError('view', describeQueryError(first));
    const rows: WireValue[][] = first.rows;
    try {
      while (rows.length < first.rowCount) {
        const page = await client.page(first.resultId, rows.length, PAGE_ROWS);
        if (page.length === 0) break;
        rows.push(...page);
      }
    } finally {
      client.release(first.resultId);
    }
    return { columns: first.columns, rows };
  };
}

export function storeAppender(datasetId: string): AppendRows {
  return (table, rows) => queryClient().appendRows(datasetId, table, rows);
}

export async function listDatasetOptions(): Promise<DatasetOption[]> {
  const records = await queryClient().listDatasets();
  return records.map((record) => ({
    id: record.id,
    scenario: record.scenario,
    seed: record.seed,
    ...(record.days !== undefined ? { days: record.days } : {}),
    ready: record.status === 'ready',
    updatedAt: record.updatedAt,
    ...(record.virtualNow !== undefined ? { virtualNow: record.virtualNow } : {}),
  }));
}
