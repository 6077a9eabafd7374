/**
 * Compiled forms of the term operators (`has`, `hasprefix`, `hassuffix` and their `_cs`/negated forms) for a constant
 * needle: one regular expression with term-boundary look-arounds instead of lower-casing every row. A term character
 * is an ASCII letter or digit or any non-ASCII character, as in functions.ts hasTerm.
 */
const TERM_CHAR = 'A-Za-z0-9\\u0080-\\uFFFF';

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

const isTermChar = (ch: string | undefined) => ch !== undefined && new RegExp(`[${TERM_CHAR}]`).test(ch);

export function termMatcher(operator: string, needle: string): ((text: string) => boolean) | undefined {
  const negate = operator.startsWith('!');
  const base = negate ? operator.slice(1) : operator;
  const caseSensitive = base.endsWith('_cs');
  const kind = caseSensitive ? base.slice(0, -3) : base;
  if (kind !== 'has' && kind !== 'hasprefix' && kind !== 'hassuffix') return undefined;
  if (needle === '') return () => !negate;
  const start = kind !== 'hassuffix' && isTermChar(needle[0]) ? `(?<![${TERM_CHAR}])` : '';
  const end = kind !== 'hasprefix' && isTermChar(needle[needle.length - 1]) ? `(?![${TERM_CHAR}])` : '';
  const pattern = new RegExp(start + escape(needle) + end, caseSensitive ? '' : 'i');
  return negate ? (text) => !pattern.test(text) : (text) => pattern.test(text);
}
