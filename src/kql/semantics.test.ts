// Golden tests for Kusto's semantic traps (where KQL differs from SQL or from naive engines), from the Kusto docs.
import { describe, expect, it } from 'vitest';
import { createKqlEngine } from './engine';
import { run, runError, testEngine } from './testing/testEngine';

const engine = testEngine();
const value = (expression: string) => run(engine, `print r = ${expression}`).rows[0]![0];

describe('Kusto semantics', () => {
  it('has is a case-insensitive whole-term match, not a substring match', () => {
    expect(value('"Login failed" has "login"')).toBe(true);
    expect(value('"FileDownload" has "download"')).toBe(false);
    expect(value('"FileDownload" contains "download"')).toBe(true);
    expect(value('"a.b-c" has "b"')).toBe(true);
    expect(value('"Login" has_cs "login"')).toBe(false);
    expect(value('"Login failed" !has "fail"')).toBe(true);
    expect(value('"Login failed" has_any ("x", "failed")')).toBe(true);
    expect(value('"Login failed" has_all ("login", "failed")')).toBe(true);
    expect(value('"C:\\\\Windows\\\\System32" hasprefix "sys"')).toBe(true);
    expect(value('"run.exe" hassuffix "exe"')).toBe(true);
  });

  it('== is case-sensitive, =~ is not; string operators have _cs and negated forms', () => {
    expect(value('"Alice" == "alice"')).toBe(false);
    expect(value('"Alice" =~ "alice"')).toBe(true);
    expect(value('"Alice" !~ "ALICE"')).toBe(false);
    expect(value('"Alice" != "alice"')).toBe(true);
    expect(value('"Alice" startswith "al"')).toBe(true);
    expect(value('"Alice" startswith_cs "al"')).toBe(false);
    expect(value('"Alice" !endswith "CE"')).toBe(false);
    expect(value('"Alice" !contains_cs "LIC"')).toBe(true);
    expect(value('"abc123" matches regex "[a-z]+\\\\d+"')).toBe(true);
  });

  it('in, !in, in~, !in~, between and !between', () => {
    expect(value('"a" in ("A", "b")')).toBe(false);
    expect(value('"a" in~ ("A", "b")')).toBe(true);
    expect(value('"a" !in ("A", "b")')).toBe(true);
    expect(value('"a" !in~ ("A", "b")')).toBe(false);
    expect(value('5 between (1 .. 5)')).toBe(true);
    expect(value('6 !between (1 .. 5)')).toBe(true);
    expect(value('datetime(2024-01-02) between (datetime(2024-01-01) .. 1d)')).toBe(true);
  });

  it('strings are never null: a missing string is empty, isempty is true, isnull is false', () => {
    expect(
      run(engine, 'Events | where User == "carol" | project Props, isnull(Props), tostring(Props)').rows,
    ).toEqual([[null, true, '']]);
    expect(value('isempty(tostring(dynamic(null)))')).toBe(true);
    expect(value('isnull("")')).toBe(false);
    expect(value('isnotempty("x") and isnotnull(1)')).toBe(true);
  });

  it('nulls propagate through arithmetic and comparisons; null == value is false', () => {
    expect(value('long(null) + 1')).toBe(null);
    expect(value('long(null) > 1')).toBe(null);
    expect(run(engine, 'print a = int(null) | where a != 5 | count').rows).toEqual([[1]]);
    expect(value('not(true)')).toBe(false);
  });

  it('join defaults to innerunique: the left side is deduplicated on the key', () => {
    const left = 'datatable(k:long, v:string)[1, "a", 1, "b"]';
    const right = 'datatable(k:long, w:string)[1, "x", 1, "y"]';
    expect(run(engine, `${left} | join (${right}) on k | count`).rows).toEqual([[2]]);
    expect(run(engine, `${left} | join kind=inner (${right}) on k | count`).rows).toEqual([[4]]);
  });

  it('bin aligns to 0 (the epoch of datetime is 0001-01-01) or to the given start with bin_at', () => {
    expect(value('bin(7, 5)')).toBe(5);
    expect(value('bin(-1, 5)')).toBe(-5);
    expect(value('bin(datetime(2024-01-01 10:37), 1h)')).toBe('2024-01-01T10:00:00Z');
    // 0001-01-01 was a Monday, so 7-day bins start on Mondays.
    expect(value('bin(datetime(2024-01-03), 7d)')).toBe('2024-01-01T00:00:00Z');
    expect(value('bin_at(datetime(2024-01-01 10:37), 1h, datetime(2024-01-01 00:15))')).toBe(
      '2024-01-01T10:15:00Z',
    );
  });

  it('automatic column names: count_, print_0, Column1, x1 on clashes', () => {
    expect(run(engine, 'Events | summarize count()').columns).toEqual(['count_']);
    expect(run(engine, 'print 1, 2').columns).toEqual(['print_0', 'print_1']);
    expect(run(engine, 'Users | project strlen(User) + 1').columns).toEqual(['Column1']);
    expect(run(engine, 'Users | summarize by strlen(User)').columns).toEqual(['strlen_User']);
    expect(run(engine, 'Users | join kind=inner (Users) on User | take 1').columns).toEqual([
      'User',
      'Dept',
      'User1',
      'Dept1',
    ]);
  });

  it('datetime and timespan are exact 100-ns ticks, printed as Kusto prints them', () => {
    expect(value('datetime(2024-01-01 00:00:00.1234567)')).toBe('2024-01-01T00:00:00.1234567Z');
    expect(value('datetime(2024-01-01 00:00:00.1234567) + 1tick')).toBe('2024-01-01T00:00:00.1234568Z');
    expect(value('datetime(2024-01-01 00:00:00.5)')).toBe('2024-01-01T00:00:00.5Z');
    expect(value('1d + 2h + 3m + 4s + 5ms')).toBe('1.02:03:04.0050000');
    expect(value('-90m')).toBe('-01:30:00');
    expect(value('datetime(2024-01-02) - datetime(2024-01-01)')).toBe('1.00:00:00');
    expect(value('1h / 1m')).toBe(60);
  });

  it('long beyond 2^53 is a documented limit with a clear error, not a silent error', () => {
    const error = runError(engine, 'print 9007199254740993');
    expect(error.code).toBe('KQL_LONG_RANGE');
    expect(error.column).toBe(7);
  });

  it('a long literal beyond 2^53 that a double holds exactly is read exactly (unixtime_nanoseconds_todatetime docs)', () => {
    expect(value('unixtime_nanoseconds_todatetime(1546300800000000000)')).toBe('2019-01-01T00:00:00Z');
    expect(runError(engine, 'print unixtime_nanoseconds_todatetime(1546300800000000123)').code).toBe(
      'KQL_LONG_RANGE',
    );
  });

  it('now() and ago() read the clock the caller sets', () => {
    const now = new Date('2024-01-01T02:00:00Z');
    expect(run(engine, 'print now(), ago(1h)', { now }).rows).toEqual([
      ['2024-01-01T02:00:00Z', '2024-01-01T01:00:00Z'],
    ]);
    expect(run(engine, 'Events | where TimeGenerated > ago(1h) | count', { now }).rows).toEqual([[2]]);
  });

  it('a feature not supported yet answers "not supported yet: X" at its position', () => {
    const error = runError(
      engine,
      'print a = 1\n| extend b = geo_line_buffer(dynamic({"type": "LineString", "coordinates": [[0, 0], [1, 1]]}), 100)',
    );
    expect(error.code).toBe('KQL_UNSUPPORTED');
    expect(error.message).toMatch(/^not supported yet: /);
    expect(error.line).toBe(2);
  });

  it('a scalar function answering "not supported yet" gives KQL_UNSUPPORTED at the call, not KQL_RUNTIME', () => {
    const query = 'print a = 1\n| extend h = hash_xxhash64(1.5)';
    const error = runError(engine, query);
    expect(error.code).toBe('KQL_UNSUPPORTED');
    expect(error.message).toBe('not supported yet: hashing a real value (only string and datetime)');
    expect(error.line).toBe(2);
    expect(query.slice(error.start, error.start + error.length)).toBe('hash_xxhash64(1.5)');
  });

  it('Kusto.Language diagnostics come through with code and position', () => {
    const error = runError(engine, 'Events | where Nope == 1');
    expect(error).toMatchObject({ code: 'KS142', line: 1, column: 16, start: 15, length: 4 });
    expect(engine.diagnose('Events | take')).toEqual([
      expect.objectContaining({ code: 'KS006', severity: 'error', line: 1 }),
    ]);
  });

  it('results are truncated at the row limit with a notice', () => {
    const outcome = engine.query('range x from 1 to 1000 step 1', { maxRows: 100 });
    expect(outcome.ok && outcome.rowCount).toBe(100);
    expect(outcome.ok && outcome.truncated?.limit).toBe(100);
  });

  it('a cancelled query and a runaway query stop with a clear message', () => {
    const controller = new AbortController();
    controller.abort();
    expect(
      runError(engine, 'range x from 1 to 100000 step 1 | extend y = x * 2', { signal: controller.signal })
        .code,
    ).toBe('KQL_CANCELLED');
    expect(
      runError(engine, 'range x from 1 to 3000000 step 1 | extend y = strcat(x, "a") | summarize dcount(y)', {
        timeoutMs: 1,
      }).code,
    ).toBe('KQL_TIMEOUT');
  });

  it('loads columnar chunks (typed arrays, dictionary strings, epoch milliseconds)', () => {
    const columnar = createKqlEngine({
      tables: [
        {
          name: 'T',
          columns: [
            { name: 'When', type: 'datetime' },
            { name: 'Name', type: 'string' },
            { name: 'N', type: 'long' },
          ],
        },
      ],
    });
    columnar.loadColumns('T', 3, {
      When: { epochMs: new Float64Array([0, 1000, 2000]), subMsTicks: new Uint16Array([0, 5, 0]) },
      Name: { dictionary: ['a', 'b'], codes: new Int32Array([0, 1, -1]) },
      N: { values: new Float64Array([1, 2, 3]), nulls: new Uint8Array([0, 0, 1]) },
    });
    expect(run(columnar, 'T').rows).toEqual([
      ['1970-01-01T00:00:00Z', 'a', 1],
      ['1970-01-01T00:00:01.0000005Z', 'b', 2],
      ['1970-01-01T00:00:02Z', '', null],
    ]);
    columnar.loadColumns('T', 3, {
      When: { epochMs: new Float64Array([-1500, 1000, 2500]) },
      Name: { values: ['x', 'y', 'z'] },
    });
    // bin over whole epoch milliseconds takes a double-based path; it must agree with the tick arithmetic.
    expect(run(columnar, 'T | summarize count() by bin(When, 2s) | order by When asc').rows).toEqual([
      ['1969-12-31T23:59:58Z', 1],
      ['1970-01-01T00:00:00Z', 1],
      ['1970-01-01T00:00:02Z', 1],
    ]);
    expect(run(columnar, 'T | summarize arg_max(When, Name), arg_min(When, Name)').rows).toEqual([
      ['1970-01-01T00:00:02.5Z', 'z', '1969-12-31T23:59:58.5Z', 'x'],
    ]);
    expect(run(columnar, 'T | extend b = bin(When, 2s) | project b').rows).toEqual(
      run(columnar, 'T | extend b = bin(When + 0s, 2s) | project b').rows,
    );
  });

  it('hash() is xxHash64, the same as hash_xxhash64 (docs: hash("World") = 1846988464401551951)', () => {
    expect(value('hash("World") == hash_xxhash64("World")')).toBe(true);
    // Doubles hold the docs' value only approximately: compare with the nearest double.
    expect(value('hash("World")')).toBe(Number('1846988464401551951'));
    expect(value('hash("World", 100)')).toBe(51);
  });

  it('reads the comma form of datetime literals: datetime(year, month, day[, hour, minute, second])', () => {
    expect(value('datetime(2025, 6, 14) == datetime(2025-06-14)')).toBe(true);
    expect(value('datetime(2025, 6, 14, 3, 4, 5) == datetime(2025-06-14 03:04:05)')).toBe(true);
  });
});
