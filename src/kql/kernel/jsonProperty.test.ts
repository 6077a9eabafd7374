// The flat reading of `parse_json(Text).Key` must give what JSON.parse and the property access give, and must say
// "not flat" (so that the general path answers) for every text it cannot read exactly: invalid JSON, escapes, nesting.
import { describe, expect, it } from 'vitest';
import { Random } from '../../shared/random';
import { createKqlEngine } from '../engine';
import { flatJsonProperty, isFlatReadableKey, NOT_FLAT } from './jsonProperty';

/** What parse_json followed by `.key` gives for a text that JSON.parse takes as an object. */
function parsedProperty(text: string, key: string): unknown {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return NOT_FLAT;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return NOT_FLAT;
  return Object.hasOwn(parsed, key) ? (parsed as Record<string, unknown>)[key] : null;
}

/** The flat reading either agrees with JSON.parse or declines; it never gives another answer. */
function expectAgrees(text: string, key: string): unknown {
  const flat = flatJsonProperty(text, key);
  if (flat !== NOT_FLAT) expect(flat, `${key} of ${text}`).toStrictEqual(parsedProperty(text, key));
  return flat;
}

describe('flatJsonProperty', () => {
  it('reads every kind of plain member of a flat object', () => {
    const text =
      '{"Pod name":"api-7f9c","Namespace":"payments","Count":42,"Ratio":-1.5e-3,"Zero":-0,"On":true,"Off":false,"None":null,"Empty":""}';
    expect(flatJsonProperty(text, 'Pod name')).toBe('api-7f9c');
    expect(flatJsonProperty(text, 'Namespace')).toBe('payments');
    expect(flatJsonProperty(text, 'Count')).toBe(42);
    expect(flatJsonProperty(text, 'Ratio')).toBe(-0.0015);
    expect(Object.is(flatJsonProperty(text, 'Zero'), -0)).toBe(true);
    expect(flatJsonProperty(text, 'On')).toBe(true);
    expect(flatJsonProperty(text, 'Off')).toBe(false);
    expect(flatJsonProperty(text, 'None')).toBeNull();
    expect(flatJsonProperty(text, 'Empty')).toBe('');
    expect(flatJsonProperty(text, 'Absent')).toBeNull();
    expect(flatJsonProperty(text, 'namespace')).toBeNull();
  });

  it('takes the last of repeated members, as JSON.parse does, and never a value equal to the key', () => {
    expect(flatJsonProperty('{"k":"first","x":1,"k":"last"}', 'k')).toBe('last');
    expect(flatJsonProperty('{"k":"first","x":"k"}', 'k')).toBe('first');
    expect(flatJsonProperty('{"x":"k","y":"k" }', 'k')).toBeNull();
    expect(flatJsonProperty('{"k":"k"}', 'k')).toBe('k');
    expect(flatJsonProperty('{"":"empty key","a":""}', '')).toBe('empty key');
  });

  it("takes JSON's whitespace anywhere between tokens, and only JSON's", () => {
    expect(flatJsonProperty(' \t\n\r{ "k" \n:\t"v" \r, "n" : 1 } \n', 'k')).toBe('v');
    expect(flatJsonProperty(' \t\n\r{ "k" \n:\t"v" \r, "n" : 1 } \n', 'n')).toBe(1);
    expect(flatJsonProperty('{ }', 'k')).toBeNull();
    expect(flatJsonProperty('\u00a0{"k":"v"}', 'k')).toBe(NOT_FLAT);
    expect(flatJsonProperty('\ufeff{"k":"v"}', 'k')).toBe(NOT_FLAT);
  });

  it('declines nesting, escapes and anything that is not an object, which the general path reads', () => {
    for (const text of [
      '{"k":{"a":1}}',
      '{"k":[1,2]}',
      '{"a":{"k":"inner"},"k":"outer"}',
      '{"k":"a\\"b"}',
      '{"k":"\\u0041"}',
      '{"k\\u0041":"v"}',
      '["k","v"]',
      '"{\\"k\\":1}"',
      '42',
      'null',
      '',
    ]) {
      expect(expectAgrees(text, 'k'), text).toBe(NOT_FLAT);
    }
  });

  it('declines every text that is not JSON', () => {
    for (const text of [
      '{"k":"v",}',
      "{'k':'v'}",
      '{k:"v"}',
      '{"k":"v"',
      '{"k":"v"}}',
      '{"k":"v"} x',
      '{"k" "v"}',
      '{"k":"v" "n":1}',
      '{"k":01}',
      '{"k":.5}',
      '{"k":1.}',
      '{"k":+1}',
      '{"k":1e}',
      '{"k":-}',
      '{"k":0x10}',
      '{"k":NaN}',
      '{"k":Infinity}',
      '{"k":True}',
      '{"k":nul}',
      '{"k":undefined}',
      '{"k":"tab\there"}',
      '{"k":"line\nbreak"}',
      '{"k":"v",,"n":1}',
      '{,}',
      '{"k"}',
    ]) {
      expect(() => JSON.parse(text), text).toThrow();
      expect(flatJsonProperty(text, 'k'), text).toBe(NOT_FLAT);
    }
  });

  it('agrees with JSON.parse on generated flat objects (read flat) and on their mutations (read or declined)', () => {
    const random = new Random('flat-json');
    const keys = ['k', 'Pod name', 'Namespace', 'k2', ' ', 'é', 'a{b', 'x]'];
    const plainValue = () =>
      random.pick([
        () => JSON.stringify(random.pick(keys)),
        () => JSON.stringify(random.hex(random.int(0, 12))),
        () => String(random.int(-1_000, 1_000)),
        () => `${random.int(-9, 9)}.${random.int(0, 99)}e${random.int(-30, 30)}`,
        () => random.pick(['true', 'false', 'null', '-0', '0', '1E+2']),
      ])();
    const space = () => random.pick(['', '', ' ', '\n', '\t ', '\r\n']);
    const pieces = ['"', ',', ':', '{', '}', '[', ']', '\\', '0', '-', '.', 'e', 'true', 'x', ' ', '\u0001'];
    let readFlat = 0;
    for (let round = 0; round < 2_000; round++) {
      const members = Array.from(
        { length: random.int(0, 6) },
        () => `${space()}${JSON.stringify(random.pick(keys))}${space()}:${space()}${plainValue()}${space()}`,
      );
      const text = `${space()}{${members.join(',')}${members.length === 0 ? space() : ''}}${space()}`;
      for (const key of keys) {
        expect(flatJsonProperty(text, key), text).not.toBe(NOT_FLAT);
        expectAgrees(text, key);
      }
      readFlat++;
      // A mutation: a piece inserted, removed or replaced somewhere.
      const at = random.int(0, text.length);
      const mutated = random.pick([
        () => text.slice(0, at) + random.pick(pieces) + text.slice(at),
        () => text.slice(0, at) + text.slice(at + 1),
        () => text.slice(0, at) + random.pick(pieces) + text.slice(at + 1),
      ])();
      for (const key of keys) expectAgrees(mutated, key);
    }
    expect(readFlat).toBe(2_000);
  });

  it('reads only keys that can be found by their quoted text', () => {
    expect(isFlatReadableKey('Pod name')).toBe(true);
    expect(isFlatReadableKey('')).toBe(true);
    for (const key of ['a:b', 'a,b', 'a"b', 'a\\b', 'a\nb']) expect(isFlatReadableKey(key), key).toBe(false);
  });

  it('declines a text too long for the matcher instead of failing', () => {
    const members = Array.from({ length: 600_000 }, (_, i) => `"k${i}":${i}`);
    const text = `{${members.join(',')}}`;
    const flat = flatJsonProperty(text, 'k1');
    expect(flat === NOT_FLAT || flat === 1).toBe(true);
  });
});

describe('parse_json(Text).Key in queries', () => {
  const texts = [
    '{"Namespace":"payments","Pod name":"api-1","Count":3}',
    '{"Namespace":"default","Pod name":"web-2","Count":-0.5,"Extra":{"deep":true}}',
    '{"Namespace":"a\\"quoted\\"","Pod name":"db-3"}',
    'not json at all',
    '{"Pod name":"cache-4"}',
    '{"Namespace":null,"Pod name":"x","Namespace":"last"}',
    '["Namespace","array"]',
    '',
  ];
  const engine = createKqlEngine({
    tables: [
      {
        name: 'Alerts',
        columns: [
          { name: 'Row', type: 'long' },
          { name: 'Props', type: 'string' },
          { name: 'Coded', type: 'string' },
        ],
      },
    ],
  });
  // Three times over: a dictionary column with fewer texts than half its rows is read once per text.
  const rows = texts.length * 3;
  engine.loadColumns('Alerts', rows, {
    Row: { values: Array.from({ length: rows }, (_, i) => i) },
    Props: { values: [...texts, ...texts, ...texts] },
    Coded: { dictionary: texts, codes: Int32Array.from({ length: rows }, (_, i) => i % texts.length) },
  });
  const column = (query: string) => {
    const outcome = engine.query(query);
    if (!outcome.ok) throw new Error(`${outcome.code}: ${outcome.message}`);
    return outcome.rows().map((row) => row[0]);
  };
  const thrice = (values: unknown[]) => [...values, ...values, ...values];

  it('gives what the general reading gives for flat, nested, escaped and invalid texts', () => {
    const expected = ['payments', 'default', 'a"quoted"', '', '', 'last', '', ''];
    expect(column('Alerts | project tostring(parse_json(Props).Namespace)')).toEqual(thrice(expected));
    expect(column('Alerts | project tostring(todynamic(Props)["Namespace"])')).toEqual(thrice(expected));
    expect(column('Alerts | project tostring(parse_json(Coded).Namespace)')).toEqual(thrice(expected));
    expect(column('Alerts | project parse_json(Props).Count')).toEqual(
      thrice([3, -0.5, null, null, null, null, null, null]),
    );
    const pods = ['api-1', 'web-2', 'db-3', null, 'cache-4', 'x', null, null];
    expect(column('Alerts | project parse_json(Props)["Pod name"]')).toEqual(thrice(pods));
    expect(column('Alerts | project parse_json(Coded)["Pod name"]')).toEqual(thrice(pods));
  });

  it('groups and joins on the values it reads', () => {
    const outcome = engine.query(
      'Alerts | extend Pod = tostring(parse_json(Props)["Pod name"]) | where isnotempty(Pod) | summarize n = count() by Pod | order by Pod asc',
    );
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.rows()).toEqual([
      ['api-1', 3],
      ['cache-4', 3],
      ['db-3', 3],
      ['web-2', 3],
      ['x', 3],
    ]);
  });
});
