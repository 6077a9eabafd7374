import type { TableDefinition } from '../tables/index';

/** A table with one column of every Kusto type, for round-trip tests of the store. */
export const ALL_TYPES_TABLE: TableDefinition = {
  name: 'AllTypes',
  description: 'Test table: one column of each Kusto type.',
  columns: [
    { name: 'TimeGenerated', type: 'datetime', description: 'time' },
    { name: 'Text', type: 'string', description: 'string' },
    { name: 'Count', type: 'long', description: 'long' },
    { name: 'Small', type: 'int', description: 'int' },
    { name: 'Ratio', type: 'real', description: 'real' },
    { name: 'Money', type: 'decimal', description: 'decimal' },
    { name: 'Flag', type: 'bool', description: 'bool' },
    { name: 'Duration', type: 'timespan', description: 'timespan' },
    { name: 'Id', type: 'guid', description: 'guid' },
    { name: 'Bag', type: 'dynamic', description: 'dynamic' },
  ],
};

/** Wire rows covering ordinary values, nulls, missing keys and the edges of each type. */
export const ALL_TYPES_ROWS: Record<string, unknown>[] = [
  {
    TimeGenerated: '2026-11-26T10:00:00.123Z',
    Text: 'hello',
    Count: 9007199254740991,
    Small: -42,
    Ratio: 0.1,
    Money: '12.5',
    Flag: true,
    Duration: '1.02:03:04.5000000',
    Id: '6f1c2c1e-8a4b-4d7a-9a3e-2b1f0c9d8e7f',
    Bag: { labels: { app: 'web' }, list: [1, 'two', null] },
  },
  {
    TimeGenerated: '2026-11-26T10:00:00.1234567Z',
    Text: '',
    Count: 0,
    Small: 0,
    Ratio: 'NaN',
    Money: 0,
    Flag: false,
    Duration: '-00:00:00.0000001',
    Id: null,
    Bag: [],
  },
  {
    TimeGenerated: '1969-12-31T23:59:59.9999999Z',
    Text: 'ünïcødé ✓ "quoted" \n newline',
    Count: -1,
    Small: 2147483647,
    Ratio: 'Infinity',
    Flag: null,
    Duration: '00:00:00',
    Bag: 'plain text',
  },
  { Text: null, Ratio: '-Infinity', Bag: null },
  {
    TimeGenerated: '2026-11-26T10:00:00+02:00',
    Text: 'tz offset',
    Ratio: -0.5,
    Bag: '{"json":"in a string"}',
  },
  { TimeGenerated: 'not a date', Count: 'not a number', Flag: 'true', Duration: 'nonsense', Bag: 42 },
];
