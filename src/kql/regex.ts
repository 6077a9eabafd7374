/**
 * Kusto's regular expressions are RE2 (https://github.com/google/re2/wiki/Syntax): every regex an author or a query
 * supplies runs through this module, on re2js (a JavaScript port of RE2). RE2 matches in time linear in the input, so a
 * pattern such as `(a+)+$` cannot backtrack exponentially the way a JavaScript RegExp does; its syntax and its error
 * messages are Kusto's (no look-around, no back-references; `(?P<name>…)`, `(?i)`, `(?U)`, `\pL`, `[[:alpha:]]`).
 */
import { RE2JS, type Matcher } from 're2js';

/** A pattern RE2 rejects. The message is RE2's own ("error parsing regexp: missing closing ): `(a`"). */
export class RegexSyntaxError extends Error {
  constructor(
    readonly pattern: string,
    reason: string,
  ) {
    super(`invalid regular expression: ${reason}`);
    this.name = 'RegexSyntaxError';
  }
}

/** One match: `groups[0]` is the whole match, `groups[n]` the nth capture (undefined when it took no part). */
export interface RegexMatch {
  readonly index: number;
  readonly end: number;
  readonly groups: readonly (string | undefined)[];
  readonly named: Readonly<Record<string, string | undefined>>;
}

export interface CompiledRegex {
  readonly source: string;
  /** Number of capture groups (not counting the whole match). */
  readonly groupCount: number;
  test(text: string): boolean;
  /** The leftmost match, or null. */
  exec(text: string): RegexMatch | null;
  /** Every non-overlapping match from left to right (an empty match advances one character). */
  matchAll(text: string): Generator<RegexMatch>;
  /** Replaces every match; `\0` in the rewrite is the whole match and `\1`…`\9` the groups, as Kusto's rewrite. */
  replaceAll(text: string, rewrite: string): string;
}

/** Flags as Kusto writes them (`parse kind=regex flags=Ui`): i, m, s, U. Others are ignored. */
export type RegexFlags = string;

const cache = new Map<string, CompiledRegex>();
const CACHE_LIMIT = 256;

/** Compiles (or reuses) a pattern; throws RegexSyntaxError with RE2's message when RE2 rejects it. */
export function compileRegex(pattern: string, flags: RegexFlags = ''): CompiledRegex {
  const key = flags + '\u0000' + pattern;
  const known = cache.get(key);
  if (known) return known;
  const compiled = build(pattern, flags);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(key, compiled);
  return compiled;
}

/** Escapes text so that it matches itself inside an RE2 pattern. */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

function build(pattern: string, flags: RegexFlags): CompiledRegex {
  const inline = [...new Set(flags.replace(/[^imsU]/g, ''))].join('');
  const source = inline ? `(?${inline})${pattern}` : pattern;
  let re: RE2JS;
  try {
    re = RE2JS.compile(source);
  } catch (error) {
    throw new RegexSyntaxError(pattern, error instanceof Error ? error.message : String(error));
  }
  const groupCount = re.groupCount();
  const names = Object.entries(re.namedGroups());
  const matchOf = (matcher: Matcher): RegexMatch => {
    const groups: (string | undefined)[] = [];
    for (let g = 0; g <= groupCount; g++) groups.push(matcher.group(g) ?? undefined);
    const named: Record<string, string | undefined> = {};
    for (const [name, index] of names) named[name] = groups[index];
    return { index: matcher.start(), end: matcher.end(), groups, named };
  };
  function* matchAll(text: string): Generator<RegexMatch> {
    const matcher = re.matcher(text);
    let from = 0;
    let previousEnd = -1;
    while (from <= text.length && matcher.find(from)) {
      const match = matchOf(matcher);
      const empty = match.end === match.index;
      // As RE2 (and Go): an empty match right after the previous match is not a match of its own.
      if (!(empty && match.index === previousEnd)) yield match;
      previousEnd = match.end;
      from = empty ? match.end + 1 : match.end;
    }
  }
  return {
    source: pattern,
    groupCount,
    test: (text) => re.test(text),
    exec: (text) => {
      const matcher = re.matcher(text);
      return matcher.find() ? matchOf(matcher) : null;
    },
    matchAll,
    replaceAll: (text, rewrite) => {
      let out = '';
      let last = 0;
      for (const match of matchAll(text)) {
        out += text.slice(last, match.index) + expandRewrite(rewrite, match);
        last = match.end;
      }
      return out + text.slice(last);
    },
  };
}

function expandRewrite(rewrite: string, match: RegexMatch): string {
  return rewrite.replace(/\\(\d)/g, (_, digit: string) => match.groups[Number(digit)] ?? '');
}
