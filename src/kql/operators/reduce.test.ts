// Golden tests for `reduce`, worked out from Kusto's reduce operator documentation (its examples and the SLCT
// clustering it names): a term is frequent, and a pattern a group, when more than `threshold` of the rows hold it.
import { describe, expect, it } from 'vitest';
import { createKqlEngine } from '../engine';
import { run, runError } from '../testing/testEngine';
import { terms } from './reduce';

const engine = createKqlEngine({ tables: [] });

const cities = `datatable(s: string) ["San Bernard", "San Jose", "San Diego", "Saint Lucy", "Saint Paul",
  "One -on- One", "Two -on- Two", "Paris", "Paris", "Moscow"]`;

describe('reduce', () => {
  it('groups values by pattern with a count and the first value as representative; the rest is others', () => {
    const result = run(engine, `${cities} | reduce by s`);
    expect(result.columns).toEqual(['Pattern', 'Count', 'Representative']);
    expect(result.types).toEqual(['string', 'long', 'string']);
    expect(result.rows).toEqual([
      ['San *', 3, 'San Bernard'],
      ['Saint *', 2, 'Saint Lucy'],
      ['* -on- *', 2, 'One -on- One'],
      ['Paris', 2, 'Paris'],
      ['others', 1, ''],
    ]);
  });

  it('a higher threshold needs more rows per term and per group', () => {
    // Threshold 0.25 of 10 rows: only San (3 rows) is held by more than 2.5 rows.
    expect(run(engine, `${cities} | reduce by s with threshold=0.25`).rows).toEqual([
      ['San *', 3, 'San Bernard'],
      ['others', 7, ''],
    ]);
  });

  it('characters chooses the separators: a separator begins a new term', () => {
    const query = 'range x from 1 to 10 step 1 | project s = strcat("foo", "Z", tostring(x))';
    expect(run(engine, `${query} | reduce by s`).rows).toEqual([['others', 10, '']]);
    expect(run(engine, `${query} | reduce by s with characters="Z"`).rows).toEqual([['foo*', 10, 'fooZ1']]);
  });

  it('cuts terms at whitespace (kept) and before separator characters', () => {
    expect(terms('One -on- One', (c) => c === '-')).toEqual([
      { space: '', term: 'One' },
      { space: ' ', term: '-on' },
      { space: '', term: '-' },
      { space: ' ', term: 'One' },
    ]);
  });

  it('kind=source is refused rather than guessed', () => {
    expect(runError(engine, `${cities} | reduce kind=source by s`).code).toBe('KQL_UNSUPPORTED');
  });
});
