/**
 * Kusto's string operators (has, contains, startswith, endswith, hasprefix, hassuffix and their negated and
 * case-sensitive forms) as predicates over two strings; `has` matches whole terms.
 */

// ---------- string predicates ----------
const isTermChar = (code: number) =>
  (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code > 127;

function termAt(
  haystack: string,
  needle: string,
  from: number,
  needStart: boolean,
  needEnd: boolean,
): boolean {
  let index = haystack.indexOf(needle, from);
  const checkStart = needStart && needle.length > 0 && isTermChar(needle.charCodeAt(0));
  const checkEnd = needEnd && needle.length > 0 && isTermChar(needle.charCodeAt(needle.length - 1));
  while (index >= 0) {
    const startOk = !checkStart || index === 0 || !isTermChar(haystack.charCodeAt(index - 1));
    const end = index + needle.length;
    const endOk = !checkEnd || end === haystack.length || !isTermChar(haystack.charCodeAt(end));
    if (startOk && endOk) return true;
    index = haystack.indexOf(needle, index + 1);
  }
  return false;
}

/** `has`: whole-term match (the needle's first and last characters must sit on term boundaries). */
export function hasTerm(haystack: string, needle: string, caseSensitive: boolean): boolean {
  if (needle.length === 0) return true;
  return caseSensitive
    ? termAt(haystack, needle, 0, true, true)
    : termAt(haystack.toLowerCase(), needle.toLowerCase(), 0, true, true);
}

function hasPrefix(haystack: string, needle: string, caseSensitive: boolean): boolean {
  return caseSensitive
    ? termAt(haystack, needle, 0, true, false)
    : termAt(haystack.toLowerCase(), needle.toLowerCase(), 0, true, false);
}

function hasSuffix(haystack: string, needle: string, caseSensitive: boolean): boolean {
  return caseSensitive
    ? termAt(haystack, needle, 0, false, true)
    : termAt(haystack.toLowerCase(), needle.toLowerCase(), 0, false, true);
}

export type StringPredicate = (a: string, b: string) => boolean;

const STRING_PREDICATES: Record<string, StringPredicate> = {
  has: (a, b) => hasTerm(a, b, false),
  has_cs: (a, b) => hasTerm(a, b, true),
  hasprefix: (a, b) => hasPrefix(a, b, false),
  hasprefix_cs: (a, b) => hasPrefix(a, b, true),
  hassuffix: (a, b) => hasSuffix(a, b, false),
  hassuffix_cs: (a, b) => hasSuffix(a, b, true),
  contains: (a, b) => a.toLowerCase().includes(b.toLowerCase()),
  contains_cs: (a, b) => a.includes(b),
  startswith: (a, b) => a.toLowerCase().startsWith(b.toLowerCase()),
  startswith_cs: (a, b) => a.startsWith(b),
  endswith: (a, b) => a.toLowerCase().endsWith(b.toLowerCase()),
  endswith_cs: (a, b) => a.endsWith(b),
  '=~': (a, b) => a.toLowerCase() === b.toLowerCase(),
  like: (a, b) => a.includes(b),
};

export function stringPredicate(name: string): StringPredicate | undefined {
  const direct = STRING_PREDICATES[name];
  if (direct) return direct;
  if (name.startsWith('!')) {
    const positive =
      STRING_PREDICATES[name.slice(1)] ?? (name === '!~' ? STRING_PREDICATES['=~'] : undefined);
    if (positive) return (a, b) => !positive(a, b);
  }
  if (name === '!~') return (a, b) => a.toLowerCase() !== b.toLowerCase();
  return undefined;
}
