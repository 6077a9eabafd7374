import { describe, expect, it } from 'vitest';
import { run, testEngine } from '../testing/testEngine';

const engine = testEngine();
const visits = `datatable(User: string, Day: datetime, Region: string) [
  "a", datetime(2024-01-01), "eu", "b", datetime(2024-01-01), "eu", "a", datetime(2024-01-02), "eu",
  "c", datetime(2024-01-03), "us", "a", datetime(2024-01-03), "eu"]`;

describe('activity_engagement', () => {
  it('gives per day the distinct users of the day, of the outer window ending with it, and their ratio', () => {
    const result = run(engine, `${visits} | evaluate activity_engagement(User, Day, 1d, 2d)`);
    expect(result.columns).toEqual([
      'Day',
      'dcount_activities_inner',
      'dcount_activities_outer',
      'activity_ratio',
    ]);
    expect(result.rows).toEqual([
      ['2024-01-01T00:00:00Z', 2, 2, 1],
      ['2024-01-02T00:00:00Z', 1, 2, 0.5],
      ['2024-01-03T00:00:00Z', 2, 2, 1],
    ]);
  });

  it('with Start and End and per dimension', () => {
    const result = run(
      engine,
      `${visits} | evaluate activity_engagement(User, Day, datetime(2024-01-02), datetime(2024-01-03), 1d, 7d, Region)`,
    );
    expect(result.rows).toEqual([
      ['2024-01-02T00:00:00Z', 'eu', 1, 2, 0.5],
      ['2024-01-03T00:00:00Z', 'eu', 1, 2, 0.5],
      ['2024-01-03T00:00:00Z', 'us', 1, 1, 1],
    ]);
  });
});
