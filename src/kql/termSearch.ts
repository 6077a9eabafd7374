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

/**
 * The term operator `operator` against a constant `needle` as one regular expression: a text passes when the pattern
 * matches it (or, with `negate`, when it does not). A boolean when the answer needs no text (an empty needle); undefined
 * when `operator` is not a term operator.
 */
export function termPattern(
  operator: string,
  needle: string,
): { readonly pattern: RegExp; readonly negate: boolean } | boolean | undefined {
  const negate = operator.startsWith('!');
  const base = negate ? operator.slice(1) : operator;
  const caseSensitive = base.endsWith('_cs');
  const kind = caseSensitive ? base.slice(0, -3) : base;
  if (kind !== 'has' && kind !== 'hasprefix' && kind !== 'hassuffix') return undefined;
  if (needle === '') return !negate;
  const start = kind !== 'hassuffix' && isTermChar(needle[0]) ? `(?<![${TERM_CHAR}])` : '';
  const end = kind !== 'hasprefix' && isTermChar(needle[needle.length - 1]) ? `(?![${TERM_CHAR}])` : '';
  return { pattern: new RegExp(start + escape(needle) + end, caseSensitive ? '' : 'i'), negate };
}

export function termMatcher(operator: string, needle: string): ((text: string) => boolean) | undefined {
  const term = termPattern(operator, needle);
  if (term === undefined) return undefined;
  if (typeof term === 'boolean') return () => term;
  const { pattern, negate } = term;
  return negate ? (text) => !pattern.test(text) : (text) => pattern.test(text);
}
