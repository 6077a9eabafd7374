// tostring() of a dynamic column keeps the texts of the column it read: every run, and every form of the column
// (whole, filtered), must give the texts Kusto gives.
import { describe, expect, it } from 'vitest';
import { createKqlEngine } from '../engine';

const MESSAGES = [
  { level: 'error', text: 'disk full' },
  'plain error text',
  42,
  null,
  [1, 'two'],
  { nested: { a: true } },
];

function engine() {
  const kql = createKqlEngine({
    tables: [
      {
        name: 'Logs',
        columns: [
          { name: 'Pod', type: 'string' },
          { name: 'Message', type: 'dynamic' },
        ],
      },
    ],
  });
  kql.loadColumns('Logs', MESSAGES.length, {
    Pod: { values: MESSAGES.map((_, index) => `pod-${index % 2}`) },
    Message: { json: MESSAGES.map((message) => (message === null ? '' : JSON.stringify(message))) },
  });
  return kql;
}

function rows(kql: ReturnType<typeof engine>, query: string) {
  const outcome = kql.query(query);
  if (!outcome.ok) throw new Error(`${outcome.code} ${outcome.message}`);
  return outcome.rows();
}

describe('tostring() of a dynamic column', () => {
  it('gives the JSON text of objects and arrays, the text of strings and numbers, "" for null', () => {
    expect(rows(engine(), 'Logs | project Text = tostring(Message)')).toEqual([
      ['{"level":"error","text":"disk full"}'],
      ['plain error text'],
      ['42'],
      [''],
      ['[1,"two"]'],
      ['{"nested":{"a":true}}'],
    ]);
  });

  it('gives the same texts on every run, filtered or not', () => {
    const kql = engine();
    const query = 'Logs | where tostring(Message) has "error" | summarize count() by Pod | order by Pod asc';
    const first = rows(kql, query);
    expect(first).toEqual([
      ['pod-0', 1],
      ['pod-1', 1],
    ]);
    expect(rows(kql, query)).toEqual(first);
    expect(rows(kql, 'Logs | where Pod == "pod-0" | project tostring(Message)')).toEqual([
      ['{"level":"error","text":"disk full"}'],
      ['42'],
      ['[1,"two"]'],
    ]);
  });

  it('reads a table loaded again, not the texts of the one it replaced', () => {
    const kql = engine();
    rows(kql, 'Logs | project tostring(Message)');
    kql.loadColumns('Logs', 1, { Pod: { values: ['pod-9'] }, Message: { json: ['{"b":2}'] } });
    expect(rows(kql, 'Logs | project tostring(Message)')).toEqual([['{"b":2}']]);
  });
});
