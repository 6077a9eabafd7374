import { describe, expect, it } from 'vitest';
import { answerFromResult, answerMatches, normalizeAnswer } from './answers';

describe('answerFromResult', () => {
  const columns = [{ name: 'Pod' }];
  it('reads the first column of the single row', () => {
    expect(answerFromResult({ rowCount: 1, columns, rows: [['default/sys-diag']] })).toEqual({
      ok: true,
      value: 'default/sys-diag',
    });
    expect(answerFromResult({ rowCount: 1, columns, rows: [[443]] })).toEqual({ ok: true, value: '443' });
  });
  it('refuses no rows, several rows and an empty cell, saying which', () => {
    expect(answerFromResult({ rowCount: 0, columns, rows: [] })).toEqual({
      ok: false,
      reason: 'the query returned 0 rows where one answer needs exactly one',
    });
    expect(answerFromResult({ rowCount: 2, columns, rows: [['a'], ['b']] }).ok).toBe(false);
    expect(answerFromResult({ rowCount: 1, columns, rows: [['']] })).toEqual({
      ok: false,
      reason: 'the answer column Pod is empty',
    });
    expect(answerFromResult({ rowCount: 1, columns: [], rows: [[]] }).ok).toBe(false);
  });
});

describe('answerMatches', () => {
  it('ignores case, quotes and spaces', () => {
    expect(normalizeAnswer('  "J.Doe@Contoso.com" ')).toBe('j.doe@contoso.com');
    expect(answerMatches("'203.0.113.66'", ['203.0.113.66'])).toBe(true);
    expect(answerMatches('Kube System', ['kube  system'])).toBe(true);
  });
  it('accepts name for namespace/name, but not the namespace alone', () => {
    expect(answerMatches('sys-diag', ['default/sys-diag'])).toBe(true);
    expect(answerMatches('default/sys-diag', ['default/sys-diag'])).toBe(true);
    expect(answerMatches('default', ['default/sys-diag'])).toBe(false);
  });
  it('keeps paths and URLs whole', () => {
    expect(answerMatches('docker.sock', ['/var/run/docker.sock'])).toBe(false);
    expect(answerMatches('/var/run/docker.sock', ['/var/run/docker.sock'])).toBe(true);
    expect(answerMatches('x.com', ['https://x.com'])).toBe(false);
  });
  it('never matches an empty answer', () => {
    expect(answerMatches('  ', [''])).toBe(false);
  });
});
