import { describe, expect, it } from 'vitest';
import { jsonForHtml } from './jsonForHtml';

const ATTACK = '</script><img src=x onerror=alert(1)>';

describe('jsonForHtml', () => {
  it('leaves no character that can end a script element or open a tag', () => {
    const html = jsonForHtml({ question: ATTACK, note: 'a & b <!-- c -->' });
    expect(html).not.toMatch(/[<>&]/);
    expect(html).toContain('\\u003c/script\\u003e');
  });

  it('escapes the two line separators JavaScript once treated as line ends', () => {
    expect(jsonForHtml('a\u2028b\u2029c')).toBe('"a\\u2028b\\u2029c"');
  });

  it('reads back to the same value', () => {
    const value = { text: ATTACK, list: [1, 'x\u2028y', null], nested: { amp: 'R&D' } };
    expect(JSON.parse(jsonForHtml(value))).toEqual(value);
  });

  it('gives null for undefined, as a JSON document must hold a value', () => {
    expect(jsonForHtml(undefined)).toBe('null');
  });
});
