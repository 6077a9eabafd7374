/**
 * Runs a "write a query" check in the browser: the learner's query and the reference query on
 * the check's data set, through the lab's query backend, compared with compareResultSets.
 * Loaded only when the learner runs a query: this is where the lab's weight comes in.
 */
import type { QueryError } from '../../kql/types';
import { datasetIdOf } from '../../store/datasetId';
import { createStoreBackend } from '../lab/storeBackend';
import { compareResultSets, type ResultSetDiff } from './resultSetDiff';

export interface QueryCheckSpec {
  referenceQuery: string;
  orderMatters: boolean;
  scenario: string;
  seed: number;
}

export type QueryCheckOutcome =
  | { kind: 'no-dataset'; datasetId: string; problem?: string }
  | { kind: 'error'; error: QueryError; inReference: boolean }
  | { kind: 'graded'; diff: ResultSetDiff; rowCount: number };

export async function runQueryCheck(
  learnerQuery: string,
  spec: QueryCheckSpec,
  signal: AbortSignal,
): Promise<QueryCheckOutcome> {
  const backend = await createStoreBackend();
  const datasetId = datasetIdOf(spec.scenario, spec.seed);
  const dataset = (await backend.listDatasets()).find((candidate) => candidate.id === datasetId);
  if (!dataset?.ready) {
    return { kind: 'no-dataset', datasetId, ...(dataset?.problem ? { problem: dataset.problem } : {}) };
  }
  const learner = await backend.run(learnerQuery, datasetId, signal);
  if (!learner.ok) return { kind: 'error', error: learner, inReference: false };
  const reference = await backend.run(spec.referenceQuery, datasetId, signal);
  if (!reference.ok) return { kind: 'error', error: reference, inReference: true };
  return {
    kind: 'graded',
    diff: compareResultSets(learner, reference, spec.orderMatters),
    rowCount: learner.rows.length,
  };
}
