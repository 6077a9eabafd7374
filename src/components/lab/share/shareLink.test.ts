import { describe, expect, it } from 'vitest';
import { parseShareLinkHash, shareLinkHash, shareLinkUrl } from './shareLink';

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
