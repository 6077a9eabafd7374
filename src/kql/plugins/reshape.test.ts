// pivot, narrow, preview, ipv4_lookup and ipv6_lookup, from their documentation pages.
import { describe, expect, it } from 'vitest';
import { run, runError, runTables, testEngine } from '../testing/testEngine';

const engine = testEngine();
const storms = `datatable(State: string, EventType: string, Crops: long) [
  "TX", "Hail", 0, "TX", "Hail", 2, "TX", "Flood", 5, "KS", "Hail", 1, "KS", "Tornado", 10, "OK", "Hail", 0]`;

describe('pivot', () => {
  it('counts by default, one column per value in ascending order, grouped by the other columns', () => {
    const result = run(engine, `${storms} | project State, EventType | evaluate pivot(State)`);
    expect(result.columns).toEqual(['EventType', 'KS', 'OK', 'TX']);
    expect(result.rows).toEqual([
      ['Hail', 1, 1, 2],
      ['Flood', 0, 0, 1],
      ['Tornado', 1, 0, 0],
    ]);
  });

  it('aggregates with the given function; the columns it reads are not groups', () => {
    const result = run(engine, `${storms} | evaluate pivot(EventType, sum(Crops))`);
    expect(result.columns).toEqual(['State', 'Flood', 'Hail', 'Tornado']);
    expect(result.rows).toEqual([
      ['TX', 5, 2, null],
      ['KS', null, 1, 10],
      ['OK', null, 0, null],
    ]);
  });

  it('groups by the listed columns only', () => {
    const result = run(engine, `${storms} | evaluate pivot(EventType, max(Crops))`);
    expect(result.rows[0]).toEqual(['TX', 5, 2, null]);
    expect(run(engine, `${storms} | extend One = 1 | evaluate pivot(EventType, count(), One)`).rows).toEqual([
      [1, 1, 4, 1],
    ]);
  });
});

describe('narrow and preview', () => {
  it('narrow gives one row per cell: row number, column name, value as text', () => {
    expect(run(engine, `${storms} | take 1 | evaluate narrow()`).rows).toEqual([
      [0, 'State', 'TX'],
      [0, 'EventType', 'Hail'],
      [0, 'Crops', '0'],
    ]);
  });

  it('preview returns at most the number of rows asked', () => {
    expect(run(engine, `${storms} | evaluate preview(2)`).rows).toHaveLength(2);
    expect(run(engine, `${storms} | evaluate preview(100)`).rows).toHaveLength(6);
    expect(runError(engine, `${storms} | evaluate preview(-1)`).code).toBe('KQL_PLUGIN_ARGS');
  });

  it('preview returns a second table with the number of input rows, and nothing may follow it', () => {
    const tables = runTables(engine, `${storms} | where Crops >= 0 | evaluate preview(2)`);
    expect(tables.map((t) => t.name)).toEqual(['Table1', 'Table2']);
    expect(tables[0]!.rows).toHaveLength(2);
    expect(tables[1]!.columns).toEqual(['Count']);
    expect(tables[1]!.rows).toEqual([[6]]);
    expect(runError(engine, `${storms} | evaluate preview(2) | count`).code).toBe('KQL_UNSUPPORTED');
  });
});

describe('ip lookups', () => {
  const ranges =
    'let R = datatable(net: string, name: string) ["10.0.0.0/24", "lab", "10.0.0.0/28", "small"];';
  it('ipv4_lookup joins each row to the most specific range holding its address and drops the rest', () => {
    const result = run(
      engine,
      `${ranges} datatable(ip: string) ["10.0.0.5", "10.0.0.200", "8.8.8.8", "bad"] | evaluate ipv4_lookup(R, ip, net)`,
    );
    expect(result.columns).toEqual(['ip', 'net', 'name']);
    expect(result.rows).toEqual([
      ['10.0.0.5', '10.0.0.0/28', 'small'],
      ['10.0.0.200', '10.0.0.0/24', 'lab'],
    ]);
  });

  it('return_unmatched keeps the rows without a range, with empty lookup columns', () => {
    const result = run(
      engine,
      `${ranges} datatable(ip: string) ["10.0.0.5", "8.8.8.8"] | evaluate ipv4_lookup(R, ip, net, true)`,
    );
    expect(result.rows[1]).toEqual(['8.8.8.8', '', '']);
  });

  it('extra keys must be equal too', () => {
    const result = run(
      engine,
      `let R = datatable(net: string, site: string, name: string) ["10.0.0.0/8", "a", "A", "10.0.0.0/8", "b", "B"];
       datatable(ip: string, site: string) ["10.1.2.3", "b"] | evaluate ipv4_lookup(R, ip, net, site)`,
    );
    expect(result.rows).toEqual([['10.1.2.3', 'b', '10.0.0.0/8', 'B']]);
  });

  it('ipv6_lookup matches IPv6 ranges', () => {
    const result = run(
      engine,
      `let R = datatable(net: string, name: string) ["fe80::/64", "link"];
       datatable(ip: string) ["fe80::1", "::1"] | evaluate ipv6_lookup(R, ip, net)`,
    );
    expect(result.rows).toEqual([['fe80::1', 'fe80::/64', 'link']]);
  });
});
