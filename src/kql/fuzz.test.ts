// Fuzz: thousands of generated and mutated queries; the engine must answer each with a result or a positioned error,
// never throw and never hang.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { run, testEngine } from './testing/testEngine';

const engine = testEngine();

const SEEDS = [
  'Events | where Bytes > 100 | summarize count() by User',
  'Events | extend d = bin(TimeGenerated, 1h) | top 2 by d',
  'Events | project User, Props.ip | join kind=leftouter (Users) on User',
  'print x = dynamic([1, 2, 3]) | mv-expand x | summarize sum(toint(x))',
  'Events | where Action has "login" or Action contains "file" | order by Bytes asc',
  'let t = Users | where Dept != ""; t | union Events | count',
  'range i from 1 to 20 step 2 | extend s = strcat("a", i) | parse s with "a" n:long',
  'datatable(a:string, b:long)["x", 1, "y", 2] | summarize make_list(b) by a | mv-expand list_b',
  'datatable(s:string, t:string, w:long)["a", "b", 1, "b", "c", 2] | make-graph s --> t with_node_id=n | graph-match (x)-[e*1..3]->(y) where x.n == "a" project y.n, map(e, w)',
];

const PIECES = [
  ' | ',
  'where',
  'project',
  'extend',
  'summarize',
  'by',
  '(',
  ')',
  '"',
  ',',
  '=',
  '==',
  'has',
  '1h',
  '[',
  ']',
  ';',
  'let',
  '.',
  '*',
  '-',
  'null',
  'dynamic(',
  '$left',
  'join',
];

function assertAnswered(query: string): void {
  const started = Date.now();
  let outcome;
  try {
    outcome = engine.query(query, { timeoutMs: 2_000 });
  } catch (error) {
    throw new Error(`threw on ${JSON.stringify(query)}: ${(error as Error).message}`, { cause: error });
  }
  // A hang, not a slow machine: Kusto.Language warms some paths lazily (a control command takes ~1.5 s the first time).
  expect(Date.now() - started, query).toBeLessThan(20_000);
  if (!outcome.ok) {
    expect(outcome.code, query).not.toBe('KQL_INTERNAL');
    expect(outcome.line, query).toBeGreaterThanOrEqual(1);
    expect(outcome.start, query).toBeGreaterThanOrEqual(0);
  }
}

describe('fuzz', () => {
  it('the seed queries run', () => {
    for (const seed of SEEDS) expect(() => run(engine, seed)).not.toThrow();
  });

  it('mutated corpus queries never crash or hang', { timeout: 240_000 }, () => {
    const mutation = fc.record({
      seed: fc.constantFrom(...SEEDS),
      position: fc.nat(),
      cut: fc.nat({ max: 8 }),
      insert: fc.constantFrom(...PIECES),
    });
    fc.assert(
      fc.property(mutation, ({ seed, position, cut, insert }) => {
        const at = position % (seed.length + 1);
        assertAnswered(seed.slice(0, at) + insert + seed.slice(at + cut));
      }),
      { numRuns: 1000, seed: 42 },
    );
  });

  it('generated scalar expressions over every type never crash', { timeout: 240_000 }, () => {
    const atom = fc.constantFrom(
      '1',
      '2.5',
      '"ab"',
      'true',
      'datetime(2024-01-01)',
      '1h',
      'dynamic([1,"x"])',
      'long(null)',
      'Bytes',
      'User',
      'Props',
      'TimeGenerated',
    );
    const operator = fc.constantFrom(
      '+',
      '-',
      '*',
      '/',
      '%',
      '==',
      '!=',
      '<',
      '>=',
      'has',
      'contains',
      'and',
      'or',
      '=~',
    );
    const fn = fc.constantFrom(
      'tostring',
      'toint',
      'strlen',
      'isnull',
      'isempty',
      'array_length',
      'todatetime',
      'bin',
      'round',
      'tolower',
    );
    const expression = fc.tuple(atom, operator, atom, fn).map(([a, op, b, f]) => `${f}(${a}) ${op} ${b}`);
    fc.assert(
      fc.property(expression, (text) =>
        assertAnswered(`Events | extend r = ${text} | summarize count() by tostring(r)`),
      ),
      { numRuns: 1000, seed: 7 },
    );
  });
});
