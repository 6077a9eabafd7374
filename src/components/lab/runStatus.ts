import type { GenerateProgress, RunOutcome } from '../../store/queryClient';

export interface StatusFacts {
  /** Why the engine could not start, when it could not. */
  readonly engineError?: string;
  readonly engineStarted: boolean;
  readonly hasDataset: boolean;
  /** The dataset on its way (generated in the background on a first visit). */
  readonly preparing?: GenerateProgress;
  /** A run was asked for before the dataset was ready; it starts when the dataset is. */
  readonly runWaiting: boolean;
  readonly running: boolean;
  /** The current run replaced one that was still running. */
  readonly replacedPrevious: boolean;
  readonly outcome?: RunOutcome;
  /** From Run to the outcome, as the learner waited for it. */
  readonly wallMs?: number;
}

/** Waiting the status names: shorter waits are noise, and a status that lists them all is hard to read. */
const NOTABLE_WAIT_MS = 300;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * The lab's one-line status. It tells the truth about time: the engine's own time, the loading of tables when a query
 * had to wait for it, and any other wait (the engine starting), so "10 rows in 25 ms" never hides a 3 s first run.
 */
export function runStatus(facts: StatusFacts): string {
  if (facts.engineError) return facts.engineError;
  if (!facts.engineStarted) return 'Starting the query engine…';
  if (!facts.hasDataset) {
    if (facts.preparing) {
      const percent = Math.round(facts.preparing.fraction * 100);
      return `${facts.runWaiting ? 'The query runs when the dataset is ready. ' : ''}Preparing the dataset: ${percent}%`;
    }
    return 'Choose a dataset to run queries on.';
  }
  const replaced = facts.replacedPrevious ? ' (this run replaced the one still running)' : '';
  if (facts.running) return `Running…${replaced}`;
  const outcome = facts.outcome;
  if (!outcome) return '';
  if (!outcome.ok) return outcome.code === 'KQL_CANCELLED' ? 'The query was cancelled.' : 'The query failed.';
  const parts = [`${outcome.rowCount.toLocaleString('en')} rows in ${Math.round(outcome.elapsedMs)} ms`];
  if (outcome.loadMs >= 1) parts.push(`tables loaded in ${seconds(outcome.loadMs)}`);
  const otherWait = (facts.wallMs ?? 0) - outcome.elapsedMs - outcome.loadMs;
  if (otherWait >= NOTABLE_WAIT_MS) parts.push(`${seconds(otherWait)} waiting for the engine and data`);
  return parts.join(', ') + replaced;
}
