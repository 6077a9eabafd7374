import { describe, expect, it } from 'vitest';
import { run, testEngine } from '../testing/testEngine';

const engine = testEngine();
const visits = `datatable(User: string, Day: datetime, Region: string) [
  "a", datetime(2024-01-01), "eu", "b", datetime(2024-01-01), "eu", "a", datetime(2024-01-02), "eu",
  "c", datetime(2024-01-02), "us", "a", datetime(2024-01-03), "eu", "b", datetime(2024-01-03), "eu",
  "a", datetime(2024-01-09), "eu"]`;

describe('activity_metrics', () => {
  it('compares each window with the one before: distinct, new, retention and churn', () => {
    const result = run(
      engine,
      `${visits} | evaluate activity_metrics(User, Day, datetime(2024-01-01), datetime(2024-01-03), 1d)`,
    );
    expect(result.columns).toEqual([
      'Day',
      'dcount_values',
      'dcount_newvalues',
      'retention_rate',
      'churn_rate',
    ]);
    expect(result.rows).toEqual([
      ['2024-01-01T00:00:00Z', 2, 2, 'NaN', 'NaN'],
      ['2024-01-02T00:00:00Z', 2, 1, 0.5, 0.5],
      ['2024-01-03T00:00:00Z', 2, 1, 0.5, 0.5],
    ]);
  });

  it('a window after an empty one has nothing to retain; dimensions slice the metrics', () => {
    const result = run(
      engine,
      `${visits} | evaluate activity_metrics(User, Day, datetime(2024-01-01), datetime(2024-01-10), 1d, Region)`,
    );
    expect(result.columns).toEqual([
      'Day',
      'Region',
      'dcount_values',
      'dcount_newvalues',
      'retention_rate',
      'churn_rate',
    ]);
    expect(result.rows.find((r) => r[0] === '2024-01-09T00:00:00Z')).toEqual([
      '2024-01-09T00:00:00Z',
      'eu',
      1,
      1,
      'NaN',
      'NaN',
    ]);
    expect(result.rows.find((r) => r[1] === 'us')).toEqual([
      '2024-01-02T00:00:00Z',
      'us',
      1,
      1,
      'NaN',
      'NaN',
    ]);
    expect(result.rows.find((r) => r[0] === '2024-01-02T00:00:00Z' && r[1] === 'eu')).toEqual([
      '2024-01-02T00:00:00Z',
      'eu',
      1,
      0,
      0.5,
      0.5,
    ]);
  });
});
