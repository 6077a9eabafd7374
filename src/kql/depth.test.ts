// No recursion limit is reachable from input (issue 16, item 3): deep dynamic values, deep parentheses and long let
// chains answer a result or a positioned error, never a stack overflow.
import { describe, expect, it } from 'vitest';
import { testEngine } from './testing/testEngine';

const engine = testEngine();

describe('deep input', () => {
  it('a chain of 3,000 lets is a positioned KQL_LIMIT inside the chain, not KQL_INTERNAL at 1:1', () => {
    let query = 'let v0 = 1;\n';
    for (let i = 1; i < 3000; i++) query += `let v${i} = v${i - 1} + 1;\n`;
    query += 'print v2999';
    const outcome = engine.query(query);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.code).toBe('KQL_LIMIT');
    expect(outcome.message).toContain('nests more than 1,000 levels');
    expect(outcome.length).toBeGreaterThan(0);
    expect(outcome.line).toBeGreaterThan(1);
  }, 120_000);

  it('a chain of 300 lets still answers', () => {
    let query = 'let v0 = 1;\n';
    for (let i = 1; i < 300; i++) query += `let v${i} = v${i - 1} + 1;\n`;
    const outcome = engine.query(query + 'print v299');
    expect(outcome.ok && outcome.rows()).toEqual([[300]]);
  }, 60_000);

  it('JSON nested 10,000 levels deep is refused by parse_json at the call; 500 levels answer', () => {
    const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
    const query = `print j = parse_json("${deep(10_000)}")`;
    const outcome = engine.query(query);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.code).toBe('KQL_LIMIT');
    expect(outcome.start).toBe('print j = '.length);
    const fine = engine.query(`print j = parse_json("${deep(500)}") | extend t = tostring(j) | where j == j`);
    expect(fine.ok && fine.rowCount).toBe(1);
    expect(fine.ok && JSON.stringify(fine.rows()).length).toBeGreaterThan(1000);
  });

  it('a value nested deeper by the query itself (scan) ends in a positioned error, not an overflow', () => {
    const query =
      'range x from 1 to 20000 step 1 | scan declare (s: dynamic = dynamic([])) with (step a: true => s = pack_array(a.s);) | project s | take 1 | extend t = tostring(s)';
    const outcome = engine.query(query);
    if (outcome.ok) expect(() => outcome.rows()).not.toThrow();
    else expect(['KQL_LIMIT', 'KQL_UNSUPPORTED']).toContain(outcome.code);
  });
});
