import { describe, expect, it } from 'vitest';
import { run, testEngine } from '../testing/testEngine';

const engine = testEngine();
// Day 1: a, b (cohort a, b). Day 2: a, c (cohort c). Day 3: c, d (cohort d).
const visits = `datatable(User: string, Day: datetime, Region: string) [
  "a", datetime(2024-01-01), "eu", "b", datetime(2024-01-01), "eu", "a", datetime(2024-01-02), "eu",
  "c", datetime(2024-01-02), "eu", "c", datetime(2024-01-03), "eu", "d", datetime(2024-01-03), "eu"]`;
const call = 'new_activity_metrics(User, Day, datetime(2024-01-01), datetime(2024-01-03), 1d';

describe('new_activity_metrics', () => {
  it('compares each cohort of new users with every later window', () => {
    const result = run(engine, `${visits} | evaluate ${call})`);
    expect(result.columns).toEqual([
      'from_Day',
      'to_Day',
      'dcount_new_values',
      'dcount_retained_values',
      'dcount_churn_values',
      'retention_rate',
      'churn_rate',
    ]);
    const day = (n: number) => `2024-01-0${n}T00:00:00Z`;
    expect(result.rows).toEqual([
      [day(1), day(1), 2, 2, 0, 1, 0],
      [day(1), day(2), 1, 1, 1, 0.5, 0.5],
      [day(1), day(3), 2, 0, 2, 0, 1],
      [day(2), day(2), 1, 1, 0, 1, 0],
      [day(2), day(3), 1, 1, 0, 1, 0],
      [day(3), day(3), 1, 1, 0, 1, 0],
    ]);
  });

  it('a Cohort keeps only its rows; a Lookback table marks ids as seen before Start; dimensions slice', () => {
    expect(run(engine, `${visits} | evaluate ${call}, datetime(2024-01-02))`).rows).toHaveLength(2);
    const lookback = run(
      engine,
      `let Seen = datatable(User: string) ["a"]; ${visits} | evaluate ${call}, datetime(2024-01-01), Seen)`,
    );
    expect(lookback.rows[0]!.slice(2)).toEqual([1, 1, 0, 1, 0]);
    expect(run(engine, `${visits} | evaluate ${call}, Region)`).rows[0]).toEqual([
      '2024-01-01T00:00:00Z',
      '2024-01-01T00:00:00Z',
      'eu',
      2,
      2,
      0,
      1,
      0,
    ]);
  });
});
