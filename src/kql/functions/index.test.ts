import { describe, expect, it } from 'vitest';
import { FUNCTION_FAMILIES, FUNCTIONS } from './index';

describe('function registry', () => {
  it('gives each name to one family, so no family silently replaces another', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const [family, functions] of Object.entries(FUNCTION_FAMILIES)) {
      for (const name of Object.keys(functions)) {
        const previous = owner.get(name);
        if (previous) clashes.push(`${name}: ${previous} and ${family}`);
        owner.set(name, family);
      }
    }
    expect(clashes).toEqual([]);
    expect(Object.keys(FUNCTIONS).sort()).toEqual([...owner.keys()].sort());
  });

  it('registers functions by their lower-case Kusto names', () => {
    const names = Object.keys(FUNCTIONS);
    expect(names.filter((name) => name !== name.toLowerCase())).toEqual([]);
    expect(FUNCTIONS['parse_json']).toBeTypeOf('function');
    expect(FUNCTIONS['range']).toBeTypeOf('function');
    expect(FUNCTIONS['geo_distance_2points']).toBeTypeOf('function');
  });
});
