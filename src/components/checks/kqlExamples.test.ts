import { describe, expect, it } from 'vitest';
import { kqlExamples } from './kqlExamples';

describe('kqlExamples', () => {
  it('returns the kql blocks in order, without other languages', () => {
    const markdown = [
      'Intro',
      '```kql',
      'SecurityAlert',
      '| take 1',
      '```',
      '```text',
      'SecurityAlert | broken',
      '```',
      '```kql title="second"',
      'AKSAudit | count',
      '```',
    ].join('\n');
    expect(kqlExamples(markdown)).toEqual(['SecurityAlert\n| take 1', 'AKSAudit | count']);
  });
});
