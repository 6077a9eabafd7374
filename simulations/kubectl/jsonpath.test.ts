import { describe, expect, it } from 'vitest';
import { JsonPathError, jsonPath } from './jsonpath';

const list = {
  kind: 'List',
  items: [
    {
      metadata: { name: 'a' },
      spec: { hostPID: true, containers: [{ name: 'x', securityContext: { privileged: true } }] },
    },
    { metadata: { name: 'b' }, spec: { containers: [{ name: 'y' }, { name: 'z' }] } },
  ],
};

describe('-o jsonpath', () => {
  it('fields, wildcards, indexes, literals and range loops', () => {
    expect(jsonPath('{.items[*].metadata.name}', list)).toBe('a b');
    expect(jsonPath('{.items[0].spec.containers[0].securityContext}', list)).toBe('{"privileged":true}');
    expect(jsonPath('{.items[-1].spec.containers[*].name}', list)).toBe('y z');
    expect(jsonPath('{range .items[*]}{.metadata.name}{"\\t"}{.spec.hostPID}{"\\n"}{end}', list)).toBe(
      'a\ttrue\nb\t\n',
    );
    expect(jsonPath('names: {.items[*].metadata.name}', list)).toBe('names: a b');
  });

  it('refuses what it cannot read', () => {
    expect(() => jsonPath('{.items[5].metadata}', list)).toThrow(JsonPathError);
    expect(() => jsonPath('{.items[*]', list)).toThrow(JsonPathError);
    expect(() => jsonPath('{end}', list)).toThrow(JsonPathError);
  });
});
