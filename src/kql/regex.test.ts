// Kusto's regexes are RE2: linear time, RE2 syntax, RE2's errors (issue 16, item 1).
import { describe, expect, it } from 'vitest';
import { compileRegex, RegexSyntaxError } from './regex';
import { run, runError, testEngine } from './testing/testEngine';

const engine = testEngine();
const value = (expression: string) => run(engine, `print r = ${expression}`).rows[0]![0];

describe('regular expressions (RE2)', () => {
  it('a catastrophic-backtracking pattern answers at once, in every regex function and operator', () => {
    const aaa = 'a'.repeat(5000) + '!';
    const queries = [
      `print s = "${aaa}" | where s matches regex "(a+)+$"`,
      `print r = extract("(a+)+$", 0, "${aaa}")`,
      `print r = extract_all("((a+)+)$", "${aaa}")`,
      `print r = replace_regex("${aaa}", "(a|aa)+$", "x")`,
      `print r = countof("${aaa}", "(a+)+$", "regex")`,
      `print r = trim_end("(a+)+b", "${aaa}")`,
      `print s = "${aaa}" | parse kind=regex s with x:string "(a+)+$"`,
    ];
    // A backtracking engine never returns from these (one row cannot be interrupted): the test's timeout fails it.
    for (const query of queries) expect(engine.query(query).ok, query).toBe(true);
  });

  it('speaks RE2: named groups (?P<n>), inline flags, Unicode classes, POSIX classes', () => {
    expect(value('extract("(?P<user>[a-z]+)@", 1, "mail alice@contoso")')).toBe('alice');
    expect(value('"ABC" matches regex "(?i)abc"')).toBe(true);
    expect(value('extract(@"\\pL+", 0, "12 Zoë 3")')).toBe('Zoë');
    expect(value('extract("[[:digit:]]+", 0, "ab 42")')).toBe('42');
  });

  it('rejects look-around and back-references with RE2’s message, positioned at the call', () => {
    const lookahead = runError(engine, 'print r = extract("a(?=b)", 0, "ab")');
    expect(lookahead.code).toBe('KQL_REGEX');
    expect(lookahead.message).toContain('invalid or unsupported Perl syntax');
    expect(lookahead.start).toBe('print r = '.length);
    const unclosed = runError(engine, 'print s = "x" | where s matches regex "(a"');
    expect(unclosed.code).toBe('KQL_REGEX');
    expect(unclosed.message).toContain('missing closing )');
    const parse = runError(engine, 'print s = "x" | parse kind=regex s with "(" x:string');
    expect(parse.code).toBe('KQL_REGEX');
  });

  it('rewrites with \\0…\\9 and keeps $ literal; empty matches follow RE2', () => {
    expect(value('replace_regex("a1b22", @"(\\d+)", @"<\\1$1>")')).toBe('a<1$1>b<22$1>');
    expect(value('replace_regex("baaac", "a*", "-")')).toBe('-b-c-');
    expect(compileRegex('x*').replaceAll('abc', '-')).toBe('-a-b-c-');
    expect(value('trim("[-_]", "--a_b__")')).toBe('a_b');
    expect(value('countof("abcabc", "b.", "regex")')).toBe(2);
  });

  it('reports a syntax error as RegexSyntaxError', () => {
    expect(() => compileRegex('(')).toThrow(RegexSyntaxError);
  });
});
