import { describe, expect, it } from 'vitest';
import type { RunOutcome } from '../../store/queryClient';
import { runStatus, type StatusFacts } from './runStatus';

const ready: StatusFacts = {
  engineStarted: true,
  hasDataset: true,
  runWaiting: false,
  running: false,
  replacedPrevious: false,
};

function result(rows: number, elapsedMs: number, loadMs: number): RunOutcome {
  return {
    ok: true,
    resultId: 1,
    name: 'PrimaryResult',
    columns: [],
    rowCount: rows,
    rows: Array.from({ length: rows }, () => []),
    elapsedMs,
    loadMs,
    now: '2026-03-02T12:00:00.000Z',
  };
}

describe('runStatus', () => {
  it('gives the engine time alone when nothing else was waited for', () => {
    expect(runStatus({ ...ready, outcome: result(10, 25.4, 0), wallMs: 40 })).toBe('10 rows in 25 ms');
  });

  it('names the loading of tables and any other wait, so a slow first run is not hidden', () => {
    expect(runStatus({ ...ready, outcome: result(10, 25, 400), wallMs: 430 })).toBe(
      '10 rows in 25 ms, tables loaded in 0.4 s',
    );
    expect(runStatus({ ...ready, outcome: result(3, 20, 0), wallMs: 2_520 })).toBe(
      '3 rows in 20 ms, 2.5 s waiting for the engine and data',
    );
  });

  it('says that a run replaced the one still running', () => {
    expect(runStatus({ ...ready, running: true, replacedPrevious: true })).toBe(
      'Running… (this run replaced the one still running)',
    );
  });

  it('shows the dataset being prepared on a first visit, and a run waiting for it', () => {
    const preparing = { fraction: 0.42, rows: 1_000, virtualNow: '2026-03-01T12:00:00Z' };
    expect(runStatus({ ...ready, hasDataset: false, preparing })).toBe('Preparing the dataset: 42%');
    expect(runStatus({ ...ready, hasDataset: false, preparing, runWaiting: true })).toBe(
      'The query runs when the dataset is ready. Preparing the dataset: 42%',
    );
  });

  it('puts an engine failure first', () => {
    expect(runStatus({ ...ready, engineError: 'The query engine could not start: x' })).toBe(
      'The query engine could not start: x',
    );
  });
});
