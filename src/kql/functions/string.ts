/**
 * Text: case, length, concatenation, substrings, search and replace, trimming, regular expressions, URL and
 * Unicode encodings.
 */
import type { KustoType } from '../types';
import {
  arrayOf,
  convertTo,
  isNull,
  regex,
  type ScalarFunction,
  str,
  toLong,
  toStringValue,
} from './helpers';
import { hasTerm } from './stringPredicates';

function splitString(text: string, delimiter: string): string[] {
  return delimiter === '' ? [text] : text.split(delimiter);
}

// The pattern is compiled alone first, so that RE2's error names what the author wrote.
function trimStart(pattern: string, text: string): string {
  regex(pattern);
  const match = regex(`^(?:${pattern})+`).exec(text);
  return match ? text.slice(match.end) : text;
}

function trimEnd(pattern: string, text: string): string {
  regex(pattern);
  const match = regex(`(?:${pattern})+$`).exec(text);
  return match ? text.slice(0, match.index) : text;
}

function extract(pattern: string, group: number, text: string, type: KustoType): unknown {
  const match = regex(pattern).exec(text);
  if (!match) return type === 'string' ? '' : null;
  const value = match.groups[group];
  if (value === undefined) return type === 'string' ? '' : null;
  return convertTo(value, type);
}

const strcatArray: ScalarFunction = ([array, delimiter]) =>
  (arrayOf(array) ?? []).map((v) => toStringValue(v)).join(str(delimiter));

export const STRING_FUNCTIONS: Record<string, ScalarFunction> = {
  tolower: ([v]) => str(v).toLowerCase(),
  toupper: ([v]) => str(v).toUpperCase(),
  // strings
  strlen: ([v]) => [...str(v)].length,
  strcat: (args, c) => args.map((a, i) => toStringValue(a, c.argTypes[i])).join(''),
  strcat_delim: ([delimiter, ...rest], c) =>
    rest.map((a, i) => toStringValue(a, c.argTypes[i + 1])).join(str(delimiter)),
  strcat_array: strcatArray,
  // The older name Kusto.Language still knows.
  array_strcat: strcatArray,
  substring: ([v, start, length]) => {
    const chars = [...str(v)];
    let from = Number(start ?? 0);
    if (from < 0) from = 0;
    const count = length === undefined || length === null ? chars.length : Number(length);
    return chars.slice(from, from + Math.max(0, count)).join('');
  },
  indexof: ([v, lookup, start, length, occurrence]) => {
    const text = str(v);
    const needle = str(lookup);
    let from = toLong(start) ?? 0;
    if (from < 0) from = Math.max(0, text.length + from);
    if (from > text.length) return -1;
    const count = toLong(length);
    const wanted = toLong(occurrence) ?? 1;
    if (wanted <= 0) return -1;
    // Each search for the next occurrence examines `length` positions from where it starts (one past the previous
    // match), as the docs' indexof("abcdefgabcdefg", "cde", 1, 10, 2) == 9 shows.
    let index = -1;
    for (let n = 0; n < wanted; n++) {
      const end = count === null || count < 0 ? text.length : Math.min(text.length, from + count);
      index = text.indexOf(needle, from);
      if (index < 0 || index + needle.length > end) return -1;
      from = index + 1;
    }
    return index;
  },
  countof: ([v, search, kind]) => {
    const text = str(v);
    const needle = str(search);
    if (needle === '') return 0;
    if (str(kind) === 'regex') {
      let count = 0;
      for (const matches = regex(needle).matchAll(text); !matches.next().done;) count++;
      return count;
    }
    let count = 0;
    let index = text.indexOf(needle);
    while (index >= 0) {
      count++;
      index = text.indexOf(needle, index + needle.length);
    }
    return count;
  },
  split: ([v, delimiter, index]) => {
    const parts = splitString(str(v), str(delimiter));
    if (index === undefined || index === null) return parts;
    const i = Number(index);
    return i >= 0 && i < parts.length ? [parts[i]] : [];
  },
  replace_string: ([v, lookup, rewrite]) =>
    str(lookup) === '' ? str(v) : str(v).split(str(lookup)).join(str(rewrite)),
  replace: ([pattern, rewrite, v]) => regex(str(pattern)).replaceAll(str(v), str(rewrite)),
  replace_regex: ([v, pattern, rewrite]) => regex(str(pattern)).replaceAll(str(v), str(rewrite)),
  trim: ([pattern, v]) => trimEnd(str(pattern), trimStart(str(pattern), str(v))),
  trim_start: ([pattern, v]) => trimStart(str(pattern), str(v)),
  trim_end: ([pattern, v]) => trimEnd(str(pattern), str(v)),
  reverse: ([v], c) => [...toStringValue(v, c.argTypes[0])].reverse().join(''),
  extract: ([pattern, group, v, type], c) =>
    extract(str(pattern), Number(group), str(v), isNull(type) ? 'string' : c.resultType),
  extract_all: ([pattern, groupsOrText, maybeText]) => {
    const text = str(maybeText === undefined ? groupsOrText : maybeText);
    const matches = [...regex(str(pattern)).matchAll(text)].map((match) => match.groups);
    if (matches.length === 0) return null;
    const groups = maybeText === undefined ? null : (arrayOf(groupsOrText) as number[] | null);
    return matches.map((match) => {
      if (groups) return groups.map((g) => match[g] ?? '');
      if (match.length > 2) return match.slice(1).map((g) => g ?? '');
      return match[1] ?? match[0];
    });
  },
  strcmp: ([a, b]) => {
    const x = str(a);
    const y = str(b);
    return x < y ? -1 : x > y ? 1 : 0;
  },
  string_size: ([v]) => new TextEncoder().encode(str(v)).length,
  isascii: ([v]) => [...str(v)].every((ch) => ch.charCodeAt(0) < 128),
  url_decode: ([v]) => {
    try {
      return decodeURIComponent(str(v).replace(/\+/g, ' '));
    } catch {
      return null;
    }
  },
  unicode_codepoints_from_string: ([v]) => [...str(v)].map((ch) => ch.codePointAt(0)),
  make_string: (args) => {
    const points = args.flatMap((a) => (Array.isArray(a) ? a : [a]));
    return String.fromCodePoint(...(points as number[]));
  },
  url_encode: ([v]) =>
    encodeURIComponent(str(v))
      .replace(/%20/g, '+')
      .replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()),
  url_encode_component: ([v]) => encodeURIComponent(str(v)).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()),
  unicode_codepoints_to_string: (args) => {
    const points = args.flatMap((a) => (Array.isArray(a) ? a : [a])).map(Number);
    if (points.some((p) => !Number.isInteger(p) || p < 0 || p > 0x10ffff)) return '';
    return String.fromCodePoint(...points);
  },
  replace_strings: ([text, lookups, rewrites]) => {
    // Every lookup claims its non-overlapping matches in list order; an earlier lookup wins an overlap.
    const from = (arrayOf(lookups) ?? []).map((v) => str(v));
    // A rewrite that is not a string leaves its matches as they are.
    const to = (arrayOf(rewrites) ?? []).map((v, k) => (typeof v === 'string' ? v : from[k]!));
    const source = str(text);
    const claimed: { start: number; end: number; replacement: string }[] = [];
    from.forEach((lookup, k) => {
      if (lookup === '') return;
      let index = source.indexOf(lookup);
      while (index >= 0) {
        const end = index + lookup.length;
        if (!claimed.some((c) => index < c.end && end > c.start)) {
          claimed.push({ start: index, end, replacement: to[k] ?? '' });
          index = source.indexOf(lookup, end);
        } else {
          index = source.indexOf(lookup, index + 1);
        }
      }
    });
    claimed.sort((x, y) => x.start - y.start);
    let result = '';
    let position = 0;
    for (const claim of claimed) {
      result += source.slice(position, claim.start) + claim.replacement;
      position = claim.end;
    }
    return result + source.slice(position);
  },
  has_any_index: ([text, lookups]) => {
    const source = str(text);
    return (arrayOf(lookups) ?? []).findIndex((item) => hasTerm(source, str(item), false));
  },
  regex_quote: ([text]) => str(text).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
  matches_regex: ([text, pattern]) => regex(str(pattern)).test(str(text)),
};
