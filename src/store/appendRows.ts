/**
 * Rows written into a dataset that already exists, by what the learner does after generation (an incident closed
 * in the portal, a kubectl call in the terminal). Unlike a generator's batches, these rows come from UI code, so
 * every cell is checked against its column's type first: a wrong cell would otherwise be stored as null in silence.
 */
import type { TableDefinition } from '../tables/index';
import { cellTypeProblem } from './cellTypes';
import type { DatasetStore } from './datasets';
import { StoreError } from './storeError';

export interface AppendRowsResult {
  /** Rows stored. */
  rows: number;
}

function requireTable(store: DatasetStore, table: string): TableDefinition {
  const definition = store.tableDefinition(table);
  if (!definition) {
    throw new StoreError(
      'invalid-input',
      `"${table}" is not one of the simulated tables, so no rows were added to it.`,
    );
  }
  return definition;
}

/** Throws a StoreError naming the table, the row and the column of the first cell that does not fit. */
export function checkRowsAgainstTable(definition: TableDefinition, rows: readonly unknown[]): void {
  const types = new Map(definition.columns.map((column) => [column.name, column.type]));
  rows.forEach((row, index) => {
    const where = `Row ${index + 1} of the ${definition.name} rows`;
    if (row === null || typeof row !== 'object' || Array.isArray(row)) {
      throw new StoreError('invalid-input', `${where} is not an object of column values; nothing was added.`);
    }
    for (const [column, value] of Object.entries(row)) {
      const type = types.get(column);
      if (!type) {
        throw new StoreError(
          'invalid-input',
          `${where} has a column "${column}" that ${definition.name} does not have; nothing was added.`,
        );
      }
      const problem = cellTypeProblem(value, type);
      if (problem) {
        const shown = JSON.stringify(value)?.slice(0, 60) ?? String(value);
        throw new StoreError(
          'invalid-input',
          `${where}: ${column} (${type}) is ${problem} (${shown}); nothing was added.`,
        );
      }
    }
  });
}

/**
 * Appends rows to one table of a finished dataset, all or nothing. The table's revision changes with the write,
 * so the query worker reloads the table before its next query and the rows are visible at once.
 */
export async function appendRows(
  store: DatasetStore,
  datasetId: string,
  table: string,
  rows: readonly Record<string, unknown>[],
): Promise<AppendRowsResult> {
  const definition = requireTable(store, table);
  if (!Array.isArray(rows)) {
    throw new StoreError(
      'invalid-input',
      `The rows for ${table} must be a list of objects; nothing was added.`,
    );
  }
  const dataset = await store.getDataset(datasetId);
  if (!dataset) {
    throw new StoreError(
      'not-found',
      `There is no dataset "${datasetId}" in this browser to add ${table} rows to. Generate it on the Datasets page first.`,
    );
  }
  if (dataset.status === 'generating') {
    throw new StoreError(
      'invalid-input',
      `The dataset ${datasetId} is still being generated; add ${table} rows once it is ready.`,
    );
  }
  checkRowsAgainstTable(definition, rows);
  await store.appendBatch(datasetId, table, rows);
  return { rows: rows.length };
}
