import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createKqlEngine, fromWireValue, toWireValue } from '../kql/index';
import {
  encodeColumn,
  decodeDynamicText,
  encodeColumns,
  mayBeJsonText,
  mergeForEngine,
  storedWireValueAt,
  type StoredColumn,
} from './columnar';
import { ChunkBuilder } from './columnEncoder';
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

  it('reads ISO datetimes of any fraction length as the engine does', () => {
    const column = { name: 'T', type: 'datetime' as const, description: '' };
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(100, 0, 1), max: Date.UTC(9999, 11, 31) }),
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 0, max: 999_999_999 }),
        (ms, digits, fraction) => {
          const base = new Date(ms).toISOString().slice(0, 19);
          const text =
            digits === 0 ? `${base}Z` : `${base}.${String(fraction).padStart(9, '0').slice(0, digits)}Z`;
          const expected = toWireValue(fromWireValue(text, 'datetime'), 'datetime');
          expect(storedWireValueAt(encodeColumn([{ T: text }], column), 'datetime', 0)).toBe(expected);
        },
      ),
    );
    for (const odd of [
      '2026-02-30T10:00:00Z',
      '2026-11-26T24:00:00.5Z',
      '2026-1-2T10:00:00Z',
      '0099-01-01T00:00:00Z',
      '20x6-11-26T10:00:00Z',
      '2024-02-29T23:59:59.999Z',
      '2023-02-29T00:00:00Z',
      '2026-12-31T23:60:00Z',
    ]) {
      const expected = toWireValue(fromWireValue(odd, 'datetime'), 'datetime');
      expect(storedWireValueAt(encodeColumn([{ T: odd }], column), 'datetime', 0), odd).toBe(expected);
    }
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

  it('encodes runs of the same value (same string, same object, nulls) like distinct ones', () => {
    const shared = { app: 'web' };
    const other = { app: 'db' };
    const rows = [
      { B: shared, T: 'x' },
      { B: shared, T: 'x' },
      { B: null, T: '' },
      { B: null },
      { B: { app: 'web' }, T: 'x' },
      { B: other },
      { B: shared },
    ];
    const bag = encodeColumn(rows, { name: 'B', type: 'dynamic', description: '' });
    const text = encodeColumn(rows, { name: 'T', type: 'string', description: '' });
    expect(rows.map((_, i) => storedWireValueAt(bag, 'dynamic', i))).toEqual([
      shared,
      shared,
      null,
      null,
      shared,
      other,
      shared,
    ]);
    expect(rows.map((_, i) => storedWireValueAt(text, 'string', i))).toEqual(['x', 'x', '', '', 'x', '', '']);
    expect(bag.kind === 'dict' && bag.dictionary).toEqual(['{"app":"web"}', '{"app":"db"}']);
  });

  it('keeps mostly distinct strings, guids and dynamic values as plain text, read like the wire', () => {
    const rows = Array.from({ length: 5_000 }, (_, i) => ({
      T: i % 7 === 0 ? '' : i % 11 === 0 ? null : `id-${i}`,
      G: i % 5 === 0 ? null : `6f1c2c1e-8a4b-4d7a-9a3e-${String(i).padStart(12, '0')}`,
      D:
        i % 13 === 0
          ? null
          : i % 3 === 0
            ? `{"n": ${i}, "spaced": true}`
            : i % 3 === 1
              ? { n: i, list: [i, 'x', null] }
              : i % 17 === 2
                ? `not json ${i}`
                : String(i),
    }));
    const types = { T: 'string', G: 'guid', D: 'dynamic' } as const;
    for (const [name, type] of Object.entries(types)) {
      const stored = encodeColumn(rows, { name, type, description: '' });
      expect(stored.kind, name).toBe('text');
      const merged = mergeForEngine([stored], [rows.length], type);
      rows.forEach((row, index) => {
        const expected = toWireValue(fromWireValue(row[name as keyof typeof row], type), type);
        expect(storedWireValueAt(stored, type, index), `${name} row ${index}`).toEqual(expected);
        expect('values' in merged && merged.values[index], `${name} merged row ${index}`).toEqual(
          fromWireValue(row[name as keyof typeof row], type),
        );
      });
    }
  });

  it('reads single cells of text columns before expanding them, across chunks, as the expanded values', () => {
    const dictRows = Array.from({ length: 50 }, (_, i) => ({
      S: i % 9 === 0 ? '' : `s${i % 3}`,
      D: { k: i % 2 },
    }));
    const textRows = Array.from({ length: 6_000 }, (_, i) => ({
      S: i % 7 === 0 ? '' : `row-${i}`,
      D: i % 11 === 0 ? null : { n: i },
    }));
    for (const [name, type] of [
      ['S', 'string'],
      ['D', 'dynamic'],
    ] as const) {
      const column = { name, type, description: '' };
      const parts = [encodeColumn(dictRows, column), undefined, encodeColumn(textRows, column)];
      const lengths = [dictRows.length, 3, textRows.length];
      const single = mergeForEngine(parts, lengths, type);
      const expanded = mergeForEngine(parts, lengths, type);
      if (!('values' in single) || !single.cell || !('values' in expanded))
        throw new Error('not a values chunk');
      const total = lengths.reduce((sum, length) => sum + length, 0);
      // Each cell is read alone first (the reader switches to the expanded column after a few thousand reads).
      for (const row of [0, 9, 49, 50, 52, 53, 60, 53 + 5_999, 1_000]) {
        expect(single.cell(row), `${name} row ${row}`).toEqual(expanded.values[row]);
      }
      for (let row = 0; row < total; row++)
        expect(single.cell(row), `${name} row ${row}`).toEqual(expanded.values[row]);
    }
  });

  it('reads JSON texts of dynamic cells, and other strings as strings, as the engine does', () => {
    const column = { name: 'D', type: 'dynamic' as const, description: '' };
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string()), (text) => {
        const stored = encodeColumn([{ D: text }], column);
        expect(storedWireValueAt(stored, 'dynamic', 0)).toEqual(
          toWireValue(fromWireValue(text, 'dynamic'), 'dynamic'),
        );
      }),
    );
  });

  it('merges string dictionaries of several chunks for the engine, a missing column being ""', () => {
    const column = { name: 'S', type: 'string' as const, description: '' };
    const first = encodeColumn([{ S: 'a' }, { S: 'b' }, { S: '' }], column);
    const second = encodeColumn([{ S: 'b' }, { S: 'c' }], column);
    const merged = mergeForEngine([first, undefined, second], [3, 2, 2], 'string');
    const engine = createKqlEngine({ tables: [{ name: 'T', columns: [column] }] });
    engine.loadColumns('T', 7, { S: merged });
    const result = engine.query('T');
    if (!result.ok) throw new Error('query failed');
    expect(result.rows().map((row) => row[0])).toEqual(['a', 'b', '', '', '', 'b', 'c']);
  });

  it('treats a column missing from an older chunk as null', () => {
    const column = ALL_TYPES_TABLE.columns[2]!;
    const merged = mergeForEngine([undefined, encodeColumn([{ Count: 5 }], column)], [2, 1], 'long');
    expect(merged).toEqual({ values: new Float64Array([0, 0, 5]), nulls: new Uint8Array([1, 1, 0]) });
  });
});

describe('a chunk built from streamed rows', () => {
  const columns = [
    { name: 'TimeGenerated', type: 'datetime', description: '' },
    { name: 'AuditId', type: 'guid', description: '' },
    { name: 'Verb', type: 'string', description: '' },
    { name: 'Pod', type: 'string', description: '' },
    { name: 'User', type: 'dynamic', description: '' },
    { name: 'Latency', type: 'long', description: '' },
    { name: 'Ok', type: 'bool', description: '' },
    { name: 'Took', type: 'timespan', description: '' },
  ] as const;
  const users = [{ username: 'system:node:aks-0' }, { username: 'masterclient' }];
  const rows = Array.from({ length: 9_000 }, (_, i) => ({
    TimeGenerated: new Date(Date.UTC(2026, 2, 2) + i * 250).toISOString().replace('Z', '4567Z'),
    AuditId: `6f1c2c1e-8a4b-4d7a-9a3e-${String(i).padStart(12, '0')}`,
    Verb: ['get', 'update', 'watch', ''][i % 4],
    // Unique for its first 6,000 rows, then repeats: judged distinct early, it must read back the same.
    Pod: i < 6_000 ? `pod-${i}` : `pod-${i % 50}`,
    User: i % 9 === 0 ? null : users[i % 2],
    Latency: i % 10 === 0 ? null : i,
    Ok: i % 3 === 0,
    Took: i % 7 === 0 ? null : `00:00:0${i % 10}`,
  }));
  const read = (stored: StoredColumn, type: (typeof columns)[number]['type']) =>
    rows.map((_, index) => storedWireValueAt(stored, type, index));

  it('reads back exactly as the same rows encoded in one batch, whatever the batches they came in', () => {
    const whole = encodeColumns(rows, columns);
    const builder = new ChunkBuilder(columns, 65_536);
    for (const [from, to] of [
      [0, 1],
      [1, 700],
      [700, 3_700],
      [3_700, 4_500],
      [4_500, 9_000],
    ] as const)
      builder.add(rows, from, to);
    expect(builder.rowCount).toBe(9_000);
    const streamed = builder.finish();
    columns.forEach((column, c) => {
      expect(read(streamed[c]!, column.type), column.name).toEqual(read(whole[c]!, column.type));
    });
    const kind = (name: string) => streamed[columns.findIndex((column) => column.name === name)]!.kind;
    expect(kind('AuditId')).toBe('text');
    expect(kind('Verb')).toBe('dict');
    expect(kind('User')).toBe('dict');
  });

  it('keeps only the rows it holds: every typed array is as long as the chunk, with a buffer of its own', () => {
    const builder = new ChunkBuilder(columns, 65_536);
    builder.add(rows, 0, 5_000);
    for (const column of builder.finish()) {
      for (const array of Object.values(column)) {
        if (!ArrayBuffer.isView(array)) continue;
        expect((array as Uint8Array).length).toBe(5_000);
        expect(array.byteOffset).toBe(0);
        expect(array.buffer.byteLength).toBe(array.byteLength);
      }
    }
  });

  it('refuses rows beyond its capacity', () => {
    const builder = new ChunkBuilder(columns, 10);
    builder.add(rows, 0, 8);
    expect(() => builder.add(rows, 8, 11)).toThrow(RangeError);
    expect(builder.rowCount).toBe(8);
  });
});

describe('a stored dynamic text', () => {
  /** The wire rule the pre-check must keep: JSON.parse, or the text itself when it is not JSON. */
  function parsedOrText(text: string): unknown {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }

  it('decodes as JSON.parse-or-text does, for JSON (with spaces around it) and for any text', () => {
    const space = fc.constantFrom('', ' ', '\t', '\n', '\r\n ');
    fc.assert(
      fc.property(space, fc.json(), space, (before, json, after) => {
        const text = before + json + after;
        expect(mayBeJsonText(text)).toBe(true);
        expect(decodeDynamicText(text)).toEqual(parsedOrText(text));
      }),
    );
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(decodeDynamicText(text)).toEqual(parsedOrText(text));
      }),
    );
  });

  it('returns log lines that only start like JSON without parsing them', () => {
    for (const line of [
      '10.244.1.7 - - [07/Dec/2026:10:00:00 +0000] "GET /healthz HTTP/1.1" 200 2',
      '-1 retries left',
      'null pointer in handler',
      'true story',
      '{"level":"info"} and more',
      '[error] upstream timed out',
      '"quoted" text',
      '01',
      '1.',
      '',
      '   ',
    ]) {
      expect(mayBeJsonText(line)).toBe(false);
      expect(decodeDynamicText(line)).toBe(line);
    }
    expect(decodeDynamicText(' {"a": [1, -2.5e3, null, true]} ')).toEqual({ a: [1, -2500, null, true] });
    expect(decodeDynamicText('-0.5E+2')).toBe(-50);
    expect(decodeDynamicText('"x"')).toBe('x');
  });
});
