import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../shared/random';
import { longGenerationQuestion, parseShareLinkHash, shareLinkHash, shareLinkUrl } from './shareLink';

describe('share links', () => {
  const shared = {
    query: 'SecurityAlert\n| where AlertName has "privileged"\n| summarize count() by bin(TimeGenerated, 1h)',
    scenarioId: 'privileged-pod',
    seed: 42,
  };

  it('round-trips query, scenario and seed through the fragment', () => {
    const parsed = parseShareLinkHash(shareLinkHash(shared));
    expect(parsed).toEqual({ ok: true, shared });
    const url = new URL(shareLinkUrl('http://127.0.0.1:4321/lab/', shared));
    expect(url.pathname).toBe('/lab/');
    expect(parseShareLinkHash(url.hash)).toEqual({ ok: true, shared });
  });

  it('carries the simulated days when given', () => {
    const withDays = { ...shared, days: 3 };
    expect(parseShareLinkHash(shareLinkHash(withDays))).toEqual({ ok: true, shared: withDays });
    expect(parseShareLinkHash(shareLinkHash(withDays).replace('days=3', 'days=99'))).toMatchObject({
      ok: false,
    });
  });

  it('keeps unicode and symbols in the query', () => {
    const odd = { ...shared, query: "print x = 'é ✓ + & # % $'" };
    expect(parseShareLinkHash(shareLinkHash(odd))).toEqual({ ok: true, shared: odd });
  });

  it('says what is wrong with a damaged link', () => {
    expect(parseShareLinkHash('')).toEqual({ ok: 'none' });
    expect(parseShareLinkHash('#other=1')).toEqual({ ok: 'none' });
    const noSeed = shareLinkHash(shared).replace(/&seed=42/, '&seed=abc');
    expect(parseShareLinkHash(noSeed)).toMatchObject({ ok: false, reason: expect.stringContaining('seed') });
    const badScenario = shareLinkHash(shared).replace('privileged-pod', '%3Cscript%3E');
    expect(parseShareLinkHash(badScenario)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('scenario'),
    });
    expect(parseShareLinkHash('#q=%%%&scenario=a&seed=1')).toMatchObject({ ok: false });
  });
});

describe('share links from anywhere (issue 16, item 5)', () => {
  it('a tampered query that lz-string cannot read is a damaged link, not an exception', () => {
    expect(parseShareLinkHash('#q=zz&scenario=share&seed=1')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('damaged'),
    });
  });

  it('1,000 random and mutated fragments each give a result or a reason, never an exception', () => {
    const random = seededRandom(16);
    const alphabet = 'AZaz09+-$ %&=#?/\\<>"\'\u0000\u2028é😀qseedscenariodays';
    const pick = (text: string) => text[Math.floor(random() * text.length)]!;
    const valid = shareLinkHash({ query: 'SecurityAlert | take 10', scenarioId: 'p', seed: 1, days: 2 });
    for (let i = 0; i < 1000; i++) {
      let fragment: string;
      if (i % 3 === 0) {
        fragment = Array.from({ length: Math.floor(random() * 80) }, () => pick(alphabet)).join('');
      } else {
        const chars = [...valid];
        for (let k = 0; k < 1 + Math.floor(random() * 4); k++) {
          chars[Math.floor(random() * chars.length)] = pick(alphabet);
        }
        fragment = chars.join('');
      }
      const parsed = parseShareLinkHash(fragment);
      if (parsed.ok === false) expect(parsed.reason.length).toBeGreaterThan(10);
      if (parsed.ok === true) {
        expect(typeof parsed.shared.query).toBe('string');
        expect(parsed.shared.seed).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('a link asking for more than the default days gets a question first', () => {
    const long = { query: 'print 1', scenarioId: 'p', seed: 1, days: 30 };
    expect(longGenerationQuestion(long, 7)).toContain('30-day');
    expect(longGenerationQuestion({ ...long, days: 7 }, 7)).toBeUndefined();
    expect(longGenerationQuestion({ query: 'print 1', scenarioId: 'p', seed: 1 }, 7)).toBeUndefined();
  });
});
