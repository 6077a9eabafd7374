import { describe, expect, it } from 'vitest';
import { formatCount, formatVirtualTime, tableOfFile } from './format';

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
});
