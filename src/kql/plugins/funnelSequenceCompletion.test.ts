import { describe, expect, it } from 'vitest';
import { run, testEngine } from '../testing/testEngine';

const engine = testEngine();
const storms = `datatable(State: string, StartTime: datetime, EventType: string) [
  "TX", datetime(2019-01-01), "Hail", "TX", datetime(2019-01-02 12:00), "Tornado",
  "TX", datetime(2019-01-03), "Thunderstorm Wind", "OK", datetime(2019-01-05), "Hail",
  "OK", datetime(2019-01-05 06:00), "Tornado", "KS", datetime(2019-01-07), "Tornado"]`;

describe('funnel_sequence_completion', () => {
  it('counts per period the ids that completed each step, each within the period of the one before', () => {
    const result = run(
      engine,
      `${storms} | evaluate funnel_sequence_completion(State, StartTime, datetime(2019-01-01), datetime(2019-01-31), 365d,
         EventType, dynamic(['Hail', 'Tornado', 'Thunderstorm Wind']), dynamic([1d, 2d]))`,
    );
    expect(result.columns).toEqual(['StartTime', 'EventType', 'Period', 'dcount']);
    // 1d: TX's tornado comes 36 h after its hail; OK's 6 h after. 2d: TX goes on to the thunderstorm wind 12 h later.
    const day = '2019-01-01T00:00:00Z';
    expect(result.rows).toEqual([
      [day, 'Hail', '1.00:00:00', 2],
      [day, 'Tornado', '1.00:00:00', 1],
      [day, 'Thunderstorm Wind', '1.00:00:00', 0],
      [day, 'Hail', '2.00:00:00', 2],
      [day, 'Tornado', '2.00:00:00', 2],
      [day, 'Thunderstorm Wind', '2.00:00:00', 1],
    ]);
  });

  it('starts a sequence only in its window: a bin per BinSize', () => {
    const result = run(
      engine,
      `${storms} | evaluate funnel_sequence_completion(State, StartTime, datetime(2019-01-01), datetime(2019-01-06), 4d,
         EventType, dynamic(['Hail', 'Tornado']), dynamic([1d]))`,
    );
    expect(result.rows.map((r) => [r[0], r[1], r[3]])).toEqual([
      ['2019-01-01T00:00:00Z', 'Hail', 1],
      ['2019-01-01T00:00:00Z', 'Tornado', 0],
      ['2019-01-05T00:00:00Z', 'Hail', 1],
      ['2019-01-05T00:00:00Z', 'Tornado', 1],
    ]);
  });
});
