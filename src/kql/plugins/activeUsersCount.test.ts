// Golden tests for active_users_count, worked out from Kusto's active_users_count plugin documentation: an appearance
// counts when the id appears in ActivePeriodsCount distinct periods of the lookback (t - LookbackWindow, t].
import { describe, expect, it } from 'vitest';
import { createKqlEngine } from '../engine';
import { run } from '../testing/testEngine';

const engine = createKqlEngine({ tables: [] });

const users = `datatable(User: string, Team: string, Timestamp: datetime) [
  "a", "x", datetime(2024-01-01), "a", "x", datetime(2024-01-02), "a", "x", datetime(2024-01-03),
  "b", "x", datetime(2024-01-02), "b", "x", datetime(2024-01-02), "b", "x", datetime(2024-01-05),
  "c", "y", datetime(2023-12-30), "c", "y", datetime(2024-01-06),
  "d", "y", datetime(2024-01-04), "d", "y", datetime(2024-01-06), "d", "y", datetime(2024-01-07)]`;

describe('active_users_count', () => {
  it('counts ids with an active appearance per bin; earlier appearances count in the lookback', () => {
    // Lookback 4d, 2 distinct days: a is active on 01-02 and 01-03, b on 01-05 ((01-01, 01-05] holds 01-02),
    // c never (12-30 is outside (01-02, 01-06]), d on 01-06 and 01-07. Bins of 3 days from 01-01.
    const result = run(
      engine,
      `${users} | evaluate active_users_count(User, Timestamp, datetime(2024-01-01), datetime(2024-01-31), 4d, 1d, 2, 3d)
       | order by Timestamp asc`,
    );
    expect(result.columns).toEqual(['Timestamp', 'dcount']);
    expect(result.rows).toEqual([
      ['2024-01-01T00:00:00Z', 1],
      ['2024-01-04T00:00:00Z', 2],
      ['2024-01-07T00:00:00Z', 1],
    ]);
  });

  it('an appearance exactly LookbackWindow before does not count; dimensions slice the ids', () => {
    // Lookback 3d: b on 01-05 looks at (01-02, 01-05]: only 01-05, so b is not active.
    const result = run(
      engine,
      `${users} | evaluate active_users_count(User, Timestamp, datetime(2024-01-01), datetime(2024-01-31), 3d, 1d, 2, 7d, Team)
       | order by Team asc`,
    );
    expect(result.columns).toEqual(['Timestamp', 'Team', 'dcount']);
    expect(result.rows).toEqual([
      ['2024-01-01T00:00:00Z', 'x', 1],
      ['2024-01-01T00:00:00Z', 'y', 1],
    ]);
  });
});
