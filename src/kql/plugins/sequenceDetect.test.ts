import { describe, expect, it } from 'vitest';
import { run, testEngine } from '../testing/testEngine';

const engine = testEngine();
const storms = `datatable(StartTime: datetime, EventType: string, State: string) [
  datetime(2007-05-08 00:00), "Excessive Heat", "CALIFORNIA",
  datetime(2007-05-08 16:02), "Wildfire", "CALIFORNIA",
  datetime(2007-05-10 11:30), "Wildfire", "CALIFORNIA",
  datetime(2007-05-20 00:00), "Wildfire", "CALIFORNIA",
  datetime(2007-05-08 01:00), "Wildfire", "NEVADA"]`;

describe('sequence_detect', () => {
  it('finds each step sequence within the step window and span, one heat event with two wildfires giving two rows', () => {
    const result = run(
      engine,
      `${storms} | evaluate sequence_detect(StartTime, 5d, 5d, heat = (EventType == "Excessive Heat"), wildfire = (EventType == "Wildfire"), State)`,
    );
    expect(result.columns).toEqual(['State', 'heat_StartTime', 'wildfire_StartTime', 'Duration']);
    expect(result.rows).toEqual([
      ['CALIFORNIA', '2007-05-08T00:00:00Z', '2007-05-08T16:02:00Z', '16:02:00'],
      ['CALIFORNIA', '2007-05-08T00:00:00Z', '2007-05-10T11:30:00Z', '2.11:30:00'],
    ]);
  });

  it('a step later than the step window ends the search; the span bounds the whole sequence', () => {
    const tight = run(
      engine,
      `${storms} | evaluate sequence_detect(StartTime, 1d, 5d, h = (EventType == "Excessive Heat"), w = (EventType == "Wildfire"), State)`,
    );
    expect(tight.rows).toHaveLength(1);
    const threeSteps = run(
      engine,
      `${storms} | evaluate sequence_detect(StartTime, 3d, 2d, h = (EventType == "Excessive Heat"), w1 = (EventType == "Wildfire"), w2 = (EventType == "Wildfire"), State)`,
    );
    expect(threeSteps.rows).toEqual([]);
  });
});
