import { describe, expect, it } from 'vitest';
import { formatCount, formatVirtualTime, parseManifest, tableOfFile } from './format';

describe('datasets page formatting', () => {
  it('prints virtual times in UTC to the second', () => {
    expect(formatVirtualTime(Date.UTC(2026, 10, 26, 10, 5, 7, 123))).toBe('2026-11-26 10:05:07 UTC');
    expect(formatVirtualTime(undefined)).toBe('—');
  });
  it('groups thousands', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
  });
  it('takes the table from an NDJSON file name', () => {
    expect(tableOfFile('AKSAudit.ndjson')).toBe('AKSAudit');
    expect(tableOfFile('KubeEvents.jsonl')).toBe('KubeEvents');
    expect(tableOfFile('notes.txt')).toBeUndefined();
  });

  it('reads the simulation manifest and names what is wrong with a bad one', () => {
    const manifest = {
      scenario: 'docker-sock-escape',
      seed: 11,
      days: 3,
      virtualStart: '2026-03-02T00:00:00.000Z',
      virtualEnd: '2026-03-05T00:00:00.000Z',
      virtualNow: '2026-03-05T00:00:00.000Z',
    };
    expect(parseManifest(JSON.stringify(manifest))).toMatchObject(manifest);
    expect(() => parseManifest('{"scenario": "x", "seed": "eleven"}')).toThrow(
      /missing or wrong seed \(whole number\), days \(whole number\), virtualStart/,
    );
    expect(() => parseManifest('{oops')).toThrow(/manifest.json is not valid JSON/);
  });
});
