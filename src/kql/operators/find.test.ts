// find, from its documentation page: rows of the listed tables where the predicate holds, the source table's name in
// source_ (or the withsource column), the columns Kusto.Language computes, the others packed in pack_.
import { describe, expect, it } from 'vitest';
import { run, runError, testEngine } from '../testing/testEngine';

const engine = testEngine();

describe('find', () => {
  it('returns the matching rows of every table with the source, the common columns and pack_', () => {
    const result = run(engine, 'find in (Events, Users) where User == "alice"');
    expect(result.columns).toEqual(['source_', 'User', 'pack_']);
    expect(result.rows).toHaveLength(4);
    expect(result.rows.filter((r) => r[0] === 'Users')).toEqual([
      ['Users', 'alice', { Dept: 'IT' }],
      ['Users', 'alice', { Dept: 'Security' }],
    ]);
    const event = result.rows.find((r) => r[0] === 'Events')!;
    expect(event[2]).toMatchObject({ Action: 'Login failed', Bytes: 100 });
  });

  it('names the source column as withsource says, and skips a table lacking the predicate column', () => {
    const result = run(engine, 'find withsource=Table in (Events, Users) where Bytes > 200');
    expect(result.columns[0]).toBe('Table');
    expect(result.rows.map((r) => r[0])).toEqual(['Events', 'Events']);
  });

  it('says what it does not support', () => {
    expect(runError(engine, 'find where User == "alice"').code).toBe('KQL_UNSUPPORTED');
  });
});
