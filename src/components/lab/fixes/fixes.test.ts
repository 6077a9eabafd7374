import { describe, expect, it } from 'vitest';
import { TABLE_DEFINITIONS } from '../../../tables';
import { caseProbe } from './caseProbe';
import { applyFix, editDistance, nameFixes } from './nameFixes';

function spanOf(text: string, word: string) {
  return { start: text.indexOf(word), length: word.length };
}

describe('nameFixes', () => {
  it('offers the column of the queried table one typo away, and the fixed text', () => {
    const text = 'SecurityAlert | where AlertNmae == "x"';
    const fixes = nameFixes({ code: 'KS142', ...spanOf(text, 'AlertNmae') }, text, TABLE_DEFINITIONS);
    expect(fixes[0]?.replacement).toBe('AlertName');
    expect(applyFix(text, fixes[0]!)).toBe('SecurityAlert | where AlertName == "x"');
  });

  it('puts a difference of case first', () => {
    const text = 'SecurityAlert | project alertname';
    const fixes = nameFixes({ code: 'KS142', ...spanOf(text, 'alertname') }, text, TABLE_DEFINITIONS);
    expect(fixes[0]?.replacement).toBe('AlertName');
  });

  it('offers tables for KS204 and nothing when no name is close', () => {
    const text = 'SecurityAlrt | take 1';
    expect(
      nameFixes({ code: 'KS204', ...spanOf(text, 'SecurityAlrt') }, text, TABLE_DEFINITIONS)[0]?.replacement,
    ).toBe('SecurityAlert');
    const far = 'SecurityAlert | where Zebra == 1';
    expect(nameFixes({ code: 'KS142', ...spanOf(far, 'Zebra') }, far, TABLE_DEFINITIONS)).toEqual([]);
  });

  it('ignores other errors', () => {
    expect(nameFixes({ code: 'KS001', start: 0, length: 3 }, 'abc', TABLE_DEFINITIONS)).toEqual([]);
  });

  it('counts a transposition as one edit', () => {
    expect(editDistance('alertnmae', 'alertname')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('caseProbe', () => {
  it('turns the string comparison with == into =~', () => {
    const text = "KubeEvents | where Reason == 'backoff' | take 5";
    const probe = caseProbe(text)!;
    expect(probe.probeText).toBe("KubeEvents | where Reason =~ 'backoff' | take 5");
    expect(applyFix(text, probe.fix)).toBe(probe.probeText);
  });

  it('leaves numeric comparisons and queries without == alone', () => {
    expect(caseProbe('KubeEvents | where Count == 3')).toBeUndefined();
    expect(caseProbe("KubeEvents | where Reason =~ 'x'")).toBeUndefined();
  });
});
