// Golden tests for activity_counts_metrics, worked out from Kusto's activity_counts_metrics plugin documentation.
import { describe, expect, it } from 'vitest';
import { createKqlEngine } from '../engine';
import { run } from '../testing/testEngine';

const engine = createKqlEngine({ tables: [] });

const events = `datatable(Id: string, Team: string, Timestamp: datetime) [
  "a", "x", datetime(2024-01-01), "b", "x", datetime(2024-01-01 10:00), "a", "x", datetime(2024-01-02),
  "c", "y", datetime(2024-01-02), "a", "y", datetime(2024-01-04), "d", "x", datetime(2023-12-31),
  "e", "x", datetime(2024-01-09)]`;

describe('activity_counts_metrics', () => {
  it('counts rows, distinct, new and aggregated ids per window from Start through the window of End', () => {
    // 2-day windows from 01-01: [01-01, 01-03) a, b, a, c; [01-03, 01-05) a. 12-31 is before Start, 01-09 after End.
    const result = run(
      engine,
      `${events} | evaluate activity_counts_metrics(Id, Timestamp, datetime(2024-01-01), datetime(2024-01-04), 2d)
       | order by Timestamp asc`,
    );
    expect(result.columns).toEqual(['Timestamp', 'count', 'dcount', 'new_dcount', 'aggregated_dcount']);
    expect(result.rows).toEqual([
      ['2024-01-01T00:00:00Z', 4, 3, 3, 3],
      ['2024-01-03T00:00:00Z', 1, 1, 0, 3],
    ]);
  });

  it('slices by dimensions, each with its own history', () => {
    const result = run(
      engine,
      `${events} | evaluate activity_counts_metrics(Id, Timestamp, datetime(2024-01-01), datetime(2024-01-04), 1d, Team)
       | order by Team asc, Timestamp asc`,
    );
    expect(result.columns).toEqual([
      'Timestamp',
      'Team',
      'count',
      'dcount',
      'new_dcount',
      'aggregated_dcount',
    ]);
    expect(result.rows).toEqual([
      ['2024-01-01T00:00:00Z', 'x', 2, 2, 2, 2],
      ['2024-01-02T00:00:00Z', 'x', 1, 1, 0, 2],
      ['2024-01-02T00:00:00Z', 'y', 1, 1, 1, 1],
      ['2024-01-04T00:00:00Z', 'y', 1, 1, 1, 2],
    ]);
  });
});
