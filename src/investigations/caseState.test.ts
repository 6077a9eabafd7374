import { describe, expect, it } from 'vitest';
import {
  caseScore,
  caseStatus,
  giveUp,
  newCase,
  NOTEBOOK_ROWS,
  openHint,
  pin,
  progressOf,
  recordAttempt,
  restartWithSeed,
  unpin,
  type ObjectiveRules,
} from './caseState';

const pod: ObjectiveRules = { id: 'pod', points: 100, hintCosts: [10, 20, 40] };
const node: ObjectiveRules = { id: 'node', points: 50, hintCosts: [25, 50] };
const objectives = [pod, node];

describe('case state', () => {
  it('starts not started, with no score', () => {
    const record = newCase('docker-sock-escape', 11, 1);
    expect(caseStatus(record, objectives)).toBe('not-started');
    expect(caseStatus(undefined, objectives)).toBe('not-started');
    expect(caseScore(record)).toBe(0);
  });

  it('opens hint tiers one at a time and lowers the points a correct answer earns', () => {
    let record = newCase('c', 1, 1);
    record = openHint(record, pod, objectives, 2);
    record = openHint(record, pod, objectives, 3);
    expect(progressOf(record, 'pod').hintsOpened).toBe(2);
    expect(caseStatus(record, objectives)).toBe('in-progress');
    record = recordAttempt(record, pod, objectives, { answer: 'x', at: 4, verdict: 'wrong' });
    expect(caseScore(record)).toBe(0);
    record = recordAttempt(record, pod, objectives, { answer: 'default/diag', at: 5, verdict: 'correct' });
    expect(progressOf(record, 'pod').solved).toEqual({ answer: 'default/diag', at: 5, points: 70 });
    expect(caseScore(record)).toBe(70);
    // Solved objectives take no further hints or answers.
    expect(openHint(record, pod, objectives, 6)).toBe(record);
    expect(recordAttempt(record, pod, objectives, { answer: 'y', at: 7, verdict: 'wrong' })).toBe(record);
  });

  it('never opens more tiers than there are', () => {
    let record = newCase('c', 1, 1);
    for (let at = 0; at < 5; at++) record = openHint(record, node, objectives, at);
    expect(progressOf(record, 'node').hintsOpened).toBe(2);
    record = recordAttempt(record, node, objectives, { answer: 'n', at: 9, verdict: 'correct' });
    expect(progressOf(record, 'node').solved?.points).toBe(0);
  });

  it('is solved when every objective is, and then closed', () => {
    let record = newCase('c', 1, 1);
    record = recordAttempt(record, pod, objectives, { answer: 'a', at: 2, verdict: 'correct' });
    record = recordAttempt(record, node, objectives, { answer: 'b', at: 3, verdict: 'correct' });
    expect(caseStatus(record, objectives)).toBe('solved');
    expect(caseScore(record)).toBe(150);
    expect(giveUp(record, objectives, 4)).toBe(record);
  });

  it('gives up, keeping the points earned, and takes nothing more', () => {
    let record = recordAttempt(newCase('c', 1, 1), pod, objectives, {
      answer: 'a',
      at: 2,
      verdict: 'correct',
    });
    record = giveUp(record, objectives, 3);
    expect(caseStatus(record, objectives)).toBe('given-up');
    expect(caseScore(record)).toBe(100);
    expect(openHint(record, node, objectives, 4)).toBe(record);
  });

  it('restarts with another seed, keeping the earlier run', () => {
    let record = recordAttempt(newCase('c', 1, 1), pod, objectives, {
      answer: 'a',
      at: 2,
      verdict: 'correct',
    });
    record = restartWithSeed(record, 7, objectives, 3);
    expect(record.seed).toBe(7);
    expect(caseStatus(record, objectives)).toBe('not-started');
    expect(record.earlierRuns).toEqual([{ seed: 1, score: 100, status: 'in-progress', endedAt: 3 }]);
    // An untouched run leaves no trace.
    expect(restartWithSeed(record, 9, objectives, 4).earlierRuns).toHaveLength(1);
  });

  it('pins results (keeping the first rows) and rows, and unpins them', () => {
    const rows = Array.from({ length: NOTEBOOK_ROWS + 10 }, (_, index) => [index]);
    let record = pin(newCase('c', 1, 1), {
      id: 'n1',
      kind: 'query',
      at: 2,
      query: 'SecurityAlert',
      columns: [{ name: 'n', type: 'long' }],
      rows,
      rowCount: rows.length,
    });
    expect(record.notebook[0]!.rows).toHaveLength(NOTEBOOK_ROWS);
    expect(record.notebook[0]!.rowCount).toBe(NOTEBOOK_ROWS + 10);
    expect(caseStatus(record, objectives)).toBe('in-progress');
    record = unpin(record, 'n1', 3);
    expect(record.notebook).toEqual([]);
  });
});
