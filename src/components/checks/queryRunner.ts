/**
 * Runs a "write a query" check in the browser: the learner's query and the reference query (from the check's
 * answer sheet) on the check's data set, through the store's query client, compared with compareResultSets.
 * Loaded only when the learner starts the check: this is where the query worker comes in.
 */
import type { QueryError } from '../../kql/types';
import { queryClient, type DatasetRecord, type GenerateProgress } from '../../store/queryClient';
import { createStoreBackend } from '../lab/storeBackend';
import type { QueryCheckSpec } from './answerSheet';
import { compareResultSets, type ResultSetDiff } from './resultSetDiff';

export interface ReferenceQuery {
  referenceQuery: string;
  orderMatters: boolean;
}

export type DatasetState =
  { kind: 'ready' } | { kind: 'missing' } | { kind: 'incomplete'; problem: string } | { kind: 'generating' };

export type QueryCheckOutcome =
  | { kind: 'no-dataset'; datasetId: string; problem?: string }
  | { kind: 'error'; error: QueryError; inReference: boolean }
  | { kind: 'graded'; diff: ResultSetDiff; rowCount: number };

function stateOf(record: DatasetRecord | null): DatasetState {
  if (!record) return { kind: 'missing' };
  if (record.status === 'ready') return { kind: 'ready' };
  if (record.status === 'generating') return { kind: 'generating' };
  return { kind: 'incomplete', problem: record.problem ?? 'it was not finished' };
}

/** Whether the check's data set is stored in this browser, and usable. */
export async function datasetState(spec: QueryCheckSpec): Promise<DatasetState> {
  return stateOf(await queryClient().datasetInfo(spec.datasetId));
}

/** Simulates the check's data set in the browser (the same rows as the lab's for this scenario, seed and days). */
export async function generateDataset(
  spec: QueryCheckSpec,
  onProgress: (progress: GenerateProgress) => void,
): Promise<DatasetState> {
  const record = await queryClient().generate(
    { scenario: spec.scenario, seed: spec.seed, days: spec.days },
    onProgress,
  );
  if (record.id !== spec.datasetId) {
    throw new Error(`the store named the data set "${record.id}", the check expects "${spec.datasetId}"`);
  }
  return stateOf(record);
}

export async function runQueryCheck(
  learnerQuery: string,
  spec: QueryCheckSpec,
  reference: ReferenceQuery,
  signal: AbortSignal,
): Promise<QueryCheckOutcome> {
  const state = await datasetState(spec);
  if (state.kind !== 'ready') {
    return {
      kind: 'no-dataset',
      datasetId: spec.datasetId,
      ...(state.kind === 'incomplete' ? { problem: state.problem } : {}),
    };
  }
  const backend = await createStoreBackend();
  const learner = await backend.run(learnerQuery, spec.datasetId, signal);
  if (!learner.ok) return { kind: 'error', error: learner, inReference: false };
  const expected = await backend.run(reference.referenceQuery, spec.datasetId, signal);
  if (!expected.ok) return { kind: 'error', error: expected, inReference: true };
  return {
    kind: 'graded',
    diff: compareResultSets(learner, expected, reference.orderMatters),
    rowCount: learner.rows.length,
  };
}
