import { describe, expect, it } from 'vitest';
import { entitiesOf, mergeEntities } from './entities';
import { dynamicValue, kqlString, recordsOf } from './kqlSource';

describe('alert entities', () => {
  it('follows $ref links to name what an entity belongs to', () => {
    const entities = entitiesOf(
      JSON.stringify([
        { $id: '2', HostName: 'node-0', Type: 'host' },
        { $id: '3', Name: 'root', Host: { $ref: '2' }, Type: 'account' },
        { $id: '4', Address: '203.0.113.66', Type: 'ip' },
      ]),
    );
    expect(entities).toEqual([
      { key: 'host:node-0', kind: 'Host', name: 'node-0', details: [] },
      { key: 'account:root', kind: 'Account', name: 'root', details: ['Host: node-0'] },
      { key: 'ip:203.0.113.66', kind: 'IP address', name: '203.0.113.66', details: [] },
    ]);
  });

  it('reads a dynamic value as well as JSON text, and gives nothing for what it cannot read', () => {
    expect(entitiesOf([{ Name: 'shop', Type: 'K8s-namespace' }])).toHaveLength(1);
    expect(entitiesOf('not json')).toEqual([]);
    expect(entitiesOf('[{"Type":"host"}]')).toEqual([]);
    expect(entitiesOf(null)).toEqual([]);
    // A link to an entity that is not there is left out of the details, not an error.
    expect(entitiesOf([{ Name: 'root', Host: { $ref: '9' }, Type: 'account' }])[0]!.details).toEqual([]);
    // A kind the portal has no name for keeps Defender's.
    expect(entitiesOf([{ Name: 'x', Type: 'mailbox' }])[0]!.kind).toBe('mailbox');
  });

  it('lists an entity shared by several alerts once', () => {
    const a = entitiesOf([{ HostName: 'node-0', Type: 'host' }]);
    const b = entitiesOf([
      { HostName: 'node-0', Type: 'host' },
      { HostName: 'node-1', Type: 'host' },
    ]);
    expect(mergeEntities([a, b]).map((entity) => entity.name)).toEqual(['node-0', 'node-1']);
  });
});

describe('reading results', () => {
  it('keys rows by column name and quotes strings for KQL', () => {
    expect(
      recordsOf({
        columns: [
          { name: 'A', type: 'string' },
          { name: 'B', type: 'long' },
        ],
        rows: [['x', 1]],
      }),
    ).toEqual([{ A: 'x', B: 1 }]);
    expect(kqlString('a "b" \\ c')).toBe('"a \\"b\\" \\\\ c"');
    expect(dynamicValue('{"a":1}')).toEqual({ a: 1 });
    expect(dynamicValue('{broken')).toBe('{broken');
  });
});
