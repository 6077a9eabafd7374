// Golden tests for `scan`. Expected results are worked out by hand from the matching logic of Kusto's scan operator
// documentation (checks 1 and 2, steps evaluated from last to first).
import { describe, expect, it } from 'vitest';
import { createKqlEngine } from '../engine';
import { run, runError } from '../testing/testEngine';

const engine = createKqlEngine({ tables: [] });
const rows = (query: string) => run(engine, query).rows;

const events = `datatable (Ts: timespan, Event: string) [
  0m, "A", 1m, "Start", 2m, "B", 3m, "D", 4m, "Stop", 6m, "C", 8m, "Start", 11m, "E", 12m, "Stop"]`;

describe('scan', () => {
  it('a single always-true step with a declared default computes a running total', () => {
    const result = run(
      engine,
      `range x from 1 to 4 step 1
       | scan declare (total: long = 10) with (step s: true => total = x + s.total;)`,
    );
    expect(result.columns).toEqual(['x', 'total']);
    expect(result.types).toEqual(['long', 'long']);
    expect(result.rows).toEqual([
      [1, 11],
      [2, 13],
      [3, 16],
      [4, 20],
    ]);
  });

  it('promotes a sequence through the steps and numbers matches with with_match_id', () => {
    const result = run(
      engine,
      `${events} | sort by Ts asc
       | scan with_match_id = m with (
           step s1: Event == "Start";
           step s2: Event != "Start" and Event != "Stop" and Ts - s1.Ts <= 5m;
           step s3: Event == "Stop" and Ts - s1.Ts <= 5m;)`,
    );
    expect(result.columns).toEqual(['Ts', 'Event', 'm']);
    expect(result.rows).toEqual([
      ['00:01:00', 'Start', 0],
      ['00:02:00', 'B', 0],
      ['00:03:00', 'D', 0],
      ['00:04:00', 'Stop', 0],
      ['00:08:00', 'Start', 1],
      ['00:11:00', 'E', 1],
      ['00:12:00', 'Stop', 1],
    ]);
  });

  it('output=none hides a step and a state promoted away lets the first step start a new match', () => {
    // Sessions of 10 minutes: the record at 12m ends session 0 (not output) and starts session 1.
    expect(
      rows(
        `${events} | sort by Ts asc
         | scan with_match_id = session declare (start: timespan) with (
             step inSession: true => start = iff(isnull(inSession.start), Ts, inSession.start);
             step endSession output=none: Ts - inSession.start > 10m;)
         | project Ts, start, session`,
      ),
    ).toEqual([
      ['00:00:00', '00:00:00', 0],
      ['00:01:00', '00:00:00', 0],
      ['00:02:00', '00:00:00', 0],
      ['00:03:00', '00:00:00', 0],
      ['00:04:00', '00:00:00', 0],
      ['00:06:00', '00:00:00', 0],
      ['00:08:00', '00:00:00', 0],
      ['00:11:00', '00:11:00', 1],
      ['00:12:00', '00:11:00', 1],
    ]);
  });

  it('output=last keeps only the last of a series of repeated matches, output when the series ends', () => {
    // s1 matches A twice; the B promotes the sequence to s2, so the last A comes out, then the B. The B does not assign
    // `start`, so it has the declared default.
    expect(
      rows(
        `datatable (i: long, e: string) [1, "A", 2, "A", 3, "B", 4, "C"]
         | scan declare (start: long = -1) with (
             step s1 output=last: e == "A" => start = iff(s1.start == -1, i, s1.start);
             step s2: e == "B";)`,
      ),
    ).toEqual([
      [2, 'A', 1],
      [3, 'B', -1],
    ]);
  });

  it('a step may assign an input column; a record can match several steps', () => {
    expect(
      rows(
        `datatable (v: real) [1.0, real(null), real(null), 4.0]
         | scan with (step s: true => v = iff(isnull(v), s.v, v);)`,
      ),
    ).toEqual([[1], [1], [1], [4]]);
    // Every record matches s2 (check 1 from s1's state) and then s1 again (first step): each comes out twice.
    expect(
      rows(`range x from 1 to 2 step 1 | scan with_match_id = id with (step s1: true; step s2: x > s1.x;)`),
    ).toEqual([
      [1, 0],
      [2, 0],
      [2, 1],
    ]);
  });

  it('assignments are converted to the declared type', () => {
    expect(
      rows(`range x from 1 to 2 step 1 | scan declare (half: real) with (step s: true => half = x / 2.0;)`),
    ).toEqual([
      [1, 0.5],
      [2, 1],
    ]);
  });

  it('an empty input gives no rows, with the declared and match id columns', () => {
    const result = run(
      engine,
      'range x from 1 to 0 step 1 | scan with_match_id = id declare (y: string) with (step s: true => y = "a";)',
    );
    expect(result.columns).toEqual(['x', 'y', 'id']);
    expect(result.rows).toEqual([]);
  });

  it('a broken step is reported by the analyzer at its position', () => {
    expect(runError(engine, 'print x = 1 | scan with (step s: nosuchcolumn > 1;)').code).toMatch(/^KS/);
  });
});
