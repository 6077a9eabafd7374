import { describe, expect, it } from 'vitest';
import { createKqlEngine, fromWireValue, toWireValue } from '../kql/index';
import { encodeColumn, mergeForEngine, storedWireValueAt } from './columnar';
import { ALL_TYPES_ROWS, ALL_TYPES_TABLE } from './testTables';

describe('columnar encoding', () => {
  it('round-trips every Kusto type exactly as the engine reads the wire value', () => {
    for (const column of ALL_TYPES_TABLE.columns) {
      const stored = encodeColumn(ALL_TYPES_ROWS, column);
      ALL_TYPES_ROWS.forEach((row, index) => {
        const expected = toWireValue(fromWireValue(row[column.name], column.type), column.type);
        expect(storedWireValueAt(stored, column.type, index), `${column.name} row ${index}`).toEqual(
          expected,
        );
      });
    }
  });

  it('keeps 100-ns datetime precision and timespan ticks', () => {
    const [time, , , , , , , duration] = ALL_TYPES_TABLE.columns;
    const times = encodeColumn(ALL_TYPES_ROWS, time!);
    expect(storedWireValueAt(times, 'datetime', 1)).toBe('2026-11-26T10:00:00.1234567Z');
    expect(storedWireValueAt(times, 'datetime', 2)).toBe('1969-12-31T23:59:59.9999999Z');
    expect(storedWireValueAt(times, 'datetime', 4)).toBe('2026-11-26T08:00:00Z');
    expect(storedWireValueAt(times, 'datetime', 3)).toBeNull();
    const spans = encodeColumn(ALL_TYPES_ROWS, duration!);
    expect(storedWireValueAt(spans, 'timespan', 1)).toBe('-00:00:00.0000001');
  });

  it('feeds the engine the same table as its own row loader', () => {
    const viaRows = createKqlEngine({ tables: [ALL_TYPES_TABLE] });
    viaRows.loadTable('AllTypes', ALL_TYPES_ROWS);
    const viaColumns = createKqlEngine({ tables: [ALL_TYPES_TABLE] });
    // Two parts, as if from two chunks, with a column the second chunk lacks.
    const first = ALL_TYPES_ROWS.slice(0, 4);
    const second = ALL_TYPES_ROWS.slice(4);
    const columns = Object.fromEntries(
      ALL_TYPES_TABLE.columns.map((column) => [
        column.name,
        mergeForEngine([encodeColumn(first, column), encodeColumn(second, column)], [4, 2], column.type),
      ]),
    );
    viaColumns.loadColumns('AllTypes', ALL_TYPES_ROWS.length, columns);
    const query = 'AllTypes';
    const a = viaRows.query(query);
    const b = viaColumns.query(query);
    if (!a.ok || !b.ok) throw new Error('query failed');
    expect(b.rows()).toEqual(a.rows());
    expect(b.rowCount).toBe(ALL_TYPES_ROWS.length);
  });

  it('treats a column missing from an older chunk as null', () => {
    const column = ALL_TYPES_TABLE.columns[2]!;
    const merged = mergeForEngine([undefined, encodeColumn([{ Count: 5 }], column)], [2, 1], 'long');
    expect(merged).toEqual({ values: new Float64Array([0, 0, 5]), nulls: new Uint8Array([1, 1, 0]) });
  });
});
