import { describe, expect, it } from 'vitest';
import { emptyResultHint } from './hints';

const dataset = {
  id: 'demo@1',
  ready: true,
  scenarioId: 'demo',
  seed: 1,
  virtualNow: '2026-03-02T12:00:00Z',
  start: '2026-03-01T12:00:00Z',
  end: '2026-03-02T12:00:00Z',
  rowCounts: {},
};

describe('empty result hint', () => {
  it('names the dataset range when a time filter excluded everything', () => {
    const hint = emptyResultHint('KubeEvents | where TimeGenerated > ago(1h) and Reason == "x"', dataset);
    expect(hint).toContain('2026-03-01T12:00:00Z');
    expect(hint).toContain('virtual now of 2026-03-02T12:00:00Z');
  });

  it('stays quiet when the query does not filter on time', () => {
    expect(emptyResultHint('KubeEvents | where Reason == "x"', dataset)).toBeUndefined();
  });
});
